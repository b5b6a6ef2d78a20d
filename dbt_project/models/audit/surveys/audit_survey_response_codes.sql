-- Gate suite surveys_core_responses: one row per scale, source variable and substantive answer
-- code of the fact, naming the code (with an example file and row) when its scale does not
-- declare it in survey_answer_scales as built.
select
    r.scale_id,
    r.source_variable,
    r.answer_code,
    count(*) as answers,
    case
        when s.code is null
            then r.scale_id || ' code ' || coalesce(cast(r.answer_code as varchar), 'null')
                || ' in ' || r.source_variable || ' (' || count(*) || ' answers, e.g. '
                || min(r.source_file || ' row ' || r.source_row) || ')'
    end as code_outside_scale
from {{ ref('fct_survey_responses') }} as r
left join {{ ref('survey_answer_scales') }} as s
    on r.scale_id = s.scale_id and r.answer_code = s.code and s.missing_kind is null
where r.missing_kind is null
group by r.scale_id, r.source_variable, r.answer_code, s.code
