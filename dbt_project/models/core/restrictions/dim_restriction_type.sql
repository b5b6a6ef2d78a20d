select
    value as restriction_type,
    label as restriction_type_label,
    sort_order
from {{ ref('coding_vocabularies') }}
where column_name = 'restriction_type'
