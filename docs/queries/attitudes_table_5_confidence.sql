-- Table 5: confidence in institutions, 2011 and 2018, with the change and the regional means.
-- One row per institution: percent confident in wvs6 ("2011") and evs_wvs_2017 ("2018") rounded
-- as printed, the percentage-point change with one decimal, the regional means and the gaps to
-- them (pp). Kazakhstan: churches 62/79/17.1, armed forces 72/81/8.9, government 75/69/-6.2, ...
SELECT item_id, item_label,
       round(max(share_pct) FILTER (WHERE wave_group = 'wvs6')) AS pct_2011,
       round(max(share_pct) FILTER (WHERE wave_group = 'evs_wvs_2017')) AS pct_2018,
       round(max(change_pp) FILTER (WHERE wave_group = 'evs_wvs_2017'), 1) AS change_pp,
       bool_or(change_within_margin) FILTER (WHERE wave_group = 'evs_wvs_2017') AS change_within_margin,
       round(max(regional_mean_pct) FILTER (WHERE wave_group = 'wvs6')) AS region_pct_2011,
       round(max(regional_mean_pct) FILTER (WHERE wave_group = 'evs_wvs_2017')) AS region_pct_2018,
       round(max(gap_to_regional_mean_pp) FILTER (WHERE wave_group = 'wvs6')) AS gap_pp_2011,
       round(max(gap_to_regional_mean_pp) FILTER (WHERE wave_group = 'evs_wvs_2017')) AS gap_pp_2018
FROM marts.institutional_confidence
WHERE geography_id = getvariable('geography_id') AND outcome = 'confident'
GROUP BY item_id, item_label
ORDER BY item_label;
