-- Rows each accepted survey file holds per country, in the programme or not, as ingested.
select
    source_file,
    survey_family,
    country_as_coded,
    country_code_system,
    iso_alpha3,
    country_name,
    cast(in_programme as boolean) as in_programme,
    geography_id,
    cast(respondent_rows as bigint) as respondent_rows,
    file_hash,
    loaded_at,
    batch_id
from {{ source('survey_microdata', 'survey_file_countries') }}
