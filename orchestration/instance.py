"""The persistent Dagster instance shared by the CLI, the UI and the tests."""

from __future__ import annotations

import os

from orchestration.paths import WarehousePaths

INSTANCE_CONFIG = """\
# Written by `civic`: one persistent instance so CLI and UI runs share one run history.
telemetry:
  enabled: false
run_queue:
  # DuckDB allows one writer per database file: refreshes must never overlap.
  max_concurrent_runs: 1
"""


def prepare_dagster_home(paths: WarehousePaths) -> None:
    """Point DAGSTER_HOME at the warehouse's instance directory, creating it if needed."""
    paths.dagster_home.mkdir(parents=True, exist_ok=True)
    config = paths.dagster_home / "dagster.yaml"
    if not config.exists():
        config.write_text(INSTANCE_CONFIG, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(paths.dagster_home)
