-- Every delivered Factiva record ranked within its accession number, in the order the contract
-- gives precedence: later modification_datetime first wins, ties broken by delivery order (the
-- landing file path in sort order, then the record's position in its file). version_number 1 is
-- the earliest version; the highest (is_latest) decides the article: a `del` removes it.
-- A `rep` for an accession number with no earlier add/rep version counts as an add.
with records as (
    select * from {{ ref('stg_factiva__article_records') }}
),

ranked as (
    select
        *,
        row_number() over versions_in_order as version_number,
        count(*) over (partition by an) as version_count,
        count(*) filter (where action in ('add', 'rep')) over (
            versions_in_order rows between unbounded preceding and 1 preceding
        ) as earlier_content_versions,
        lead(source_file) over versions_in_order as superseded_by_file,
        lead(source_row) over versions_in_order as superseded_by_row
    from records
    window versions_in_order as (
        partition by an order by modification_datetime, source_file, source_row
    )
)

select
    an,
    action,
    case
        when action = 'rep' and earlier_content_versions = 0 then 'add' else action
    end as effective_action,
    version_number,
    version_count,
    version_number = version_count as is_latest,
    superseded_by_file,
    superseded_by_row,
    document_type,
    title,
    snippet,
    body,
    byline,
    source_code,
    source_name,
    publisher_name,
    language_code,
    word_count,
    publication_datetime,
    publication_date,
    modification_datetime,
    ingestion_datetime,
    subject_codes,
    region_codes,
    company_codes,
    industry_codes,
    person_codes,
    region_of_origin,
    copyright,
    section,
    source_file,
    source_row,
    file_hash,
    loaded_at
from ranked
