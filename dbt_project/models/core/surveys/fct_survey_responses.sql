-- One row per respondent and harmonised item: the code as shipped, its harmonised category
-- (null when missing) and the kind of missing, with the respondent's weight and wave group.
select
    r.survey_family,
    r.wave,
    r.study,
    r.geography_id,
    r.respondent_id,
    r.wave_group,
    r.is_selected_sample,
    r.weight,
    a.item_id,
    a.source_variable,
    a.scale_id,
    a.answer_code,
    scales.category,
    a.missing_kind,
    a.source_file,
    a.source_row
from {{ ref('stg_survey_microdata__answers') }} as a
inner join {{ ref('dim_survey_respondent') }} as r
    on a.source_file = r.source_file
    and a.source_row = r.source_row
left join {{ ref('survey_answer_scales') }} as scales
    on a.scale_id = scales.scale_id
    and a.answer_code = scales.code
    and a.missing_kind is null
