-- Many-to-many bridge: a restriction can target several groups (Table 3 counts mentions).
{{ restriction_bridge(ref('int_restriction_event_targets'), 'target_group', 'target_group_count') }}
