-- Named versus informal actors by scope and kind, and the categories within each kind, with the
-- neutral share. Kazakhstan: domestic named organizations 7 actors / 9 mentions (all neutral;
-- media 5, community organisations 3), informal groups 12 / 14 (8 neutral = 57%); external
-- intergovernmental 7 / 37, foreign organizations 7 / 12, general foreign actors 9 / 13.
SELECT actor_scope, breakdown, actor_kind_label, actor_category_label, actors, mentions,
       neutral_mentions, round(neutral_share_pct) AS neutral_pct, round(share_of_scope_pct) AS share_of_scope_pct
FROM marts.media_mentions_by_kind
WHERE geography_id = getvariable('geography_id') AND breakdown IN ('kind', 'kind_category')
ORDER BY actor_scope, actor_kind_sort_order, breakdown <> 'kind', actor_category_sort_order NULLS LAST;
