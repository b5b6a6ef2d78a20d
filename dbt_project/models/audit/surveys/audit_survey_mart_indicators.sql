-- Gate suite surveys_marts_indicators: every country estimate with its three-way totals
-- (political action items) and, when its interval does not bracket it, its name.
select
    wave_group,
    geography_id,
    item_id,
    outcome,
    topic,
    share_pct,
    ci_low_pct,
    ci_high_pct,
    n_effective,
    n_unweighted,
    case
        when topic = 'political_action'
            then sum(share_pct) over (partition by wave_group, geography_id, item_id)
    end as three_way_total,
    case
        when topic = 'political_action'
            then sum(round(share_pct)) over (partition by wave_group, geography_id, item_id)
    end as three_way_rounded_total,
    case
        when not (ci_low_pct <= share_pct and share_pct <= ci_high_pct)
            then wave_group || '/' || geography_id || '/' || item_id || '/' || outcome
    end as interval_not_bracketing
from {{ ref('attitude_indicators') }}
