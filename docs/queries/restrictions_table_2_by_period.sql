-- Table 2: recorded restrictions by type and report period, with the Total row and column.
-- One row per restriction type (restriction_type, restriction = its label) and a last row
-- "Total" (restriction_type null); one column per report period (2017 .. 2021-Q1) and "Total".
-- Kazakhstan: harassment/violence 43/84/129/163/12, restrictive legislation 9/7/4/6/0, state
-- legal cases 41/36/64/98/10; Total 93/127/197/267/22 = 706.
PIVOT (
    SELECT restriction_type,
           coalesce(restriction_type_label, 'Total') AS restriction,
           grouping(restriction_type) AS is_total_row,
           coalesce(report_period, 'Total') AS report_period,
           sum(event_count) AS event_count
    FROM marts.restrictions_by_period
    WHERE geography_id = getvariable('geography_id')
    GROUP BY GROUPING SETS (
        (restriction_type, restriction_type_label, report_period),
        (restriction_type, restriction_type_label),
        (report_period),
        ()
    )
) ON report_period USING CAST(sum(event_count) AS BIGINT)
ORDER BY is_total_row, restriction;
