-- Every attitude indicator per country and wave group, with its 95% interval, the regional mean
-- of its wave group, and flags for whether the gap to that mean and the change since the previous
-- wave group of the series lie inside the margin of error.
with estimates as (
    select
        e.*,
        g.wave_group_label,
        g.report_wave_label,
        g.period_label,
        g.series,
        g.series_order
    from {{ ref('int_survey_estimates') }} as e
    inner join {{ ref('survey_wave_groups') }} as g
        on e.wave_group = g.wave_group
),

regional as (
    select
        wave_group,
        item_id,
        outcome,
        count(*) as country_count,
        avg(estimate) as mean_estimate,
        sum(standard_error * standard_error) as sum_variance
    from estimates
    group by wave_group, item_id, outcome
),

outcome_labels as (
    select distinct outcome, outcome_label from {{ ref('survey_outcomes') }}
),

compared as (
    select
        e.*,
        r.country_count,
        r.mean_estimate,
        -- var(country - mean of k countries incl. itself) = v_c (1 - 2/k) + sum(v) / k^2
        sqrt(
            e.standard_error ^ 2 * (1 - 2 / r.country_count)
            + r.sum_variance / r.country_count ^ 2
        ) as gap_standard_error,
        prev.wave_group as previous_wave_group,
        prev.estimate as previous_estimate,
        sqrt(e.standard_error ^ 2 + prev.standard_error ^ 2) as change_standard_error
    from estimates as e
    inner join regional as r
        on e.wave_group = r.wave_group
        and e.item_id = r.item_id
        and e.outcome = r.outcome
    left join estimates as prev
        on e.geography_id = prev.geography_id
        and e.item_id = prev.item_id
        and e.outcome = prev.outcome
        and e.series = prev.series
        and e.series_order = prev.series_order + 1
)

select
    c.wave_group,
    c.wave_group_label,
    c.report_wave_label,
    c.period_label,
    c.series,
    c.geography_id,
    geo.geography_name,
    s.survey_family,
    s.study,
    s.first_fieldwork_year,
    s.last_fieldwork_year,
    items.topic,
    c.item_id,
    items.item_label,
    items.item_kind,
    c.outcome,
    coalesce(labels.outcome_label, 'Index (0-100)') as outcome_label,
    c.estimate_method,
    100 * c.estimate as share_pct,
    100 * c.ci_low as ci_low_pct,
    100 * c.ci_high as ci_high_pct,
    100 * {{ survey_z() }} * c.standard_error as margin_of_error_pp,
    c.n_unweighted,
    c.n_weighted,
    c.n_effective,
    c.n_missing_excluded,
    items.missing_policy,
    100 * c.mean_estimate as regional_mean_pct,
    c.country_count as regional_country_count,
    100 * (c.estimate - c.mean_estimate) as gap_to_regional_mean_pp,
    100 * {{ survey_z() }} * c.gap_standard_error as gap_margin_of_error_pp,
    abs(c.estimate - c.mean_estimate) <= {{ survey_z() }} * c.gap_standard_error
        as gap_within_margin,
    c.previous_wave_group,
    100 * (c.estimate - c.previous_estimate) as change_pp,
    100 * {{ survey_z() }} * c.change_standard_error as change_margin_of_error_pp,
    abs(c.estimate - c.previous_estimate) <= {{ survey_z() }} * c.change_standard_error
        as change_within_margin
from compared as c
inner join {{ ref('dim_survey_item') }} as items
    on c.item_id = items.item_id
inner join {{ ref('dim_geography') }} as geo
    on c.geography_id = geo.geography_id
inner join {{ ref('dim_survey_sample') }} as s
    on c.wave_group = s.wave_group
    and c.geography_id = s.geography_id
    and s.is_selected_sample
left join outcome_labels as labels
    on c.outcome = labels.outcome
