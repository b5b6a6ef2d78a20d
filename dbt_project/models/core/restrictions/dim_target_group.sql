select
    value as target_group,
    label as target_group_label,
    sort_order
from {{ ref('coding_vocabularies') }}
where column_name = 'targets'
