{#- Two models agree on a total: e.g. a mart's counts add up to its fact's rows. -#}
{% test equal_sum(model, column_name, compare_model, compare_expression, where='true', compare_where='true') %}
with left_side as (
    select coalesce(sum({{ column_name }}), 0) as total from {{ model }} where {{ where }}
),
right_side as (
    select coalesce({{ compare_expression }}, 0) as total from {{ compare_model }} where {{ compare_where }}
)
select left_side.total as model_total, right_side.total as compare_total
from left_side cross join right_side
where left_side.total <> right_side.total
{% endtest %}
