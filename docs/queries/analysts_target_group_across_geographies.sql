-- Everyday question: how often is one group (journalists, the opposition, ...) targeted across the region?
-- One row per targeted group, restriction type and geography over the whole window: `mentions`
-- (restrictions of the type naming the group), `type_events` (all the geography's restrictions of
-- the type, the denominator), `share_of_type_pct` and the geography's rank for that group and
-- type; `is_selected_geography` marks the geography. Filter one group with e.g.
-- `WHERE target_group = 'media_journalists'`. Kazakhstan: political opposition on 44% of its
-- harassment/violence instances, as in Figure 2.
WITH mentions AS (
    SELECT geography_id, restriction_type, target_group, target_group_label,
           sum(mention_count) AS mentions
    FROM marts.restriction_targets
    GROUP BY ALL
),
type_events AS (
    SELECT geography_id, restriction_type, sum(event_count) AS type_events
    FROM marts.restrictions_by_period
    GROUP BY ALL
)
SELECT m.target_group, m.target_group_label, m.restriction_type, m.geography_id,
       g.geography_name, m.geography_id = getvariable('geography_id') AS is_selected_geography,
       CAST(m.mentions AS BIGINT) AS mentions, CAST(t.type_events AS BIGINT) AS type_events,
       round(100.0 * m.mentions / t.type_events, 1) AS share_of_type_pct,
       rank() OVER (PARTITION BY m.target_group, m.restriction_type ORDER BY m.mentions DESC)
           AS rank_among_geographies
FROM mentions AS m
JOIN type_events AS t USING (geography_id, restriction_type)
JOIN core.dim_geography AS g USING (geography_id)
ORDER BY m.target_group_label, m.restriction_type, mentions DESC, g.geography_name;
