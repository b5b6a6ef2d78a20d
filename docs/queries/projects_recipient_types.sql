-- Recipients by type: projects naming at least one organisation of the type.
-- Recipients by type: projects naming at least one organisation of the type (CSO/NGO 229 of 249,
-- 92%). A project can name several types, so the percentages add up to more than 100.
SELECT org_type_label, project_count, org_count, round(share_pct) AS pct_of_projects
FROM marts.russian_project_recipient_types
WHERE geography_id = getvariable('geography_id')
ORDER BY org_type_sort_order;
