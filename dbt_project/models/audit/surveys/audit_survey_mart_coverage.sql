-- Gate suite surveys_marts_coverage: the expected coverage against the coverage the regional
-- means used, per wave group, item and country, naming every difference.
select
    coalesce(e.wave_group, c.wave_group) as wave_group,
    coalesce(e.item_id, c.item_id) as item_id,
    coalesce(e.geography_id, c.geography_id) as geography_id,
    e.study as expected_study,
    c.study as covered_study,
    case
        when c.geography_id is null
            then e.wave_group || '/' || e.item_id || '/' || e.geography_id
    end as expected_country_missing,
    case
        when e.geography_id is null
            then c.wave_group || '/' || c.item_id || '/' || c.geography_id
    end as country_not_expected,
    case
        when e.study <> c.study
            then e.wave_group || '/' || e.item_id || '/' || e.geography_id || ': '
                || c.study || ' sample, expected ' || e.study
    end as sample_of_unexpected_study
from {{ ref('attitude_expected_coverage') }} as e
full outer join {{ ref('attitude_regional_coverage') }} as c
    on e.wave_group = c.wave_group and e.item_id = c.item_id and e.geography_id = c.geography_id
