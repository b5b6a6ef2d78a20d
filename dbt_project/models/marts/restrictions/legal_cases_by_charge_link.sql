-- Figure 5: state-backed legal cases with charges tied directly to a fundamental freedom versus
-- indirect nuisance charges, per targeted group (mentions) over the whole window.
with mentions as (
    select
        events.geography_id,
        bridge.target_group,
        events.charge_link,
        count(*) as mention_count
    from {{ ref('fct_restriction_events') }} as events
    join {{ ref('bridge_restriction_event_targets') }} as bridge using (event_id)
    where events.is_in_window
        and events.restriction_type = 'state_legal_case'
    group by all
)
select
    mentions.geography_id,
    geography.geography_name,
    mentions.target_group,
    target_group.target_group_label,
    mentions.charge_link,
    mentions.mention_count,
    round(
        100.0 * mentions.mention_count
        / sum(mentions.mention_count) over (partition by mentions.geography_id, mentions.target_group),
        1
    ) as share_of_target_group_pct
from mentions
join {{ ref('dim_geography') }} as geography using (geography_id)
join {{ ref('dim_target_group') }} as target_group using (target_group)
