-- Respondent-level indices (survey_composites of kind respondent_mean, e.g. the Gallup Civic
-- Engagement Index): each respondent scores the share of components answered positively, the
-- country value is the weighted mean score. A respondent enters only when every component is in
-- the denominator under its item's missing policy (Gallup: don't know / refused count as "no").
with components as (
    select
        composite_id,
        component_item_id,
        component_outcome,
        count(*) over (partition by composite_id) as n_components
    from {{ ref('survey_composites') }}
    where composite_kind = 'respondent_mean'
),

scored as (
    select
        f.wave_group,
        f.geography_id,
        c.composite_id,
        any_value(f.weight) as weight,
        any_value(c.n_components) as n_components,
        count(*) filter (
            where f.missing_kind is null or coalesce(policies.treatment = 'count_as_no', false)
        ) as n_counted,
        count(members.category) / any_value(c.n_components) as score
    from {{ ref('fct_survey_responses') }} as f
    inner join components as c
        on f.item_id = c.component_item_id
    inner join {{ ref('survey_items') }} as items
        on f.item_id = items.item_id
    left join {{ ref('survey_missing_policies') }} as policies
        on items.missing_policy = policies.missing_policy
        and f.missing_kind = policies.missing_kind
    left join {{ ref('survey_outcomes') }} as members
        on items.outcome_set = members.outcome_set
        and c.component_outcome = members.outcome
        and f.category = members.category
    where f.is_selected_sample
    group by f.wave_group, f.geography_id, f.source_file, f.source_row, c.composite_id
),

means as (
    select
        wave_group,
        geography_id,
        composite_id as item_id,
        count(*) filter (where n_counted = n_components) as n_unweighted,
        count(*) filter (where n_counted < n_components) as n_missing_excluded,
        sum(weight) filter (where n_counted = n_components) as n_weighted,
        sum(weight * weight) filter (where n_counted = n_components) as sum_weight_squared,
        sum(weight * score) filter (where n_counted = n_components) as weighted_score,
        sum(weight * score * score) filter (where n_counted = n_components) as weighted_score_squared
    from scored
    group by wave_group, geography_id, composite_id
    having count(*) filter (where n_counted = n_components) > 0
),

estimated as (
    select
        *,
        weighted_score / n_weighted as estimate,
        n_weighted * n_weighted / sum_weight_squared as n_effective,
        greatest(weighted_score_squared / n_weighted - (weighted_score / n_weighted) ^ 2, 0)
            as score_variance
    from means
)

select
    wave_group,
    geography_id,
    item_id,
    'index' as outcome,
    'weighted_mean_normal' as estimate_method,
    estimate,
    sqrt(score_variance / n_effective) as standard_error,
    greatest(estimate - {{ survey_z() }} * sqrt(score_variance / n_effective), 0) as ci_low,
    least(estimate + {{ survey_z() }} * sqrt(score_variance / n_effective), 1) as ci_high,
    n_unweighted,
    n_weighted,
    n_effective,
    n_missing_excluded
from estimated
