-- Every printed figure of a report against its published value: the Kazakhstan report's figures
-- (seed report_printed_figures) and those of any report landed in landing/reports/, each joined
-- to marts.report_measures on (geography, measure, dimensions). The verdict rule lives in the
-- macro reconciliation_verdict; the report's own slips stay visible as `differs` with a note.

with

printed as (
    select
        'seed' as figures_source,
        report_id,
        figure_id,
        geography_id,
        measure,
        coalesce(dimension_1, '') as dimension_1,
        coalesce(dimension_2, '') as dimension_2,
        printed_text,
        printed_value,
        printed_precision,
        unit,
        note,
        cast(null as varchar) as source_file,
        cast(null as integer) as source_row
    from {{ ref('report_printed_figures') }}
    union all
    select
        'landing' as figures_source,
        report_id,
        figure_id,
        geography_id,
        measure,
        dimension_1,
        dimension_2,
        printed_text,
        printed_value,
        printed_precision,
        unit,
        note,
        source_file,
        source_row
    from {{ ref('stg_printed_figures__printed_figures') }}
),

compared as (
    select
        p.*,
        m.value as computed_value,
        {{ reconciliation_verdict('p.printed_value', 'p.printed_precision', 'm.value') }}
            as verdict
    from printed as p
    left join {{ ref('report_measures') }} as m
        on m.geography_id = p.geography_id
        and m.measure = p.measure
        and m.dimension_1 = p.dimension_1
        and m.dimension_2 = p.dimension_2
)

select
    c.figures_source,
    c.report_id,
    c.figure_id,
    c.geography_id,
    c.measure,
    c.dimension_1,
    c.dimension_2,
    c.printed_text,
    c.printed_value,
    c.printed_precision,
    c.unit,
    c.computed_value,
    round(c.computed_value, coalesce(c.printed_precision, 2)) as computed_rounded,
    round(c.printed_value - c.computed_value, 6) as difference,
    c.verdict,
    c.note,
    case c.verdict
        when 'not_computed' then 'the marts publish no value for this measure and dimensions'
        when 'exact' then null
        when 'within_rounding' then
            'the published value rounds to the printed one (printed precision '
            || coalesce(c.printed_precision, 0) || ' decimals)'
        else
            case
                when c.printed_value is null then
                    'the printed text "' || c.printed_text || '" is not a number; published '
                    || round(c.computed_value, 2)
                else
                    'printed ' || c.printed_text || ', published ' || round(c.computed_value, 2)
                    || ': beyond the printed rounding'
            end
    end as verdict_note,
    d.source_model,
    d.source_column,
    c.source_file,
    c.source_row
from compared as c
left join {{ ref('report_measure_definitions') }} as d using (measure)
