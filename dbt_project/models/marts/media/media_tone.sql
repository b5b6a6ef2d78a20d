-- Net tone: the mean sentiment score (extremely negative -2, somewhat negative -1, neutral 0,
-- somewhat positive +1, extremely positive +2; seed media/sentiment_scale) of in-window mentions,
-- from -2 to +2, with the mention count beside it (a score on 3 mentions is not one on 300).
-- One row per population (`actor_mentions`, `keyword_mentions`), geography, dimension and value:
-- dimension `geography` (one row per geography, all 24, null tone without mentions), `scope`,
-- `actor`, `outlet` (outlet group), `month` (first day) and, for keyword mentions, `keyword`.
with mentions as (
    select * from {{ ref('fct_media_mentions') }} where in_window
),
keywords as (
    select * from {{ ref('fct_keyword_mentions') }} where in_window
),
long as (
    select 'actor_mentions' as population, geography_id, 'geography' as dimension, geography_id as dimension_value,
           cast(null as varchar) as dimension_label, sentiment, sentiment_score
    from mentions
    union all
    select 'actor_mentions', geography_id, 'scope', actor_scope, actor_scope, sentiment, sentiment_score from mentions
    union all
    select 'actor_mentions', geography_id, 'actor', actor_id, actor_name, sentiment, sentiment_score from mentions
    union all
    select 'actor_mentions', geography_id, 'outlet', outlet_group, outlet_group, sentiment, sentiment_score from mentions
    union all
    select 'actor_mentions', geography_id, 'month', strftime(month, '%Y-%m'), strftime(month, '%Y-%m'),
           sentiment, sentiment_score
    from mentions
    union all
    select 'keyword_mentions', geography_id, 'geography', geography_id, null, sentiment, sentiment_score from keywords
    union all
    select 'keyword_mentions', geography_id, 'keyword', keyword, keyword_label, sentiment, sentiment_score from keywords
    union all
    select 'keyword_mentions', geography_id, 'outlet', outlet_group, outlet_group, sentiment, sentiment_score from keywords
    union all
    select 'keyword_mentions', geography_id, 'month', strftime(month, '%Y-%m'), strftime(month, '%Y-%m'),
           sentiment, sentiment_score
    from keywords
),
counts as (
    select
        population,
        geography_id,
        dimension,
        dimension_value,
        any_value(dimension_label) as dimension_label,
        count(*) as mention_count,
        count(*) filter (where sentiment_score < 0) as negative_mentions,
        count(*) filter (where sentiment_score = 0) as neutral_mentions,
        count(*) filter (where sentiment_score > 0) as positive_mentions,
        sum(sentiment_score) as score_sum
    from long
    group by population, geography_id, dimension, dimension_value
),
geography_grid as (
    select populations.population, geography.geography_id, geography.geography_name
    from {{ ref('dim_geography') }} as geography
    cross join (values ('actor_mentions'), ('keyword_mentions')) as populations (population)
)
select
    geography_grid.population,
    geography_grid.geography_id,
    'geography' as dimension,
    geography_grid.geography_id as dimension_value,
    geography_grid.geography_name as dimension_label,
    coalesce(counts.mention_count, 0) as mention_count,
    coalesce(counts.negative_mentions, 0) as negative_mentions,
    coalesce(counts.neutral_mentions, 0) as neutral_mentions,
    coalesce(counts.positive_mentions, 0) as positive_mentions,
    coalesce(counts.score_sum, 0) as score_sum,
    round(counts.score_sum / nullif(counts.mention_count, 0), 3) as net_tone
from geography_grid
left join counts
    on counts.population = geography_grid.population
    and counts.geography_id = geography_grid.geography_id
    and counts.dimension = 'geography'
union all
select
    population,
    geography_id,
    dimension,
    dimension_value,
    dimension_label,
    mention_count,
    negative_mentions,
    neutral_mentions,
    positive_mentions,
    score_sum,
    round(score_sum / mention_count, 3) as net_tone
from counts
where dimension <> 'geography'
