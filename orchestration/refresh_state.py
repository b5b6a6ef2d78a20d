"""Whether a refresh has anything to do, decided before a run starts and without ``raw.duckdb``.

A refresh run plans every check when it starts; a run that finds nothing new leaves them all
Skipped (and its raw tables newer than the models), so the UI's latest state would stop showing
the results the published release was gated with. The sensor, the schedule and ``civic refresh``
therefore start a run only when something may have changed since the latest refresh run: the
landing folder (a cheap signature over path, size and mtime) or the code (its fingerprint), both
recorded as tags of every run they start. ``raw.duckdb`` is not read: a refresh may be writing it.

When the latest results may not be the release's own (the latest run failed, left rejected files
or was started without the tags, from the UI), the next run rebuilds in full, so that every check
gets a result again: a recovery run whose inputs are back to the release's would otherwise build
nothing and leave the failed checks Skipped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from dagster import DagsterInstance, DagsterRunStatus, RunsFilter

from ingestion.landing_scan import iter_landing_files
from ingestion.sources import SOURCES
from orchestration.paths import WarehousePaths

REFRESH_JOB = "refresh"
FORCE_TAG = "civic/force_rebuild"
BUILD_TAG = "civic/build"  # full | carry_over (orchestration/carry_over.py)
LANDING_SIGNATURE_TAG = "civic/landing_signature"
CODE_FINGERPRINT_TAG = "civic/code_fingerprint"
REJECTED_FILES_TAG = "civic/rejected_files"
TAG_LENGTH = 16  # 64 bits of each hash: enough to tell states apart, short in the run list
UNFINISHED = (
    DagsterRunStatus.QUEUED,
    DagsterRunStatus.NOT_STARTED,
    DagsterRunStatus.STARTING,
    DagsterRunStatus.STARTED,
)


def landing_signature(paths: WarehousePaths) -> str:
    """Cheap change detector over landing files (path, size, mtime); content hashing is the
    ingestion's job."""
    entries = []
    for source in SOURCES:
        for path in iter_landing_files(source, paths.landing_dir):
            stat = path.stat()
            entries.append(
                f"{path.relative_to(paths.landing_dir)}|{stat.st_size}|{stat.st_mtime_ns}"
            )
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()


@dataclass(frozen=True)
class RefreshInputs:
    """What a refresh run starts from: the landing folder's signature and the code's
    fingerprint, each shortened to a run tag."""

    landing: str
    code: str

    @classmethod
    def now(cls, paths: WarehousePaths) -> RefreshInputs:
        from orchestration.release import code_fingerprint

        return cls(landing_signature(paths)[:TAG_LENGTH], code_fingerprint()[:TAG_LENGTH])

    def tags(self, *, full_rebuild: bool = False) -> dict[str, str]:
        tags = {LANDING_SIGNATURE_TAG: self.landing, CODE_FINGERPRINT_TAG: self.code}
        return {**tags, FORCE_TAG: "true"} if full_rebuild else tags


@dataclass(frozen=True)
class PendingRefresh:
    """Why a refresh is due (one line), and whether it must rebuild in full."""

    reason: str
    full_rebuild: bool = False


def pending_refresh(
    instance: DagsterInstance, paths: WarehousePaths, inputs: RefreshInputs
) -> PendingRefresh | None:
    """Why a refresh is due, or None when the latest refresh run (finished clean, or still
    running) started from these landing files and this code and a release is published."""
    records = instance.get_run_records(RunsFilter(job_name=REFRESH_JOB), limit=1)
    if not records:
        return PendingRefresh("no refresh run recorded")
    run = records[0].dagster_run
    started_from = RefreshInputs(
        run.tags.get(LANDING_SIGNATURE_TAG, ""), run.tags.get(CODE_FINGERPRINT_TAG, "")
    )
    if not started_from.landing:
        return PendingRefresh(
            f"the latest refresh run {run.run_id} recorded no landing state (started from the "
            "UI?): its results may not be the release's",
            full_rebuild=True,
        )
    if run.status in UNFINISHED:
        if started_from == inputs:
            return None
        return PendingRefresh(f"landing files or code changed since run {run.run_id} started")
    if run.status != DagsterRunStatus.SUCCESS:
        return PendingRefresh(
            f"the latest refresh run {run.run_id} ended {run.status.value}", full_rebuild=True
        )
    rejected = int(run.tags.get(REJECTED_FILES_TAG, "0"))
    if started_from.landing != inputs.landing:
        return PendingRefresh(
            f"landing files changed since run {run.run_id}", full_rebuild=rejected > 0
        )
    if started_from.code != inputs.code:
        return PendingRefresh(f"code changed since run {run.run_id}")
    if not paths.published_db.exists():
        return PendingRefresh(f"no published database at {paths.published_db}")
    return None
