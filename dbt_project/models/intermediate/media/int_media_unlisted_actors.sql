-- Actors not listed in seed media/media_actors, one row per name key (ingestion.names.name_key of
-- the written name): the canonical name is the name most often written for the key (ties: the
-- alphabetically first), scope, kind and category the most often coded (same tie rule).
with mentions as (
    select * from {{ ref('stg_media_sheets__mentions') }} where actor_id is null
),
names as (
    select actor_key, actor_name, count(*) as name_mentions
    from mentions
    group by actor_key, actor_name
    qualify row_number() over (partition by actor_key order by count(*) desc, actor_name) = 1
),
codings as (
    select actor_key, actor_scope, actor_kind, actor_category, count(*) as coding_mentions
    from mentions
    group by actor_key, actor_scope, actor_kind, actor_category
    qualify row_number() over (
        partition by actor_key
        order by count(*) desc, actor_scope, actor_kind, actor_category nulls last
    ) = 1
),
totals as (
    select
        actor_key,
        count(*) as mentions,
        count(distinct actor_name) as written_names,
        string_agg(distinct actor_name, '|' order by actor_name) as names_as_coded
    from mentions
    group by actor_key
)
select
    'unlisted:' || totals.actor_key as actor_id,
    totals.actor_key,
    names.actor_name as name,
    totals.names_as_coded,
    totals.written_names,
    codings.actor_scope,
    codings.actor_kind,
    codings.actor_category,
    totals.mentions
from totals
join names using (actor_key)
join codings using (actor_key)
