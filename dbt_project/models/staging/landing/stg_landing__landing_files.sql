select
    source as landing_source,
    file as landing_file,
    seen_hash,
    accepted_hash,
    status,
    rows as row_count,
    checked_at
from {{ source('landing', 'landing_files') }}
