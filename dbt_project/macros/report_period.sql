{#- The period label the country reports print: the calendar year, or 'YYYY-Qn' for the final
    year when the barometer window ends before December (restrictions end March 2021 -> '2021-Q1'). -#}
{% macro report_period(date_column, window_end_column) -%}
    case
        when year({{ date_column }}) = year({{ window_end_column }})
             and {{ window_end_column }} < make_date(year({{ window_end_column }}), 12, 31)
        then cast(year({{ date_column }}) as varchar) || '-Q' || cast(quarter({{ window_end_column }}) as varchar)
        else cast(year({{ date_column }}) as varchar)
    end
{%- endmacro %}
