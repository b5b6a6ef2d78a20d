-- Civic space actors mentioned by Russian state media: every actor of seed media/media_actors
-- (canonical name and aliases; "OSCE/ODIHR" is OSCE ODIHR) and every actor the sheets name that
-- the seed does not list, keyed 'unlisted:' || name key, named as most often written.
with kinds as (
    select value, label, sort_order from {{ ref('coding_vocabularies') }} where column_name = 'actor_kind'
),
categories as (
    select value, label, sort_order from {{ ref('coding_vocabularies') }} where column_name = 'actor_category'
),
actors as (
    select
        actor_id,
        name,
        aliases,
        true as is_listed,
        cast(null as varchar) as actor_key,
        cast(null as varchar) as names_as_coded,
        actor_scope,
        actor_kind,
        nullif(actor_category, '') as actor_category
    from {{ ref('media_actors') }}
    union all
    select
        actor_id,
        name,
        cast(null as varchar) as aliases,
        false as is_listed,
        actor_key,
        names_as_coded,
        actor_scope,
        actor_kind,
        actor_category
    from {{ ref('int_media_unlisted_actors') }}
)
select
    actors.*,
    kinds.label as actor_kind_label,
    kinds.sort_order as actor_kind_sort_order,
    categories.label as actor_category_label,
    categories.sort_order as actor_category_sort_order
from actors
left join kinds on kinds.value = actors.actor_kind
left join categories on categories.value = actors.actor_category
