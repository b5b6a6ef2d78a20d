-- Table 8: the five Western keywords by sentiment, with the total row. Kazakhstan: NATO
-- 1/4/20/0/0/25, European Union 2/3/17/1/1/24, United States 14/25/62/8/2/111, Democracy
-- 0/0/1/1/1/3, West 12/9/3/1/0/25; Total 29/41/103/11/4/188.
SELECT keyword_label, extremely_negative, somewhat_negative, neutral, somewhat_positive, extremely_positive, total
FROM (
    SELECT keyword_sort_order, keyword_label, extremely_negative, somewhat_negative, neutral,
           somewhat_positive, extremely_positive, total
    FROM marts.media_keyword_sentiment
    WHERE geography_id = getvariable('geography_id')
    UNION ALL
    SELECT 99, 'Total', sum(extremely_negative), sum(somewhat_negative), sum(neutral),
           sum(somewhat_positive), sum(extremely_positive), sum(total)
    FROM marts.media_keyword_sentiment
    WHERE geography_id = getvariable('geography_id')
)
ORDER BY keyword_sort_order;
