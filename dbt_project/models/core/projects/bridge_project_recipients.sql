-- Many-to-many bridge: the recipient organisations of a project, in sheet order.
select project_id, org_id, position
from {{ ref('int_project_recipients') }}
