-- One row per respondent with the weight and the wave group its sample belongs to.
select
    r.survey_family,
    r.wave,
    r.study,
    r.geography_id,
    r.respondent_id,
    s.wave_group,
    s.is_selected_sample,
    r.fieldwork_year,
    r.weight,
    r.weight_variable,
    r.country_as_coded,
    r.source_file,
    r.source_row
from {{ ref('stg_survey_microdata__respondents') }} as r
inner join {{ ref('int_survey_samples') }} as s
    on r.survey_family = s.survey_family
    and r.wave = s.wave
    and r.study = s.study
    and r.geography_id = s.geography_id
