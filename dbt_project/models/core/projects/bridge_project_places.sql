-- Many-to-many bridge: the places of a project, in sheet order.
select project_id, place_id, position
from {{ ref('int_project_places') }}
