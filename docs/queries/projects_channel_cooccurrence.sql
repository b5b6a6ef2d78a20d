-- How one channel works with the others: projects together, without the other entity and alone.
-- How one channel works with the others: the Consulate General in Oral's 99 projects, 33 with
-- Rossotrudnichestvo, 66 with no other entity, 2 with the Tatarstan office.
SELECT coalesce(other_entity_name, '(no other entity)') AS with_entity, projects_together,
       projects_without_other, entity_project_count, projects_alone
FROM marts.russian_channel_cooccurrence
WHERE geography_id = getvariable('geography_id') AND entity_name = 'Consulate General in Oral'
ORDER BY is_alone_row DESC, projects_together DESC, with_entity;
