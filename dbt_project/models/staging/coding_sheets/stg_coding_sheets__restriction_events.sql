-- Landed restriction records, renamed and typed; no business logic here.
select
    event_id,
    geography_id,
    country_as_coded,
    cast(event_date as date) as event_date,
    event_date_precision,
    restriction_type,
    harm,
    status,
    charge_link,
    targets as targets_coded,
    initiators as initiators_coded,
    initiator_country,
    summary,
    source_type,
    source_ref,
    source_file,
    source_row,
    file_hash,
    loaded_at
from {{ source('coding_sheets', 'restriction_events') }}
