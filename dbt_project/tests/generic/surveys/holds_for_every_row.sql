{#- A boolean SQL expression that every row must satisfy (the rows breaking it are returned). -#}
{% test holds_for_every_row(model, expression) %}
select * from {{ model }} where not ({{ expression }})
{% endtest %}
