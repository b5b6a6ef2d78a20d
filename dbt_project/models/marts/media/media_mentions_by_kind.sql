-- Named versus informal actors (the text of section 3.2): per geography and scope, distinct
-- actors, in-window mentions and neutral ones by actor kind (breakdown `kind`), by category
-- (`category`) and by kind and category together (`kind_category`: "9 mentions of 7 named
-- actors, media organisations 5 mentions, community organisations 3"). Each breakdown of a scope
-- sums to the scope's mentions; a mention without a category counts under a null category
-- (label "Not coded"). Geographies without mentions have no rows.
with mentions as (
    select * from {{ ref('fct_media_mentions') }} where in_window
),
kinds as (
    select value, label, sort_order from {{ ref('coding_vocabularies') }} where column_name = 'actor_kind'
),
categories as (
    select value, label, sort_order from {{ ref('coding_vocabularies') }} where column_name = 'actor_category'
),
counts as (
    select
        geography_id,
        actor_scope,
        case
            when grouping(actor_category) = 1 then 'kind'
            when grouping(actor_kind) = 1 then 'category'
            else 'kind_category'
        end as breakdown,
        actor_kind,
        actor_category,
        count(distinct actor_id) as actors,
        count(*) as mentions,
        count(*) filter (where sentiment = 'neutral') as neutral_mentions
    from mentions
    group by grouping sets (
        (geography_id, actor_scope, actor_kind),
        (geography_id, actor_scope, actor_category),
        (geography_id, actor_scope, actor_kind, actor_category)
    )
)
select
    counts.geography_id,
    counts.actor_scope,
    counts.breakdown,
    counts.actor_kind,
    kinds.label as actor_kind_label,
    kinds.sort_order as actor_kind_sort_order,
    counts.actor_category,
    case
        when counts.breakdown = 'kind' then null
        else coalesce(categories.label, 'Not coded')
    end as actor_category_label,
    categories.sort_order as actor_category_sort_order,
    counts.actors,
    counts.mentions,
    counts.neutral_mentions,
    round(100.0 * counts.neutral_mentions / counts.mentions, 2) as neutral_share_pct,
    round(
        100.0 * counts.mentions
        / sum(counts.mentions) over (partition by counts.geography_id, counts.actor_scope, counts.breakdown),
        2
    ) as share_of_scope_pct
from counts
left join kinds on kinds.value = counts.actor_kind
left join categories on categories.value = counts.actor_category
