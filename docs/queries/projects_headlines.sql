-- Section 3.1: the figures of the text, projects, organisations, channels and the regulators' share.
-- Section 3.1, the figures of the text: projects, organisations, channels, the regulators' share
-- ("roughly two percent"), the date range and the rank in the region (Kazakhstan: 249, 150, 34,
-- 5 = 2%, rank 1 of the E&E region).
SELECT projects, organisations, channels, regulator_projects, round(regulator_share_pct) AS regulator_pct,
       first_start_date, last_start_date, rank_in_region, projects_in_region, projects_outside_window
FROM marts.russian_project_headlines
WHERE geography_id = getvariable('geography_id');
