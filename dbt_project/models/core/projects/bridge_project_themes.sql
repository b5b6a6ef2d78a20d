-- Many-to-many bridge: the themes of a project, in sheet order.
select project_id, theme, position
from {{ ref('int_project_themes') }}
