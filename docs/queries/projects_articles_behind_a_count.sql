-- The articles behind any count: the projects a mart counted and every article behind each.
-- The articles behind any count: the projects a mart counted and every article (accession number,
-- title, outlet, publication date, URL) behind each. `counted` names the projects of the count:
-- here Rossotrudnichestvo's 167 (Figure 12); swap in the bridge of the counted dimension (see
-- docs/report-queries.md). count(DISTINCT project_id) of the result equals the mart's count.
WITH counted AS (
    SELECT b.project_id
    FROM core.bridge_project_russian_entities AS b
    JOIN core.dim_russian_entity AS e USING (entity_id)
    WHERE e.name = 'Rossotrudnichestvo'
)
SELECT p.project_id, p.start_date, p.title, p.lead_entity_name, p.source_kind, p.an,
       p.article_title, p.outlet, p.publication_date, p.article_status, p.url
FROM marts.russian_project_provenance AS p
WHERE p.geography_id = getvariable('geography_id') AND p.in_window
  AND p.project_id IN (SELECT project_id FROM counted)
ORDER BY p.start_date, p.project_id, p.source_position;
