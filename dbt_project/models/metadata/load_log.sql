-- Published copy of the ingestion load log, so analysts see what fed each release.
select * from {{ ref('stg_landing__load_log') }}
