-- One row per country sample (family x wave x study x country) with its wave group and whether
-- it is the sample used for that country and wave group: the lowest precedence in survey_waves.
with samples as (
    select
        survey_family,
        wave,
        study,
        geography_id,
        count(*) as n_respondents,
        min(fieldwork_year) as first_fieldwork_year,
        max(fieldwork_year) as last_fieldwork_year,
        string_agg(distinct source_file, ' | ' order by source_file) as source_files
    from {{ ref('stg_survey_microdata__respondents') }}
    group by survey_family, wave, study, geography_id
),

placed as (
    select
        samples.*,
        waves.wave_group,
        waves.precedence,
        waves.precedence_reason
    from samples
    left join {{ ref('survey_waves') }} as waves
        on samples.survey_family = waves.survey_family
        and samples.wave = waves.wave
        and samples.study = waves.study
)

select
    *,
    wave_group is not null
    and row_number() over (
        partition by wave_group, geography_id order by precedence, survey_family, study
    ) = 1 as is_selected_sample
from placed
