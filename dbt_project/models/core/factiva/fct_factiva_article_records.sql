-- The article history: every record ever delivered, with its file, row, action and modification
-- time, whether it is the version that decides the article now, and which record superseded it.
-- The versions are ranked in int_factiva_article_versions; this names the record and its state.
select
    source_file || ':' || source_row as record_id,
    * rename (is_latest as is_latest_version),
    is_latest and action <> 'del' as is_current_version
from {{ ref('int_factiva_article_versions') }}
