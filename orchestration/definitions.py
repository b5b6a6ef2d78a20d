"""The code location: ingestion, dbt models, gate checks, publish, and their automation."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.ingestion import (
    landing_ingestion,
    no_rejected_landing_files,
    removals_confirmed,
)
from orchestration.assets.warehouse import GATE_CHECKS, published_release, warehouse_models
from orchestration.automation import landing_files_sensor, refresh_job, refresh_schedule
from orchestration.dbt_project import DBT_PROJECT, dbt_executable
from orchestration.resources import WarehouseResource

defs = dg.Definitions(
    assets=[landing_ingestion, warehouse_models, published_release],
    asset_checks=[no_rejected_landing_files, removals_confirmed, *GATE_CHECKS],
    jobs=[refresh_job],
    schedules=[refresh_schedule],
    sensors=[landing_files_sensor],
    resources={
        "dbt": DbtCliResource(project_dir=DBT_PROJECT, dbt_executable=dbt_executable()),
        "warehouse": WarehouseResource.from_env(),
    },
    executor=dg.in_process_executor,
)
