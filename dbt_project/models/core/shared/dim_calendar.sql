-- One row per day over every barometer window (2010-2021), with the report's period labels.
with bounds as (
    select min(window_start) as first_day, max(window_end) as last_day
    from {{ ref('barometer_windows') }}
),
days as (
    select cast(d.generate_series as date) as date_day
    from bounds,
        generate_series(
            cast(date_trunc('year', first_day) as timestamp),
            cast(make_date(year(last_day), 12, 31) as timestamp),
            interval 1 day
        ) as d
)
select
    date_day,
    year(date_day) as calendar_year,
    quarter(date_day) as calendar_quarter,
    month(date_day) as calendar_month,
    cast(year(date_day) as varchar) || '-Q' || cast(quarter(date_day) as varchar) as year_quarter,
    cast(date_trunc('quarter', date_day) as date) as quarter_start
from days
