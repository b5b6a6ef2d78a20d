-- Net tone across geographies, with the counts behind each.
-- Net tone across geographies: mean sentiment score (-2 extremely negative .. +2 extremely
-- positive) of in-window actor mentions and of keyword mentions, with the counts behind each
-- (a score on 3 mentions is not one on 300). All 24 geographies; null tone without mentions;
-- `is_selected_geography` marks the row of getvariable('geography_id').
SELECT a.geography_id, a.dimension_label AS geography_name,
       a.mention_count AS actor_mentions, a.net_tone AS actor_net_tone,
       k.mention_count AS keyword_mentions, k.net_tone AS keyword_net_tone,
       a.geography_id = getvariable('geography_id') AS is_selected_geography
FROM marts.media_tone AS a
JOIN marts.media_tone AS k
  ON k.geography_id = a.geography_id AND k.population = 'keyword_mentions' AND k.dimension = 'geography'
WHERE a.population = 'actor_mentions' AND a.dimension = 'geography'
ORDER BY a.mention_count DESC, a.geography_id;
