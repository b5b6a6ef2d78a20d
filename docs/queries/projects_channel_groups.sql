-- Channel groups: distinct projects per group before folding.
-- Channel groups: distinct projects per group before folding ("consular bodies ... collectively
-- involved in 133 different projects"). A project with two consulates counts once.
SELECT channel_group_label, member_count, project_count, lead_project_count, member_project_sum
FROM marts.russian_project_channel_groups
WHERE geography_id = getvariable('geography_id')
ORDER BY group_sort_order;
