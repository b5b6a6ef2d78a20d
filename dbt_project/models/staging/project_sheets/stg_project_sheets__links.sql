-- Landed project links (one row per value of a multi-valued cell), renamed and typed.
select
    project_id,
    link_kind,
    cast(position as integer) as position,
    value as link_value,
    name_as_coded,
    source_row,
    source_file,
    file_hash,
    loaded_at
from {{ source('project_sheets', 'project_links') }}
