-- Membership per organisation type (active + inactive; EVS: belongs), the 'other community group' cluster and the average over the 11 types, per country and wave group.
{{ survey_topic_indicators('voluntary_membership') }}
