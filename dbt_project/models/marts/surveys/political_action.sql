-- Political action per country, wave group and action: have done / might do / would never do
-- (shares of valid answers, summing to 100), with the regional mean and change of each, and
-- have done or might do (= 100 - would never) with its margin and flags.
{%- set outcomes = ['have_done', 'might_do', 'would_never'] %}
select
    wave_group,
    wave_group_label,
    report_wave_label,
    period_label,
    geography_id,
    geography_name,
    survey_family,
    study,
    first_fieldwork_year,
    last_fieldwork_year,
    item_id,
    item_label,
    {%- for outcome in outcomes %}
    max(share_pct) filter (where outcome = '{{ outcome }}') as {{ outcome }}_pct,
    max(margin_of_error_pp) filter (where outcome = '{{ outcome }}') as {{ outcome }}_margin_of_error_pp,
    max(regional_mean_pct) filter (where outcome = '{{ outcome }}') as {{ outcome }}_regional_mean_pct,
    bool_and(gap_within_margin) filter (where outcome = '{{ outcome }}') as {{ outcome }}_gap_within_margin,
    max(change_pp) filter (where outcome = '{{ outcome }}') as {{ outcome }}_change_pp,
    bool_and(change_within_margin) filter (where outcome = '{{ outcome }}') as {{ outcome }}_change_within_margin,
    {%- endfor %}
    -- Have done or might do = 100 - would never (same valid answers, same countries), so its
    -- standard error, and hence its margin and both within-margin flags, are would_never's.
    sum(share_pct) filter (where outcome in ('have_done', 'might_do')) as have_done_or_might_do_pct,
    max(margin_of_error_pp) filter (where outcome = 'would_never')
        as have_done_or_might_do_margin_of_error_pp,
    sum(regional_mean_pct) filter (where outcome in ('have_done', 'might_do'))
        as have_done_or_might_do_regional_mean_pct,
    bool_and(gap_within_margin) filter (where outcome = 'would_never')
        as have_done_or_might_do_gap_within_margin,
    sum(change_pp) filter (where outcome in ('have_done', 'might_do')) as have_done_or_might_do_change_pp,
    bool_and(change_within_margin) filter (where outcome = 'would_never')
        as have_done_or_might_do_change_within_margin,
    max(n_unweighted) as n_unweighted,
    max(n_weighted) as n_weighted,
    max(n_effective) as n_effective
from {{ ref('attitude_indicators') }}
where topic = 'political_action'
group by all
