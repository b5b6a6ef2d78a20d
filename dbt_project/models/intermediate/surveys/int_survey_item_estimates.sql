-- Weighted share of each outcome of each item, per country and wave group, from the country's
-- selected sample, over the respondents its missing policy keeps in the denominator.
with responses as (
    select * from {{ ref('int_survey_counted_responses') }}
),

outcomes as (
    select distinct outcome_set, outcome from {{ ref('survey_outcomes') }}
),

totals as (
    select
        r.wave_group,
        r.geography_id,
        r.item_id,
        o.outcome,
        count(*) filter (where r.in_denominator) as n_unweighted,
        count(*) filter (where not r.in_denominator) as n_missing_excluded,
        sum(r.weight) filter (where r.in_denominator) as n_weighted,
        sum(r.weight * r.weight) filter (where r.in_denominator) as sum_weight_squared,
        coalesce(
            sum(r.weight) filter (where r.in_denominator and members.category is not null), 0
        ) as weighted_positive
    from responses as r
    inner join outcomes as o
        on r.outcome_set = o.outcome_set
    left join {{ ref('survey_outcomes') }} as members
        on r.outcome_set = members.outcome_set
        and o.outcome = members.outcome
        and r.category = members.category
    group by r.wave_group, r.geography_id, r.item_id, o.outcome
    having count(*) filter (where r.in_denominator) > 0
),

shares as (
    select
        *,
        weighted_positive / n_weighted as estimate,
        n_weighted * n_weighted / sum_weight_squared as n_effective
    from totals
)

select
    wave_group,
    geography_id,
    item_id,
    outcome,
    'weighted_share_wilson' as estimate_method,
    estimate,
    sqrt(estimate * (1 - estimate) / n_effective) as standard_error,
    {{ survey_wilson_bound('estimate', 'n_effective', -1) }} as ci_low,
    {{ survey_wilson_bound('estimate', 'n_effective', 1) }} as ci_high,
    n_unweighted,
    n_weighted,
    n_effective,
    n_missing_excluded
from shares
