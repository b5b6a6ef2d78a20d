-- The countries every regional mean must average, from seeds only (never from the estimates):
-- the countries surveyed in each wave group (survey_expected_coverage, with the study of the
-- sample expected to feed each) x the items that study's samples ask in that wave group (the
-- survey_variables crosswalk of the families survey_waves registers to it), plus every composite
-- whose components are all asked. The gate compares attitude_regional_coverage with this table.
with asked as (
    select distinct
        waves.wave_group,
        waves.study,
        crosswalk.item_id
    from {{ ref('survey_waves') }} as waves
    inner join {{ ref('survey_variables') }} as crosswalk
        on waves.survey_family = crosswalk.survey_family
        and coalesce(crosswalk.wave, waves.wave) = waves.wave
        and coalesce(crosswalk.study, waves.study) = waves.study
),

composites as (
    select
        asked.wave_group,
        asked.study,
        components.composite_id as item_id
    from asked
    inner join {{ ref('int_survey_composite_components') }} as components
        on asked.item_id = components.component_item_id
    group by asked.wave_group, asked.study, components.composite_id
    having count(distinct asked.item_id) = any_value(components.n_components)
),

items as (
    select * from asked
    union
    select * from composites
)

select
    expected.wave_group,
    items.item_id,
    expected.geography_id,
    expected.study,
    expected.coverage_note
from {{ ref('survey_expected_coverage') }} as expected
inner join items
    on expected.wave_group = items.wave_group
    and expected.study = items.study
