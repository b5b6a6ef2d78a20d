-- Many-to-many bridge: every source a project cites (Factiva accession numbers with the article's
-- status in the article store, and URLs).
select project_id, source_kind, position, an, url, article_status
from {{ ref('int_project_sources') }}
