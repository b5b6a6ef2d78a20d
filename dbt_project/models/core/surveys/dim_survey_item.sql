-- Harmonised items and the composites built from them, one row each.
select
    item_id,
    'item' as item_kind,
    topic,
    item_label,
    outcome_set,
    missing_policy,
    sort_order
from {{ ref('survey_items') }}
union all
select
    composite_id as item_id,
    composite_kind as item_kind,
    any_value(topic) as topic,
    any_value(composite_label) as item_label,
    null as outcome_set,
    null as missing_policy,
    100 + row_number() over (order by composite_id) as sort_order
from {{ ref('survey_composites') }}
group by composite_id, composite_kind
