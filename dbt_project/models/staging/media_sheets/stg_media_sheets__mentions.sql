-- Landed media mentions, renamed and typed; no business logic here (the outlet and date come from
-- the article in core).
select
    mention_id,
    an,
    geography_id,
    country_as_coded,
    actor_name,
    actor_id,
    actor_key,
    actor_scope,
    actor_kind,
    actor_category,
    sentiment,
    cast(source_row as integer) as source_row,
    source_file,
    file_hash,
    loaded_at
from {{ source('media_sheets', 'media_mentions') }}
