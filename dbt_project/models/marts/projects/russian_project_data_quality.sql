-- What the project marts leave out or rest on weakly, per geography: nothing disappears silently.
with projects as (
    select * from {{ ref('fct_russian_projects') }}
),
counts as (
    select
        geography_id,
        count(*) as projects_coded,
        count(*) filter (where in_window) as projects_in_window,
        count(*) filter (where not in_window) as projects_out_of_window,
        count(*) filter (where in_window and sources_all_deleted) as projects_sources_all_deleted,
        count(*) filter (where in_window and deleted_article_count > 0) as projects_with_deleted_article,
        count(*) filter (where in_window and date_estimated) as projects_date_estimated,
        count(*) filter (where in_window and start_date_precision = 'month') as projects_month_precision
    from projects
    group by geography_id
),
never_delivered as (
    select projects.geography_id, count(*) as cited_ans_never_delivered
    from projects
    join {{ ref('bridge_project_sources') }} as sources using (project_id)
    where sources.source_kind = 'factiva' and sources.article_status is null
    group by all
)
select
    geography.geography_id,
    geography.geography_name,
    coalesce(counts.projects_coded, 0) as projects_coded,
    coalesce(counts.projects_in_window, 0) as projects_in_window,
    coalesce(counts.projects_out_of_window, 0) as projects_out_of_window,
    coalesce(counts.projects_sources_all_deleted, 0) as projects_sources_all_deleted,
    coalesce(counts.projects_with_deleted_article, 0) as projects_with_deleted_article,
    coalesce(never_delivered.cited_ans_never_delivered, 0) as cited_ans_never_delivered,
    coalesce(counts.projects_date_estimated, 0) as projects_date_estimated,
    coalesce(counts.projects_month_precision, 0) as projects_month_precision
from {{ ref('dim_geography') }} as geography
left join counts using (geography_id)
left join never_delivered using (geography_id)
