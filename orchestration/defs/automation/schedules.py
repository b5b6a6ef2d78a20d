"""The nightly refresh, skipped when nothing changed since the latest refresh run."""

import dagster as dg

from orchestration.defs.automation.jobs import refresh_job
from orchestration.paths import WarehousePaths
from orchestration.refresh_state import RefreshInputs, pending_refresh


@dg.schedule(
    name="nightly_refresh",
    job=refresh_job,
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Refresh at 02:00 UTC when landing files or code changed since the latest "
    "refresh run, or that run failed (the sensor catches landing changes during the day).",
)
def refresh_schedule(context: dg.ScheduleEvaluationContext):
    paths = WarehousePaths.from_env()
    inputs = RefreshInputs.now(paths)
    pending = pending_refresh(context.instance, paths, inputs)
    if pending is None:
        return dg.SkipReason(
            "Landing files and code unchanged since the latest refresh run: nothing to do."
        )
    context.log.info(f"Refresh requested: {pending.reason}.")
    return dg.RunRequest(tags=inputs.tags(full_rebuild=pending.full_rebuild))
