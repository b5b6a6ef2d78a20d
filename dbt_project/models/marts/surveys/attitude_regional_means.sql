-- Regional mean per wave group and indicator: the unweighted mean of the countries' weighted
-- estimates (each country counts once; the report annex's "weighted averages from the seven
-- countries" - weighted within countries, not pooled) over exactly the countries surveyed in that
-- wave group (attitude_regional_coverage, held by the gate to survey_expected_coverage), with its
-- 95% margin (countries as independent samples) and the change since the previous wave group.
with means as (
    select
        wave_group,
        any_value(wave_group_label) as wave_group_label,
        any_value(report_wave_label) as report_wave_label,
        any_value(period_label) as period_label,
        any_value(series) as series,
        any_value(topic) as topic,
        item_id,
        any_value(item_label) as item_label,
        outcome,
        any_value(outcome_label) as outcome_label,
        avg(share_pct) as regional_mean_pct,
        count(*) as country_count,
        string_agg(geography_id, ', ' order by geography_id) as countries,
        sqrt(sum((margin_of_error_pp / {{ survey_z() }}) ^ 2)) / count(*) as standard_error_pp
    from {{ ref('attitude_indicators') }}
    group by wave_group, item_id, outcome
),

ordered as (
    select means.*, g.series_order
    from means
    inner join {{ ref('survey_wave_groups') }} as g
        on means.wave_group = g.wave_group
)

select
    o.wave_group,
    o.wave_group_label,
    o.report_wave_label,
    o.period_label,
    o.series,
    o.topic,
    o.item_id,
    o.item_label,
    o.outcome,
    o.outcome_label,
    o.regional_mean_pct,
    {{ survey_z() }} * o.standard_error_pp as margin_of_error_pp,
    o.country_count,
    o.countries,
    prev.wave_group as previous_wave_group,
    o.regional_mean_pct - prev.regional_mean_pct as change_pp,
    {{ survey_z() }} * sqrt(o.standard_error_pp ^ 2 + prev.standard_error_pp ^ 2)
        as change_margin_of_error_pp,
    abs(o.regional_mean_pct - prev.regional_mean_pct)
    <= {{ survey_z() }} * sqrt(o.standard_error_pp ^ 2 + prev.standard_error_pp ^ 2)
        as change_within_margin
from ordered as o
left join ordered as prev
    on o.series = prev.series
    and o.item_id = prev.item_id
    and o.outcome = prev.outcome
    and o.series_order = prev.series_order + 1
