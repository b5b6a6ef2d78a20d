-- One row per accession number ever delivered. The latest version (int_factiva_article_versions)
-- decides the status: a `del` leaves the article 'deleted', anything else 'current'. The content
-- comes from the latest add/rep version: for a current article its current version, for a
-- deleted one the last version before the deletion (null when only deletions were delivered).
-- Bodies stay in fct_factiva_article_records.
with versions as (
    select * from {{ ref('int_factiva_article_versions') }}
),

articles as (
    select
        an,
        max(version_count) as versions,
        min(source_file) as first_delivered_in,
        max(modification_datetime) as last_modified_datetime,
        bool_or(is_latest and action = 'del') as is_deleted,
        max(case when is_latest and action = 'del' then source_file end) as deleted_in_file
    from versions
    group by an
),

content as (
    select *
    from versions
    where action <> 'del'
    qualify row_number() over (partition by an order by version_number desc) = 1
)

select
    a.an,
    case when a.is_deleted then 'deleted' else 'current' end as article_status,
    c.title,
    c.snippet,
    c.source_code,
    c.source_name,
    c.publisher_name,
    c.language_code,
    c.document_type,
    c.word_count,
    c.publication_date,
    c.publication_datetime,
    a.last_modified_datetime,
    c.source_file as content_source_file,
    c.source_row as content_source_row,
    a.first_delivered_in,
    a.deleted_in_file,
    a.versions,
    'https://global.factiva.com/redir/default.aspx?P=sa&an=' || a.an as factiva_url
from articles as a
left join content as c on c.an = a.an
