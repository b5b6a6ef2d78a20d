-- Spike months of mentions, with the nearest political event.
-- Spike months: at least media_spike_min_mentions mentions and media_spike_factor times the
-- geography's mean over its other months (dbt vars), with the nearest political event.
SELECT year_month, mentions, baseline, ratio_to_baseline, nearest_event_label, nearest_event_date,
       days_from_nearest_event, near_event
FROM marts.media_mention_spikes
WHERE geography_id = getvariable('geography_id') AND is_spike
ORDER BY month;
