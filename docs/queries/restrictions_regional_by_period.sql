-- Table 2 for the whole region and each sub-region, by restriction type and report period.
-- Regional rows (all 17 countries, territories excluded) and sub-region rows; one column per
-- report period. `includes_selected_geography` marks the region and sub-region that contain
-- getvariable('geography_id') (a territory belongs to neither).
PIVOT (
    SELECT r.region_level, r.region_name, r.restriction_type, r.report_period, r.event_count,
           coalesce(
               (r.region_level = 'region' AND g.is_country)
               OR (r.region_level = 'sub_region' AND g.is_country AND r.region_name = g.sub_region),
               false
           ) AS includes_selected_geography
    FROM marts.regional_restrictions_by_period AS r
    LEFT JOIN core.dim_geography AS g ON g.geography_id = getvariable('geography_id')
    WHERE r.region_level IN ('region', 'sub_region')
) ON report_period USING CAST(sum(event_count) AS BIGINT)
ORDER BY region_level, region_name, restriction_type;
