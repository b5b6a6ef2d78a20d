-- Figure 1: restrictions over time, events per quarter and restriction type.
SELECT year_quarter, restriction_type, restriction_type_label, event_count
FROM marts.restrictions_by_period
WHERE geography_id = getvariable('geography_id')
ORDER BY year_quarter, restriction_type;
