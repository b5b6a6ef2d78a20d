-- Everyday question: which release am I reading, and how recent is the geography's data in it?
-- One row: the current release (the latest of `metadata.releases`: id, publication time in UTC,
-- code version, gate checks passed, releases in its history) and, for the selected geography,
-- the in-window records of each barometer with the latest one (restriction event date, project
-- start date, publication date of the article behind a media mention, last survey fieldwork
-- year). Kazakhstan on the sample: 706 restriction events, 249 projects, 85 media mentions.
WITH current_release AS (
    SELECT release_id, published_at, code_version, checks_passed,
           count(*) OVER () AS releases_in_history
    FROM metadata.releases
    QUALIFY row_number() OVER (ORDER BY published_at DESC) = 1
),
geography AS (
    SELECT geography_id, geography_name
    FROM core.dim_geography
    WHERE geography_id = getvariable('geography_id')
),
restrictions AS (
    SELECT count(*) AS restriction_events, max(event_date) AS latest_restriction_event
    FROM core.fct_restriction_events
    WHERE geography_id = getvariable('geography_id') AND is_in_window
),
projects AS (
    SELECT count(*) AS russian_projects, max(start_date) AS latest_project_start
    FROM core.fct_russian_projects
    WHERE geography_id = getvariable('geography_id') AND in_window
),
media AS (
    SELECT count(*) AS media_mentions, max(publication_date) AS latest_media_article
    FROM core.fct_media_mentions
    WHERE geography_id = getvariable('geography_id') AND in_window
),
surveys AS (
    SELECT count(DISTINCT wave_group) AS survey_wave_groups,
           max(last_fieldwork_year) AS latest_survey_fieldwork_year
    FROM core.dim_survey_sample
    WHERE geography_id = getvariable('geography_id') AND is_selected_sample
)
SELECT r.release_id, r.published_at, r.code_version, r.checks_passed, r.releases_in_history,
       g.geography_id, g.geography_name,
       restrictions.restriction_events, restrictions.latest_restriction_event,
       projects.russian_projects, projects.latest_project_start,
       media.media_mentions, media.latest_media_article,
       surveys.survey_wave_groups, surveys.latest_survey_fieldwork_year
FROM current_release AS r, geography AS g, restrictions, projects, media, surveys;
