-- The countries behind each regional mean: one row per wave group, indicator and country that
-- has an estimate (the country's selected sample).
select distinct
    a.wave_group,
    a.item_id,
    a.geography_id,
    a.geography_name,
    a.survey_family,
    a.study,
    a.first_fieldwork_year,
    a.last_fieldwork_year
from {{ ref('attitude_indicators') }} as a
