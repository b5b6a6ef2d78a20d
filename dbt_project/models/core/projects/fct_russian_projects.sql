-- One row per coded Russian state-backed project, in or out of the barometer window: out-of-window
-- projects are kept and flagged here against the `barometer_windows` seed (the one place the window
-- is derived); marts count only in-window projects.
with projects as (
    select * from {{ ref('stg_project_sheets__projects') }}
),
project_window as (
    select window_start, window_end
    from {{ ref('barometer_windows') }}
    where barometer = 'russian_projects'
),
entities as (
    select
        project_id,
        count(*) as entity_count,
        any_value(entity_id) filter (where role = 'lead') as lead_entity_id
    from {{ ref('int_project_russian_entities') }}
    group by project_id
),
recipients as (
    select project_id, count(*) as recipient_count
    from {{ ref('int_project_recipients') }}
    group by project_id
),
sources as (
    select
        project_id,
        count(*) filter (where source_kind = 'factiva') as cited_article_count,
        count(*) filter (where article_status = 'current') as current_article_count,
        count(*) filter (where article_status = 'deleted') as deleted_article_count,
        count(*) filter (where source_kind = 'url') as source_url_count
    from {{ ref('int_project_sources') }}
    group by project_id
)
select
    projects.project_id,
    projects.geography_id,
    projects.country_as_coded,
    projects.title,
    projects.description,
    projects.start_date,
    year(projects.start_date) as start_year,
    projects.start_date_precision,
    projects.date_estimated,
    projects.support_kind,
    projects.beneficiary_kind,
    projects.amount,
    projects.currency,
    projects.amount_estimated,
    projects.start_date between project_window.window_start and project_window.window_end as in_window,
    entities.lead_entity_id,
    coalesce(entities.entity_count, 0) as entity_count,
    coalesce(recipients.recipient_count, 0) as recipient_count,
    coalesce(sources.cited_article_count, 0) as cited_article_count,
    coalesce(sources.current_article_count, 0) as current_article_count,
    coalesce(sources.deleted_article_count, 0) as deleted_article_count,
    coalesce(sources.source_url_count, 0) as source_url_count,
    coalesce(sources.cited_article_count, 0) > 0
        and sources.deleted_article_count = sources.cited_article_count
        and sources.source_url_count = 0 as sources_all_deleted,
    projects.source_file,
    projects.source_row,
    projects.file_hash,
    projects.loaded_at
from projects
cross join project_window
left join entities using (project_id)
left join recipients using (project_id)
left join sources using (project_id)
