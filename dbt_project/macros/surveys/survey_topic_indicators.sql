{#- The attitude indicators of one topic, as analysts read them (one mart per topic). -#}
{% macro survey_topic_indicators(topic) -%}
select *
from {{ ref('attitude_indicators') }}
where topic = '{{ topic }}'
{%- endmacro %}
