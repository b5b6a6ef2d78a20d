-- Figure 12: projects and distinct recipient organisations per channel.
-- Figure 12: projects and distinct recipient organisations per channel, as displayed after the
-- grouping rule (Rossotrudnichestvo 167 projects / 126 organisations; "Other Russian
-- Organizations" holds the channels with too few projects, listed by projects_annex_folded_groups).
SELECT channel_label, channel_group_label, member_count, project_count, lead_project_count,
       supporting_project_count, recipient_org_count, round(share_of_projects_pct) AS pct_of_projects
FROM marts.russian_project_channels
WHERE geography_id = getvariable('geography_id')
ORDER BY is_folded_group, project_count DESC, channel_label;
