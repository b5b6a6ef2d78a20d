"""The persistent Dagster instance shared by the CLI, the UI and the tests."""

from __future__ import annotations

import os
from pathlib import Path

from orchestration.paths import WarehousePaths

MANAGED_MARKER = "# Written by `civic`"
INSTANCE_CONFIG = f"""\
{MANAGED_MARKER}: rewritten whenever the project's settings change (delete this line to keep
# your own edits). One persistent instance, so CLI and UI runs share one run history.
telemetry:
  enabled: false
run_queue:
  # DuckDB allows one writer per database file: refreshes must never overlap.
  max_concurrent_runs: 1
run_monitoring:
  # The daemon fails runs stuck starting and cancels runs that hang for 6 hours. The default run
  # launcher cannot tell whether a started run's process is alive: `civic` and the landing sensor
  # fail runs left STARTED while nobody holds the warehouse lock (orchestration/run_history.py).
  enabled: true
  start_timeout_seconds: 300
  cancel_timeout_seconds: 300
  max_runtime_seconds: 21600
  max_resume_run_attempts: 0
  poll_interval_seconds: 60
retention:
  # Old runs are pruned by `civic` (CIVIC_KEEP_RUNS); the daemon purges old ticks.
  schedule:
    purge_after_days: 90
  sensor:
    purge_after_days:
      skipped: 1
      success: 30
      failure: 30
      started: 30
"""


def prepare_dagster_home(paths: WarehousePaths) -> None:
    """Point DAGSTER_HOME at the warehouse's instance directory, creating it if needed, and keep
    its dagster.yaml current while it is the one `civic` wrote."""
    paths.dagster_home.mkdir(parents=True, exist_ok=True)
    write_instance_config(paths.dagster_home / "dagster.yaml")
    os.environ["DAGSTER_HOME"] = str(paths.dagster_home)


def write_instance_config(config: Path) -> bool:
    """Write the managed config if missing or outdated; leave a hand-managed one alone.

    Returns whether the file was (re)written. The write is atomic: a Dagster process reading the
    file at that moment sees the old or the new config, never half of one.
    """
    try:
        current = config.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = None
    if current == INSTANCE_CONFIG or (
        current is not None and not current.startswith(MANAGED_MARKER)
    ):
        return False
    staging = config.with_name(f".{config.name}.{os.getpid()}.tmp")
    staging.write_text(INSTANCE_CONFIG, encoding="utf-8")
    os.replace(staging, config)
    return True
