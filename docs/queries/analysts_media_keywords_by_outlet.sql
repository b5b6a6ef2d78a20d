-- Everyday question: which Russian state outlets mention the Western keywords about the geography most?
-- One row per keyword and outlet, most mentions first: keyword mentions of the geography in
-- articles published inside the window (`marts.media_mention_provenance`, the rows behind Table
-- 8), the distinct articles, first and latest publication date, net tone (mean sentiment score,
-- -2..+2) and the outlet's share of the keyword's mentions. Kazakhstan: 188 keyword mentions, the
-- United States most mentioned (111).
SELECT p.keyword, k.label AS keyword_label, p.outlet, p.outlet_group,
       count(*) AS mentions,
       count(DISTINCT p.an) AS articles,
       min(p.publication_date) AS first_article,
       max(p.publication_date) AS latest_article,
       round(avg(p.sentiment_score), 3) AS net_tone,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY p.keyword), 1)
           AS share_of_keyword_pct
FROM marts.media_mention_provenance AS p
JOIN core.dim_media_keyword AS k USING (keyword)
WHERE p.record_kind = 'keyword' AND p.in_window AND p.geography_id = getvariable('geography_id')
GROUP BY p.keyword, k.label, p.outlet, p.outlet_group
ORDER BY mentions DESC, keyword_label, p.outlet;
