-- Table 1: the four barometers, their windows and this geography's actual coverage.
-- One row per barometer of seed reference.barometer_windows: the window, the first and last dated
-- record of the geography (restriction events by event date, projects by start date, actor
-- mentions by article publication date; survey fieldwork years for citizen attitudes), the
-- records in the window and outside it (respondents of the selected samples for surveys), and the
-- survey waves present. Kazakhstan: 706 restriction events in 2017-01..2021-03 (3 outside).
WITH coverage AS (
    SELECT 'restrictions' AS barometer, 'events' AS record_unit,
           min(event_date) AS first_record, max(event_date) AS last_record,
           year(min(event_date)) AS first_year, year(max(event_date)) AS last_year,
           count(*) FILTER (WHERE is_in_window) AS records_in_window,
           count(*) FILTER (WHERE NOT is_in_window) AS records_outside_window,
           CAST(NULL AS VARCHAR[]) AS survey_waves
    FROM core.fct_restriction_events
    WHERE geography_id = getvariable('geography_id')
    UNION ALL
    SELECT 'citizen_attitudes', 'respondents', NULL, NULL,
           min(r.fieldwork_year), max(r.fieldwork_year),
           count(*) FILTER (WHERE r.fieldwork_year BETWEEN year(w.window_start) AND year(w.window_end)),
           count(*) FILTER (WHERE NOT r.fieldwork_year BETWEEN year(w.window_start) AND year(w.window_end)),
           list(DISTINCT r.wave_group ORDER BY r.wave_group)
    FROM core.dim_survey_respondent AS r
    JOIN reference.barometer_windows AS w ON w.barometer = 'citizen_attitudes'
    WHERE r.geography_id = getvariable('geography_id') AND r.is_selected_sample
    UNION ALL
    SELECT 'russian_projects', 'projects', min(start_date), max(start_date),
           year(min(start_date)), year(max(start_date)),
           count(*) FILTER (WHERE in_window), count(*) FILTER (WHERE NOT in_window), NULL
    FROM core.fct_russian_projects
    WHERE geography_id = getvariable('geography_id')
    UNION ALL
    SELECT 'russian_media', 'actor mentions', min(publication_date), max(publication_date),
           year(min(publication_date)), year(max(publication_date)),
           count(*) FILTER (WHERE in_window), count(*) FILTER (WHERE NOT in_window), NULL
    FROM core.fct_media_mentions
    WHERE geography_id = getvariable('geography_id')
)
SELECT w.barometer, w.description, w.window_start, w.window_end, c.record_unit,
       c.first_record, c.last_record, c.first_year, c.last_year,
       coalesce(c.records_in_window, 0) AS records_in_window,
       coalesce(c.records_outside_window, 0) AS records_outside_window,
       c.survey_waves
FROM reference.barometer_windows AS w
LEFT JOIN coverage AS c USING (barometer)
-- the report's order: section 2.1, 2.2, 3.1, 3.2
ORDER BY list_position(['restrictions', 'citizen_attitudes', 'russian_projects', 'russian_media'], w.barometer),
         w.barometer;
