-- Every name and alias of every registry entry, as written and normalised by the registry reader.
select
    registry,
    entry_id,
    name,
    name_key,
    is_primary,
    source_file,
    source_row
from {{ source('registry', 'registry_names') }}
