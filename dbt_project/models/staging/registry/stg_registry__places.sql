-- Places of the registry (where Russian projects took place), renamed and cast.
select
    entry_id as place_id,
    name,
    aliases,
    geography_id,
    country_as_coded,
    admin1,
    cast(latitude as double) as latitude,
    cast(longitude as double) as longitude,
    source_file,
    source_row,
    file_hash,
    loaded_at
from {{ source('registry', 'registry_entries') }}
where registry = 'places'
