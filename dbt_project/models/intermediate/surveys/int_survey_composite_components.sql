-- Components of each composite (survey_composites) with the number of components it needs.
select
    composite_id,
    composite_kind,
    component_item_id,
    component_outcome,
    count(*) over (partition by composite_id) as n_components
from {{ ref('survey_composites') }}
