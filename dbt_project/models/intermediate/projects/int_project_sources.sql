-- One row per source a project cites: Factiva accession numbers (with the article's status in the
-- article store: 'current', 'deleted', or null when the number was never delivered) and URLs.
with links as (
    select *
    from {{ ref('stg_project_sheets__links') }}
    where link_kind in ('source_an', 'source_url')
    qualify row_number() over (partition by project_id, link_kind, link_value order by position) = 1
)
select
    links.project_id,
    case links.link_kind when 'source_an' then 'factiva' else 'url' end as source_kind,
    links.position,
    case when links.link_kind = 'source_an' then links.link_value end as an,
    case when links.link_kind = 'source_url' then links.link_value else article.factiva_url end as url,
    case when links.link_kind = 'source_an' then article.article_status end as article_status,
    links.source_file,
    links.source_row
from links
left join {{ ref('dim_factiva_article') }} as article
    on links.link_kind = 'source_an' and article.an = links.link_value
