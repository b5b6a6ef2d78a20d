-- Figures 7 and 8: political action, have done / might do / would never, per item and wave.
-- With the regional mean of "have done", whether the gap lies within the margin of error, and
-- the change of "have done" and of "have done or might do" from the previous wave (pp).
-- Kazakhstan 2011: demonstrations 6% done, 18% might do, 2 pp under the region.
SELECT wave_group, item_id, item_label, round(have_done_pct, 1) AS have_done,
       round(might_do_pct, 1) AS might_do, round(would_never_pct, 1) AS would_never,
       round(have_done_regional_mean_pct, 1) AS region_have_done, have_done_gap_within_margin,
       round(have_done_change_pp, 1) AS have_done_change_pp,
       round(have_done_or_might_do_pct, 1) AS have_done_or_might_do,
       round(have_done_or_might_do_regional_mean_pct, 1) AS region_have_done_or_might_do,
       round(have_done_or_might_do_change_pp, 1) AS have_done_or_might_do_change_pp
FROM marts.political_action
WHERE geography_id = getvariable('geography_id')
ORDER BY item_label, wave_group DESC;
