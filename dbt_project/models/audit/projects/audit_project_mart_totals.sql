-- Gate suite projects_marts_reconciliation: per geography of russian_project_headlines, the
-- project totals each mart implies beside those counted again from the fact, and share sums.
with fact as (
    select geography_id, count(*) as projects
    from {{ ref('fct_russian_projects') }}
    where in_window
    group by all
),
by_year as (
    select geography_id, sum(project_count) as projects
    from {{ ref('russian_projects_by_year') }}
    group by all
),
year_shares as (
    select geography_id, year, sum(share_of_year_pct) as share_total
    from {{ ref('russian_projects_by_year') }}
    where year_project_count > 0
    group by all
),
year_share_bounds as (
    select geography_id, min(share_total) as min_year_share_total, max(share_total) as max_year_share_total
    from year_shares
    group by all
),
quality as (
    select geography_id, projects_in_window from {{ ref('russian_project_data_quality') }}
),
ranking as (
    select geography_id, projects from {{ ref('russian_projects_regional_ranking') }}
),
max_shares as (
    select geography_id, max(share_pct) as max_share from {{ ref('russian_project_places') }} group by all
    union all
    select geography_id, max(share_pct) from {{ ref('russian_project_themes') }} group by all
    union all
    select geography_id, max(share_pct) from {{ ref('russian_project_recipient_types') }} group by all
    union all
    select geography_id, max(share_of_projects_pct) from {{ ref('russian_project_channels') }} group by all
    union all
    select geography_id, max(share_of_projects_pct) from {{ ref('russian_project_channel_groups') }} group by all
),
max_share as (
    select geography_id, max(max_share) as max_share_pct from max_shares group by all
),
channel_rows as (
    select geography_id, max(project_count) as largest_channel_projects, sum(member_count) as channel_members
    from {{ ref('russian_project_channels') }}
    group by all
)
select
    h.geography_id,
    coalesce(fact.projects, 0) as fact_projects,
    h.projects as headline_projects,
    coalesce(by_year.projects, 0) as by_year_projects,
    coalesce(quality.projects_in_window, 0) as quality_projects,
    coalesce(ranking.projects, 0) as ranking_projects,
    coalesce(channel_rows.channel_members, 0) as channel_members,
    h.channels as headline_channels,
    coalesce(channel_rows.largest_channel_projects, 0) <= h.projects as channels_within_projects,
    coalesce(year_share_bounds.min_year_share_total, 100) as min_year_share_total,
    coalesce(year_share_bounds.max_year_share_total, 100) as max_year_share_total,
    coalesce(max_share.max_share_pct, 0) as max_share_pct,
    h.regulator_projects + h.civic_actor_projects = h.projects as beneficiary_kinds_exhaustive
from {{ ref('russian_project_headlines') }} as h
left join fact using (geography_id)
left join by_year using (geography_id)
left join year_share_bounds using (geography_id)
left join quality using (geography_id)
left join ranking using (geography_id)
left join max_share using (geography_id)
left join channel_rows using (geography_id)
