-- Figure 2 and Table 3: how often each group is named as a target, per geography, type and period.
-- A restriction naming two groups counts once for each (mentions), as the report's Table 3 does.
with mentions as (
    select
        events.geography_id,
        events.restriction_type,
        events.report_period,
        bridge.target_group,
        count(*) as mention_count
    from {{ ref('fct_restriction_events') }} as events
    join {{ ref('bridge_restriction_event_targets') }} as bridge using (event_id)
    where events.is_in_window
    group by all
),
events_per_type as (
    select geography_id, restriction_type, report_period, count(*) as type_event_count
    from {{ ref('fct_restriction_events') }}
    where is_in_window
    group by all
)
select
    mentions.geography_id,
    geography.geography_name,
    mentions.restriction_type,
    mentions.report_period,
    mentions.target_group,
    target_group.target_group_label,
    target_group.sort_order as target_group_sort_order,
    mentions.mention_count,
    events_per_type.type_event_count
from mentions
join events_per_type using (geography_id, restriction_type, report_period)
join {{ ref('dim_geography') }} as geography using (geography_id)
join {{ ref('dim_target_group') }} as target_group using (target_group)
