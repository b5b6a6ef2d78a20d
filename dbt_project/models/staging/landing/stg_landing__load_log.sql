select
    batch_id,
    logged_at,
    source as landing_source,
    file as landing_file,
    file_hash,
    outcome,
    rows as row_count,
    row_number as file_row,
    column_name as file_column,
    message
from {{ source('landing', 'load_log') }}
