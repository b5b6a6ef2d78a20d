-- Gate suite surveys_raw_answers: the distinct item, scale and missing kind combinations of the
-- ingested answers.
select distinct
    item_id,
    scale_id,
    missing_kind
from {{ source('survey_microdata', 'survey_answers') }}
