-- How channels co-occur (Figure 12, the Oral consulate's 33 projects with Rossotrudnichestvo and 66
-- without): per geography, one row per ordered pair of Russian entities named on the same in-window
-- project, plus one row per entity with no other entity (`is_alone_row`, other_entity_id null).
with projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
links as (
    select projects.geography_id, bridge.project_id, bridge.entity_id
    from projects
    join {{ ref('bridge_project_russian_entities') }} as bridge using (project_id)
),
entities_per_project as (
    select project_id, count(*) as project_entity_count from links group by project_id
),
per_entity as (
    select
        links.geography_id,
        links.entity_id,
        count(*) as entity_project_count,
        count(*) filter (where entities_per_project.project_entity_count = 1) as projects_alone
    from links
    join entities_per_project using (project_id)
    group by all
),
pairs as (
    select a.geography_id, a.entity_id, b.entity_id as other_entity_id, count(*) as projects_together
    from links as a
    join links as b on a.project_id = b.project_id and a.entity_id <> b.entity_id
    group by all
),
rows_ as (
    select geography_id, entity_id, other_entity_id, projects_together, false as is_alone_row
    from pairs
    union all
    select geography_id, entity_id, null, projects_alone, true
    from per_entity
)
select
    rows_.geography_id,
    rows_.entity_id,
    entity.name as entity_name,
    entity.channel_group,
    rows_.other_entity_id,
    other.name as other_entity_name,
    other.channel_group as other_channel_group,
    rows_.is_alone_row,
    rows_.projects_together,
    per_entity.entity_project_count,
    per_entity.entity_project_count - rows_.projects_together as projects_without_other,
    per_entity.projects_alone
from rows_
join per_entity using (geography_id, entity_id)
join {{ ref('dim_russian_entity') }} as entity on entity.entity_id = rows_.entity_id
left join {{ ref('dim_russian_entity') }} as other on other.entity_id = rows_.other_entity_id
