-- One row per (event, initiator): the multi-valued `initiators` cell unnested.
select distinct
    event_id,
    trim(initiator) as initiator
from {{ ref('stg_coding_sheets__restriction_events') }},
    unnest(string_split(initiators_coded, '|')) as t(initiator)
where trim(initiator) <> ''
