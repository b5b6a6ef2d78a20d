"""Run the refresh job in-process against a warehouse (the resource locks it for the run)."""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass

from orchestration.instance import prepare_dagster_home
from orchestration.paths import WarehousePaths
from orchestration.refresh_state import RefreshInputs, pending_refresh


@dataclass(frozen=True)
class UnchangedRefresh:
    """A refresh that started no run: the latest refresh run started from the same landing
    files and code, and the published release is up to date (a run would only skip checks)."""

    message: str
    success: bool = True


def run_refresh(
    paths: WarehousePaths,
    *,
    force_rebuild: bool = False,
    confirm_removals: bool = False,
    quiet: bool = False,
    profiles: bool = True,
):
    """Execute the refresh job in this process, recorded in the persistent instance, unless
    nothing changed since the latest refresh run (then no run starts: ``UnchangedRefresh``).

    ``confirm_removals`` lets a change that removes more than the configured share of a source's
    or geography's rows (or empties a file) be published. With ``profiles`` (the default) a
    refresh that leaves a new release published rebuilds the country profiles from it.
    """
    from dagster import DagsterInstance

    from orchestration.dbt_project import ensure_manifest

    prepare_dagster_home(paths)
    run_config = refresh_run_config(paths, quiet=quiet)
    with (
        _quiet_console(paths, quiet),
        DagsterInstance.from_config(str(paths.dagster_home)) as instance,
    ):
        # Decided before the definitions load (the dbt manifest's ~700 assets, the suites): a
        # refresh with nothing to do costs the checks alone.
        inputs = RefreshInputs.now(paths)
        pending = pending_refresh(instance, paths, inputs)
        unchanged = None
        if not (force_rebuild or confirm_removals) and pending is None:
            unchanged = _unchanged(paths)
            if unchanged is not None and not (profiles and profiles_stale(paths)):
                return unchanged
        ensure_manifest()
        from orchestration.definitions import defs
        from orchestration.defs.landing.checks import CONFIRM_REMOVALS_TAG

        if unchanged is not None:
            _build_profiles(defs, run_config, instance)
            return unchanged
        job = defs.resolve_job_def("refresh")
        tags = inputs.tags(full_rebuild=force_rebuild or bool(pending and pending.full_rebuild))
        if confirm_removals:
            tags[CONFIRM_REMOVALS_TAG] = "true"
        result = job.execute_in_process(
            run_config=run_config, instance=instance, tags=tags, raise_on_error=False
        )
        if profiles and result.success and profiles_stale(paths):
            _build_profiles(defs, run_config, instance)
        return result


def refresh_run_config(paths: WarehousePaths, *, quiet: bool) -> dict:
    """The run config of an in-process refresh of this warehouse."""
    return {
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


def _unchanged(paths: WarehousePaths) -> UnchangedRefresh | None:
    """The exact check, once the landing folder and the code are known unchanged: the accepted
    inputs and code are those of the published release, and it opens. ``raw.duckdb`` is read
    holding the warehouse lock (re-entered by the CLI, which holds it already)."""
    from orchestration import warehouse_lock
    from orchestration.release import plan_build

    with warehouse_lock.hold(paths, warehouse_lock.REFRESH):
        plan = plan_build(paths)
    if plan.needed:
        return None
    return UnchangedRefresh(
        f"No changes since the latest refresh run: {plan.unchanged_reason}; no run started "
        "(`civic refresh --force-rebuild` rebuilds anyway)."
    )


def profiles_stale(paths: WarehousePaths) -> bool:
    """Whether any geography's profile was built from another release than the published one
    (or never built)."""
    from orchestration.profiles.build import geography_ids, profiles_dir
    from orchestration.release import current_release

    release = current_release(paths.published_db)
    if release is None:
        return False
    for geography in geography_ids():
        manifest = profiles_dir(paths) / geography / "manifest.json"
        if not manifest.exists():
            return True
        if json.loads(manifest.read_text()).get("release_id") != release.release_id:
            return True
    return False


def _build_profiles(defs, run_config: dict, instance) -> None:
    """All geographies' profiles in one run of the partitioned profiles job (a run of its own:
    the refresh's result stays the refresh's; a failed profile build is reported, not raised)."""
    from dagster._core.storage.tags import (
        ASSET_PARTITION_RANGE_END_TAG,
        ASSET_PARTITION_RANGE_START_TAG,
    )

    from orchestration.defs.profiles.assets import GEOGRAPHY_PARTITIONS

    keys = GEOGRAPHY_PARTITIONS.get_partition_keys()
    profiles = defs.resolve_job_def("profiles").execute_in_process(
        run_config={"resources": run_config["resources"], "loggers": run_config["loggers"]},
        instance=instance,
        tags={ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]},
        raise_on_error=False,
    )
    if not profiles.success:
        logging.getLogger(__name__).warning(
            "Country profiles were not rebuilt (run %s); `civic profile` retries.", profiles.run_id
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
