-- Which countries stand behind a regional mean, per wave and item.
-- The countries (survey family and study) whose estimates the regional mean of each wave and item
-- averages; `includes_selected_geography` says whether getvariable('geography_id') is among them.
-- Interest in politics: 7 countries in wvs6, 13 in evs_wvs_2017 (Serbia from the WVS sample).
SELECT wave_group, item_id, count(*) AS country_count,
       list(geography_id ORDER BY geography_id) AS countries,
       bool_or(geography_id = getvariable('geography_id')) AS includes_selected_geography
FROM marts.attitude_regional_coverage
GROUP BY wave_group, item_id
ORDER BY item_id, wave_group;
