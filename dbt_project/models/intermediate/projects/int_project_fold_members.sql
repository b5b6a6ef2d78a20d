-- The report's grouping rule (annex 5.3), in one place: per geography, every Russian entity
-- (channel) and recipient organisation with its in-window project count, and whether it folds into
-- its group's "Other ..." label. Folds when the count is below `project_fold_threshold`, or equal
-- to it when `project_fold_at_threshold` (the annex's reading). Both literal readings are kept as
-- columns, so the marts can show where they differ.
{%- set threshold = var('project_fold_threshold') %}
{%- set at_threshold = 'true' if var('project_fold_at_threshold') in [true, 'true', 'True', 1] else 'false' %}
with projects as (
    select project_id, geography_id
    from {{ ref('fct_russian_projects') }}
    where in_window
),
channel_members as (
    select
        projects.geography_id,
        'channel' as member_kind,
        bridge.entity_id as member_id,
        entity.name as member_name,
        entity.channel_group as member_type,
        'Other Russian Organizations' as fold_label,
        0 as fold_sort_order,
        count(distinct bridge.project_id) as member_project_count
    from projects
    join {{ ref('bridge_project_russian_entities') }} as bridge using (project_id)
    join {{ ref('dim_russian_entity') }} as entity using (entity_id)
    group by all
),
recipient_members as (
    select
        projects.geography_id,
        'recipient' as member_kind,
        bridge.org_id as member_id,
        org.name as member_name,
        org.org_type as member_type,
        coalesce(org.fold_label, 'Other Recipients') as fold_label,
        coalesce(org.fold_sort_order, 99) as fold_sort_order,
        count(distinct bridge.project_id) as member_project_count
    from projects
    join {{ ref('bridge_project_recipients') }} as bridge using (project_id)
    join {{ ref('dim_organisation') }} as org using (org_id)
    group by all
),
members as (
    select * from channel_members
    union all
    select * from recipient_members
),
flagged as (
    select
        *,
        member_project_count < {{ threshold }} as folds_under_literal_rule,
        member_project_count <= {{ threshold }} as folds_under_annex_rule,
        member_project_count < {{ threshold }}
            or ({{ at_threshold }} and member_project_count = {{ threshold }}) as is_folded
    from members
)
select
    geography_id,
    member_kind,
    member_id,
    member_name,
    member_type,
    fold_label,
    fold_sort_order,
    member_project_count,
    {{ threshold }} as fold_threshold,
    {{ at_threshold }} as fold_at_threshold,
    is_folded,
    folds_under_literal_rule,
    folds_under_annex_rule,
    case
        when member_project_count < {{ threshold }} then 'fewer than {{ threshold }}'
        when member_project_count = {{ threshold }} then 'exactly {{ threshold }}'
    end as folds_because,
    case when is_folded then fold_label else member_name end as display_label,
    case when is_folded then 'folded:' || fold_label else member_id end as display_key
from flagged
