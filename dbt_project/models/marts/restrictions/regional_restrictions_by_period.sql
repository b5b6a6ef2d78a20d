-- Regional aggregates: the 17 countries together, each sub-region, and the 7 territories apart
-- (territory events are coded under their own ids and are not folded into their parent country).
with by_geography as (
    select geography_id, geography_kind, sub_region, restriction_type, report_period,
        sum(event_count) as event_count
    from {{ ref('restrictions_by_period') }}
    group by all
),
regions as (
    select 'region' as region_level, 'Eastern Europe and Eurasia (17 countries)' as region_name, *
    from by_geography where geography_kind = 'country'
    union all
    select 'sub_region', sub_region, * from by_geography where geography_kind = 'country'
    union all
    select 'territories', 'Occupied or autonomous territories (7)', *
    from by_geography where geography_kind = 'territory'
)
select
    region_level,
    region_name,
    restriction_type,
    report_period,
    sum(event_count) as event_count,
    count(distinct geography_id) as geographies_covered,
    count(distinct geography_id) filter (where event_count > 0) as geographies_reporting
from regions
group by all
