-- Many-to-many bridge: a restriction can have several initiators (Figure 3 counts mentions).
{{ restriction_bridge(ref('int_restriction_event_initiators'), 'initiator', 'initiator_count') }}
