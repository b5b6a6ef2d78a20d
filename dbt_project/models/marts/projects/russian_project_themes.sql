-- Themes: per geography (with projects) and theme, the in-window projects coded with it (youth 73,
-- WWII 30, religion 18 for Kazakhstan). Themes are not exclusive: shares can add up beyond 100.
with projects as (
    select project_id, geography_id from {{ ref('fct_russian_projects') }} where in_window
),
totals as (
    select geography_id, count(*) as geography_projects from projects group by geography_id
),
counts as (
    select projects.geography_id, bridge.theme, count(distinct projects.project_id) as project_count
    from projects
    join {{ ref('bridge_project_themes') }} as bridge using (project_id)
    group by all
)
select
    totals.geography_id,
    theme.theme,
    theme.label as theme_label,
    theme.sort_order as theme_sort_order,
    coalesce(counts.project_count, 0) as project_count,
    round(100.0 * coalesce(counts.project_count, 0) / totals.geography_projects, 2) as share_pct
from totals
cross join {{ ref('dim_project_theme') }} as theme
left join counts using (geography_id, theme)
