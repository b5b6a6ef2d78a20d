-- Figure 3: how often each kind of initiator is named, per geography, type and period (mentions).
select
    events.geography_id,
    geography.geography_name,
    events.restriction_type,
    events.report_period,
    bridge.initiator,
    initiator.initiator_label,
    count(*) as mention_count,
    count(distinct events.initiator_country) filter (where bridge.initiator = 'foreign_government')
        as foreign_initiator_country_count
from {{ ref('fct_restriction_events') }} as events
join {{ ref('bridge_restriction_event_initiators') }} as bridge using (event_id)
join {{ ref('dim_geography') }} as geography using (geography_id)
join {{ ref('dim_initiator') }} as initiator using (initiator)
where events.is_in_window
group by all
