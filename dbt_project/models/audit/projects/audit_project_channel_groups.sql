-- Gate suite projects_marts_groups: per geography and Russian entity, its in-window projects beside
-- those of its channel group (russian_project_channel_groups). Invariant: an entity's project count
-- <= its group's distinct projects <= the sum of the group members' counts (a project with two
-- entities of one group counts once for the group).
with projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
per_entity as (
    select projects.geography_id, entity.entity_id, entity.channel_group, count(distinct projects.project_id) as entity_projects
    from projects
    join {{ ref('bridge_project_russian_entities') }} as bridge using (project_id)
    join {{ ref('dim_russian_entity') }} as entity using (entity_id)
    group by all
),
displayed as (
    select geography_id, entity_id, project_count
    from {{ ref('russian_project_channels') }}
    where not is_folded_group
)
select
    per_entity.geography_id,
    per_entity.entity_id,
    per_entity.channel_group,
    per_entity.entity_projects,
    groups.project_count as group_projects,
    groups.member_project_sum as group_member_project_sum,
    groups.project_count is not null
        and per_entity.entity_projects <= groups.project_count
        and groups.project_count <= groups.member_project_sum as within_group_bounds,
    displayed.project_count is null or displayed.project_count = per_entity.entity_projects
        as displayed_count_agrees
from per_entity
left join {{ ref('russian_project_channel_groups') }} as groups using (geography_id, channel_group)
left join displayed using (geography_id, entity_id)
