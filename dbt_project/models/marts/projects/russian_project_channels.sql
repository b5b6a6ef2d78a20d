-- Figure 12: per geography, each channel (Russian entity) as displayed after the grouping rule:
-- entities with too few projects are one row, "Other Russian Organizations". Project counts are
-- distinct in-window projects; a project with two folded entities counts once for the group.
with members as (
    select * from {{ ref('int_project_fold_members') }} where member_kind = 'channel'
),
projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
totals as (
    select geography_id, count(*) as geography_projects from projects group by geography_id
),
links as (
    select members.*, bridge.project_id, bridge.role
    from members
    join {{ ref('bridge_project_russian_entities') }} as bridge on bridge.entity_id = members.member_id
    join projects
        on projects.project_id = bridge.project_id and projects.geography_id = members.geography_id
),
displayed as (
    select
        geography_id,
        display_key,
        any_value(display_label) as channel_label,
        bool_or(is_folded) as is_folded_group,
        case when count(distinct member_type) = 1 then min(member_type) end as channel_group,
        count(distinct member_id) as member_count,
        count(distinct project_id) as project_count,
        count(distinct project_id) filter (where role = 'lead') as lead_project_count,
        count(distinct project_id) filter (where role = 'supporting') as supporting_project_count
    from links
    group by geography_id, display_key
),
organisations as (
    select links.geography_id, links.display_key, count(distinct recipients.org_id) as recipient_org_count
    from links
    join {{ ref('bridge_project_recipients') }} as recipients using (project_id)
    group by all
),
group_labels as (
    select distinct channel_group, channel_group_label, group_sort_order
    from {{ ref('russian_channel_groups') }}
)
select
    displayed.geography_id,
    case when not displayed.is_folded_group then displayed.display_key end as entity_id,
    displayed.channel_label,
    displayed.channel_group,
    group_labels.channel_group_label,
    displayed.is_folded_group,
    displayed.member_count,
    displayed.project_count,
    displayed.lead_project_count,
    displayed.supporting_project_count,
    coalesce(organisations.recipient_org_count, 0) as recipient_org_count,
    round(100.0 * displayed.project_count / totals.geography_projects, 2) as share_of_projects_pct
from displayed
join totals using (geography_id)
left join organisations using (geography_id, display_key)
left join group_labels on group_labels.channel_group = displayed.channel_group
