-- Many-to-many bridge: a restriction can target several groups (Table 3 counts mentions).
select
    targets.event_id,
    targets.target_group,
    events.target_group_count,
    1.0 / events.target_group_count as allocation_weight
from {{ ref('int_restriction_event_targets') }} as targets
join {{ ref('fct_restriction_events') }} as events using (event_id)
