-- Many-to-many bridge: the Russian entities of a project, lead (position 1) first.
select project_id, entity_id, position, role
from {{ ref('int_project_russian_entities') }}
