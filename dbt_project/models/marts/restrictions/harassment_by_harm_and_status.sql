-- Figure 4: harassment or violence, threatened versus acted on, per geography and period.
select
    events.geography_id,
    geography.geography_name,
    events.report_period,
    events.harm,
    events.status,
    count(*) as event_count
from {{ ref('fct_restriction_events') }} as events
join {{ ref('dim_geography') }} as geography using (geography_id)
where events.is_in_window
    and events.restriction_type = 'harassment_violence'
group by all
