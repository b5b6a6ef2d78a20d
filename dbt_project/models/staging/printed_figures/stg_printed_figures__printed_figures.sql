-- Landed printed figures of reports, renamed and typed; no business logic here.
select
    report_id,
    figure_id,
    geography_id,
    measure,
    coalesce(dimension_1, '') as dimension_1,
    coalesce(dimension_2, '') as dimension_2,
    printed_text,
    cast(printed_value as double) as printed_value,
    cast(printed_precision as integer) as printed_precision,
    unit,
    note,
    source_file,
    source_row,
    file_hash,
    loaded_at
from {{ source('printed_figures', 'printed_figures') }}
