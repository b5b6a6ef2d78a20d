-- Figure 5: direct versus indirect legal cases by targeted group, with the overall split.
-- One row per targeted group and charge link (mentions, share of the group's mentions), then two
-- rows "All legal cases" (is_overall) with the share of cases charged directly or indirectly
-- (mention_count null: a case naming two groups counts once). Kazakhstan: 265 mentions over
-- the groups; overall 78% direct / 22% indirect of 249 cases.
SELECT target_group, target_group_label, charge_link, mention_count, share_of_target_group_pct,
       false AS is_overall
FROM marts.legal_cases_by_charge_link
WHERE geography_id = getvariable('geography_id')
UNION ALL
SELECT NULL, 'All legal cases', split.charge_link, NULL, split.share_pct, true
FROM marts.restriction_headlines AS h,
     (VALUES ('direct'), ('indirect')) AS split_link(charge_link),
     LATERAL (
         SELECT split_link.charge_link,
                CASE split_link.charge_link
                    WHEN 'direct' THEN h.direct_charge_share_pct
                    ELSE h.indirect_charge_share_pct
                END AS share_pct
     ) AS split
WHERE h.geography_id = getvariable('geography_id') AND h.state_legal_case_events > 0
ORDER BY is_overall, target_group_label, charge_link;
