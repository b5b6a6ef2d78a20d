select
    value as initiator,
    label as initiator_label,
    sort_order
from {{ ref('coding_vocabularies') }}
where column_name = 'initiators'
