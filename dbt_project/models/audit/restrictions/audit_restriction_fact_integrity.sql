-- Gate suite restrictions_core_integrity: each fact row with its dimension matches (null when a
-- dimension lacks it), its value counts, and the window flag as an integer (its mean is the
-- share of records inside the window).
select
    f.event_id,
    g.geography_id as dim_geography_id,
    t.restriction_type as dim_restriction_type,
    c.date_day as dim_calendar_day,
    f.target_group_count,
    f.initiator_count,
    cast(f.is_in_window as integer) as in_window_int
from {{ ref('fct_restriction_events') }} as f
left join {{ ref('dim_geography') }} as g on g.geography_id = f.geography_id
left join {{ ref('dim_restriction_type') }} as t on t.restriction_type = f.restriction_type
left join {{ ref('dim_calendar') }} as c on c.date_day = f.event_date
