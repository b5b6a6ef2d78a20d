-- Gate suite media_core_mentions: one row per actor mention and per keyword mention, with whether
-- its article is in the Factiva store, whether the article's outlet is an in-scope Russian state
-- outlet, its sentiment and score, and whether in_window agrees with the article's date.
with media_window as (
    select window_start, window_end from {{ ref('barometer_windows') }} where barometer = 'russian_media'
),
records as (
    select 'actor' as record_kind, mention_id as record_id, geography_id, an, article_found, outlet_in_scope,
           sentiment, sentiment_score, publication_date, in_window, source_file, source_row
    from {{ ref('fct_media_mentions') }}
    union all
    select 'keyword', keyword_mention_id, geography_id, an, article_found, outlet_in_scope,
           sentiment, sentiment_score, publication_date, in_window, source_file, source_row
    from {{ ref('fct_keyword_mentions') }}
)
select
    records.record_kind,
    records.record_kind || ':' || records.record_id as record_key,
    records.geography_id,
    records.an,
    records.article_found,
    records.outlet_in_scope,
    outlet.source_code as outlet_source_code,
    records.sentiment,
    records.sentiment_score,
    records.publication_date,
    records.in_window = coalesce(
        records.publication_date between media_window.window_start and media_window.window_end, false
    ) as in_window_matches_date,
    records.source_file,
    records.source_row
from records
cross join media_window
left join {{ ref('int_media_articles') }} as article using (an)
left join {{ ref('dim_media_outlet') }} as outlet on outlet.source_code = article.source_code
