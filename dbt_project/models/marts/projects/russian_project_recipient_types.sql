-- Recipients by type: per geography and organisation type, the in-window projects naming at least
-- one organisation of that type (CSOs named in 229 of Kazakhstan's 249 projects). A project with
-- recipients of two types counts for both, so shares add up to 100 or more.
with projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
totals as (
    select geography_id, count(*) as geography_projects from projects group by geography_id
),
types as (
    select value as org_type, label as org_type_label, sort_order
    from {{ ref('coding_vocabularies') }}
    where column_name = 'org_type'
),
counts as (
    select
        projects.geography_id,
        org.org_type,
        count(distinct projects.project_id) as project_count,
        count(distinct org.org_id) as org_count
    from projects
    join {{ ref('bridge_project_recipients') }} as bridge using (project_id)
    join {{ ref('dim_organisation') }} as org using (org_id)
    group by all
)
select
    totals.geography_id,
    types.org_type,
    types.org_type_label,
    types.sort_order as org_type_sort_order,
    coalesce(counts.project_count, 0) as project_count,
    coalesce(counts.org_count, 0) as org_count,
    totals.geography_projects,
    round(100.0 * coalesce(counts.project_count, 0) / totals.geography_projects, 2) as share_pct
from totals
cross join types
left join counts using (geography_id, org_type)
