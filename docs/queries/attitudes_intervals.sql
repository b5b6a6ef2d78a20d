-- Survey estimates with their 95% intervals: every attitude indicator of the geography per wave.
-- The weighted share with its interval and margin of error, the regional mean and how many
-- countries it averages, and whether the gap to it and the change since the previous wave lie
-- within the margin of error (the flags the report's "on par with" and "no significant change"
-- rest on). One row per topic, indicator and wave; no rows for a geography without survey data.
SELECT topic,
       CASE WHEN topic = 'political_action' THEN item_label || ': ' || outcome_label
            ELSE item_label END AS indicator,
       wave_group, period_label,
       round(share_pct, 1) AS share_pct, round(ci_low_pct, 1) AS ci_low_pct,
       round(ci_high_pct, 1) AS ci_high_pct, round(margin_of_error_pp, 1) AS margin_of_error_pp,
       round(regional_mean_pct, 1) AS regional_mean_pct, regional_country_count,
       gap_within_margin, round(change_pp, 1) AS change_pp, change_within_margin, n_unweighted
FROM marts.attitude_indicators
WHERE geography_id = getvariable('geography_id')
ORDER BY topic, indicator, wave_group;
