"""Run the refresh job in-process against a warehouse (the resource locks it for the run)."""

from __future__ import annotations

import logging
from contextlib import contextmanager, redirect_stdout

from orchestration.instance import prepare_dagster_home
from orchestration.paths import WarehousePaths


def run_refresh(
    paths: WarehousePaths,
    *,
    force_rebuild: bool = False,
    confirm_removals: bool = False,
    quiet: bool = False,
):
    """Execute the refresh job in this process, recorded in the persistent instance.

    ``confirm_removals`` lets a change that removes more than the configured share of a source's
    or geography's rows (or empties a file) be published.
    """
    from dagster import DagsterInstance

    from orchestration.dbt_project import ensure_manifest

    prepare_dagster_home(paths)
    ensure_manifest()
    from orchestration.definitions import defs
    from orchestration.defs.landing.checks import CONFIRM_REMOVALS_TAG
    from orchestration.defs.warehouse.assets import FORCE_TAG

    job = defs.resolve_job_def("refresh")
    tags = {FORCE_TAG: "true"} if force_rebuild else {}
    if confirm_removals:
        tags[CONFIRM_REMOVALS_TAG] = "true"
    run_config = {
        "resources": {
            "warehouse": {
                "config": {
                    "landing_dir": str(paths.landing_dir),
                    "warehouse_dir": str(paths.warehouse_dir),
                }
            }
        },
        "loggers": {"console": {"config": {"log_level": "WARNING" if quiet else "INFO"}}},
    }
    with (
        _quiet_console(paths, quiet),
        DagsterInstance.from_config(str(paths.dagster_home)) as instance,
    ):
        return job.execute_in_process(
            run_config=run_config, instance=instance, tags=tags, raise_on_error=False
        )


@contextmanager
def _quiet_console(paths: WarehousePaths, quiet: bool):
    """In quiet mode, send dbt's console output (dagster-dbt echoes it to stdout) to a log file
    and hush the engine's notes on dbt checks a skipped (no-change) build leaves without results;
    the run's events stay in the Dagster instance either way."""
    if not quiet:
        yield
        return
    engine = logging.getLogger("dagster._core.execution.plan.active")
    level = engine.level
    log_dir = paths.warehouse_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    engine.setLevel(logging.ERROR)
    try:
        with (
            (log_dir / "last_refresh_dbt.log").open("w", encoding="utf-8") as log,
            redirect_stdout(log),
        ):
            yield
    finally:
        engine.setLevel(level)
