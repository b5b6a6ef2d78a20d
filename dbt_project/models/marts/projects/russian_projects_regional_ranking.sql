-- Cross-country ranking by in-window projects: every geography of the programme (the E&E region:
-- 17 countries and 7 territories), ranked among all of them and within its sub-region.
with counts as (
    select geography_id, count(*) as projects
    from {{ ref('fct_russian_projects') }}
    where in_window
    group by geography_id
),
geographies as (
    select
        geography.geography_id,
        geography.geography_name,
        geography.geography_kind,
        geography.sub_region,
        coalesce(counts.projects, 0) as projects
    from {{ ref('dim_geography') }} as geography
    left join counts using (geography_id)
)
select
    geography_id,
    geography_name,
    geography_kind,
    sub_region,
    projects,
    rank() over (order by projects desc) as rank_in_region,
    cast(sum(projects) over () as bigint) as projects_in_region,
    round(100.0 * projects / nullif(sum(projects) over (), 0), 2) as share_of_region_pct,
    rank() over (partition by sub_region order by projects desc) as rank_in_sub_region,
    cast(sum(projects) over (partition by sub_region) as bigint) as projects_in_sub_region
from geographies
