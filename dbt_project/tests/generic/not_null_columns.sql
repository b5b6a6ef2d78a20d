{#- None of the given columns holds a null: one scan and one test per model rather than one per
    column (every test is a dbt node and a Dagster check, planned and evaluated in each refresh).
    A failure returns a row per column with nulls, naming it and counting them. -#}
{% test not_null_columns(model, columns) %}
with null_counts as (
    select
    {%- for column in columns %}
        count(*) filter (where {{ column }} is null) as {{ column }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ model }}
)
select column_name, null_rows
from (unpivot null_counts on columns(*) into name column_name value null_rows)
where null_rows > 0
{% endtest %}
