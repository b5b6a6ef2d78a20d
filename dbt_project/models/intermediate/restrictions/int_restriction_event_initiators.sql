-- One row per (event, initiator): the multi-valued `initiators` cell unnested.
{{ unnest_multi_valued(ref('stg_coding_sheets__restriction_events'), 'initiators_coded', 'initiator') }}
