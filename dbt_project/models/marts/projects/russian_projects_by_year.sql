-- Figure 11: in-window projects per start year and beneficiary kind (civic actors versus
-- regulators), zero rows included for every window year of a geography with projects.
with projects as (
    select * from {{ ref('fct_russian_projects') }} where in_window
),
project_window as (
    select window_start, window_end
    from {{ ref('barometer_windows') }}
    where barometer = 'russian_projects'
),
years as (
    select unnest(generate_series(year(window_start), year(window_end))) as year
    from project_window
),
kinds as (
    select value as beneficiary_kind, label as beneficiary_kind_label, sort_order
    from {{ ref('coding_vocabularies') }}
    where column_name = 'beneficiary_kind'
),
grid as (
    select geographies.geography_id, years.year, kinds.*
    from (select distinct geography_id from projects) as geographies
    cross join years
    cross join kinds
),
counts as (
    select geography_id, start_year as year, beneficiary_kind, count(*) as project_count
    from projects
    group by all
)
select
    grid.geography_id,
    grid.year,
    grid.beneficiary_kind,
    grid.beneficiary_kind_label,
    grid.sort_order as beneficiary_kind_sort_order,
    coalesce(counts.project_count, 0) as project_count,
    cast(sum(coalesce(counts.project_count, 0)) over (partition by grid.geography_id, grid.year) as bigint)
        as year_project_count,
    round(
        100.0 * coalesce(counts.project_count, 0)
        / nullif(sum(coalesce(counts.project_count, 0)) over (partition by grid.geography_id, grid.year), 0),
        2
    ) as share_of_year_pct
from grid
left join counts using (geography_id, year, beneficiary_kind)
