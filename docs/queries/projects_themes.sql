-- Themes: projects per theme.
-- Themes: projects per theme (youth 73 = 29%, WWII 30 = 12%, religion 18 = 7%). Not exclusive.
SELECT theme_label, project_count, round(share_pct) AS pct_of_projects
FROM marts.russian_project_themes
WHERE geography_id = getvariable('geography_id') AND project_count > 0
ORDER BY project_count DESC, theme_sort_order;
