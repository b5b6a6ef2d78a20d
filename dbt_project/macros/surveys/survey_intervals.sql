{#- 95% intervals for survey estimates. No design information (strata, clusters) is published with
    the microdata, so the effective sample size is Kish's (sum w)^2 / sum w^2: the intervals cover
    sampling error under the design-effect-from-weighting approximation only. -#}

{% macro survey_z() -%}
1.959963984540054
{%- endmacro %}

{#- Wilson score bound (side = -1 lower, +1 upper) for a share p with effective size n. -#}
{% macro survey_wilson_bound(p, n, side) -%}
(({{ p }} + {{ survey_z() }}^2 / (2 * {{ n }}))
  {{ '-' if side < 0 else '+' }} {{ survey_z() }} * sqrt({{ p }} * (1 - {{ p }}) / {{ n }} + {{ survey_z() }}^2 / (4 * {{ n }}^2)))
 / (1 + {{ survey_z() }}^2 / {{ n }})
{%- endmacro %}
