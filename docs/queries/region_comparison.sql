-- The region at a glance: per geography, recorded restrictions (total and per year of the
-- barometer's window, 2017-01..2021-03 = 4.25 years), interest in politics in the latest survey
-- wave with data (null without survey coverage), Russian state-backed projects and Russian state
-- media mentions. One row per geography of the 24 (the whole-region page of the profiles);
-- `is_selected_geography` marks the row of getvariable('geography_id').
WITH window_years AS (
    SELECT (datediff('month', window_start, window_end) + 1) / 12.0 AS years
    FROM reference.barometer_windows
    WHERE barometer = 'restrictions'
),
interest AS (
    SELECT geography_id,
           arg_max(share_pct, last_fieldwork_year) AS interested_pct,
           arg_max(wave_group_label, last_fieldwork_year) AS interest_wave,
           arg_max(gap_within_margin, last_fieldwork_year) AS interest_gap_within_margin
    FROM marts.political_interest
    GROUP BY geography_id
)
SELECT g.geography_id, g.geography_name, g.geography_kind, g.sub_region,
       coalesce(r.total_events, 0) AS restrictions,
       round(coalesce(r.total_events, 0) / w.years, 1) AS restrictions_per_year,
       round(i.interested_pct, 1) AS interested_in_politics_pct, i.interest_wave,
       i.interest_gap_within_margin,
       coalesce(p.projects, 0) AS russian_projects,
       coalesce(m.mentions, 0) AS russian_media_mentions,
       g.geography_id = getvariable('geography_id') AS is_selected_geography
FROM core.dim_geography AS g
CROSS JOIN window_years AS w
LEFT JOIN marts.restriction_headlines AS r USING (geography_id)
LEFT JOIN interest AS i USING (geography_id)
LEFT JOIN marts.russian_project_headlines AS p USING (geography_id)
LEFT JOIN marts.media_mention_headlines AS m USING (geography_id)
ORDER BY g.geography_kind, g.geography_name;
