-- Central Asia Barometer: trust in media (footnote 15), mean share over the waves.
-- Kazakhstan: television 80%, newspapers 61%, radio 57%, each over 4 waves.
SELECT item_id, item_label, round(avg(share_pct)) AS trusts_pct, count(*) AS waves
FROM marts.media_trust
WHERE geography_id = getvariable('geography_id')
GROUP BY item_id, item_label
ORDER BY item_label;
