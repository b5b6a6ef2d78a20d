-- Figure 2: harassment or violence by targeted group, instances and share of instances.
-- A restriction can target several groups, so the percentages add up to more than 100.
-- Kazakhstan: political opposition most targeted (44%), then media/journalists.
SELECT t.target_group, t.target_group_label, CAST(sum(t.mention_count) AS BIGINT) AS instances,
       round(100.0 * sum(t.mention_count) / max(h.harassment_violence_events), 1) AS pct_of_instances
FROM marts.restriction_targets AS t
JOIN marts.restriction_headlines AS h USING (geography_id)
WHERE t.geography_id = getvariable('geography_id') AND t.restriction_type = 'harassment_violence'
GROUP BY t.target_group, t.target_group_label
ORDER BY instances DESC, t.target_group_label;
