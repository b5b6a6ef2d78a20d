-- One row per coded restriction, in or out of the barometer window: out-of-window rows are kept
-- and flagged here against the `barometer_windows` seed (the one place the window is derived);
-- marts count only in-window events.
with events as (
    select * from {{ ref('stg_coding_sheets__restriction_events') }}
),
restriction_window as (
    select window_start, window_end
    from {{ ref('barometer_windows') }}
    where barometer = 'restrictions'
),
target_counts as (
    select event_id, count(*) as target_group_count
    from {{ ref('int_restriction_event_targets') }}
    group by event_id
),
initiator_counts as (
    select event_id, count(*) as initiator_count
    from {{ ref('int_restriction_event_initiators') }}
    group by event_id
)
select
    events.event_id,
    events.geography_id,
    events.event_date,
    events.event_date_precision,
    year(events.event_date) as event_year,
    quarter(events.event_date) as event_quarter,
    case when events.event_date between restriction_window.window_start and restriction_window.window_end
        then {{ report_period('events.event_date', 'restriction_window.window_end') }}
    end as report_period,
    events.event_date between restriction_window.window_start and restriction_window.window_end
        as is_in_window,
    events.restriction_type,
    events.harm,
    events.status,
    events.charge_link,
    target_counts.target_group_count,
    initiator_counts.initiator_count,
    events.initiator_country,
    events.summary,
    events.source_type,
    events.source_ref,
    events.source_file,
    events.source_row,
    events.file_hash,
    events.loaded_at
from events
cross join restriction_window
left join target_counts using (event_id)
left join initiator_counts using (event_id)
