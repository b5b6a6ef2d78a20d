-- Published: per accepted survey file and country code, how many rows the file holds and whether
-- the country is in the programme (only programme countries' respondents are loaded).
select
    source_file as landing_file,
    survey_family,
    country_as_coded,
    country_code_system,
    iso_alpha3,
    country_name,
    in_programme,
    geography_id,
    respondent_rows,
    case when in_programme then respondent_rows else 0 end as respondents_loaded,
    file_hash,
    loaded_at
from {{ ref('stg_survey_microdata__file_countries') }}
