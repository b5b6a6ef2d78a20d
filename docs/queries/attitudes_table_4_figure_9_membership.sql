-- Table 4 and Figure 9: membership in voluntary organisations, 2011 and 2018, with the change.
-- One row per organisation type (and the average over types, item member_average): percent
-- members in wvs6 ("2011") and evs_wvs_2017 ("2018") rounded as printed, the percentage-point
-- change with one decimal and whether it lies within the margin of error, and the regional means.
-- Kazakhstan: churches 8/8/-0.6, sport 12/15/3.6, labour unions 9/16/7.0, ...; average 7 and 9.
SELECT item_id, item_label,
       round(max(share_pct) FILTER (WHERE wave_group = 'wvs6')) AS pct_2011,
       round(max(share_pct) FILTER (WHERE wave_group = 'evs_wvs_2017')) AS pct_2018,
       round(max(change_pp) FILTER (WHERE wave_group = 'evs_wvs_2017'), 1) AS change_pp,
       bool_or(change_within_margin) FILTER (WHERE wave_group = 'evs_wvs_2017') AS change_within_margin,
       round(max(regional_mean_pct) FILTER (WHERE wave_group = 'wvs6')) AS region_pct_2011,
       round(max(regional_mean_pct) FILTER (WHERE wave_group = 'evs_wvs_2017')) AS region_pct_2018,
       round(max(gap_to_regional_mean_pp) FILTER (WHERE wave_group = 'wvs6')) AS gap_pp_2011,
       round(max(gap_to_regional_mean_pp) FILTER (WHERE wave_group = 'evs_wvs_2017')) AS gap_pp_2018
FROM marts.voluntary_membership
WHERE geography_id = getvariable('geography_id') AND outcome = 'member'
GROUP BY item_id, item_label
ORDER BY item_id = 'member_average', item_label;
