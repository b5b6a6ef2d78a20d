-- One row per (event, targeted group): the multi-valued `targets` cell unnested.
{{ unnest_multi_valued(ref('stg_coding_sheets__restriction_events'), 'targets_coded', 'target_group') }}
