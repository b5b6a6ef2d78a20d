-- Published copy of the landing-file state at release time (which version of each file is in).
select * from {{ ref('stg_landing__landing_files') }}
