-- Annex 5.3: per geography, every folded group ("Other Russian Organizations", "Other CSO/NGO",
-- ...) with its members and their project counts, as the annex prints them. Members at the
-- threshold are listed whichever reading is configured, with the reading they fold under
-- (`folds_because`, `folds_under_literal_rule`), so the annex's slip (the Embassy in Nur-Sultan,
-- 5 projects, listed among those with "fewer than 5") stays visible.
with members as (
    select * from {{ ref('int_project_fold_members') }} where folds_under_annex_rule or is_folded
),
projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
member_projects as (
    select members.geography_id, members.member_kind, members.fold_label, members.member_id, bridge.project_id
    from members
    join {{ ref('bridge_project_russian_entities') }} as bridge on bridge.entity_id = members.member_id
    join projects
        on projects.project_id = bridge.project_id and projects.geography_id = members.geography_id
    where members.member_kind = 'channel' and members.is_folded
    union all
    select members.geography_id, members.member_kind, members.fold_label, members.member_id, bridge.project_id
    from members
    join {{ ref('bridge_project_recipients') }} as bridge on bridge.org_id = members.member_id
    join projects
        on projects.project_id = bridge.project_id and projects.geography_id = members.geography_id
    where members.member_kind = 'recipient' and members.is_folded
),
groups as (
    select
        geography_id,
        member_kind,
        fold_label,
        count(distinct member_id) as group_member_count,
        count(distinct project_id) as group_project_count
    from member_projects
    group by all
),
member_sums as (
    select geography_id, member_kind, fold_label, cast(sum(member_project_count) as bigint) as group_member_project_sum
    from members
    where is_folded
    group by all
)
select
    members.geography_id,
    members.member_kind,
    members.fold_label as group_label,
    members.fold_sort_order as group_sort_order,
    members.member_id,
    members.member_name,
    members.member_type,
    members.member_project_count,
    members.is_folded,
    members.folds_because,
    members.folds_under_literal_rule,
    members.folds_under_annex_rule,
    members.fold_threshold,
    members.fold_at_threshold,
    coalesce(groups.group_member_count, 0) as group_member_count,
    coalesce(groups.group_project_count, 0) as group_project_count,
    coalesce(member_sums.group_member_project_sum, 0) as group_member_project_sum
from members
left join groups using (geography_id, member_kind, fold_label)
left join member_sums using (geography_id, member_kind, fold_label)
