-- Russian state entities of the registry (the channels of Russian projects), renamed.
select
    entry_id as entity_id,
    name,
    aliases,
    entry_type as entity_type,
    parent_entry_id as parent_entity_id,
    source_file,
    source_row,
    file_hash,
    loaded_at
from {{ source('registry', 'registry_entries') }}
where registry = 'russian_entities'
