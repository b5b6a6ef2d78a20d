"""A sensor that starts a refresh when landing files change, and keeps the run history tidy."""

from __future__ import annotations

import json

import dagster as dg

from orchestration.defs.automation.jobs import refresh_job
from orchestration.paths import WarehousePaths
from orchestration.refresh_state import RefreshInputs, pending_refresh
from orchestration.run_history import prune_run_history, sweep_orphaned_runs


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Starts a refresh when a landing file is added, changed or removed, unless the latest "
        "refresh run already started from the same files and code (so opening the UI starts "
        "nothing); on every evaluation it also fails runs orphaned by a dead refresh and prunes "
        "old runs."
    ),
)
def landing_files_sensor(context: dg.SensorEvaluationContext):
    paths = WarehousePaths.from_env()
    _upkeep(context, paths)
    inputs = RefreshInputs.now(paths)
    seen, requests = _read_cursor(context.cursor)
    if inputs.landing == seen:
        return dg.SkipReason("No landing file changed since the last refresh request.")
    pending = pending_refresh(context.instance, paths, inputs)
    if pending is None:
        # First look (no cursor), or a refresh started elsewhere (CLI) took this change in.
        context.update_cursor(json.dumps({"signature": inputs.landing, "requests": requests}))
        return dg.SkipReason(
            "The latest refresh run started from these landing files and this code: nothing to do."
        )
    # One run key per change, not per landing state: a landing zone that returns to an earlier
    # state (a bad file removed again) must start a refresh too, and Dagster drops run requests
    # whose key already ran.
    requests += 1
    context.update_cursor(json.dumps({"signature": inputs.landing, "requests": requests}))
    context.log.info(f"Refresh requested: {pending.reason}.")
    return dg.RunRequest(
        run_key=f"landing-change-{requests}", tags=inputs.tags(full_rebuild=pending.full_rebuild)
    )


def _read_cursor(cursor: str | None) -> tuple[str | None, int]:
    """(landing signature, changes requested so far); a cursor of the older plain form is the
    full signature alone (it never equals a shortened one: the next change check decides)."""
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
        for orphan in sweep_orphaned_runs(context.instance, paths, found_by="landing sensor"):
            context.log.warning(orphan.line())
        prune_run_history(context.instance)
    except Exception as error:  # upkeep must never stop the sensor from requesting refreshes
        context.log.warning(f"Run history upkeep failed: {type(error).__name__}: {error}")
