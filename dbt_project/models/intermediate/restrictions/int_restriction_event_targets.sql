-- One row per (event, targeted group): the multi-valued `targets` cell unnested.
select distinct
    event_id,
    trim(target_group) as target_group
from {{ ref('stg_coding_sheets__restriction_events') }},
    unnest(string_split(targets_coded, '|')) as t(target_group)
where trim(target_group) <> ''
