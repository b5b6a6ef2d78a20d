-- Table 6: domestic civic space actors by sentiment, in the report's order (total descending,
-- then named organisations before informal groups, then name). Kazakhstan: Kazinform
-- International Agency 0/0/2/0/0/2, Trade Union Federation 0/0/2/0/0/2, Journalists
-- 0/0/2/0/0/2, Non-Governmental Organizations 1/0/0/1/0/2, ...; 23 mentions in all.
SELECT actor_name, actor_kind_label, actor_category_label,
       extremely_negative, somewhat_negative, neutral, somewhat_positive, extremely_positive, total
FROM marts.media_domestic_actor_sentiment
WHERE geography_id = getvariable('geography_id')
ORDER BY row_order;
