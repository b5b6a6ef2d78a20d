-- Figure 13: projects per place with admin1 and coordinates.
-- Figure 13: projects per place with admin1 and coordinates (Oral 81 = 33%, Nur-Sultan 58 = 23%,
-- Almaty 51 = 20%). A project in two places counts for both.
SELECT name, admin1, latitude, longitude, project_count, round(share_pct) AS pct_of_projects
FROM marts.russian_project_places
WHERE geography_id = getvariable('geography_id')
ORDER BY project_count DESC, name;
