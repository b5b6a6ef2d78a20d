-- Country samples and which one feeds the estimates of each country and wave group.
select
    survey_family,
    wave,
    study,
    geography_id,
    wave_group,
    precedence,
    precedence_reason,
    is_selected_sample,
    n_respondents,
    first_fieldwork_year,
    last_fieldwork_year,
    source_files
from {{ ref('int_survey_samples') }}
