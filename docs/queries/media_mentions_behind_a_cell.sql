-- The mentions and articles behind any cell: filter the provenance mart as the cell is counted.
-- Here Table 7's OSCE ODIHR / neutral cell for Kazakhstan (14 mentions, coded as "OSCE ODIHR"
-- or "OSCE/ODIHR"); see docs/report-queries.md for the filter of every other mart.
SELECT record_id, actor_name, actor_name_as_coded, sentiment, an, outlet, publication_date,
       article_title, article_status, factiva_url, source_file, source_row
FROM marts.media_mention_provenance
WHERE geography_id = getvariable('geography_id') AND in_window
  AND record_kind = 'actor' AND actor_scope = 'external'
  AND actor_name = 'OSCE ODIHR' AND sentiment = 'neutral'
ORDER BY publication_date, record_id;
