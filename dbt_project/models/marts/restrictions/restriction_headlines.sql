-- The shares the report quotes in its text, one row per geography (in-window events only).
with events as (
    select * from {{ ref('fct_restriction_events') }} where is_in_window
),
by_geography as (
    select
        geography_id,
        count(*) as total_events,
        count(*) filter (where restriction_type = 'harassment_violence') as harassment_violence_events,
        count(*) filter (where restriction_type = 'restrictive_legislation') as restrictive_legislation_events,
        count(*) filter (where restriction_type = 'state_legal_case') as state_legal_case_events,
        count(*) filter (where restriction_type = 'harassment_violence' and status = 'acted_on')
            as acted_on_events,
        count(*) filter (where harm = 'harassment' and status = 'acted_on') as acted_on_harassment_events,
        count(*) filter (where charge_link = 'direct') as direct_charge_cases
    from events
    group by geography_id
),
by_period as (
    select geography_id, report_period, count(*) as period_events,
        row_number() over (partition by geography_id order by count(*) desc, report_period) as period_rank
    from events
    group by geography_id, report_period
),
harassment_targets as (
    select events.geography_id, bridge.target_group, count(*) as target_events,
        row_number() over (
            partition by events.geography_id order by count(*) desc, bridge.target_group
        ) as target_rank
    from events
    join {{ ref('bridge_restriction_event_targets') }} as bridge using (event_id)
    where events.restriction_type = 'harassment_violence'
    group by events.geography_id, bridge.target_group
),
opposition as (
    select geography_id, target_events as opposition_harassment_events
    from harassment_targets
    where target_group = 'political_opposition'
),
outside_window as (
    select geography_id, count(*) as events_outside_window
    from {{ ref('fct_restriction_events') }}
    where not is_in_window
    group by geography_id
)
select
    geography.geography_id,
    geography.geography_name,
    geography.geography_kind,
    coalesce(g.total_events, 0) as total_events,
    coalesce(g.harassment_violence_events, 0) as harassment_violence_events,
    coalesce(g.restrictive_legislation_events, 0) as restrictive_legislation_events,
    coalesce(g.state_legal_case_events, 0) as state_legal_case_events,
    round(100.0 * g.harassment_violence_events / nullif(g.total_events, 0), 1) as harassment_violence_share_pct,
    round(100.0 * g.restrictive_legislation_events / nullif(g.total_events, 0), 1) as restrictive_legislation_share_pct,
    round(100.0 * g.state_legal_case_events / nullif(g.total_events, 0), 1) as state_legal_case_share_pct,
    peak.report_period as peak_report_period,
    round(100.0 * peak.period_events / nullif(g.total_events, 0), 1) as peak_period_share_pct,
    round(100.0 * g.acted_on_events / nullif(g.harassment_violence_events, 0), 1) as acted_on_share_pct,
    round(100.0 * g.acted_on_harassment_events / nullif(g.harassment_violence_events, 0), 1)
        as acted_on_harassment_share_pct,
    round(100.0 * opposition.opposition_harassment_events / nullif(g.harassment_violence_events, 0), 1)
        as political_opposition_share_of_harassment_pct,
    first_target.target_group as top_harassment_target_group,
    second_target.target_group as second_harassment_target_group,
    round(100.0 * g.direct_charge_cases / nullif(g.state_legal_case_events, 0), 1) as direct_charge_share_pct,
    round(100.0 * (g.state_legal_case_events - g.direct_charge_cases) / nullif(g.state_legal_case_events, 0), 1)
        as indirect_charge_share_pct,
    coalesce(outside_window.events_outside_window, 0) as events_outside_window
from {{ ref('dim_geography') }} as geography
left join by_geography as g using (geography_id)
left join by_period as peak on peak.geography_id = geography.geography_id and peak.period_rank = 1
left join opposition on opposition.geography_id = geography.geography_id
left join harassment_targets as first_target
    on first_target.geography_id = geography.geography_id and first_target.target_rank = 1
left join harassment_targets as second_target
    on second_target.geography_id = geography.geography_id and second_target.target_rank = 2
left join outside_window on outside_window.geography_id = geography.geography_id
