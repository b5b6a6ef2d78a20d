-- Figure 6: interest in politics versus the regional mean, per wave.
-- Weighted share interested, the regional mean and how many countries it averages, whether the
-- gap lies within the margin of error, and the change from the previous wave (pp). Kazakhstan:
-- 44% in 2011 (wvs6, on par with the region), 42% in 2018 (evs_wvs_2017), -2 pp.
SELECT wave_group, round(share_pct, 1) AS interested_pct, round(regional_mean_pct, 1) AS region_pct,
       regional_country_count, gap_within_margin, round(change_pp, 1) AS change_pp
FROM marts.political_interest
WHERE geography_id = getvariable('geography_id')
ORDER BY wave_group DESC;
