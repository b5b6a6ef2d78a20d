-- The 17 countries and 7 occupied or autonomous territories, each territory with its parent.
select
    g.geography_id,
    g.geography_name,
    g.geography_kind,
    g.geography_kind = 'country' as is_country,
    g.parent_geography_id,
    parent.geography_name as parent_geography_name,
    coalesce(g.parent_geography_id, g.geography_id) as country_geography_id,
    g.sub_region,
    g.iso_numeric,
    g.iso_alpha2,
    g.gallup_wp5
from {{ ref('geographies') }} as g
left join {{ ref('geographies') }} as parent
    on g.parent_geography_id = parent.geography_id
