-- Figure 3: harassment or violence by initiator.
-- Legislation and legal cases are left out: their initiator is the government by definition
-- (docs/report-notes.md). Kazakhstan: government 380, unidentified 45, domestic non-government 21,
-- foreign government 7.
SELECT initiator, initiator_label, CAST(sum(mention_count) AS BIGINT) AS mentions
FROM marts.restriction_initiators
WHERE geography_id = getvariable('geography_id') AND restriction_type = 'harassment_violence'
GROUP BY initiator, initiator_label
ORDER BY mentions DESC, initiator_label;
