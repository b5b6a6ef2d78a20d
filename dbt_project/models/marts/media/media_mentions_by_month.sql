-- Figure 14: in-window mentions per publication month and actor scope, with zero rows for every
-- window month and scope of a geography that has mentions (no rows for the others).
with mentions as (
    select * from {{ ref('fct_media_mentions') }} where in_window
),
media_window as (
    select window_start, window_end from {{ ref('barometer_windows') }} where barometer = 'russian_media'
),
months as (
    select cast(m.generate_series as date) as month
    from media_window,
        generate_series(
            cast(date_trunc('month', window_start) as timestamp),
            cast(date_trunc('month', window_end) as timestamp),
            interval 1 month
        ) as m
),
scopes as (
    select value as actor_scope, label as actor_scope_label, sort_order
    from {{ ref('coding_vocabularies') }}
    where column_name = 'actor_scope'
),
grid as (
    select geographies.geography_id, months.month, scopes.*
    from (select distinct geography_id from mentions) as geographies
    cross join months
    cross join scopes
),
counts as (
    select
        geography_id,
        month,
        actor_scope,
        count(*) as mentions,
        count(*) filter (where sentiment = 'neutral') as neutral_mentions
    from mentions
    group by all
)
select
    grid.geography_id,
    grid.month,
    strftime(grid.month, '%Y-%m') as year_month,
    grid.actor_scope,
    grid.actor_scope_label,
    grid.sort_order as actor_scope_sort_order,
    coalesce(counts.mentions, 0) as mentions,
    coalesce(counts.neutral_mentions, 0) as neutral_mentions
from grid
left join counts using (geography_id, month, actor_scope)
