-- Many-to-many bridge: a restriction can have several initiators (Figure 3 counts mentions).
select
    initiators.event_id,
    initiators.initiator,
    events.initiator_count,
    1.0 / events.initiator_count as allocation_weight
from {{ ref('int_restriction_event_initiators') }} as initiators
join {{ ref('fct_restriction_events') }} as events using (event_id)
