-- Section 3.2: the figures of the text, mentions by scope, named versus generalised actors and neutral shares.
-- Section 3.2, the figures of the text (Kazakhstan: 85 mentions, 62 external, 23 domestic; 9
-- domestic mentions name a specific group = 39%, of 7 named actors; 14 generalised mentions of 12
-- informal groups, 8 neutral = 57%; 21 organisations named, 21 informal groups; 56 of 62
-- external mentions neutral = 90%; 188 keyword mentions).
SELECT mentions, external_mentions, domestic_mentions,
       domestic_named_mentions, round(domestic_named_share_pct) AS domestic_named_pct, named_domestic_actors,
       domestic_informal_mentions, informal_domestic_groups, domestic_informal_neutral_mentions,
       round(domestic_informal_neutral_share_pct) AS domestic_informal_neutral_pct,
       organisations_named, informal_groups,
       external_neutral_mentions, round(external_neutral_share_pct) AS external_neutral_pct,
       keyword_mentions, outlet_groups, mentions_outside_window
FROM marts.media_mention_headlines
WHERE geography_id = getvariable('geography_id');
