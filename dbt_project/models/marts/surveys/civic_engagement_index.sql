-- Gallup Civic Engagement Index per country and year (0-100: per respondent yes-count / 3,
-- weighted mean x 100, don't know / refused counted as no) with its three components.
{%- set components = {
    'civic_donated_money': 'donated',
    'civic_volunteered_time': 'volunteered',
    'civic_helped_stranger': 'helped_stranger',
} %}
select
    wave_group,
    cast(period_label as integer) as survey_year,
    geography_id,
    geography_name,
    max(share_pct) filter (where item_id = 'civic_engagement_index') as index_score,
    max(ci_low_pct) filter (where item_id = 'civic_engagement_index') as index_ci_low,
    max(ci_high_pct) filter (where item_id = 'civic_engagement_index') as index_ci_high,
    max(margin_of_error_pp) filter (where item_id = 'civic_engagement_index') as index_margin_of_error,
    max(regional_mean_pct) filter (where item_id = 'civic_engagement_index') as index_regional_mean,
    max(regional_country_count) filter (where item_id = 'civic_engagement_index') as regional_country_count,
    bool_and(gap_within_margin) filter (where item_id = 'civic_engagement_index') as index_gap_within_margin,
    max(change_pp) filter (where item_id = 'civic_engagement_index') as index_change,
    bool_and(change_within_margin) filter (where item_id = 'civic_engagement_index')
        as index_change_within_margin,
    {%- for item_id, name in components.items() %}
    max(share_pct) filter (where item_id = '{{ item_id }}') as {{ name }}_pct,
    max(margin_of_error_pp) filter (where item_id = '{{ item_id }}') as {{ name }}_margin_of_error_pp,
    max(regional_mean_pct) filter (where item_id = '{{ item_id }}') as {{ name }}_regional_mean_pct,
    max(change_pp) filter (where item_id = '{{ item_id }}') as {{ name }}_change_pp,
    {%- endfor %}
    max(n_unweighted) filter (where item_id = 'civic_engagement_index') as n_unweighted,
    max(n_weighted) filter (where item_id = 'civic_engagement_index') as n_weighted,
    max(n_effective) filter (where item_id = 'civic_engagement_index') as n_effective
from {{ ref('attitude_indicators') }}
where topic = 'civic_engagement'
group by wave_group, period_label, geography_id, geography_name
