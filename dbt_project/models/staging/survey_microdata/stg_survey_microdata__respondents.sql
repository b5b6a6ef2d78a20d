-- One row per respondent, as ingested.
select
    survey_family,
    wave,
    study,
    geography_id,
    respondent_id,
    country_as_coded,
    cast(fieldwork_year as integer) as fieldwork_year,
    cast(weight as double) as weight,
    weight_variable,
    source_file,
    cast(source_row as integer) as source_row,
    file_hash,
    batch_id
from {{ source('survey_microdata', 'survey_respondents') }}
