-- Mention spikes: one row per window month of a geography with in-window mentions (both scopes
-- together). Rule (dbt vars): a month is a spike when it has at least `media_spike_min_mentions`
-- mentions and at least `media_spike_factor` times its baseline, the geography's mean mentions per
-- month over the OTHER window months (leave-one-out, so a spike does not raise its own bar).
-- Each month carries the geography's nearest political event (seed media/political_events) and
-- its distance in days: 0 when the event falls in the month, negative when the month ends before
-- the event, positive when it starts after; near_event when within `media_event_window_days`.
with months as (
    select geography_id, month, year_month, sum(mentions) as mentions, sum(neutral_mentions) as neutral_mentions
    from {{ ref('media_mentions_by_month') }}
    group by all
),
baselines as (
    select
        *,
        (sum(mentions) over (partition by geography_id) - mentions)
            / nullif(count(*) over (partition by geography_id) - 1, 0) as baseline
    from months
),
events as (
    select geography_id, cast(event_date as date) as event_date, event_kind, label
    from {{ ref('political_events') }}
),
distances as (
    select
        baselines.geography_id,
        baselines.month,
        events.event_date,
        events.event_kind,
        events.label,
        case
            when events.event_date < baselines.month
                then datediff('day', events.event_date, baselines.month)
            when events.event_date > last_day(baselines.month)
                then -datediff('day', last_day(baselines.month), events.event_date)
            else 0
        end as days_from_event
    from baselines
    join events using (geography_id)
),
nearest as (
    select *
    from distances
    qualify row_number() over (
        partition by geography_id, month order by abs(days_from_event), event_date
    ) = 1
)
select
    baselines.geography_id,
    baselines.month,
    baselines.year_month,
    baselines.mentions,
    baselines.neutral_mentions,
    round(baselines.baseline, 3) as baseline,
    round(baselines.mentions / nullif(baselines.baseline, 0), 2) as ratio_to_baseline,
    baselines.mentions >= {{ var('media_spike_min_mentions') }}
        and baselines.mentions >= {{ var('media_spike_factor') }} * baselines.baseline as is_spike,
    nearest.event_date as nearest_event_date,
    nearest.event_kind as nearest_event_kind,
    nearest.label as nearest_event_label,
    nearest.days_from_event as days_from_nearest_event,
    coalesce(abs(nearest.days_from_event) <= {{ var('media_event_window_days') }}, false) as near_event
from baselines
left join nearest using (geography_id, month)
