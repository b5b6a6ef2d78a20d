-- Table 7: external actors by sentiment, in the report's order. Kazakhstan: OSCE ODIHR
-- 0/0/14/0/0/14 (also coded "OSCE/ODIHR"), CIS 9, SCO 0/0/6/1/0/7, TASS 5, CSTO 3,
-- International Organizations 3, ...; 62 mentions in all.
SELECT actor_name, actor_kind_label,
       extremely_negative, somewhat_negative, neutral, somewhat_positive, extremely_positive, total
FROM marts.media_external_actor_sentiment
WHERE geography_id = getvariable('geography_id')
ORDER BY row_order;
