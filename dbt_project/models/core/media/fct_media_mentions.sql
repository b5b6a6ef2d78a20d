-- One row per coded mention of a civic space actor (mention_id), in or out of the barometer
-- window: outlet, publication date, month and in_window come from the article (an) in the
-- Factiva store, never from the sheet. Mentions of deleted articles are kept and flagged
-- (article_deleted) and still counted; out-of-window mentions are kept and not counted by marts.
with mentions as (
    select * from {{ ref('stg_media_sheets__mentions') }}
)
select
    mentions.mention_id,
    mentions.geography_id,
    mentions.country_as_coded,
    mentions.an,
    article.source_code,
    article.outlet,
    article.outlet_group,
    article.publication_date,
    article.month,
    coalesce(article.in_window, false) as in_window,
    coalesce(article.article_deleted, false) as article_deleted,
    article.an is not null as article_found,
    coalesce(article.outlet_in_scope, false) as outlet_in_scope,
    actor.actor_id,
    actor.name as actor_name,
    mentions.actor_name as actor_name_as_coded,
    mentions.actor_id is not null as actor_listed,
    mentions.actor_scope,
    mentions.actor_kind,
    mentions.actor_category,
    mentions.actor_kind in ('named_organization', 'intergovernmental', 'foreign_organization') as is_named_actor,
    mentions.sentiment,
    sentiment.score as sentiment_score,
    mentions.source_file,
    mentions.source_row,
    mentions.file_hash,
    mentions.loaded_at
from mentions
left join {{ ref('int_media_articles') }} as article using (an)
left join {{ ref('dim_media_actor') }} as actor
    on actor.actor_id = coalesce(mentions.actor_id, 'unlisted:' || mentions.actor_key)
left join {{ ref('dim_sentiment') }} as sentiment using (sentiment)
