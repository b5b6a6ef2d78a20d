-- The five Western keywords of Table 8 (coding vocabulary rows, column `keyword`).
select
    value as keyword,
    label,
    cast(sort_order as integer) as sort_order
from {{ ref('coding_vocabularies') }}
where column_name = 'keyword'
