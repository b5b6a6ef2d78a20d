-- Gate suite factiva_core_articles: every article of dim_factiva_article with what a current
-- article must have (title, outlet, publication date); accession numbers are checked unique
-- among the current articles (a join in the precedence models could duplicate them).
select
    an,
    article_status,
    article_status = 'current' as is_current,
    case when article_status = 'current' then an end as current_an,
    title,
    source_code,
    source_name,
    publication_date,
    case
        when article_status = 'current'
            and (title is null or source_code is null or source_name is null or publication_date is null)
            then first_delivered_in || ' (' || an || ')'
    end as current_article_incomplete
from {{ ref('dim_factiva_article') }}
