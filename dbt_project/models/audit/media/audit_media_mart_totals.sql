-- Gate suite media_marts_reconciliation: per geography (all 24), the in-window mention and
-- keyword-mention totals of the facts beside those each media mart implies.
with fact as (
    select
        geography_id,
        count(*) as mentions,
        count(*) filter (where actor_scope = 'domestic') as domestic_mentions,
        count(*) filter (where actor_scope = 'external') as external_mentions
    from {{ ref('fct_media_mentions') }}
    where in_window
    group by all
),
keyword_fact as (
    select geography_id, count(*) as keyword_mentions
    from {{ ref('fct_keyword_mentions') }}
    where in_window
    group by all
),
table_6 as (
    select geography_id, sum(total) as total,
           sum(extremely_negative + somewhat_negative + neutral + somewhat_positive + extremely_positive) as cells
    from {{ ref('media_domestic_actor_sentiment') }} group by all
),
table_7 as (
    select geography_id, sum(total) as total,
           sum(extremely_negative + somewhat_negative + neutral + somewhat_positive + extremely_positive) as cells
    from {{ ref('media_external_actor_sentiment') }} group by all
),
table_8 as (
    select geography_id, sum(total) as total,
           sum(extremely_negative + somewhat_negative + neutral + somewhat_positive + extremely_positive) as cells
    from {{ ref('media_keyword_sentiment') }} group by all
),
by_month as (
    select geography_id, sum(mentions) as mentions from {{ ref('media_mentions_by_month') }} group by all
),
by_kind as (
    select
        geography_id,
        sum(mentions) filter (where breakdown = 'kind') as kind_mentions,
        sum(mentions) filter (where breakdown = 'category') as category_mentions
    from {{ ref('media_mentions_by_kind') }}
    group by all
),
spikes as (
    select geography_id, sum(mentions) as mentions from {{ ref('media_mention_spikes') }} group by all
),
tone as (
    select geography_id, mention_count
    from {{ ref('media_tone') }}
    where population = 'actor_mentions' and dimension = 'geography'
),
clustering as (
    select geography_id, max(mentions_near_event) filter (where is_all_events) as all_events_mentions,
           max(mentions_near_event) filter (where not is_all_events) as largest_event_mentions,
           sum(mentions_near_event) filter (where not is_all_events) as summed_event_mentions
    from {{ ref('media_event_clustering') }}
    group by all
),
quality as (
    select geography_id, mentions_in_window, keyword_mentions_in_window from {{ ref('media_data_quality') }}
)
select
    h.geography_id,
    coalesce(fact.mentions, 0) as fact_mentions,
    h.mentions as headline_mentions,
    coalesce(fact.domestic_mentions, 0) as fact_domestic_mentions,
    coalesce(table_6.total, 0) as table_6_total,
    coalesce(table_6.cells, 0) as table_6_cells,
    coalesce(fact.external_mentions, 0) as fact_external_mentions,
    coalesce(table_7.total, 0) as table_7_total,
    coalesce(table_7.cells, 0) as table_7_cells,
    coalesce(keyword_fact.keyword_mentions, 0) as fact_keyword_mentions,
    coalesce(table_8.total, 0) as table_8_total,
    coalesce(table_8.cells, 0) as table_8_cells,
    coalesce(by_month.mentions, 0) as by_month_mentions,
    coalesce(by_kind.kind_mentions, 0) as by_kind_mentions,
    coalesce(by_kind.category_mentions, 0) as by_category_mentions,
    coalesce(spikes.mentions, 0) as spike_mentions,
    coalesce(tone.mention_count, 0) as tone_mentions,
    coalesce(quality.mentions_in_window, 0) as quality_mentions,
    coalesce(quality.keyword_mentions_in_window, 0) as quality_keyword_mentions,
    coalesce(clustering.all_events_mentions, 0) <= h.mentions as clustering_within_mentions,
    coalesce(clustering.largest_event_mentions, 0) <= coalesce(clustering.all_events_mentions, 0)
        and coalesce(clustering.all_events_mentions, 0) <= coalesce(clustering.summed_event_mentions, 0)
        as clustering_all_events_bounded,
    h.external_mentions + h.domestic_mentions = h.mentions as scopes_exhaustive
from {{ ref('media_mention_headlines') }} as h
left join fact using (geography_id)
left join keyword_fact using (geography_id)
left join table_6 using (geography_id)
left join table_7 using (geography_id)
left join table_8 using (geography_id)
left join by_month using (geography_id)
left join by_kind using (geography_id)
left join spikes using (geography_id)
left join tone using (geography_id)
left join clustering using (geography_id)
left join quality using (geography_id)
