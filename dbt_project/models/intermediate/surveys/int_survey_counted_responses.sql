-- Responses of the selected samples with whether each stays in its item's denominator: a
-- substantive answer always does, a missing one only where the item's missing policy
-- (survey_missing_policies) counts that kind of missing as "no".
select
    f.wave_group,
    f.geography_id,
    f.source_file,
    f.source_row,
    f.item_id,
    f.weight,
    f.category,
    items.outcome_set,
    f.missing_kind is null or coalesce(policies.treatment = 'count_as_no', false) as in_denominator
from {{ ref('fct_survey_responses') }} as f
inner join {{ ref('survey_items') }} as items
    on f.item_id = items.item_id
left join {{ ref('survey_missing_policies') }} as policies
    on items.missing_policy = policies.missing_policy
    and f.missing_kind = policies.missing_kind
where f.is_selected_sample
