-- Every country estimate: item outcomes, respondent-level indices, and estimate_mean composites
-- (e.g. "other community group" = mean of eight membership shares). A composite needs all of its
-- components; its standard error is the mean of the components' (an upper bound whatever their
-- correlation) and its sizes are the smallest component's.
with items as (
    select * from {{ ref('int_survey_item_estimates') }}
),

components as (
    select * from {{ ref('int_survey_composite_components') }}
    where composite_kind = 'estimate_mean'
),

composites as (
    select
        i.wave_group,
        i.geography_id,
        c.composite_id as item_id,
        c.component_outcome as outcome,
        'mean_of_estimates' as estimate_method,
        avg(i.estimate) as estimate,
        avg(i.standard_error) as standard_error,
        min(i.n_unweighted) as n_unweighted,
        min(i.n_weighted) as n_weighted,
        min(i.n_effective) as n_effective,
        max(i.n_missing_excluded) as n_missing_excluded
    from items as i
    inner join components as c
        on i.item_id = c.component_item_id
        and i.outcome = c.component_outcome
    group by i.wave_group, i.geography_id, c.composite_id, c.component_outcome
    having count(*) = any_value(c.n_components)
)

select * from items
union all by name
select * from {{ ref('int_survey_index_estimates') }}
union all by name
select
    *,
    greatest(estimate - {{ survey_z() }} * standard_error, 0) as ci_low,
    least(estimate + {{ survey_z() }} * standard_error, 1) as ci_high
from composites
