-- The five-point sentiment scale (seed media/sentiment_scale) with its score -2..+2.
select
    sentiment,
    label,
    cast(score as integer) as score,
    cast(sort_order as integer) as sort_order
from {{ ref('sentiment_scale') }}
