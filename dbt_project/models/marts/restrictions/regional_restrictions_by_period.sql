-- Regional aggregates: the 17 countries together, each sub-region, and the 7 territories apart
-- (territory events are coded under their own ids and are not folded into their parent country).
with by_geography as (
    select geography_id, geography_kind, sub_region, restriction_type, report_period,
        sum(event_count) as event_count
    from {{ ref('restrictions_by_period') }}
    group by all
),
kinds as (
    select
        count(*) filter (where geography_kind = 'country') as countries,
        count(*) filter (where geography_kind = 'territory') as territories
    from {{ ref('dim_geography') }}
),
regions as (
    select 'region' as region_level,
        'Eastern Europe and Eurasia (' || kinds.countries || ' countries)' as region_name,
        by_geography.*
    from by_geography cross join kinds where geography_kind = 'country'
    union all
    select 'sub_region', sub_region, * from by_geography where geography_kind = 'country'
    union all
    select 'territories', 'Occupied or autonomous territories (' || kinds.territories || ')',
        by_geography.*
    from by_geography cross join kinds where geography_kind = 'territory'
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
