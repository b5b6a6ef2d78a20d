-- The figures section 3.1 quotes in its text, one row per geography (in-window projects only).
with projects as (
    select * from {{ ref('fct_russian_projects') }} where in_window
),
by_geography as (
    select
        geography_id,
        count(*) as projects,
        count(*) filter (where beneficiary_kind = 'regulator') as regulator_projects,
        min(start_date) as first_start_date,
        max(start_date) as last_start_date
    from projects
    group by geography_id
),
organisations as (
    select projects.geography_id, count(distinct bridge.org_id) as organisations
    from projects
    join {{ ref('bridge_project_recipients') }} as bridge using (project_id)
    group by all
),
channels as (
    select projects.geography_id, count(distinct bridge.entity_id) as channels
    from projects
    join {{ ref('bridge_project_russian_entities') }} as bridge using (project_id)
    group by all
),
outside_window as (
    select geography_id, count(*) as projects_outside_window
    from {{ ref('fct_russian_projects') }}
    where not in_window
    group by geography_id
)
select
    geography.geography_id,
    geography.geography_name,
    geography.geography_kind,
    coalesce(g.projects, 0) as projects,
    coalesce(organisations.organisations, 0) as organisations,
    coalesce(channels.channels, 0) as channels,
    coalesce(g.regulator_projects, 0) as regulator_projects,
    round(100.0 * g.regulator_projects / nullif(g.projects, 0), 2) as regulator_share_pct,
    coalesce(g.projects, 0) - coalesce(g.regulator_projects, 0) as civic_actor_projects,
    g.first_start_date,
    g.last_start_date,
    ranking.rank_in_region,
    ranking.projects_in_region,
    coalesce(outside_window.projects_outside_window, 0) as projects_outside_window
from {{ ref('dim_geography') }} as geography
left join by_geography as g using (geography_id)
left join organisations using (geography_id)
left join channels using (geography_id)
left join outside_window using (geography_id)
left join {{ ref('russian_projects_regional_ranking') }} as ranking using (geography_id)
