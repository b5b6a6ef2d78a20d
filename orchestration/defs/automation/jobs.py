"""The refresh job (every asset but the profiles, in one process: one DuckDB writer) and the
profiles job (the country profiles of the published release, partitioned by geography)."""

import dagster as dg

from orchestration.defs.automation.failures import report_failed_checks

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("profiles"),
    executor_def=dg.in_process_executor,
    hooks={report_failed_checks},
    description="Full refresh: ingest landing files, build with dbt, gate with GX, publish.",
)

profiles_job = dg.define_asset_job(
    "profiles",
    selection=dg.AssetSelection.groups("profiles"),
    executor_def=dg.in_process_executor,
    description="Country profiles of the published release; `civic refresh` runs it for all "
    "geographies in one run after publishing a new release.",
)
