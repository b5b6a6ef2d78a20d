-- One row per (project, entity_id): the project's `russian_entity` links in sheet order. A value coded twice
-- in one cell counts once, at its first position.
with links as (
    select *
    from {{ ref('stg_project_sheets__links') }}
    where link_kind = 'russian_entity'
    qualify row_number() over (partition by project_id, link_value order by position) = 1
)
select
    project_id,
    link_value as entity_id,
    position,
    case when position = 1 then 'lead' else 'supporting' end as role,
    name_as_coded,
    source_file,
    source_row
from links
