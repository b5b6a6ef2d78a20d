"""The Dagster run history's upkeep: fail orphaned runs, and keep only the newest runs.

A refresh killed by ``kill -9``, a full disk or a power cut never reports its end, so Dagster
keeps it STARTED for good; with one run at a time, the daemon then never launches another. The
default run launcher cannot ask a run's process whether it is alive, but the warehouse lock can:
every run holds it while it works and the kernel drops it when the process dies. A run that is
STARTED or CANCELING for longer than a grace period while nobody holds the lock is orphaned.

Every run also leaves about a megabyte in dagster_home (events, compute logs) for good, so only
the newest runs are kept.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime

from dagster import DagsterInstance, DagsterRunStatus, RunsFilter
from dagster._core.events import JobFailureData, RunFailureReason
from dagster._core.storage.dagster_run import FINISHED_STATUSES, RunRecord

from orchestration import warehouse_lock
from orchestration.paths import WarehousePaths

GRACE_ENV = "CIVIC_ORPHAN_GRACE_SECONDS"
DEFAULT_GRACE_SECONDS = 60.0
KEEP_RUNS_ENV = "CIVIC_KEEP_RUNS"
DEFAULT_KEEP_RUNS = 100
ORPHAN_TAG = "civic/orphaned"
STUCK_STATUSES = [DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]


def grace_seconds() -> float:
    """A run gets this long after it started to take the lock (its process loads the code and
    waits up to CIVIC_LOCK_WAIT_SECONDS for the lock) before it can count as orphaned."""
    return float(os.environ.get(GRACE_ENV, DEFAULT_GRACE_SECONDS))


def keep_runs() -> int:
    """How many runs dagster_home keeps (0 keeps them all)."""
    return int(os.environ.get(KEEP_RUNS_ENV, DEFAULT_KEEP_RUNS))


def _utc(timestamp: float | None) -> str:
    if timestamp is None:
        return "at an unknown time"
    return f"{datetime.fromtimestamp(timestamp, UTC):%Y-%m-%d %H:%M:%S} UTC"


@dataclass(frozen=True)
class OrphanedRun:
    """A run found orphaned and marked failed, with how far it had got."""

    run_id: str
    status: str
    started_at: float | None
    progress: str
    found_by: str

    def line(self) -> str:
        return (
            f"Orphaned run {self.run_id} (started {_utc(self.started_at)}, {self.progress}) "
            f"marked failed by {self.found_by}: it was still {self.status} but no process held "
            "the warehouse lock (killed, out of disk or the machine stopped)."
        )


def sweep_orphaned_runs(
    instance: DagsterInstance, paths: WarehousePaths, *, found_by: str
) -> list[OrphanedRun]:
    """Mark failed every run STARTED/CANCELING beyond the grace period while the lock is free.

    The sweep holds the lock itself while it looks (an instant), so no run can take it in
    between; if another process holds it, runs are alive and nothing is done. In a process that
    already holds the lock (a CLI refresh before its run starts) the sweep re-enters it: call it
    only before this process starts a run.
    """
    try:
        with warehouse_lock.hold(paths, f"orphan check ({found_by})", wait=0):
            return _fail_orphans(instance, found_by)
    except warehouse_lock.WarehouseBusy:
        return []


def _fail_orphans(instance: DagsterInstance, found_by: str) -> list[OrphanedRun]:
    now = time.time()
    orphans = []
    for record in instance.get_run_records(RunsFilter(statuses=STUCK_STATUSES)):
        started = record.start_time or record.create_timestamp.timestamp()
        if now - started < grace_seconds():
            continue
        run = record.dagster_run
        orphan = OrphanedRun(
            run.run_id, run.status.value, started, _progress(instance, record), found_by
        )
        instance.add_run_tags(run.run_id, {ORPHAN_TAG: found_by})
        instance.report_run_failed(
            run,
            orphan.line(),
            JobFailureData(error=None, failure_reason=RunFailureReason.UNEXPECTED_TERMINATION),
        )
        orphans.append(orphan)
    return orphans


def _progress(instance: DagsterInstance, record: RunRecord) -> str:
    """'4 steps done, stopped in warehouse_models': what the run did before it vanished."""
    stats = instance.get_run_step_stats(record.dagster_run.run_id)
    done = [s for s in stats if s.status is not None and s.status.value == "SUCCESS"]
    running = [s.step_key for s in stats if s.end_time is None]
    text = f"{len(done)} step{'s' if len(done) != 1 else ''} done"
    return text + (f", stopped in {', '.join(running)}" if running else "")


def prune_run_history(instance: DagsterInstance, *, keep: int | None = None) -> int:
    """Delete finished runs beyond the newest `keep` (default $CIVIC_KEEP_RUNS) with their
    events, compute logs and per-run event database; return how many were deleted."""
    keep = keep_runs() if keep is None else keep
    if keep <= 0:
        return 0
    deleted = 0
    for record in instance.get_run_records()[keep:]:  # newest first
        if record.dagster_run.status not in FINISHED_STATUSES:
            continue
        delete_run(instance, record.dagster_run.run_id)
        deleted += 1
    return deleted


def delete_run(instance: DagsterInstance, run_id: str) -> None:
    """`instance.delete_run` deletes the run's rows; its captured logs and, with the default
    SQLite storage, its own event database file are left behind unless removed here."""
    instance.delete_run(run_id)
    with suppress(NotImplementedError):
        instance.compute_log_manager.delete_logs(prefix=[run_id])
    storage = instance.event_log_storage
    _delete_check_executions(storage, run_id)
    shard_path = getattr(storage, "path_for_shard", None)
    if shard_path is None or not getattr(storage, "is_run_sharded", False):
        return
    getattr(storage, "_initialized_dbs", set()).discard(run_id)
    for suffix in ("", "-wal", "-shm"):
        with suppress(FileNotFoundError):
            os.unlink(shard_path(run_id) + suffix)


def _delete_check_executions(storage, run_id: str) -> None:
    """Dagster's SQL event log keeps a row per asset check and run in its index database even
    after the run is deleted: with ~580 checks planned by every refresh, the index would grow
    by megabytes per run for good. The newest run's rows (the UI's latest results) stay."""
    from dagster._core.storage.event_log.schema import AssetCheckExecutionsTable

    index_connection = getattr(storage, "index_connection", None)
    if index_connection is None:
        return
    with index_connection() as conn:
        conn.execute(
            AssetCheckExecutionsTable.delete().where(AssetCheckExecutionsTable.c.run_id == run_id)
        )


def history_lines(instance: DagsterInstance, *, swept: Sequence[OrphanedRun] = ()) -> list[str]:
    """The newest run and how it ended (unless it is one of the `swept` orphans, which have
    their own lines), then what dagster_home keeps."""
    keep = keep_runs()
    kept = f"keeping the newest {keep}" if keep > 0 else "keeping all"
    lines = [f"Runs kept in dagster_home: {instance.get_runs_count()} ({kept})."]
    records = instance.get_run_records(limit=1)
    if not records or records[0].dagster_run.run_id in {o.run_id for o in swept}:
        return lines + [orphan.line() for orphan in swept]
    record = records[0]
    run = record.dagster_run
    line = f"Last run {run.run_id}: {run.status.value}, started {_utc(record.start_time)}"
    if run.tags.get(ORPHAN_TAG):
        line += f"; found orphaned by {run.tags[ORPHAN_TAG]} (its process had died) and failed"
    elif record.end_time and record.start_time:
        line += f", took {record.end_time - record.start_time:.0f}s"
    return [line + ".", *lines, *(orphan.line() for orphan in swept)]


def upkeep(paths: WarehousePaths, *, sweep_as: str | None, prune: bool) -> list[str]:
    """Sweep orphans (as `sweep_as`, if given) and/or prune old runs on the warehouse's
    instance; return the orphans' lines to print."""
    from orchestration.instance import prepare_dagster_home

    prepare_dagster_home(paths)
    orphans: list[OrphanedRun] = []
    with DagsterInstance.from_config(str(paths.dagster_home)) as instance:
        if sweep_as is not None:
            orphans = sweep_orphaned_runs(instance, paths, found_by=sweep_as)
        if prune:
            prune_run_history(instance)
    return [orphan.line() for orphan in orphans]
