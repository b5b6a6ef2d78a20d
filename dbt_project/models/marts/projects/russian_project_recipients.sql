-- Recipients by organisation: per geography, each recipient organisation as displayed after the
-- grouping rule (organisations with too few projects are one row per "Other ..." label of their
-- type). Project counts are distinct in-window projects.
with members as (
    select * from {{ ref('int_project_fold_members') }} where member_kind = 'recipient'
),
projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
totals as (
    select geography_id, count(*) as geography_projects from projects group by geography_id
),
links as (
    select members.*, bridge.project_id
    from members
    join {{ ref('bridge_project_recipients') }} as bridge on bridge.org_id = members.member_id
    join projects
        on projects.project_id = bridge.project_id and projects.geography_id = members.geography_id
),
displayed as (
    select
        geography_id,
        display_key,
        any_value(display_label) as recipient_label,
        bool_or(is_folded) as is_folded_group,
        case when count(distinct member_type) = 1 then min(member_type) end as org_type,
        any_value(fold_label) as fold_label,
        min(fold_sort_order) as fold_sort_order,
        count(distinct member_id) as member_count,
        count(distinct project_id) as project_count
    from links
    group by geography_id, display_key
)
select
    displayed.geography_id,
    case when not displayed.is_folded_group then displayed.display_key end as org_id,
    displayed.recipient_label,
    displayed.org_type,
    displayed.fold_label,
    displayed.fold_sort_order,
    displayed.is_folded_group,
    displayed.member_count,
    displayed.project_count,
    round(100.0 * displayed.project_count / totals.geography_projects, 2) as share_of_projects_pct
from displayed
join totals using (geography_id)
