-- Gate suite surveys_marts_regional_means: every regional mean next to the mean recomputed from
-- the coverage table's countries and the country count survey_expected_coverage expects.
with expected as (
    select wave_group, item_id, count(*) as expected_count
    from {{ ref('attitude_expected_coverage') }}
    group by wave_group, item_id
),
coverage as (
    select
        wave_group,
        item_id,
        count(*) as coverage_count,
        string_agg(geography_id, ', ' order by geography_id) as coverage_countries
    from {{ ref('attitude_regional_coverage') }}
    group by wave_group, item_id
),
recomputed as (
    select a.wave_group, a.item_id, a.outcome, avg(a.share_pct) as recomputed_mean
    from {{ ref('attitude_indicators') }} as a
    join {{ ref('attitude_regional_coverage') }} as c
        on a.wave_group = c.wave_group
        and a.item_id = c.item_id
        and a.geography_id = c.geography_id
    group by a.wave_group, a.item_id, a.outcome
)
select
    m.wave_group,
    m.item_id,
    m.outcome,
    m.regional_mean_pct,
    m.country_count,
    case
        when c.coverage_countries is distinct from m.countries
            or c.coverage_count is distinct from m.country_count
            or abs(m.regional_mean_pct - r.recomputed_mean) > 1e-9
            or r.recomputed_mean is null
            then m.wave_group || '/' || m.item_id || '/' || m.outcome
    end as mean_not_from_coverage,
    case
        when m.country_count is distinct from x.expected_count
            then m.wave_group || '/' || m.item_id || '/' || m.outcome || ': '
                || m.country_count || ' countries, expected ' || coalesce(x.expected_count, 0)
    end as country_count_not_expected
from {{ ref('attitude_regional_means') }} as m
left join coverage as c on m.wave_group = c.wave_group and m.item_id = c.item_id
left join recomputed as r
    on m.wave_group = r.wave_group and m.item_id = r.item_id and m.outcome = r.outcome
left join expected as x on m.wave_group = x.wave_group and m.item_id = x.item_id
