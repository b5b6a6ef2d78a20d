-- The articles behind any count: one row per project and source it cites (Factiva article or URL),
-- with the project's date, title and lead entity and the article's title, outlet, publication date
-- and status in the article store. Every project, in or out of the window (`in_window`).
select
    projects.project_id,
    projects.geography_id,
    projects.start_date,
    projects.in_window,
    projects.sources_all_deleted,
    projects.title,
    projects.lead_entity_id,
    lead.name as lead_entity_name,
    sources.source_kind,
    sources.position as source_position,
    sources.an,
    article.title as article_title,
    article.source_code,
    article.source_name as outlet,
    article.publication_date,
    sources.article_status,
    sources.url
from {{ ref('fct_russian_projects') }} as projects
join {{ ref('bridge_project_sources') }} as sources using (project_id)
left join {{ ref('dim_russian_entity') }} as lead on lead.entity_id = projects.lead_entity_id
left join {{ ref('dim_factiva_article') }} as article on article.an = sources.an
