-- Landed keyword mentions, renamed and typed; no business logic here.
select
    an,
    geography_id,
    country_as_coded,
    keyword,
    sentiment,
    cast(source_row as integer) as source_row,
    source_file,
    file_hash,
    loaded_at
from {{ source('media_sheets', 'keyword_mentions') }}
