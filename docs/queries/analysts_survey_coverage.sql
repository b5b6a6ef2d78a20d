-- Everyday question: which surveys cover the geography, wave by wave?
-- One row per wave group with a selected sample for the geography: `report_wave_label` (the
-- reports' name: "2011" for wvs6, "2018" for evs_wvs_2017, Gallup by year, CAB by wave), the
-- survey family, study and fieldwork years behind it, respondents, attitude indicators estimated
-- and the countries the wave's regional means cover. Kazakhstan: 18 wave groups (WVS 6,
-- EVS/WVS 2017, Gallup 2010-2021, CAB waves 2-5); a territory without surveys has no rows.
SELECT s.wave_group, w.report_wave_label, w.wave_group_label, w.series, s.survey_family,
       s.study, s.first_fieldwork_year, s.last_fieldwork_year, s.n_respondents,
       count(DISTINCT a.item_id) AS indicators_estimated,
       (SELECT count(DISTINCT c.geography_id)
        FROM marts.attitude_regional_coverage AS c
        WHERE c.wave_group = s.wave_group) AS countries_in_wave
FROM core.dim_survey_sample AS s
JOIN reference.survey_wave_groups AS w USING (wave_group)
LEFT JOIN marts.attitude_indicators AS a
    ON a.geography_id = s.geography_id AND a.wave_group = s.wave_group
WHERE s.geography_id = getvariable('geography_id') AND s.is_selected_sample
GROUP BY ALL
ORDER BY w.series, any_value(w.series_order);
