-- Gate suite projects_core_links: every link of every project (entity, recipient, place, theme,
-- cited accession number) with what it resolves to in the dimensions. The project reader resolves
-- names and checks accession numbers when it reads a sheet; this audit re-checks the rows as
-- stored, because a registry entry or article that went missing would silently drop a project
-- from a count.
with projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }}
)
select
    bridge.project_id,
    'russian_entity' as link_kind,
    bridge.entity_id as link_value,
    entity.entity_id is not null as resolved,
    cast(null as boolean) as geography_matches
from {{ ref('bridge_project_russian_entities') }} as bridge
left join {{ ref('dim_russian_entity') }} as entity using (entity_id)
union all
select
    bridge.project_id,
    'recipient',
    bridge.org_id,
    org.org_id is not null,
    org.geography_id = projects.geography_id
from {{ ref('bridge_project_recipients') }} as bridge
join projects using (project_id)
left join {{ ref('dim_organisation') }} as org using (org_id)
union all
select
    bridge.project_id,
    'place',
    bridge.place_id,
    place.place_id is not null,
    place.geography_id = projects.geography_id
from {{ ref('bridge_project_places') }} as bridge
join projects using (project_id)
left join {{ ref('dim_place') }} as place using (place_id)
union all
select
    bridge.project_id,
    'theme',
    bridge.theme,
    theme.theme is not null,
    null
from {{ ref('bridge_project_themes') }} as bridge
left join {{ ref('dim_project_theme') }} as theme using (theme)
union all
select
    bridge.project_id,
    'source_an',
    bridge.an,
    article.an is not null,
    null
from {{ ref('bridge_project_sources') }} as bridge
left join {{ ref('dim_factiva_article') }} as article using (an)
where bridge.source_kind = 'factiva'
