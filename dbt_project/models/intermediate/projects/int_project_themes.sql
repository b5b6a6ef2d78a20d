-- One row per (project, theme): the project's `theme` links in sheet order. A value coded twice
-- in one cell counts once, at its first position.
with links as (
    select *
    from {{ ref('stg_project_sheets__links') }}
    where link_kind = 'theme'
    qualify row_number() over (partition by project_id, link_value order by position) = 1
)
select
    project_id,
    link_value as theme,
    position,
    source_file,
    source_row
from links
