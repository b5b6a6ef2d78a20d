-- Reconciliation: every printed figure of a report against the published marts, with its verdict.
-- One row per printed figure of the selected geography, from the seed (the Kazakhstan report,
-- report_id 'kaz_2023') and from any report CSV landed in landing/reports/: where it is printed
-- (report_id, figure_id), what it is (measure, dimension_1, dimension_2), the printed text and
-- value, the published value (computed_value, computed_rounded to the printed precision), the
-- difference and the verdict: exact, within_rounding (|printed - computed| <= half a unit of the
-- printed precision), differs, not_computed (the marts publish no such value). Figures that
-- differ come first. Kazakhstan: 326 figures, 195 exact, 119 within rounding, 8 differ (the
-- report's slips: Table 5's "-.2.5%", press 56% vs 59%, "+5 pp each" for sport and labour
-- unions, "93% of those neutral", "Other Russian Organizations" 30 under the "fewer than 5
-- projects" rule with the Embassy [5] in it, "Other CSO/NGO" 91, the North Kazakhstan assembly
-- 1 vs [2]), 4 not computed. See docs/reconciliation.md.
SELECT
    report_id,
    figure_id,
    measure,
    dimension_1,
    dimension_2,
    printed_text,
    printed_value,
    computed_value,
    computed_rounded,
    difference,
    verdict,
    note,
    verdict_note,
    source_model,
    source_column,
    figures_source,
    source_file,
    source_row
FROM marts.report_reconciliation
WHERE geography_id = getvariable('geography_id')
ORDER BY
    CASE verdict WHEN 'differs' THEN 0 WHEN 'not_computed' THEN 1
        WHEN 'within_rounding' THEN 2 ELSE 3 END,
    report_id, figure_id, measure, dimension_1, dimension_2
