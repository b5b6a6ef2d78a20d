-- Gate suite projects_core_integrity: one row per project of fct_russian_projects with its lead
-- entities counted again from the bridge, its link counts and its coded values.
with leads as (
    select project_id, count(*) filter (where role = 'lead') as lead_entity_count
    from {{ ref('bridge_project_russian_entities') }}
    group by project_id
)
select
    projects.project_id,
    projects.geography_id,
    geography.geography_id as dim_geography_id,
    coalesce(leads.lead_entity_count, 0) as lead_entity_count,
    projects.entity_count,
    projects.recipient_count,
    projects.cited_article_count + projects.source_url_count as source_count,
    projects.support_kind,
    projects.beneficiary_kind,
    projects.start_date_precision,
    case when projects.in_window then 1 else 0 end as in_window_int,
    projects.source_file,
    projects.source_row
from {{ ref('fct_russian_projects') }} as projects
left join leads using (project_id)
left join {{ ref('dim_geography') }} as geography using (geography_id)
