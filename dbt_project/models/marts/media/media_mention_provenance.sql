-- The articles behind any count: one row per actor mention (record_kind 'actor', record_id =
-- mention_id) and per keyword mention (record_kind 'keyword', record_id = an|geography|keyword),
-- in or out of the window (`in_window`), with what was coded and the article it was coded from
-- (accession number, outlet, publication date, title, status, Factiva link) and the sheet row.
select
    'actor' as record_kind,
    mentions.mention_id as record_id,
    mentions.geography_id,
    mentions.in_window,
    mentions.month,
    mentions.actor_scope,
    mentions.actor_kind,
    mentions.actor_category,
    mentions.actor_id,
    mentions.actor_name,
    mentions.actor_name_as_coded,
    cast(null as varchar) as keyword,
    mentions.sentiment,
    mentions.sentiment_score,
    mentions.an,
    mentions.source_code,
    mentions.outlet,
    mentions.outlet_group,
    mentions.publication_date,
    article.title as article_title,
    article.article_status,
    mentions.article_deleted,
    article.factiva_url,
    mentions.source_file,
    mentions.source_row
from {{ ref('fct_media_mentions') }} as mentions
left join {{ ref('dim_factiva_article') }} as article using (an)
union all
select
    'keyword',
    keywords.keyword_mention_id,
    keywords.geography_id,
    keywords.in_window,
    keywords.month,
    null,
    null,
    null,
    null,
    null,
    null,
    keywords.keyword,
    keywords.sentiment,
    keywords.sentiment_score,
    keywords.an,
    keywords.source_code,
    keywords.outlet,
    keywords.outlet_group,
    keywords.publication_date,
    article.title,
    article.article_status,
    keywords.article_deleted,
    article.factiva_url,
    keywords.source_file,
    keywords.source_row
from {{ ref('fct_keyword_mentions') }} as keywords
left join {{ ref('dim_factiva_article') }} as article using (an)
