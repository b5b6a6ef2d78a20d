-- One row per respondent and harmonised item, codes as shipped.
select
    source_file,
    cast(source_row as integer) as source_row,
    item_id,
    source_variable,
    scale_id,
    cast(answer_code as integer) as answer_code,
    missing_kind
from {{ source('survey_microdata', 'survey_answers') }}
