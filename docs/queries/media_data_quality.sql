-- What the media marts leave out or flag for a geography.
-- What the media marts leave out or flag for a geography: mentions and keyword mentions of
-- articles outside the window (kept, not counted), of articles later deleted from Factiva
-- (kept, counted), unlisted actors and names resolved through aliases.
SELECT mentions_coded, mentions_in_window, mentions_out_of_window, mentions_article_deleted,
       mentions_article_missing, mentions_outlet_out_of_scope, mentions_unlisted_actor, unlisted_actors,
       mentions_name_resolved, keyword_mentions_coded, keyword_mentions_in_window,
       keyword_mentions_out_of_window, keyword_mentions_article_deleted
FROM marts.media_data_quality
WHERE geography_id = getvariable('geography_id');
