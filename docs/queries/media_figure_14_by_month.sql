-- Figure 14: mentions per month by scope (2015-01..2021-03, zero months included), one row per
-- month with the two series side by side and the election months marked.
SELECT m.year_month,
       sum(m.mentions) FILTER (WHERE m.actor_scope = 'domestic') AS domestic,
       sum(m.mentions) FILTER (WHERE m.actor_scope = 'external') AS external,
       sum(m.mentions) AS mentions,
       any_value(s.is_spike) AS is_spike,
       any_value(CASE WHEN s.days_from_nearest_event = 0 THEN s.nearest_event_label END) AS event_in_month
FROM marts.media_mentions_by_month AS m
JOIN marts.media_mention_spikes AS s USING (geography_id, month)
WHERE m.geography_id = getvariable('geography_id')
GROUP BY m.year_month
ORDER BY m.year_month;
