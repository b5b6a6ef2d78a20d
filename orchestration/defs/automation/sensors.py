"""A sensor that starts a refresh when landing files change, and keeps the run history tidy."""

from __future__ import annotations

import hashlib
import json

import dagster as dg

from ingestion.landing_scan import iter_landing_files
from ingestion.sources import SOURCES
from orchestration.defs.automation.jobs import refresh_job
from orchestration.paths import WarehousePaths
from orchestration.run_history import prune_run_history, sweep_orphaned_runs


def landing_signature(paths: WarehousePaths) -> str:
    """Cheap change detector over landing files (path, size, mtime); content hashing is the
    ingestion's job, so a touched but identical file costs one no-change run at most."""
    entries = []
    for source in SOURCES:
        for path in iter_landing_files(source, paths.landing_dir):
            stat = path.stat()
            entries.append(
                f"{path.relative_to(paths.landing_dir)}|{stat.st_size}|{stat.st_mtime_ns}"
            )
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Starts a refresh when a landing file is added, changed or removed; on every evaluation "
        "it also fails runs orphaned by a dead refresh and prunes old runs."
    ),
)
def landing_files_sensor(context: dg.SensorEvaluationContext):
    paths = WarehousePaths.from_env()
    _upkeep(context, paths)
    signature = landing_signature(paths)
    seen, requests = _read_cursor(context.cursor)
    if signature == seen:
        return dg.SkipReason("No landing file changed since the last refresh request.")
    # One run key per change, not per landing state: a landing zone that returns to an earlier
    # state (a bad file removed again) must start a refresh too, and Dagster drops run requests
    # whose key already ran.
    requests += 1
    context.update_cursor(json.dumps({"signature": signature, "requests": requests}))
    return dg.RunRequest(
        run_key=f"landing-change-{requests}", tags={"civic/landing_signature": signature[:16]}
    )


def _read_cursor(cursor: str | None) -> tuple[str | None, int]:
    """(landing signature, changes requested so far); a cursor of the older plain form is the
    signature alone."""
    if not cursor:
        return None, 0
    try:
        state = json.loads(cursor)
    except json.JSONDecodeError:
        return cursor, 0
    return state["signature"], int(state["requests"])


def _upkeep(context: dg.SensorEvaluationContext, paths: WarehousePaths) -> None:
    """The daemon unsticks itself: a run left STARTED by a dead process would otherwise hold the
    one run slot for good, and the sensor's runs would queue forever."""
    try:
        instance = context.instance
    except dg.DagsterInvariantViolationError:  # evaluated without an instance (unit tests)
        return
    try:
        for orphan in sweep_orphaned_runs(instance, paths, found_by="landing sensor"):
            context.log.warning(orphan.line())
        prune_run_history(instance)
    except Exception as error:  # upkeep must never stop the sensor from requesting refreshes
        context.log.warning(f"Run history upkeep failed: {type(error).__name__}: {error}")
