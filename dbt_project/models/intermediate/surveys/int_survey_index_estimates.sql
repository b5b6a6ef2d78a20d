-- Respondent-level indices (survey_composites of kind respondent_mean, e.g. the Gallup Civic
-- Engagement Index): each respondent scores the share of components answered positively, the
-- country value is the weighted mean score. A respondent enters only when every component is in
-- the denominator under its item's missing policy (Gallup: don't know / refused count as "no").
with components as (
    select * from {{ ref('int_survey_composite_components') }}
    where composite_kind = 'respondent_mean'
),

scored as (
    select
        r.wave_group,
        r.geography_id,
        c.composite_id,
        any_value(r.weight) as weight,
        any_value(c.n_components) as n_components,
        count(*) filter (where r.in_denominator) as n_counted,
        count(members.category) / any_value(c.n_components) as score
    from {{ ref('int_survey_counted_responses') }} as r
    inner join components as c
        on r.item_id = c.component_item_id
    left join {{ ref('survey_outcomes') }} as members
        on r.outcome_set = members.outcome_set
        and c.component_outcome = members.outcome
        and r.category = members.category
    group by r.wave_group, r.geography_id, r.source_file, r.source_row, c.composite_id
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
