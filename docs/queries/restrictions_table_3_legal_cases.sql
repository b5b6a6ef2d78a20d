-- Table 3: state-backed legal cases by defendant category, in the report's row order.
-- Kazakhstan: Media/Journalist 36, Political Opposition 89, Formal CSO/NGO 25, Individual
-- Activist/Advocate 67, Other Community Group 21, Other 27: 265 mentions over 249 cases (16 cases
-- name two defendant categories).
SELECT target_group, target_group_label AS defendant_category, CAST(sum(mention_count) AS BIGINT) AS cases
FROM marts.restriction_targets
WHERE geography_id = getvariable('geography_id') AND restriction_type = 'state_legal_case'
GROUP BY target_group, target_group_label, target_group_sort_order
ORDER BY target_group_sort_order;
