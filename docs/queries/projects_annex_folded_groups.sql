-- Annex 5.3: the folded groups and their members with project counts.
-- Annex 5.3: the folded groups and their members with project counts, as the annex prints them
-- (Other Russian Organizations 30, Other CSO/NGO 91, ...). `folds_because` and
-- `folds_under_literal_rule` show members folded at exactly the threshold: the Embassy in
-- Nur-Sultan (5) among channels "with fewer than 5".
SELECT group_label, group_member_count, group_project_count, member_name, member_project_count,
       folds_because, folds_under_literal_rule
FROM marts.russian_project_folded_groups
WHERE geography_id = getvariable('geography_id') AND is_folded
ORDER BY group_sort_order, member_name;
