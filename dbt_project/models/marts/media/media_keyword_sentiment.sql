-- Table 8: in-window keyword mentions per keyword and sentiment, all five keywords for every
-- geography with at least one in-window keyword mention (zero rows for the others).
with keywords as (
    select * from {{ ref('fct_keyword_mentions') }} where in_window
),
grid as (
    select geographies.geography_id, k.keyword, k.label, k.sort_order
    from (select distinct geography_id from keywords) as geographies
    cross join {{ ref('dim_media_keyword') }} as k
),
counts as (
    select
        geography_id,
        keyword,
        {{ sentiment_counts() }}
    from keywords
    group by all
)
select
    grid.geography_id,
    grid.keyword,
    grid.label as keyword_label,
    grid.sort_order as keyword_sort_order,
    coalesce(counts.extremely_negative, 0) as extremely_negative,
    coalesce(counts.somewhat_negative, 0) as somewhat_negative,
    coalesce(counts.neutral, 0) as neutral,
    coalesce(counts.somewhat_positive, 0) as somewhat_positive,
    coalesce(counts.extremely_positive, 0) as extremely_positive,
    coalesce(counts.total, 0) as total,
    round(counts.score_sum / nullif(counts.total, 0), 3) as net_tone
from grid
left join counts using (geography_id, keyword)
