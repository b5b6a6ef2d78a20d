"""Write-audit-publish: decide whether a build is needed, and publish an audited build atomically.

A release is the whole build database renamed over the analysts' file (``os.replace`` is atomic on
one filesystem), so readers see either the previous release or the next one, never a half-built
state. Each release carries its own history in ``metadata.releases``.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from orchestration.paths import PROJECT_ROOT, WarehousePaths

# Build-time plumbing (views over the attached raw database) that analysts never see.
INTERNAL_SCHEMAS = ("staging", "intermediate")
PUBLISHED_SCHEMAS = ("reference", "core", "marts", "metadata")
CODE_PATHS = (
    "ingestion",
    "expectations",
    "orchestration",
    "dbt_project/models",
    "dbt_project/seeds",
    "dbt_project/macros",
    "dbt_project/tests",
    "dbt_project/dbt_project.yml",
)
CODE_SUFFIXES = {".py", ".sql", ".yml", ".csv", ".json"}

RELEASES_DDL = """CREATE TABLE IF NOT EXISTS metadata.releases (
    release_id VARCHAR PRIMARY KEY, published_at TIMESTAMP NOT NULL, run_id VARCHAR,
    code_version VARCHAR, code_fingerprint VARCHAR NOT NULL, inputs_fingerprint VARCHAR NOT NULL,
    row_counts JSON NOT NULL, checks_passed INTEGER NOT NULL, checks_summary JSON NOT NULL)"""


@dataclass(frozen=True)
class Release:
    release_id: str
    published_at: datetime
    code_fingerprint: str
    inputs_fingerprint: str


@dataclass(frozen=True)
class BuildPlan:
    """Whether the current inputs and code differ from what the published release was built from."""

    inputs_fingerprint: str
    code_fingerprint: str
    current: Release | None

    @property
    def needed(self) -> bool:
        return self.current is None or (
            self.current.inputs_fingerprint,
            self.current.code_fingerprint,
        ) != (self.inputs_fingerprint, self.code_fingerprint)


def code_fingerprint() -> str:
    """Hash of everything that shapes a release: readers, suites, dbt models, seeds, macros."""
    digest = hashlib.sha256()
    for relative in CODE_PATHS:
        root = PROJECT_ROOT / relative
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            if path.is_file() and path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


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
    with duckdb.connect(str(raw_db), read_only=True) as con:
        rows = con.execute(
            """SELECT source, file, accepted_hash FROM landing_files
               WHERE accepted_hash IS NOT NULL ORDER BY source, file"""
        ).fetchall()
    return hashlib.sha256("\n".join("|".join(row) for row in rows).encode()).hexdigest()


def current_release(published_db: Path) -> Release | None:
    if not published_db.exists():
        return None
    with duckdb.connect(str(published_db), read_only=True) as con:
        row = con.execute(
            """SELECT release_id, published_at, code_fingerprint, inputs_fingerprint
               FROM metadata.releases ORDER BY published_at DESC LIMIT 1"""
        ).fetchone()
    return Release(*row) if row else None


def plan_build(paths: WarehousePaths) -> BuildPlan:
    return BuildPlan(
        inputs_fingerprint(paths.raw_db), code_fingerprint(), current_release(paths.published_db)
    )


def reset_build_database(paths: WarehousePaths) -> None:
    """Start every full build from an empty file, so nothing stale can be published."""
    paths.build_db.parent.mkdir(parents=True, exist_ok=True)
    for path in (paths.build_db, paths.build_db.with_name(paths.build_db.name + ".wal")):
        path.unlink(missing_ok=True)


def record_build(paths: WarehousePaths, run_id: str, plan: BuildPlan) -> None:
    """Stamp the build with the run that made it: only that run may publish it."""
    with duckdb.connect(str(paths.build_db)) as con:
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


def publish(paths: WarehousePaths, run_id: str, checks: dict[str, dict]) -> dict:
    """Seal the audited build as the next release and swap it in atomically; return its record."""
    if not paths.build_db.exists():
        raise RuntimeError(f"no build database at {paths.build_db}: run the dbt build first")
    with duckdb.connect(str(paths.build_db)) as con:
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
        con.execute(RELEASES_DDL)
        if paths.published_db.exists():
            quoted = str(paths.published_db).replace("'", "''")
            con.execute(f"ATTACH '{quoted}' AS previous (READ_ONLY)")
            con.execute("INSERT INTO metadata.releases SELECT * FROM previous.metadata.releases")
            con.execute("DETACH previous")
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
        }
        con.execute(
            "INSERT INTO metadata.releases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                *(
                    record[k]
                    for k in (
                        "release_id",
                        "published_at",
                        "run_id",
                        "code_version",
                        "code_fingerprint",
                        "inputs_fingerprint",
                    )
                ),
                json.dumps(record["row_counts"]),
                record["checks_passed"],
                json.dumps(checks, default=str),
            ],
        )
        con.execute("CHECKPOINT")
    _fsync(paths.build_db)
    os.replace(paths.build_db, paths.published_db)
    _fsync(paths.published_db.parent)
    return record


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
