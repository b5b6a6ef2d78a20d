"""The nightly refresh."""

import dagster as dg

from orchestration.defs.automation.jobs import refresh_job

refresh_schedule = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_job,
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Regular refresh at 02:00 UTC; a no-change refresh writes nothing.",
)
