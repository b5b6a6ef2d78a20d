-- Gate suite restrictions_raw_multi_values: one row per value of the `|`-separated targets and
-- initiators cells (empty values kept, unlike unnest_multi_valued: the gate sees every value).
select
    event_id,
    trim(v) as target_group,
    null as initiator
from {{ source('coding_sheets', 'restriction_events') }}, unnest(string_split(targets, '|')) as t(v)
union all
select
    event_id,
    null,
    trim(v)
from {{ source('coding_sheets', 'restriction_events') }}, unnest(string_split(initiators, '|')) as t(v)
