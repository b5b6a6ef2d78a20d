{#- Tables 6-8 count mentions per row and sentiment on the five-point scale: the columns once. -#}
{% macro sentiment_counts() -%}
count(*) filter (where sentiment = 'extremely_negative') as extremely_negative,
        count(*) filter (where sentiment = 'somewhat_negative') as somewhat_negative,
        count(*) filter (where sentiment = 'neutral') as neutral,
        count(*) filter (where sentiment = 'somewhat_positive') as somewhat_positive,
        count(*) filter (where sentiment = 'extremely_positive') as extremely_positive,
        count(*) as total,
        sum(sentiment_score) as score_sum
{%- endmacro %}

{#- Tables 6 and 7: in-window mentions of the actors of one scope ('domestic' or 'external') per
    actor and sentiment, ordered as the report orders them. -#}
{% macro actor_sentiment_table(scope) %}
with mentions as (
    select * from {{ ref('fct_media_mentions') }}
    where in_window and actor_scope = '{{ scope }}'
),
actors as (
    select
        geography_id,
        actor_id,
        actor_name,
        actor_kind,
        actor_category,
        {{ sentiment_counts() }}
    from mentions
    group by all
),
kinds as (
    select value, label, sort_order from {{ ref('coding_vocabularies') }} where column_name = 'actor_kind'
),
categories as (
    select value, label from {{ ref('coding_vocabularies') }} where column_name = 'actor_category'
)
select
    actors.geography_id,
    actors.actor_id,
    actors.actor_name,
    actors.actor_kind,
    kinds.label as actor_kind_label,
    actors.actor_category,
    categories.label as actor_category_label,
    actors.extremely_negative,
    actors.somewhat_negative,
    actors.neutral,
    actors.somewhat_positive,
    actors.extremely_positive,
    actors.total,
    round(actors.score_sum / actors.total, 3) as net_tone,
    row_number() over (
        partition by actors.geography_id
        order by
            actors.total desc, kinds.sort_order, actors.actor_name, actors.actor_id,
            actors.actor_category nulls last
    ) as row_order
from actors
left join kinds on kinds.value = actors.actor_kind
left join categories on categories.value = actors.actor_category
{% endmacro %}
