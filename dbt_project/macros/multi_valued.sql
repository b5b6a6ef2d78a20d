{#- One row per (event, value) of a `|`-separated multi-valued column of the restriction sheets. -#}
{% macro unnest_multi_valued(model, column, value_name) -%}
select distinct
    event_id,
    trim(value) as {{ value_name }}
from {{ model }},
    unnest(string_split({{ column }}, '|')) as t(value)
where trim(value) <> ''
{%- endmacro %}

{#- A many-to-many bridge from an unnested model to the fact, with 1/n allocation weights. -#}
{% macro restriction_bridge(unnested_model, value_name, count_column) -%}
select
    unnested.event_id,
    unnested.{{ value_name }},
    events.{{ count_column }},
    1.0 / events.{{ count_column }} as allocation_weight
from {{ unnested_model }} as unnested
join {{ ref('fct_restriction_events') }} as events using (event_id)
{%- endmacro %}
