-- Every published value a report's printed figure can be checked against, in one long table:
-- (geography_id, measure, dimension_1, dimension_2, value) for every geography. The measure ids,
-- their source mart/column and what the dimensions mean are the seed
-- `report_measure_definitions`; this model only reshapes mart values (the few derived values —
-- totals over periods, means over survey years, a gap — are named in that seed). A dimension a
-- measure does not use is '' (never null), so joins and the grain test need no null handling.

with

-- Restrictions -------------------------------------------------------------------------------
restriction_events as (
    select
        geography_id,
        'restriction_events' as measure,
        coalesce(restriction_type, 'all') as dimension_1,
        coalesce(report_period, 'all') as dimension_2,
        sum(event_count)::double as value
    from {{ ref('restrictions_by_period') }}
    group by grouping sets ((geography_id, restriction_type, report_period),
        (geography_id, restriction_type), (geography_id, report_period), (geography_id))
),

restriction_headline_values as (
    select
        geography_id,
        columns(* exclude (geography_id, geography_name, geography_kind, peak_report_period,
            top_harassment_target_group, second_harassment_target_group))::double
    from {{ ref('restriction_headlines') }}
),

restriction_headlines as (
    select geography_id, 'restriction_headlines' as measure, dimension_1, '' as dimension_2, value
    from (
        unpivot restriction_headline_values
        on columns(* exclude (geography_id)) into name dimension_1 value value
    )
),

restriction_initiators as (
    select
        geography_id,
        'restriction_initiator_mentions' as measure,
        restriction_type as dimension_1,
        coalesce(initiator, 'all') as dimension_2,
        sum(mention_count)::double as value
    from {{ ref('restriction_initiators') }}
    group by grouping sets ((geography_id, restriction_type, initiator),
        (geography_id, restriction_type))
),

restriction_targets as (
    select
        geography_id,
        'restriction_target_mentions' as measure,
        restriction_type as dimension_1,
        coalesce(target_group, 'all') as dimension_2,
        sum(mention_count)::double as value
    from {{ ref('restriction_targets') }}
    group by grouping sets ((geography_id, restriction_type, target_group),
        (geography_id, restriction_type))
),

harassment_status as (
    select
        geography_id,
        'harassment_events_by_status' as measure,
        harm as dimension_1,
        status as dimension_2,
        sum(event_count)::double as value
    from {{ ref('harassment_by_harm_and_status') }}
    group by all
),

charge_links as (
    select
        geography_id,
        'legal_case_charge_share_pct' as measure,
        target_group as dimension_1,
        charge_link as dimension_2,
        share_of_target_group_pct::double as value
    from {{ ref('legal_cases_by_charge_link') }}
),

-- Citizen attitudes --------------------------------------------------------------------------
attitude_rows as (
    select geography_id, wave_group, item_id, share_pct, regional_mean_pct, change_pp,
        gap_to_regional_mean_pp
    from {{ ref('political_interest') }}
    union all
    select geography_id, wave_group, item_id, share_pct, regional_mean_pct, change_pp,
        gap_to_regional_mean_pp
    from {{ ref('voluntary_membership') }}
    union all
    select geography_id, wave_group, item_id, share_pct, regional_mean_pct, change_pp,
        gap_to_regional_mean_pp
    from {{ ref('institutional_confidence') }}
    union all
    select geography_id, wave_group, item_id, share_pct, regional_mean_pct, change_pp,
        gap_to_regional_mean_pp
    from {{ ref('media_trust') }}
),

attitudes as (
    select geography_id, measure, wave_group as dimension_1, item_id as dimension_2, value
    from (
        unpivot (
            select geography_id, wave_group, item_id,
                share_pct as attitude_share_pct,
                regional_mean_pct as attitude_regional_mean_pct,
                change_pp as attitude_change_pp,
                gap_to_regional_mean_pp as attitude_gap_pp
            from attitude_rows
        )
        on attitude_share_pct, attitude_regional_mean_pct, attitude_change_pp, attitude_gap_pp
        into name measure value value
    )
),

attitude_series_means as (
    -- The report's "about 80% trust television" over Central Asia Barometer waves 2-5: the
    -- unweighted mean of a series' wave shares (derived here).
    select geography_id, 'attitude_share_mean_pct' as measure, series as dimension_1,
        item_id as dimension_2, avg(share_pct) as value
    from {{ ref('media_trust') }}
    where share_pct is not null
    group by all
),

regional_changes as (
    -- A regional mean's change (attitude_regional_means has no geography): the same value for
    -- every geography, whose report quotes it as its regional comparison.
    select g.geography_id, 'attitude_regional_change_pp' as measure, r.wave_group as dimension_1,
        r.item_id || ':' || r.outcome as dimension_2, r.change_pp as value
    from {{ ref('attitude_regional_means') }} as r
    cross join {{ ref('geographies') }} as g
    where r.change_pp is not null
),

political_action as (
    select geography_id, measure, wave_group as dimension_1, item_id as dimension_2, value
    from (
        unpivot (
            select geography_id, wave_group, item_id,
                have_done_pct as action_have_done_pct,
                might_do_pct as action_might_do_pct,
                would_never_pct as action_would_never_pct,
                have_done_or_might_do_pct as action_have_done_or_might_do_pct,
                have_done_regional_mean_pct as action_have_done_regional_mean_pct,
                have_done_pct - have_done_regional_mean_pct as action_have_done_gap_pp,
                have_done_change_pp as action_have_done_change_pp,
                have_done_or_might_do_change_pp as action_have_done_or_might_do_change_pp
            from {{ ref('political_action') }}
        )
        on columns(* exclude (geography_id, wave_group, item_id))
        into name measure value value
    )
),

engagement_long as (
    select geography_id, survey_year::varchar as period, component, measure, value
    from (
        unpivot (
            select geography_id, survey_year,
                index_score as index__engagement_index,
                index_regional_mean as index__engagement_index_regional_mean,
                index_change as index__engagement_index_change,
                donated_pct as donated__engagement_component_pct,
                donated_regional_mean_pct as donated__engagement_component_regional_mean_pct,
                donated_change_pp as donated__engagement_component_change_pp,
                volunteered_pct as volunteered__engagement_component_pct,
                volunteered_regional_mean_pct
                    as volunteered__engagement_component_regional_mean_pct,
                volunteered_change_pp as volunteered__engagement_component_change_pp,
                helped_stranger_pct as helped_stranger__engagement_component_pct,
                helped_stranger_regional_mean_pct
                    as helped_stranger__engagement_component_regional_mean_pct,
                helped_stranger_change_pp as helped_stranger__engagement_component_change_pp
            from {{ ref('civic_engagement_index') }}
        )
        on columns(* exclude (geography_id, survey_year))
        into name name value value
    ),
    lateral (select split_part(name, '__', 1) as component, split_part(name, '__', 2) as measure)
),

engagement as (
    select geography_id, measure, period as dimension_1,
        case when component = 'index' then '' else component end as dimension_2, value
    from engagement_long
    union all
    -- The report's "averaged over 2010-2020": the unweighted mean of the yearly values.
    select geography_id, measure, '2010-2020' as dimension_1,
        case when component = 'index' then '' else component end as dimension_2,
        avg(value) as value
    from engagement_long
    where period::integer between 2010 and 2020 and not measure like '%change%'
    group by all
),

-- Russian projects ---------------------------------------------------------------------------
project_headline_values as (
    select geography_id,
        columns(* exclude (geography_id, geography_name, geography_kind, first_start_date,
            last_start_date))::double
    from {{ ref('russian_project_headlines') }}
),

project_headlines as (
    select geography_id, 'russian_project_headlines' as measure, dimension_1, '' as dimension_2,
        value
    from (
        unpivot project_headline_values
        on columns(* exclude (geography_id)) into name dimension_1 value value
    )
),

channel_groups as (
    {{ measures_by_dimension(
        ref('russian_project_channel_groups'),
        'channel_group',
        {
            'channel_group_projects': 'project_count',
            'channel_group_share_pct': 'share_of_projects_pct',
            'channel_group_members': 'member_count',
        },
    ) }}
),

channels as (
    {{ measures_by_dimension(
        ref('russian_project_channels'),
        'coalesce(entity_id, channel_label)',
        {
            'channel_projects': 'project_count',
            'channel_share_pct': 'share_of_projects_pct',
            'channel_recipient_orgs': 'recipient_org_count',
        },
    ) }}
),

cooccurrence as (
    select geography_id,
        case when is_alone_row then 'channel_projects_alone' else 'channel_projects_together'
        end as measure,
        entity_id as dimension_1,
        coalesce(other_entity_id, '') as dimension_2,
        projects_together::double as value
    from {{ ref('russian_channel_cooccurrence') }}
),

folded_groups as (
    select geography_id, 'folded_group_members' as measure, member_kind as dimension_1,
        group_label as dimension_2, count(*) filter (where is_folded)::double as value
    from {{ ref('russian_project_folded_groups') }}
    group by all
    union all
    select geography_id, 'folded_group_members_literal_rule' as measure,
        member_kind as dimension_1, group_label as dimension_2,
        count(*) filter (where folds_under_literal_rule)::double as value
    from {{ ref('russian_project_folded_groups') }}
    group by all
    union all
    select geography_id, 'folded_member_projects' as measure, member_kind as dimension_1,
        member_id as dimension_2, member_project_count::double as value
    from {{ ref('russian_project_folded_groups') }}
),

recipients as (
    select geography_id, 'recipient_projects' as measure,
        coalesce(org_id, recipient_label) as dimension_1, '' as dimension_2,
        project_count::double as value
    from {{ ref('russian_project_recipients') }}
),

recipient_types as (
    {{ measures_by_dimension(
        ref('russian_project_recipient_types'),
        'org_type',
        {
            'recipient_type_projects': 'project_count',
            'recipient_type_share_pct': 'share_pct',
        },
    ) }}
),

places as (
    {{ measures_by_dimension(
        ref('russian_project_places'),
        'place_id',
        {
            'place_projects': 'project_count',
            'place_share_pct': 'share_pct',
        },
    ) }}
),

themes as (
    {{ measures_by_dimension(
        ref('russian_project_themes'),
        'theme',
        {
            'theme_projects': 'project_count',
            'theme_share_pct': 'share_pct',
        },
    ) }}
),

regional_ranking as (
    select geography_id, 'russian_projects_regional_ranking' as measure, dimension_1,
        '' as dimension_2, value
    from (
        unpivot (
            select geography_id, projects::double as projects,
                rank_in_region::double as rank_in_region,
                projects_in_region::double as projects_in_region,
                share_of_region_pct::double as share_of_region_pct
            from {{ ref('russian_projects_regional_ranking') }}
        )
        on columns(* exclude (geography_id)) into name dimension_1 value value
    )
),

-- Russian state media ------------------------------------------------------------------------
media_headline_values as (
    select geography_id,
        columns(* exclude (geography_id, geography_name, outlet_groups, first_publication_date,
            last_publication_date))::double
    from {{ ref('media_mention_headlines') }}
),

media_headlines as (
    select geography_id, 'media_mention_headlines' as measure, dimension_1, '' as dimension_2,
        value
    from (
        unpivot media_headline_values
        on columns(* exclude (geography_id)) into name dimension_1 value value
    )
),

media_kinds as (
    select geography_id, measure, actor_scope as dimension_1, dimension_2, value
    from (
        unpivot (
            select geography_id, actor_scope,
                case breakdown
                    when 'kind' then actor_kind
                    when 'category' then actor_category
                    else actor_kind || '/' || coalesce(actor_category, '')
                end as dimension_2,
                breakdown,
                actors::double as actors,
                mentions::double as mentions,
                neutral_share_pct::double as neutral_share_pct
            from {{ ref('media_mentions_by_kind') }}
            where breakdown in ('kind', 'category', 'kind_category')
                and (actor_kind is not null or actor_category is not null)
        )
        on actors, mentions, neutral_share_pct into name name value value
    ),
    lateral (select 'media_' || breakdown || '_' || name as measure)
),

media_events as (
    select geography_id, measure, event_id as dimension_1, '' as dimension_2, value
    from (
        unpivot (
            select geography_id, event_id,
                mentions_near_event::double as media_event_mentions,
                share_of_mentions_pct::double as media_event_share_pct,
                neutral_share_pct::double as media_event_neutral_share_pct
            from {{ ref('media_event_clustering') }}
        )
        on columns(* exclude (geography_id, event_id)) into name measure value value
    )
),

actor_sentiment as (
    select geography_id, 'domestic' as scope, actor_id, actor_kind, extremely_negative,
        somewhat_negative, neutral, somewhat_positive, extremely_positive, total
    from {{ ref('media_domestic_actor_sentiment') }}
    union all
    select geography_id, 'external' as scope, actor_id, actor_kind, extremely_negative,
        somewhat_negative, neutral, somewhat_positive, extremely_positive, total
    from {{ ref('media_external_actor_sentiment') }}
),

actor_sentiment_long as (
    unpivot actor_sentiment
    on extremely_negative, somewhat_negative, neutral, somewhat_positive, extremely_positive,
        total
    into name sentiment value mentions
),

media_sentiment as (
    select geography_id, 'media_' || scope || '_actor_mentions' as measure,
        actor_id as dimension_1, sentiment as dimension_2, sum(mentions)::double as value
    from actor_sentiment_long
    group by all  -- an unlisted actor coded under two kinds has two mart rows
    union all
    select geography_id, 'media_' || scope || '_kind_mentions' as measure,
        coalesce(actor_kind, 'all') as dimension_1, sentiment as dimension_2,
        sum(mentions)::double as value
    from actor_sentiment_long
    group by grouping sets ((geography_id, scope, actor_kind, sentiment),
        (geography_id, scope, sentiment))
    union all
    select geography_id, 'media_keyword_mentions' as measure, keyword as dimension_1,
        sentiment as dimension_2, mentions::double as value
    from (
        unpivot (
            select geography_id, keyword, extremely_negative, somewhat_negative, neutral,
                somewhat_positive, extremely_positive, total
            from {{ ref('media_keyword_sentiment') }}
        )
        on columns(* exclude (geography_id, keyword)) into name sentiment value mentions
    )
),

measures as (
    select * from restriction_events
    union all select * from restriction_headlines
    union all select * from restriction_initiators
    union all select * from restriction_targets
    union all select * from harassment_status
    union all select * from charge_links
    union all select * from attitudes
    union all select * from attitude_series_means
    union all select * from regional_changes
    union all select * from political_action
    union all select * from engagement
    union all select * from project_headlines
    union all select * from channel_groups
    union all select * from channels
    union all select * from cooccurrence
    union all select * from folded_groups
    union all select * from recipients
    union all select * from recipient_types
    union all select * from places
    union all select * from themes
    union all select * from regional_ranking
    union all select * from media_headlines
    union all select * from media_kinds
    union all select * from media_events
    union all select * from media_sentiment
)

select
    geography_id,
    measure,
    coalesce(dimension_1, '') as dimension_1,
    coalesce(dimension_2, '') as dimension_2,
    value
from measures
