-- Cross-country ranking by projects.
-- Cross-country ranking by projects (Kazakhstan 249 first, Kyrgyz Republic 165 second: "84 more").
-- All geographies with projects; `is_selected_geography` marks the row of getvariable('geography_id').
SELECT rank_in_region, geography_name, projects, share_of_region_pct, sub_region, rank_in_sub_region,
       geography_id = getvariable('geography_id') AS is_selected_geography
FROM marts.russian_projects_regional_ranking
WHERE projects > 0
ORDER BY rank_in_region, geography_id;
