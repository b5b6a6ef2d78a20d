-- The figures section 3.2 quotes in its text, one row per geography (all 24; zeros and null
-- shares where nothing was coded), in-window mentions only.
with mentions as (
    select * from {{ ref('fct_media_mentions') }} where in_window
),
by_geography as (
    select
        geography_id,
        count(*) as mentions,
        count(*) filter (where actor_scope = 'external') as external_mentions,
        count(*) filter (where actor_scope = 'domestic') as domestic_mentions,
        count(*) filter (where actor_scope = 'domestic' and is_named_actor) as domestic_named_mentions,
        count(*) filter (where actor_scope = 'domestic' and not is_named_actor) as domestic_informal_mentions,
        count(*) filter (where actor_scope = 'domestic' and not is_named_actor and sentiment = 'neutral')
            as domestic_informal_neutral_mentions,
        count(*) filter (where actor_scope = 'domestic' and is_named_actor and sentiment = 'neutral')
            as domestic_named_neutral_mentions,
        count(*) filter (where actor_scope = 'external' and sentiment = 'neutral') as external_neutral_mentions,
        count(*) filter (where sentiment = 'neutral') as neutral_mentions,
        count(distinct actor_id) filter (where actor_scope = 'domestic' and actor_kind = 'named_organization')
            as named_domestic_actors,
        count(distinct actor_id) filter (where actor_scope = 'domestic' and actor_kind = 'informal_group')
            as informal_domestic_groups,
        count(distinct actor_id) filter (where is_named_actor) as organisations_named,
        count(distinct actor_id) filter (where not is_named_actor) as informal_groups,
        count(distinct an) as articles,
        string_agg(distinct outlet_group, ', ' order by outlet_group) as outlet_groups,
        min(publication_date) as first_publication_date,
        max(publication_date) as last_publication_date
    from mentions
    group by geography_id
),
keywords as (
    select geography_id, count(*) as keyword_mentions
    from {{ ref('fct_keyword_mentions') }}
    where in_window
    group by geography_id
),
outside_window as (
    select geography_id, count(*) as mentions_outside_window
    from {{ ref('fct_media_mentions') }}
    where not in_window
    group by geography_id
)
select
    geography.geography_id,
    geography.geography_name,
    coalesce(g.mentions, 0) as mentions,
    coalesce(g.external_mentions, 0) as external_mentions,
    coalesce(g.domestic_mentions, 0) as domestic_mentions,
    round(100.0 * g.external_mentions / nullif(g.mentions, 0), 2) as external_share_pct,
    coalesce(g.domestic_named_mentions, 0) as domestic_named_mentions,
    round(100.0 * g.domestic_named_mentions / nullif(g.domestic_mentions, 0), 2) as domestic_named_share_pct,
    coalesce(g.domestic_named_neutral_mentions, 0) as domestic_named_neutral_mentions,
    coalesce(g.domestic_informal_mentions, 0) as domestic_informal_mentions,
    coalesce(g.domestic_informal_neutral_mentions, 0) as domestic_informal_neutral_mentions,
    round(100.0 * g.domestic_informal_neutral_mentions / nullif(g.domestic_informal_mentions, 0), 2)
        as domestic_informal_neutral_share_pct,
    coalesce(g.named_domestic_actors, 0) as named_domestic_actors,
    coalesce(g.informal_domestic_groups, 0) as informal_domestic_groups,
    coalesce(g.organisations_named, 0) as organisations_named,
    coalesce(g.informal_groups, 0) as informal_groups,
    coalesce(g.external_neutral_mentions, 0) as external_neutral_mentions,
    round(100.0 * g.external_neutral_mentions / nullif(g.external_mentions, 0), 2) as external_neutral_share_pct,
    coalesce(g.neutral_mentions, 0) as neutral_mentions,
    round(100.0 * g.neutral_mentions / nullif(g.mentions, 0), 2) as neutral_share_pct,
    coalesce(g.articles, 0) as articles,
    g.outlet_groups,
    g.first_publication_date,
    g.last_publication_date,
    coalesce(keywords.keyword_mentions, 0) as keyword_mentions,
    coalesce(outside_window.mentions_outside_window, 0) as mentions_outside_window
from {{ ref('dim_geography') }} as geography
left join by_geography as g using (geography_id)
left join keywords using (geography_id)
left join outside_window using (geography_id)
