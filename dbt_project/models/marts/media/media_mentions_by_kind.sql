-- Named versus informal actors (the text of section 3.2): per geography, scope and breakdown
-- (`actor_kind` or `actor_category`), the distinct actors, their in-window mentions and the
-- neutral ones. Every breakdown sums to the scope's mentions (mentions without a category are
-- the `actor_category` row with a null value). Geographies without mentions have no rows.
with mentions as (
    select * from {{ ref('fct_media_mentions') }} where in_window
),
vocabulary as (
    select column_name, value, label, sort_order
    from {{ ref('coding_vocabularies') }}
    where column_name in ('actor_kind', 'actor_category')
),
long as (
    select geography_id, actor_scope, 'actor_kind' as breakdown, actor_kind as breakdown_value, actor_id, sentiment
    from mentions
    union all
    select geography_id, actor_scope, 'actor_category', actor_category, actor_id, sentiment
    from mentions
),
counts as (
    select
        geography_id,
        actor_scope,
        breakdown,
        breakdown_value,
        count(distinct actor_id) as actors,
        count(*) as mentions,
        count(*) filter (where sentiment = 'neutral') as neutral_mentions
    from long
    group by all
)
select
    counts.geography_id,
    counts.actor_scope,
    counts.breakdown,
    counts.breakdown_value,
    coalesce(vocabulary.label, 'Not coded') as breakdown_label,
    vocabulary.sort_order as breakdown_sort_order,
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
left join vocabulary
    on vocabulary.column_name = counts.breakdown and vocabulary.value = counts.breakdown_value
