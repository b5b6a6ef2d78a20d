-- Gate suite restrictions_marts_reconciliation: per geography of the headlines, the totals every
-- restriction mart reports next to those counted from the fact.
with fact as (
    select
        geography_id,
        count(*) as events,
        count(*) filter (where restriction_type = 'harassment_violence') as harassment_violence,
        count(*) filter (where restriction_type = 'state_legal_case') as legal_cases
    from {{ ref('fct_restriction_events') }}
    where is_in_window
    group by all
),
by_period as (
    select geography_id, sum(event_count) as events
    from {{ ref('restrictions_by_period') }}
    group by all
),
harm_status as (
    select geography_id, sum(event_count) as events
    from {{ ref('harassment_by_harm_and_status') }}
    group by all
),
legal_targets as (
    select geography_id, sum(mention_count) as mentions
    from {{ ref('restriction_targets') }}
    where restriction_type = 'state_legal_case'
    group by all
),
charge_links as (
    select geography_id, sum(mention_count) as mentions
    from {{ ref('legal_cases_by_charge_link') }}
    group by all
),
regional as (
    select sum(event_count) as events
    from {{ ref('regional_restrictions_by_period') }}
    where region_level in ('region', 'territories')
)
select
    h.geography_id,
    coalesce(fact.events, 0) as fact_events,
    coalesce(by_period.events, 0) as period_events,
    h.total_events as headline_events,
    coalesce(fact.harassment_violence, 0) as fact_harassment_violence,
    coalesce(harm_status.events, 0) as harm_status_events,
    h.harassment_violence_events as headline_harassment_violence,
    coalesce(legal_targets.mentions, 0) as legal_target_mentions,
    coalesce(charge_links.mentions, 0) as charge_link_mentions,
    coalesce(fact.legal_cases, 0) <= coalesce(legal_targets.mentions, 0) as mentions_cover_cases,
    (select sum(events) from fact) as all_fact_events,
    (select events from regional) as all_regional_events,
    h.harassment_violence_share_pct
    + h.restrictive_legislation_share_pct
    + h.state_legal_case_share_pct as type_share_total
from {{ ref('restriction_headlines') }} as h
left join fact using (geography_id)
left join by_period using (geography_id)
left join harm_status using (geography_id)
left join legal_targets using (geography_id)
left join charge_links using (geography_id)
