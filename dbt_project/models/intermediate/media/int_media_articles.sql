-- One row per article of the Factiva store, with its Russian state outlet (null when the source
-- code is not in seed media/russian_state_outlets) and whether its publication date lies in the
-- `russian_media` barometer window. Outlet, date and window come from the article, never from a
-- coding sheet: the one place both media facts take them from.
with media_window as (
    select window_start, window_end
    from {{ ref('barometer_windows') }}
    where barometer = 'russian_media'
)
select
    article.an,
    article.article_status,
    article.article_status = 'deleted' as article_deleted,
    article.deleted_in_file,
    article.title,
    article.source_code,
    article.source_name,
    outlet.source_code is not null as outlet_in_scope,
    outlet.outlet,
    outlet.outlet_group,
    article.publication_date,
    article.publication_datetime,
    cast(date_trunc('month', article.publication_date) as date) as month,
    coalesce(article.publication_date between media_window.window_start and media_window.window_end, false)
        as in_window,
    article.factiva_url
from {{ ref('dim_factiva_article') }} as article
cross join media_window
left join {{ ref('russian_state_outlets') }} as outlet on outlet.source_code = article.source_code
