-- One row per (project, org_id): the project's `recipient` links in sheet order. A value coded twice
-- in one cell counts once, at its first position.
with links as (
    select *
    from {{ ref('stg_project_sheets__links') }}
    where link_kind = 'recipient'
    qualify row_number() over (partition by project_id, link_value order by position) = 1
)
select
    project_id,
    link_value as org_id,
    position,
    name_as_coded,
    source_file,
    source_row
from links
