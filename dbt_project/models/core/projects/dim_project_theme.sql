-- The project themes (coding vocabulary seed, column `themes`).
select value as theme, label, sort_order
from {{ ref('coding_vocabularies') }}
where column_name = 'themes'
