{#- One mart's columns as report measures in long format: one row per geography, value of one
    dimension (a SQL expression) and measure; `measures` maps each measure id to its column. -#}
{% macro measures_by_dimension(relation, dimension, measures) %}
    select geography_id, measure, dimension_1, '' as dimension_2, value
    from (
        unpivot (
            select geography_id, {{ dimension }} as dimension_1,
            {%- for name, column in measures.items() %}
                {{ column }}::double as {{ name }}{{ "," if not loop.last }}
            {%- endfor %}
            from {{ relation }}
        )
        on columns(* exclude (geography_id, dimension_1))
        into name measure value value
    )
{% endmacro %}
