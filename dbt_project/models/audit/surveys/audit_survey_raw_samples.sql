-- Gate suite surveys_raw_respondents: one row per ingested country sample, naming it when a
-- weight is not positive and finite or a respondent id repeats.
select
    survey_family,
    wave,
    study,
    geography_id,
    count(*) as respondents,
    count(distinct respondent_id) as distinct_respondents,
    min(weight) as min_weight,
    case
        when bool_and(isfinite(weight) and weight > 0) then null
        else survey_family || '/' || wave || '/' || study || '/' || geography_id
    end as sample_with_bad_weight,
    case
        when count(*) <> count(distinct respondent_id)
            then survey_family || '/' || wave || '/' || study || '/' || geography_id
    end as sample_with_duplicate_respondents
from {{ source('survey_microdata', 'survey_respondents') }}
group by survey_family, wave, study, geography_id
