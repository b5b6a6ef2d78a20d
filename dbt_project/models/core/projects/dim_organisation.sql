-- One row per organisation of the registry (recipients of Russian projects), with the "Other ..."
-- group its type folds into (seed projects/recipient_fold_groups).
select
    orgs.org_id,
    orgs.name,
    orgs.aliases,
    orgs.org_type,
    org_types.label as org_type_label,
    fold.fold_label,
    fold.fold_sort_order,
    orgs.geography_id,
    orgs.country_as_coded,
    orgs.place_text,
    orgs.source_file,
    orgs.source_row
from {{ ref('stg_registry__organisations') }} as orgs
left join {{ ref('coding_vocabularies') }} as org_types
    on org_types.column_name = 'org_type' and org_types.value = orgs.org_type
left join {{ ref('recipient_fold_groups') }} as fold on fold.org_type = orgs.org_type
