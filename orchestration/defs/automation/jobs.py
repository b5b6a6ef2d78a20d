"""The refresh job: every asset of the code location, in one process (one DuckDB writer)."""

import dagster as dg

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Full refresh: ingest landing files, build with dbt, gate with GX, publish.",
)
