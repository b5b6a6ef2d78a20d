-- Table 2 and Figure 1: restrictions per geography, type and quarter of the window, zeros included.
with restriction_window as (
    select window_start, window_end from {{ ref('barometer_windows') }}
    where barometer = 'restrictions'
),
quarters as (
    select distinct calendar.calendar_year, calendar.calendar_quarter, calendar.year_quarter,
        {{ report_period('calendar.date_day', 'restriction_window.window_end') }} as report_period
    from {{ ref('dim_calendar') }} as calendar
    cross join restriction_window
    where calendar.date_day between restriction_window.window_start and restriction_window.window_end
),
grid as (
    select geography.geography_id, restriction_type.restriction_type, quarters.*
    from {{ ref('dim_geography') }} as geography
    cross join {{ ref('dim_restriction_type') }} as restriction_type
    cross join quarters
),
counts as (
    select geography_id, restriction_type, event_year, event_quarter, count(*) as event_count
    from {{ ref('fct_restriction_events') }}
    where is_in_window
    group by all
)
select
    grid.geography_id,
    geography.geography_name,
    geography.geography_kind,
    geography.parent_geography_id,
    geography.sub_region,
    grid.restriction_type,
    restriction_type.restriction_type_label,
    grid.calendar_year,
    grid.calendar_quarter,
    grid.year_quarter,
    grid.report_period,
    coalesce(counts.event_count, 0) as event_count
from grid
join {{ ref('dim_geography') }} as geography using (geography_id)
join {{ ref('dim_restriction_type') }} as restriction_type using (restriction_type)
left join counts
    on grid.geography_id = counts.geography_id
    and grid.restriction_type = counts.restriction_type
    and grid.calendar_year = counts.event_year
    and grid.calendar_quarter = counts.event_quarter
