-- One row per place of the registry (where projects took place), with admin1 and coordinates.
select
    place_id,
    name,
    aliases,
    geography_id,
    country_as_coded,
    admin1,
    latitude,
    longitude,
    source_file,
    source_row
from {{ ref('stg_registry__places') }}
