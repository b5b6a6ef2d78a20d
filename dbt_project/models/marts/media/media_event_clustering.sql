-- How in-window mentions cluster around political events (seed media/political_events): per
-- geography and event, the mentions published within +/- `media_event_window_days` days of the
-- event date, their share of the geography's in-window mentions and the neutral share among
-- them; plus one row per geography with events, event_id 'all', counting each mention near ANY
-- of its events once (Kazakhstan: 52 of 85 = 61%, 48 of them neutral = 93%). Geographies
-- without events have no rows; events without mentions have zero counts.
with mentions as (
    select * from {{ ref('fct_media_mentions') }} where in_window
),
events as (
    select
        geography_id,
        geography_id || ':' || cast(event_date as varchar) || ':' || event_kind as event_id,
        cast(event_date as date) as event_date,
        event_kind,
        label
    from {{ ref('political_events') }}
),
media_window as (
    select window_start, window_end from {{ ref('barometer_windows') }} where barometer = 'russian_media'
),
near as (
    select events.event_id, events.geography_id, mentions.mention_id, mentions.sentiment
    from events
    join mentions
        on mentions.geography_id = events.geography_id
        and abs(datediff('day', events.event_date, mentions.publication_date)) <= {{ var('media_event_window_days') }}
),
geography_totals as (
    select geography_id, count(*) as geography_mentions from mentions group by geography_id
),
per_event as (
    select
        events.geography_id,
        events.event_id,
        events.event_date,
        events.event_kind,
        events.label,
        false as is_all_events,
        count(near.mention_id) as mentions_near_event,
        count(near.mention_id) filter (where near.sentiment = 'neutral') as neutral_mentions_near_event
    from events
    left join near using (event_id)
    group by all
),
all_events as (
    select
        events.geography_id,
        'all' as event_id,
        cast(null as date) as event_date,
        'all_events' as event_kind,
        'All events together' as label,
        true as is_all_events,
        count(distinct near.mention_id) as mentions_near_event,
        count(distinct near.mention_id) filter (where near.sentiment = 'neutral') as neutral_mentions_near_event
    from (select distinct geography_id from events) as events
    left join near using (geography_id)
    group by all
),
both_levels as (
    select * from per_event
    union all
    select * from all_events
)
select
    both_levels.geography_id,
    both_levels.event_id,
    both_levels.event_date,
    both_levels.event_kind,
    both_levels.label,
    both_levels.is_all_events,
    both_levels.event_date - {{ var('media_event_window_days') }} as event_window_start,
    both_levels.event_date + {{ var('media_event_window_days') }} as event_window_end,
    both_levels.event_date between media_window.window_start and media_window.window_end as event_in_barometer_window,
    both_levels.mentions_near_event,
    both_levels.neutral_mentions_near_event,
    coalesce(geography_totals.geography_mentions, 0) as geography_mentions,
    round(100.0 * both_levels.mentions_near_event / nullif(geography_totals.geography_mentions, 0), 2)
        as share_of_mentions_pct,
    round(100.0 * both_levels.neutral_mentions_near_event / nullif(both_levels.mentions_near_event, 0), 2)
        as neutral_share_pct
from both_levels
cross join media_window
left join geography_totals using (geography_id)
