-- What the media marts leave out or rest on weakly, per geography (all 24): mentions and keyword
-- mentions whose article is published outside the window (kept in the facts, not counted),
-- in-window ones whose article was later deleted from Factiva (kept, flagged, still counted),
-- articles missing from the store or from an outlet out of scope (the gate blocks a release
-- with any), and mentions of actors the seed media/media_actors does not list.
with mentions as (
    select
        geography_id,
        count(*) as mentions_coded,
        count(*) filter (where in_window) as mentions_in_window,
        count(*) filter (where not in_window) as mentions_out_of_window,
        count(*) filter (where in_window and article_deleted) as mentions_article_deleted,
        count(*) filter (where not article_found) as mentions_article_missing,
        count(*) filter (where article_found and not outlet_in_scope) as mentions_outlet_out_of_scope,
        count(*) filter (where in_window and not actor_listed) as mentions_unlisted_actor,
        count(distinct actor_id) filter (where in_window and not actor_listed) as unlisted_actors,
        count(*) filter (where in_window and actor_name <> actor_name_as_coded) as mentions_name_resolved
    from {{ ref('fct_media_mentions') }}
    group by geography_id
),
keywords as (
    select
        geography_id,
        count(*) as keyword_mentions_coded,
        count(*) filter (where in_window) as keyword_mentions_in_window,
        count(*) filter (where not in_window) as keyword_mentions_out_of_window,
        count(*) filter (where in_window and article_deleted) as keyword_mentions_article_deleted,
        count(*) filter (where not article_found) as keyword_mentions_article_missing,
        count(*) filter (where article_found and not outlet_in_scope) as keyword_mentions_outlet_out_of_scope
    from {{ ref('fct_keyword_mentions') }}
    group by geography_id
)
select
    geography.geography_id,
    geography.geography_name,
    coalesce(mentions.mentions_coded, 0) as mentions_coded,
    coalesce(mentions.mentions_in_window, 0) as mentions_in_window,
    coalesce(mentions.mentions_out_of_window, 0) as mentions_out_of_window,
    coalesce(mentions.mentions_article_deleted, 0) as mentions_article_deleted,
    coalesce(mentions.mentions_article_missing, 0) as mentions_article_missing,
    coalesce(mentions.mentions_outlet_out_of_scope, 0) as mentions_outlet_out_of_scope,
    coalesce(mentions.mentions_unlisted_actor, 0) as mentions_unlisted_actor,
    coalesce(mentions.unlisted_actors, 0) as unlisted_actors,
    coalesce(mentions.mentions_name_resolved, 0) as mentions_name_resolved,
    coalesce(keywords.keyword_mentions_coded, 0) as keyword_mentions_coded,
    coalesce(keywords.keyword_mentions_in_window, 0) as keyword_mentions_in_window,
    coalesce(keywords.keyword_mentions_out_of_window, 0) as keyword_mentions_out_of_window,
    coalesce(keywords.keyword_mentions_article_deleted, 0) as keyword_mentions_article_deleted,
    coalesce(keywords.keyword_mentions_article_missing, 0) as keyword_mentions_article_missing,
    coalesce(keywords.keyword_mentions_outlet_out_of_scope, 0) as keyword_mentions_outlet_out_of_scope
from {{ ref('dim_geography') }} as geography
left join mentions using (geography_id)
left join keywords using (geography_id)
