-- Restrictions: the shares quoted in the text, with the counts behind them.
-- Kazakhstan: 706 events in the window (3 more outside it, kept and not counted); harassment or
-- violence 61%, state legal cases 35%, restrictive legislation 4%; peak period 2020 with 38%;
-- 96% acted on (harassment 85%); political opposition 44% of harassment, then media.
SELECT total_events, events_outside_window, harassment_violence_events, state_legal_case_events,
       restrictive_legislation_events, harassment_violence_share_pct, state_legal_case_share_pct,
       restrictive_legislation_share_pct, peak_report_period, peak_period_share_pct,
       acted_on_share_pct, acted_on_harassment_share_pct,
       political_opposition_share_of_harassment_pct, top_harassment_target_group,
       second_harassment_target_group, direct_charge_share_pct, indirect_charge_share_pct
FROM marts.restriction_headlines
WHERE geography_id = getvariable('geography_id');
