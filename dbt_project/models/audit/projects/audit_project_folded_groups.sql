-- Gate suite projects_marts_folds: per geography and folded group ("Other Russian Organizations",
-- "Other CSO/NGO", ...), the members the annex mart lists beside the group's row in the channel or
-- recipient mart. Invariants: the group row's member_count equals the members listed, its project
-- count equals the group's distinct projects, and the members' counts sum to at least that.
with listed as (
    select
        geography_id,
        member_kind,
        group_label,
        count(*) as listed_members,
        max(group_member_count) as group_member_count,
        max(group_project_count) as group_project_count,
        sum(member_project_count) as member_project_sum
    from {{ ref('russian_project_folded_groups') }}
    where is_folded
    group by all
),
shown as (
    select geography_id, 'channel' as member_kind, channel_label as group_label, member_count, project_count
    from {{ ref('russian_project_channels') }}
    where is_folded_group
    union all
    select geography_id, 'recipient', recipient_label, member_count, project_count
    from {{ ref('russian_project_recipients') }}
    where is_folded_group
)
select
    coalesce(listed.geography_id, shown.geography_id) as geography_id,
    coalesce(listed.member_kind, shown.member_kind) as member_kind,
    coalesce(listed.group_label, shown.group_label) as group_label,
    coalesce(listed.listed_members, 0) as listed_members,
    coalesce(listed.group_member_count, 0) as group_member_count,
    coalesce(shown.member_count, 0) as shown_member_count,
    coalesce(listed.group_project_count, 0) as group_project_count,
    coalesce(shown.project_count, 0) as shown_project_count,
    coalesce(listed.member_project_sum, 0) >= coalesce(shown.project_count, 0) as member_sum_covers_group
from listed
full join shown using (geography_id, member_kind, group_label)
