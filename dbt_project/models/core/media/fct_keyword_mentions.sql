-- One row per keyword coded for an article and geography (an, geography_id, keyword), in or out
-- of the barometer window: outlet, publication date, month and in_window come from the article.
with keywords as (
    select * from {{ ref('stg_media_sheets__keyword_mentions') }}
)
select
    keywords.an || '|' || keywords.geography_id || '|' || keywords.keyword as keyword_mention_id,
    keywords.geography_id,
    keywords.country_as_coded,
    keywords.an,
    article.source_code,
    article.outlet,
    article.outlet_group,
    article.publication_date,
    article.month,
    coalesce(article.in_window, false) as in_window,
    coalesce(article.article_deleted, false) as article_deleted,
    article.an is not null as article_found,
    coalesce(article.outlet_in_scope, false) as outlet_in_scope,
    keywords.keyword,
    keyword.label as keyword_label,
    keywords.sentiment,
    sentiment.score as sentiment_score,
    keywords.source_file,
    keywords.source_row,
    keywords.file_hash,
    keywords.loaded_at
from keywords
left join {{ ref('int_media_articles') }} as article using (an)
left join {{ ref('dim_media_keyword') }} as keyword using (keyword)
left join {{ ref('dim_sentiment') }} as sentiment using (sentiment)
