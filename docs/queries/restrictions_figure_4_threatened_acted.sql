-- Figure 4: threatened versus acted-on harassment or violence.
-- Kazakhstan: harassment 11 threatened / 366 acted on, violence 7 / 47.
SELECT harm, status, CAST(sum(event_count) AS BIGINT) AS instances
FROM marts.harassment_by_harm_and_status
WHERE geography_id = getvariable('geography_id')
GROUP BY harm, status
ORDER BY harm, status;
