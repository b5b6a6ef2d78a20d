-- Landed project records, renamed and typed; no business logic here.
select
    project_id,
    geography_id,
    country_as_coded,
    title,
    description,
    cast(start_date as date) as start_date,
    start_date_precision,
    coalesce(date_estimated, false) as date_estimated,
    support_kind,
    cast(amount as double) as amount,
    currency,
    amount_estimated,
    beneficiary_kind,
    source_file,
    source_row,
    file_hash,
    loaded_at
from {{ source('project_sheets', 'project_records') }}
