"""Write-audit-publish: decide whether a build is needed, and publish an audited build atomically.

A release is the whole build database renamed over the analysts' file (``os.replace`` is atomic on
one filesystem), so readers see either the previous release or the next one, never a half-built
state. Each release carries its own history in ``metadata.releases`` and the pipeline keeps the
whole history beside it (orchestration/release_log.py); every release is also kept under
``releases/`` for comparison and rollback (orchestration/release_archive.py, releases.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ingestion.database import DatabaseBusy, connect
from ingestion.hashing import files_digest, tree_files
from orchestration import release_archive
from orchestration.carry_over import keep_release_cache
from orchestration.dbt_project import project_fingerprint
from orchestration.paths import PROJECT_ROOT, WarehousePaths
from orchestration.release_archive import fsync
from orchestration.release_log import (
    RELEASE_COLUMNS,
    Release,
    current_release,
    read_history_copy,
    release_history,
    withdrawn_releases,
    write_history_copy,
)

# Build-time plumbing (views over the attached raw database) that analysts never see.
INTERNAL_SCHEMAS = ("staging", "intermediate", "audit")
PUBLISHED_SCHEMAS = ("reference", "core", "marts", "metadata")
# The pipeline's own packages: what they read and compute shapes a release (the sample generator
# does not: it only writes landing files, whose content is fingerprinted as input).
PIPELINE_PACKAGES = ("ingestion", "orchestration", "expectations")


RELEASES_DDL = """CREATE TABLE IF NOT EXISTS metadata.releases (
    release_id VARCHAR PRIMARY KEY, published_at TIMESTAMP NOT NULL, run_id VARCHAR,
    code_version VARCHAR, code_fingerprint VARCHAR NOT NULL, inputs_fingerprint VARCHAR NOT NULL,
    row_counts JSON NOT NULL, checks_passed INTEGER NOT NULL, checks_summary JSON NOT NULL,
    landing_profile JSON)"""
# Analysts read these with `civic describe metadata.releases` (dbt persists the other tables' docs).
RELEASES_COMMENTS = {
    None: "Every release published into this file's lineage, oldest first; the last row is this "
    "release (one row per publication, written by the publish step, not by dbt).",
    "release_id": "Release identifier: publication time (UTC) and the refresh run's id prefix.",
    "published_at": "When the release was published (UTC).",
    "run_id": "The Dagster run that built and published it.",
    "code_version": "Git commit of the pipeline code (with -dirty for uncommitted changes).",
    "code_fingerprint": "Hash of the pipeline and dbt code the release was built with.",
    "inputs_fingerprint": "Hash of the accepted landing files the release was built from.",
    "row_counts": "Rows per published table (schema.table) in this release.",
    "checks_passed": "How many asset checks (dbt tests and GX suites) passed in its refresh.",
    "checks_summary": "Every check of its refresh: passed and severity, by asset and check name.",
    "landing_profile": "Rows per landing source and geography it was built from (the removal "
    "guard compares the next refresh with it).",
}


@dataclass(frozen=True)
class BuildPlan:
    """Whether to build: the inputs and code differ from those the published release was built
    from, or the published file no longer opens (then the same release is built again).

    Inputs and code of a release an operator rolled back from since the last publication
    (``withdrawn``) are not built again either: a rollback holds until the landing files or the
    code change, or an operator forces a rebuild.
    """

    inputs_fingerprint: str
    code_fingerprint: str
    current: Release | None
    unreadable: str | None = None
    withdrawn: tuple[Release, ...] = ()

    @property
    def basis(self) -> Release | None:
        """The release these inputs and this code were already built into, if any."""
        if self.current is None or self.unreadable is not None:
            return None
        planned = (self.inputs_fingerprint, self.code_fingerprint)
        for release in (self.current, *self.withdrawn):
            if (release.inputs_fingerprint, release.code_fingerprint) == planned:
                return release
        return None

    @property
    def needed(self) -> bool:
        return self.basis is None

    @property
    def unchanged_reason(self) -> str:
        """Why nothing is built (when not needed), in one line."""
        if self.basis == self.current:
            return f"Inputs and code unchanged since release {self.basis.release_id}"
        return (
            f"Inputs and code are those of release {self.basis.release_id}, rolled back from to "
            f"{self.current.release_id}: held until the landing files or the code change "
            "(`civic refresh --force-rebuild` publishes them again)"
        )


def code_fingerprint() -> str:
    """Fingerprint of everything that shapes a release: the pipeline's Python packages, the GX
    suites, and every file dbt parses (models, seeds, macros, tests)."""
    files = [
        path
        for package in PIPELINE_PACKAGES
        for path in tree_files(PROJECT_ROOT / package, (".py", ".json"))
    ]
    return files_digest(files, PROJECT_ROOT, salt=project_fingerprint())


def code_version() -> str:
    """The git commit, when the project runs from a checkout (marked dirty if edited)."""
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return commit or "unknown"


def inputs_fingerprint(raw_db: Path) -> str:
    """Hash of the accepted landing file versions: equal fingerprints mean equal raw rows."""
    if not raw_db.exists():
        return hashlib.sha256(b"").hexdigest()
    with connect(raw_db, read_only=True) as con:
        rows = con.execute(
            """SELECT source, file, accepted_hash FROM landing_files
               WHERE accepted_hash IS NOT NULL ORDER BY source, file"""
        ).fetchall()
    return hashlib.sha256("\n".join("|".join(row) for row in rows).encode()).hexdigest()


def unreadable_reason(published_db: Path) -> str | None:
    """Why the analysts' file does not open read-only for a new reader, or None if it does.

    A lock held by a read-write session is not a fault of the release (readers get a clear
    error from DuckDB and the next release is a new file); a file that does not open is.
    """
    if not published_db.exists():
        return None
    try:
        connect(published_db, read_only=True, wait_seconds=0).close()
    except DatabaseBusy:
        return None
    except duckdb.Error as error:
        return str(error).splitlines()[0]
    return None


def plan_build(paths: WarehousePaths) -> BuildPlan:
    return BuildPlan(
        inputs_fingerprint(paths.raw_db),
        code_fingerprint(),
        current_release(paths.published_db),
        unreadable_reason(paths.published_db),
        tuple(withdrawn_releases(paths.published_db)),
    )


def reset_build_database(paths: WarehousePaths) -> None:
    """Start every full build from an empty file, so nothing stale can be published."""
    paths.build_db.parent.mkdir(parents=True, exist_ok=True)
    for path in (paths.build_db, paths.build_db.with_name(paths.build_db.name + ".wal")):
        path.unlink(missing_ok=True)


def record_build(paths: WarehousePaths, run_id: str, plan: BuildPlan) -> None:
    """Stamp the build with the run that made it: only that run may publish it."""
    with connect(paths.build_db) as con:
        con.execute("CREATE SCHEMA IF NOT EXISTS metadata")
        con.execute(
            """CREATE OR REPLACE TABLE metadata.build_info AS SELECT ? AS run_id,
               ? AS inputs_fingerprint, ? AS code_fingerprint, now() AS built_at""",
            [run_id, plan.inputs_fingerprint, plan.code_fingerprint],
        )


def table_row_counts(con: duckdb.DuckDBPyConnection, schemas: Iterable[str]) -> dict[str, int]:
    names = con.execute(
        f"""SELECT schema_name, table_name FROM duckdb_tables()
            WHERE database_name = current_database()
              AND schema_name IN ({", ".join("?" for _ in schemas)})
            ORDER BY 1, 2""",
        list(schemas),
    ).fetchall()
    return {
        f"{schema}.{table}": con.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]
        for schema, table in names
    }


def publish(
    paths: WarehousePaths, run_id: str, checks: dict[str, dict], landing_profile: dict
) -> dict:
    """Seal the audited build as the next release and swap it in atomically; return its record.

    The new file takes the published file's mode and owner (operators restrict who may read it),
    and a WAL left beside the published file by a crashed read-write session is set aside first:
    it belongs to the old file and would make the new one unreadable. On any failure (a full
    disk, a read-only filesystem) the partial build is removed and the published file is
    untouched.
    """
    if not paths.build_db.exists():
        raise RuntimeError(f"no build database at {paths.build_db}: run the dbt build first")
    history = release_history(paths.published_db)
    copy = read_history_copy(paths.published_db)
    try:
        record = _seal(paths, run_id, checks, landing_profile, history)
        fsync(paths.build_db)
        cache_warning = keep_release_cache(paths.build_db)
        match_permissions(paths.build_db, paths.published_db)
        record["stale_wal"] = set_aside_stale_wal(paths.published_db, record["release_id"])
        os.replace(paths.build_db, paths.published_db)
        fsync(paths.published_db.parent)
    except BaseException:
        reset_build_database(paths)
        raise
    write_history_copy(
        paths.published_db, [*history, record], record["release_id"], copy.rollbacks if copy else []
    )
    record["cache_warning"] = cache_warning
    record["archive_warnings"], record["pruned_releases"] = release_archive.keep(
        paths.published_db, record["release_id"]
    )
    return record


def _seal(
    paths: WarehousePaths,
    run_id: str,
    checks: dict[str, dict],
    landing_profile: dict,
    history: list[dict],
) -> dict:
    """Drop the build plumbing and write the release history (previous releases + this one)."""
    with connect(paths.build_db) as con:
        info = con.execute(
            "SELECT run_id, inputs_fingerprint, code_fingerprint FROM metadata.build_info"
        ).fetchone()
        if info is None or info[0] != run_id:
            raise RuntimeError(
                f"the build database was made by run {info[0] if info else '?'}, not this run "
                f"{run_id}: only a full build made in the same run can be published"
            )
        for schema in INTERNAL_SCHEMAS:
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        con.execute("DROP TABLE metadata.build_info")
        con.execute("DROP TABLE IF EXISTS metadata.releases")  # a carry-over build's: rewritten
        con.execute(RELEASES_DDL)
        _comment_releases(con)
        now = datetime.now(UTC).replace(tzinfo=None)
        record = {
            "release_id": f"{now:%Y%m%dT%H%M%SZ}-{run_id[:8]}",
            "published_at": now,
            "run_id": run_id,
            "code_version": code_version(),
            "code_fingerprint": info[2],
            "inputs_fingerprint": info[1],
            "row_counts": table_row_counts(con, PUBLISHED_SCHEMAS),
            "checks_passed": sum(1 for c in checks.values() if c.get("passed")),
            "checks_summary": checks,
            "landing_profile": landing_profile,
        }
        record["row_counts"]["metadata.releases"] = len(history) + 1  # the rows inserted below
        placeholders = ", ".join("?" for _ in RELEASE_COLUMNS)
        con.executemany(
            f"INSERT INTO metadata.releases ({', '.join(RELEASE_COLUMNS)}) VALUES ({placeholders})",
            [_row(release) for release in [*history, record]],
        )
        con.execute("CHECKPOINT")
    return record


def _comment_releases(con: duckdb.DuckDBPyConnection) -> None:
    for column, text in RELEASES_COMMENTS.items():
        target = f"COLUMN metadata.releases.{column}" if column else "TABLE metadata.releases"
        con.execute(f"COMMENT ON {target} IS '{text.replace(chr(39), chr(39) * 2)}'")


def _row(record: dict) -> list:
    json_columns = ("row_counts", "checks_summary", "landing_profile")
    return [
        json.dumps(record.get(c), default=str) if c in json_columns else record.get(c)
        for c in RELEASE_COLUMNS
    ]


def match_permissions(build_db: Path, published_db: Path) -> None:
    """Give the new release the current release's mode, owner and group."""
    if not published_db.exists():
        return
    current = published_db.stat()
    os.chmod(build_db, stat.S_IMODE(current.st_mode))
    try:
        os.chown(build_db, current.st_uid, current.st_gid)
    except PermissionError:  # not root: keep at least the group, where we belong to it
        with contextlib.suppress(PermissionError):
            os.chown(build_db, -1, current.st_gid)


def set_aside_stale_wal(published_db: Path, release_id: str) -> str | None:
    """Move a WAL beside the published file out of the new release's way (kept, not deleted)."""
    wal = published_db.with_name(published_db.name + ".wal")
    if not wal.exists():
        return None
    kept = wal.with_name(f"{wal.name}.stale-{release_id}")
    os.replace(wal, kept)
    return str(kept)
