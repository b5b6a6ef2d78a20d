"""The release history: every release published here, which one the analysts' file is now, and
the operators' rollbacks.

Each release file records the history up to itself in ``metadata.releases``; the pipeline keeps
the whole history beside it in ``release_history.json`` (also the releases later rolled back
from, and the rollbacks), so it never needs to open the analysts' file: an analyst holding it
read-write, or a stale WAL beside it, cannot stop a refresh or hide the history.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from ingestion.database import DatabaseBusy, connect
from orchestration.release_archive import fsync

RELEASE_COLUMNS = (
    "release_id",
    "published_at",
    "run_id",
    "code_version",
    "code_fingerprint",
    "inputs_fingerprint",
    "row_counts",
    "checks_passed",
    "checks_summary",
    "landing_profile",
)


@dataclass(frozen=True)
class Release:
    release_id: str
    published_at: datetime
    code_fingerprint: str
    inputs_fingerprint: str
    landing_profile: dict | None = None


def history_path(published_db: Path) -> Path:
    """The pipeline's copy of the release history, beside the analysts' file."""
    return published_db.with_name("release_history.json")


@dataclass(frozen=True)
class HistoryCopy:
    """``release_history.json``: every release published here (oldest first, including releases
    later rolled back from), which one is current, and the rollbacks, oldest first."""

    releases: list[dict]
    current_id: str | None
    rollbacks: list[dict]


def read_history_copy(published_db: Path) -> HistoryCopy | None:
    """The pipeline's copy, or None if there is none (a copy written before rollbacks existed is
    a plain list of records whose last one is current)."""
    path = history_path(published_db)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        data = {"releases": data, "current": data[-1]["release_id"] if data else None}
    return HistoryCopy(
        [_decoded(record) for record in data["releases"]],
        data.get("current"),
        data.get("rollbacks", []),
    )


def _file_history(published_db: Path) -> list[dict]:
    """The release records inside the analysts' file (its own release last), oldest first."""
    with connect(published_db, read_only=True, wait_seconds=0) as con:
        columns = [
            c
            for (c,) in con.execute(
                """SELECT column_name FROM duckdb_columns()
               WHERE schema_name = 'metadata' AND table_name = 'releases'"""
            ).fetchall()
        ]
        rows = con.execute(
            f"SELECT {', '.join(columns)} FROM metadata.releases ORDER BY published_at"
        ).fetchall()
    return [_decoded(dict(zip(columns, row, strict=True))) for row in rows]


def release_history(published_db: Path) -> list[dict]:
    """Every release published here, oldest first: the pipeline's copy (which keeps releases
    rolled back from) merged with the records in the published file when it opens read-only (the
    file wins: the copy is written just after the swap, so a crash can leave it one behind). An
    analyst may hold the file read-write, or a stale WAL may stop it opening: then the copy."""
    if not published_db.exists():
        return []
    copy = read_history_copy(published_db)
    try:
        records = _file_history(published_db)
    except (duckdb.Error, DatabaseBusy):
        if copy is None:
            raise
        return copy.releases
    merged = {record["release_id"]: record for record in copy.releases} if copy else {}
    merged.update((record["release_id"], record) for record in records)
    return sorted(merged.values(), key=lambda record: record["published_at"])


def _decoded(record: dict) -> dict:
    """JSON columns as Python values and the publication time as a datetime, whatever the
    record came from (DuckDB returns JSON as text; the copy stores ISO times)."""
    record = dict(record)
    for column in ("row_counts", "checks_summary", "landing_profile"):
        if isinstance(record.get(column), str):
            record[column] = json.loads(record[column])
    if isinstance(record.get("published_at"), str):
        record["published_at"] = datetime.fromisoformat(record["published_at"])
    return record


def current_release(published_db: Path) -> Release | None:
    """The release the analysts' file is: the newest record inside it (a release's file records
    the history up to itself, so a rolled-back file names itself), else the copy's current."""
    if not published_db.exists():
        return None
    try:
        records = _file_history(published_db)
    except (duckdb.Error, DatabaseBusy):
        copy = read_history_copy(published_db)
        if copy is None:
            raise
        records = [r for r in copy.releases if r["release_id"] == copy.current_id]
    return _release(records[-1]) if records else None


def withdrawn_releases(published_db: Path) -> list[Release]:
    """Releases an operator rolled back from since the newest publication (not the current)."""
    copy = read_history_copy(published_db)
    if copy is None or not copy.releases:
        return []
    newest = max(record["published_at"] for record in copy.releases)
    withdrawn = {
        rollback["from_release"]
        for rollback in copy.rollbacks
        if datetime.fromisoformat(rollback["rolled_back_at"]) > newest
    } - {copy.current_id}
    return [_release(r) for r in copy.releases if r["release_id"] in withdrawn]


def _release(record: dict) -> Release:
    return Release(
        record["release_id"],
        record["published_at"],
        record["code_fingerprint"],
        record["inputs_fingerprint"],
        record.get("landing_profile"),
    )


def write_history_copy(
    published_db: Path, releases: list[dict], current_id: str, rollbacks: list[dict]
) -> None:
    """Replace the pipeline's copy of the release history atomically."""
    target = history_path(published_db)
    temporary = target.with_name(target.name + ".tmp")
    data = {
        "current": current_id,
        "releases": [{c: record.get(c) for c in RELEASE_COLUMNS} for record in releases],
        "rollbacks": rollbacks,
    }
    temporary.write_text(json.dumps(data, default=str, indent=1), encoding="utf-8")
    fsync(temporary)
    os.replace(temporary, target)
