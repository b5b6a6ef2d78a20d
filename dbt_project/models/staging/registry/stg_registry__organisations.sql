-- Organisations of the registry (recipients of Russian projects), renamed; no business logic here.
select
    entry_id as org_id,
    name,
    aliases,
    entry_type as org_type,
    geography_id,
    country_as_coded,
    place_text,
    source_file,
    source_row,
    file_hash,
    loaded_at
from {{ source('registry', 'registry_entries') }}
where registry = 'organisations'
