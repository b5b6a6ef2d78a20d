-- Figure 11: projects per year, civic actors versus regulators (institutional development).
PIVOT (
    SELECT year, beneficiary_kind_label, project_count
    FROM marts.russian_projects_by_year
    WHERE geography_id = getvariable('geography_id')
) ON beneficiary_kind_label USING sum(project_count)
ORDER BY year;
