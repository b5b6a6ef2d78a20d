-- Mentions around political events (+/- 31 days, dbt var media_event_window_days): per event and
-- for all events together. Kazakhstan: 52 of 85 mentions (61%) around the presidential elections
-- of April 2015 and June 2019 and the parliamentary election of March 2016, 48 of them neutral (93%).
SELECT event_id, event_date, label, mentions_near_event, geography_mentions,
       round(share_of_mentions_pct) AS share_pct, neutral_mentions_near_event,
       round(neutral_share_pct) AS neutral_pct
FROM marts.media_event_clustering
WHERE geography_id = getvariable('geography_id')
ORDER BY is_all_events, event_date;
