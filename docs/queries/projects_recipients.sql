-- Recipients by organisation, after the grouping rule.
-- Recipients by organisation, after the grouping rule (Old Oral Museum 40, Russian Cultural
-- Center 28, Yesenzhanov library 15; "Other CSO/NGO" and the other folded groups).
SELECT recipient_label, org_type, member_count, project_count, round(share_of_projects_pct) AS pct_of_projects
FROM marts.russian_project_recipients
WHERE geography_id = getvariable('geography_id')
ORDER BY is_folded_group, project_count DESC, recipient_label;
