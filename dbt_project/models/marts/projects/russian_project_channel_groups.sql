-- Per geography and channel group (Rossotrudnichestvo, consular bodies, funds, ministries, ...):
-- distinct in-window projects any entity of the group took part in (the report's "consular bodies
-- ... collectively involved in 133 different projects"), before any folding.
with projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
links as (
    select projects.geography_id, projects.project_id, bridge.entity_id, bridge.role, entity.channel_group
    from projects
    join {{ ref('bridge_project_russian_entities') }} as bridge using (project_id)
    join {{ ref('dim_russian_entity') }} as entity using (entity_id)
),
per_entity as (
    select geography_id, channel_group, entity_id, count(distinct project_id) as entity_projects
    from links
    group by all
),
member_sums as (
    select
        geography_id,
        channel_group,
        count(*) as member_count,
        cast(sum(entity_projects) as bigint) as member_project_sum,
        max(entity_projects) as largest_member_project_count
    from per_entity
    group by all
),
groups as (
    select
        geography_id,
        channel_group,
        count(distinct project_id) as project_count,
        count(distinct project_id) filter (where role = 'lead') as lead_project_count,
        count(distinct project_id) filter (where role = 'supporting') as supporting_project_count
    from links
    group by all
),
totals as (
    select geography_id, count(*) as geography_projects from projects group by geography_id
),
group_labels as (
    select distinct channel_group, channel_group_label, group_sort_order
    from {{ ref('russian_channel_groups') }}
)
select
    groups.geography_id,
    groups.channel_group,
    group_labels.channel_group_label,
    group_labels.group_sort_order,
    member_sums.member_count,
    groups.project_count,
    groups.lead_project_count,
    groups.supporting_project_count,
    member_sums.member_project_sum,
    member_sums.largest_member_project_count,
    round(100.0 * groups.project_count / totals.geography_projects, 2) as share_of_projects_pct
from groups
join member_sums using (geography_id, channel_group)
join totals using (geography_id)
left join group_labels using (channel_group)
