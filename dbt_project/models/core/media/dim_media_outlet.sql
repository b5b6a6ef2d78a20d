-- The Russian state outlets in scope (seed media/russian_state_outlets), keyed by Factiva source code.
select
    source_code,
    outlet,
    outlet_group,
    aliases,
    code_verified
from {{ ref('russian_state_outlets') }}
