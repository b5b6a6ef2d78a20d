-- Figure 13: in-window projects per place, with admin1 and coordinates. A project in two places
-- counts for both, so shares can add up to more than 100.
with projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
totals as (
    select geography_id, count(*) as geography_projects from projects group by geography_id
),
counts as (
    select projects.geography_id, bridge.place_id, count(distinct projects.project_id) as project_count
    from projects
    join {{ ref('bridge_project_places') }} as bridge using (project_id)
    group by all
)
select
    counts.geography_id,
    counts.place_id,
    place.name,
    place.admin1,
    place.latitude,
    place.longitude,
    counts.project_count,
    round(100.0 * counts.project_count / totals.geography_projects, 2) as share_pct
from counts
join totals using (geography_id)
join {{ ref('dim_place') }} as place using (place_id)
