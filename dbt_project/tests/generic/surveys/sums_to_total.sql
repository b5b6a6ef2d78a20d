{#- Within each group, column_name adds up to total (within tolerance): e.g. three-way answer
    shares that must sum to 100. -#}
{% test sums_to_total(model, column_name, group_by, total=100, tolerance=0.001, where='true') %}
select {{ group_by | join(', ') }}, sum({{ column_name }}) as group_total
from {{ model }}
where {{ where }}
group by {{ group_by | join(', ') }}
having abs(sum({{ column_name }}) - {{ total }}) > {{ tolerance }}
{% endtest %}
