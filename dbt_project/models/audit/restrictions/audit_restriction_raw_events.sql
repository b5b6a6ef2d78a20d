-- Gate suite restrictions_raw_events: every ingested restriction record, with where each
-- conditional code is miscoded (file and row).
select
    r.event_id,
    r.geography_id,
    r.restriction_type,
    r.source_type,
    r.harm,
    r.charge_link,
    r.status,
    r.source_file,
    r.source_row,
    r.file_hash,
    case
        when (r.restriction_type = 'harassment_violence') = (r.harm is not null) then null
        else r.source_file || ' row ' || r.source_row
    end as harm_miscoded_at,
    case
        when (r.restriction_type = 'state_legal_case') = (r.charge_link is not null) then null
        else r.source_file || ' row ' || r.source_row
    end as charge_link_miscoded_at,
    case
        when (r.restriction_type <> 'state_legal_case') = (r.status is not null) then null
        else r.source_file || ' row ' || r.source_row
    end as status_miscoded_at
from {{ source('coding_sheets', 'restriction_events') }} as r
