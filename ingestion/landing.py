"""Incremental, file-by-file loading of landing files into the raw DuckDB database.

Each landing file is identified by its path below the landing directory and its content hash:
unchanged files are skipped, a changed file replaces exactly its own earlier rows, a removed file's
rows are removed, and a file that breaks its contract is rejected as a whole while its last accepted
version stays loaded. Every outcome lands in ``load_log``; ``landing_files`` holds the current
state. When a reader or its reference seeds change, every file of that source is read again.

A sync is judged on the landing state after *all* of its changes: every changed file is read and
staged first, keys are checked across the resulting state (so a record moved from one file to
another is not a clash), and the whole source changes in one transaction. Files rejected earlier
are judged again whenever another file of their source changes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ingestion.database import connect, table_exists
from ingestion.errors import ContractViolation, Issue
from ingestion.hashing import files_digest, tree_files
from ingestion.landing_keys import key_clashes, staging_table
from ingestion.landing_scan import scan_landing, skipped_files
from ingestion.landing_state import accepted_files

LINEAGE_COLUMNS = {
    "source_file": "VARCHAR",
    "file_hash": "VARCHAR",
    "loaded_at": "TIMESTAMP",
    "batch_id": "VARCHAR",
}

# The tables every load writes besides the sources' own (what was loaded, which versions are in).
LOG_TABLES = ("load_log", "landing_files")
STATE_DDL = (
    """CREATE TABLE IF NOT EXISTS landing_files (
        source VARCHAR NOT NULL, file VARCHAR NOT NULL, seen_hash VARCHAR NOT NULL,
        accepted_hash VARCHAR, status VARCHAR NOT NULL, rows BIGINT, checked_at TIMESTAMP NOT NULL,
        PRIMARY KEY (source, file))""",
    """CREATE TABLE IF NOT EXISTS load_log (
        batch_id VARCHAR NOT NULL, logged_at TIMESTAMP NOT NULL, source VARCHAR NOT NULL,
        file VARCHAR NOT NULL, file_hash VARCHAR, outcome VARCHAR NOT NULL, rows BIGINT,
        row_number INTEGER, column_name VARCHAR, message VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS reader_signatures (
        source VARCHAR PRIMARY KEY, signature VARCHAR NOT NULL)""",
)

Connection = duckdb.DuckDBPyConnection
# Rows per row group of the raw tables and the scratch database: small enough that a load of
# long article bodies never holds more than a few row groups in memory (measured in
# benchmarks/FACTIVA.md), large enough for the survey answers' scans.
ROW_GROUP_SIZE = 4096
# DuckDB's buffer pool of the loading connection: by default it caches every block written (80%
# of RAM), so a cold load grew with the landing zone; bounded, written blocks are evicted and
# large sorts spill beside raw.duckdb. Measured in benchmarks/README.md (issue 12).
MEMORY_LIMIT = "256MB"


@dataclass(frozen=True)
class LandingSource:
    """A landing folder, the reader for its files and the raw tables the reader fills.

    ``tables`` maps each raw table to its column types (DuckDB SQL types); the first table is
    the primary one, whose ``key_columns`` must be unique across all files of the source.
    ``signature_paths`` are the files (or folders of seeds) that shape the rows a reader
    produces: the reader's code and its reference seeds. When they change, every file is re-read.

    A source whose records update each other across files (a later delivery replaces or deletes
    a record of an earlier one, as Factiva snapshots do) sets ``keys_across_files=False``: its
    files land append-only, keyed by (key, file), and dbt resolves the current state.

    ``load_reference`` receives the raw database connection: a reader whose contract depends on
    other sources' accepted rows (project sheets name registry entries and cite Factiva articles)
    lists them in ``reads_sources``; their accepted files are part of its signature, so a change
    there re-reads every file of this source (a sheet rejected for an unknown name loads once the
    registry gains the alias). Those sources must sync earlier in the run.

    ``read`` returns one frame per table, or yields (table, frame) chunks so a large file is
    never held whole.
    """

    name: str
    directory: str
    suffixes: tuple[str, ...]
    tables: Mapping[str, Mapping[str, str]]
    key_columns: tuple[str, ...]
    load_reference: Callable[[Connection], Any]
    read: Callable[[Path, Any], Mapping[str, pd.DataFrame] | Iterable[tuple[str, pd.DataFrame]]]
    signature_paths: tuple[Path, ...] = ()
    keys_across_files: bool = True
    reads_sources: tuple[str, ...] = ()

    @property
    def primary_table(self) -> str:
        return next(iter(self.tables))

    def reader_signature(self, con: Connection) -> str:
        """Fingerprint of the reader's code, its seeds (``*.csv`` of a folder), its tables and
        the accepted files of the sources it reads."""
        columns = {table: {**cols, **LINEAGE_COLUMNS} for table, cols in self.tables.items()}
        upstream = accepted_files(con, self.reads_sources) if self.reads_sources else []
        files = [f for root in self.signature_paths for f in tree_files(root, (".py", ".csv"))]
        base = Path(os.path.commonpath(self.signature_paths)) if self.signature_paths else Path()
        return files_digest(files, base, salt=json.dumps([columns, upstream]))[:16]


@dataclass
class SyncResult:
    """What one refresh did with one source's landing files."""

    source: str
    batch_id: str
    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rejected: dict[str, list[Issue]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    unchanged: int = 0
    rows_by_table: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.loaded or self.replaced or self.removed)


@dataclass(frozen=True)
class _Known:
    """A file as ``landing_files`` remembers it."""

    seen_hash: str
    accepted_hash: str | None
    status: str


@dataclass(frozen=True)
class _Batch:
    """Where one sync writes: the connection, the run's id and its timestamp."""

    con: Connection
    source: LandingSource
    result: SyncResult
    now: datetime


def _known_state(raw_db: Path, source: LandingSource) -> tuple[dict[str, _Known], set[str], bool]:
    """What ``landing_files`` remembers of the source, the skip notes already logged, and
    whether the rows were read by this reader.

    A source never loaded, or loaded by another reader version or other reference seeds, counts
    as not current: its tables are rebuilt from every landing file.
    """
    if not raw_db.exists():
        return {}, set(), False
    with connect(raw_db, read_only=True) as con:
        if not table_exists(con, "reader_signatures"):
            return {}, set(), False
        noted = {
            f"{file}|{digest}"
            for file, digest in con.execute(
                "SELECT file, file_hash FROM load_log WHERE source = ? AND outcome = 'skipped'",
                [source.name],
            ).fetchall()
        }
        stored = con.execute(
            "SELECT signature FROM reader_signatures WHERE source = ?", [source.name]
        ).fetchone()
        if stored is None or stored[0] != source.reader_signature(con):
            return {}, noted, False
        rows = con.execute(
            "SELECT file, seen_hash, accepted_hash, status FROM landing_files WHERE source = ?",
            [source.name],
        ).fetchall()
    return {file: _Known(*state) for file, *state in rows}, noted, True


def sync_source(
    source: LandingSource,
    landing_dir: Path,
    raw_db: Path,
    *,
    batch_id: str,
    on_wait: Callable[[str], None] | None = None,
) -> SyncResult:
    """Bring the source's raw tables in line with its landing files; writes only on change.

    ``on_wait`` hears when another process holds ``raw.duckdb`` and the sync waits for it.
    """
    result = SyncResult(source.name, batch_id)
    on_disk = scan_landing(source, landing_dir)
    skipped = skipped_files(source, landing_dir)
    known, noted, current = _known_state(raw_db, source)
    to_read = {f: h for f, h in on_disk.items() if f not in known or known[f].seen_hash != h}
    gone = sorted(set(known) - set(on_disk))
    new_notes = {f: note for f, note in skipped.items() if f"{f}|{note[1]}" not in noted}
    result.skipped = {file: reason for file, (reason, _) in skipped.items()}
    if current and not (to_read or gone or new_notes):
        result.unchanged = len(on_disk)
        return result
    if to_read or gone:  # a clash may have gone away: judge earlier rejections again
        to_read |= {
            f: on_disk[f] for f, k in known.items() if k.status == "rejected" and f in on_disk
        }
    to_read = dict(sorted(to_read.items()))
    result.unchanged = len(on_disk) - len(to_read)

    raw_db.parent.mkdir(parents=True, exist_ok=True)
    scratch = _staging_file(raw_db)
    limits = {"memory_limit": MEMORY_LIMIT, "temp_directory": str(raw_db.with_suffix(".tmp"))}
    with connect(raw_db, on_wait=on_wait, row_group_size=ROW_GROUP_SIZE, config=limits) as con:
        con.execute(f"ATTACH ? AS staging (ROW_GROUP_SIZE {ROW_GROUP_SIZE})", [str(scratch)])
        batch = _Batch(con, source, result, datetime.now(UTC).replace(tzinfo=None))
        _prepare(batch, reset=not current)
        reference = source.load_reference(con) if to_read else None
        staged = _stage(batch, landing_dir, to_read, reference)
        clashes = key_clashes(con, source, sorted(staged), gone) if source.keys_across_files else {}
        for file in clashes:
            _unstage(batch, file)
        con.execute("BEGIN TRANSACTION")
        try:
            for file in gone:
                _remove(batch, file)
            for file, digest in to_read.items():
                issues = result.rejected.get(file) or clashes.get(file)
                if issues:
                    _reject(batch, file, digest, issues)
                else:
                    _swap_in(batch, file, digest, staged[file], known.get(file))
            for file, (reason, digest) in new_notes.items():
                _log(batch, file, digest, "skipped", issue=Issue(file, reason))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.execute("DETACH staging")
            _staging_file(raw_db)
        con.execute("CHECKPOINT")
    return result


def _staging_file(raw_db: Path) -> Path:
    """A fresh scratch database beside ``raw.duckdb`` for the sync's staged rows: on disk (a cold
    load stages every file) and outside ``raw.duckdb`` (whose file never shrinks)."""
    scratch = raw_db.with_name(f"{raw_db.stem}.staging.duckdb")
    for leftover in (scratch, scratch.with_name(scratch.name + ".wal")):
        leftover.unlink(missing_ok=True)
    return scratch


def _prepare(batch: _Batch, *, reset: bool) -> None:
    con, source = batch.con, batch.source
    for ddl in STATE_DDL:
        con.execute(ddl)
    con.execute("ALTER TABLE landing_files ADD COLUMN IF NOT EXISTS batch_id VARCHAR")
    if reset:
        con.execute("DELETE FROM landing_files WHERE source = ?", [source.name])
    for table, columns in source.tables.items():
        if reset:
            con.execute(f'DROP TABLE IF EXISTS "{table}"')
        column_sql = _column_sql(columns)
        con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({column_sql})')
        con.execute(f"CREATE TABLE {staging_table(table)} ({column_sql})")
    con.execute(
        "INSERT OR REPLACE INTO reader_signatures VALUES (?, ?)",
        [source.name, source.reader_signature(con)],
    )


def _column_sql(columns: Mapping[str, str]) -> str:
    return ", ".join(f'"{name}" {kind}' for name, kind in {**columns, **LINEAGE_COLUMNS}.items())


def _stage(
    batch: _Batch, landing_dir: Path, to_read: Mapping[str, str], reference: Any
) -> dict[str, dict[str, int]]:
    """Read and validate every changed file into temporary tables: file -> rows per table.

    A file that breaks its contract (or its table's constraints) lands in ``result.rejected``
    with every issue, and nothing of it is staged.
    """
    source, result, staged = batch.source, batch.result, {}
    for file, digest in to_read.items():
        path = landing_dir / file
        try:
            frames = source.read(path, reference)
            staged[file] = _stage_frames(batch, file, digest, frames)
        except ContractViolation as violation:  # a streaming reader may have staged chunks
            _unstage(batch, file)
            result.rejected[file] = violation.issues
        except Exception as error:  # a reader bug or unreadable file must not stop other files
            _unstage(batch, file)
            result.rejected[file] = [
                Issue(path.name, f"could not be loaded: {type(error).__name__}: {error}")
            ]
    return staged


def _stage_frames(
    batch: _Batch,
    file: str,
    digest: str,
    frames: Mapping[str, pd.DataFrame] | Iterable[tuple[str, pd.DataFrame]],
) -> dict[str, int]:
    rows = {table: 0 for table in batch.source.tables}
    chunks = frames.items() if isinstance(frames, Mapping) else frames
    for table, frame in chunks:
        staged = frame.assign(
            source_file=file, file_hash=digest, loaded_at=batch.now, batch_id=batch.result.batch_id
        )
        columns = ", ".join(f'"{c}"' for c in {**batch.source.tables[table], **LINEAGE_COLUMNS})
        batch.con.register("incoming_rows", staged)
        try:
            batch.con.execute(
                f"INSERT INTO {staging_table(table)} ({columns}) "
                f"SELECT {columns} FROM incoming_rows"
            )
        finally:
            batch.con.unregister("incoming_rows")
        rows[table] += len(frame)
    return rows


def _unstage(batch: _Batch, file: str) -> None:
    for table in batch.source.tables:
        batch.con.execute(f"DELETE FROM {staging_table(table)} WHERE source_file = ?", [file])


def _log(
    batch: _Batch,
    file: str,
    digest: str | None,
    outcome: str,
    rows: int | None = None,
    issue: Issue | None = None,
) -> None:
    where = (issue.row, issue.column, issue.message) if issue else (None, None, None)
    batch.con.execute(
        "INSERT INTO load_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [batch.result.batch_id, batch.now, batch.source.name, file, digest, outcome, rows, *where],
    )


def _remove(batch: _Batch, file: str) -> None:
    for table in batch.source.tables:
        batch.con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', [file])
    batch.con.execute(
        "DELETE FROM landing_files WHERE source = ? AND file = ?", [batch.source.name, file]
    )
    _log(batch, file, None, "removed")
    batch.result.removed.append(file)


def _swap_in(
    batch: _Batch, file: str, digest: str, rows: Mapping[str, int], known: _Known | None
) -> None:
    """Replace the file's rows by its staged rows (inside the sync's transaction)."""
    con, source, result = batch.con, batch.source, batch.result
    for table in source.tables:
        con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', [file])
        con.execute(
            f'INSERT INTO "{table}" SELECT * FROM {staging_table(table)} WHERE source_file = ?',
            [file],
        )
        result.rows_by_table[table] = result.rows_by_table.get(table, 0) + rows.get(table, 0)
    primary_rows = rows.get(source.primary_table, 0)
    con.execute(
        """INSERT OR REPLACE INTO landing_files
             (source, file, seen_hash, accepted_hash, status, rows, checked_at, batch_id)
           VALUES (?, ?, ?, ?, 'loaded', ?, ?, ?)""",
        [source.name, file, digest, digest, primary_rows, batch.now, result.batch_id],
    )
    replaced = known is not None and known.accepted_hash is not None
    _log(batch, file, digest, "replaced" if replaced else "loaded", primary_rows)
    (result.replaced if replaced else result.loaded).append(file)


def _reject(batch: _Batch, file: str, digest: str, issues: list[Issue]) -> None:
    batch.con.execute(
        """INSERT INTO landing_files
             (source, file, seen_hash, accepted_hash, status, rows, checked_at, batch_id)
           VALUES (?, ?, ?, NULL, 'rejected', NULL, ?, ?)
           ON CONFLICT (source, file) DO UPDATE SET
             seen_hash = excluded.seen_hash, status = 'rejected',
             checked_at = excluded.checked_at, batch_id = excluded.batch_id""",
        [batch.source.name, file, digest, batch.now, batch.result.batch_id],
    )
    for issue in issues:
        _log(batch, file, digest, "rejected", issue=issue)
    batch.result.rejected[file] = issues
