{#-
  The reconciliation verdict of a printed figure against its published value: the one place the
  rule lives (marts.report_reconciliation; unit-tested in _reconciliation__models.yml).
    not_computed     the warehouse publishes no value for that measure and dimensions
    differs          the printed text is not a number (e.g. Table 5's "-.2.5%"), or the values
                     differ by more than half a unit of the printed precision
    exact            printed and computed values are equal
    within_rounding  |printed - computed| <= 0.5 * 10^-precision ("33%" for 32.53)
  A tolerance of 1e-9 absorbs floating-point noise in the published values.
-#}
{% macro reconciliation_verdict(printed_value, printed_precision, computed_value) -%}
case
    when {{ computed_value }} is null then 'not_computed'
    when {{ printed_value }} is null then 'differs'
    when abs({{ printed_value }} - {{ computed_value }}) < 1e-9 then 'exact'
    when abs({{ printed_value }} - {{ computed_value }})
        <= 0.5 * power(10, -coalesce({{ printed_precision }}, 0)) + 1e-9 then 'within_rounding'
    else 'differs'
end
{%- endmacro %}
