-- Gate suite surveys_core_samples: one row per sample of the respondent dimension with its
-- fieldwork years, named when they fall outside the citizen-attitudes window.
select
    r.survey_family,
    r.wave,
    r.study,
    r.geography_id,
    r.wave_group,
    min(r.fieldwork_year) as first_year,
    max(r.fieldwork_year) as last_year,
    case
        when min(r.fieldwork_year) < year(any_value(w.window_start))
            or max(r.fieldwork_year) > year(any_value(w.window_end))
            then r.survey_family || '/' || r.wave || '/' || r.geography_id
                || ' fieldwork ' || min(r.fieldwork_year) || '-' || max(r.fieldwork_year)
    end as sample_outside_window
from {{ ref('dim_survey_respondent') }} as r
cross join (
    select * from {{ ref('barometer_windows') }} where barometer = 'citizen_attitudes'
) as w
group by r.survey_family, r.wave, r.study, r.geography_id, r.wave_group
