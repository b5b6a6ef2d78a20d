-- Figure 10: Gallup Civic Engagement Index per year, with the 2010-2020 averages of the text.
-- One row per survey year (period = the year), then one row period "2010-2020" (survey_year null,
-- is_average) with the means of the yearly values quoted in the text. Index and its regional
-- mean, and its three components (donated, volunteered, helped a stranger) with theirs.
-- Kazakhstan 2010-2020: index 28 (region 29), donated 24, volunteered 18, helped 40.
SELECT period, survey_year, is_average, index_score, index_region, regional_country_count,
       donated, volunteered, helped_stranger, donated_region, volunteered_region, helped_stranger_region
FROM (
    SELECT CAST(survey_year AS VARCHAR) AS period, survey_year, false AS is_average,
           round(index_score, 1) AS index_score, round(index_regional_mean, 1) AS index_region,
           regional_country_count, round(donated_pct) AS donated,
           round(volunteered_pct) AS volunteered, round(helped_stranger_pct) AS helped_stranger,
           round(donated_regional_mean_pct) AS donated_region,
           round(volunteered_regional_mean_pct) AS volunteered_region,
           round(helped_stranger_regional_mean_pct) AS helped_stranger_region
    FROM marts.civic_engagement_index
    WHERE geography_id = getvariable('geography_id')
    UNION ALL
    SELECT '2010-2020', NULL, true, round(avg(index_score)), round(avg(index_regional_mean)), NULL,
           round(avg(donated_pct)), round(avg(volunteered_pct)), round(avg(helped_stranger_pct)),
           round(avg(donated_regional_mean_pct)), round(avg(volunteered_regional_mean_pct)),
           round(avg(helped_stranger_regional_mean_pct))
    FROM marts.civic_engagement_index
    WHERE geography_id = getvariable('geography_id') AND survey_year BETWEEN 2010 AND 2020
    HAVING count(*) > 0
)
ORDER BY is_average, survey_year;
