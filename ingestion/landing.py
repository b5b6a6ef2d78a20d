"""Incremental, file-by-file loading of landing files into the raw DuckDB database.

Each landing file is identified by its path below the landing directory and its content hash:
unchanged files are skipped, a changed file replaces exactly its own earlier rows, a removed file's
rows are removed, and a file that breaks its contract is rejected as a whole while its last accepted
version stays loaded. Every outcome lands in ``load_log``; ``landing_files`` holds the current
state. When a reader or its reference seeds change, every file of that source is read again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ingestion.errors import ContractViolation, Issue

LINEAGE_COLUMNS = {
    "source_file": "VARCHAR",
    "file_hash": "VARCHAR",
    "loaded_at": "TIMESTAMP",
    "batch_id": "VARCHAR",
}

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


@dataclass(frozen=True)
class LandingSource:
    """A landing folder, the reader for its files and the raw tables the reader fills.

    ``tables`` maps each raw table to its column types (DuckDB SQL types); the first table is
    the primary one, whose ``key_columns`` must be unique across all files of the source.
    ``signature_paths`` are the files (or folders of seeds) that shape the rows a reader
    produces: the reader's code and its reference seeds. When they change, every file is re-read.
    """

    name: str
    directory: str
    suffixes: tuple[str, ...]
    tables: Mapping[str, Mapping[str, str]]
    key_columns: tuple[str, ...]
    load_reference: Callable[[], Any]
    read: Callable[[Path, Any], Mapping[str, pd.DataFrame]]
    signature_paths: tuple[Path, ...] = ()

    @property
    def primary_table(self) -> str:
        return next(iter(self.tables))

    def reader_signature(self) -> str:
        digest = hashlib.sha256()
        columns = {table: {**cols, **LINEAGE_COLUMNS} for table, cols in self.tables.items()}
        digest.update(json.dumps(columns).encode())
        for root in self.signature_paths:
            files = sorted(root.rglob("*.csv")) if root.is_dir() else [root]
            for path in files:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
        return digest.hexdigest()[:16]


@dataclass
class SyncResult:
    """What one refresh did with one source's landing files."""

    source: str
    batch_id: str
    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rejected: dict[str, list[Issue]] = field(default_factory=dict)
    unchanged: int = 0
    rows_by_table: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.loaded or self.replaced or self.removed)


@dataclass(frozen=True)
class _Batch:
    """Where one sync writes: the connection, the run's id and its timestamp."""

    con: Connection
    source: LandingSource
    result: SyncResult
    now: datetime


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def iter_landing_files(source: LandingSource, landing_dir: Path) -> Iterator[Path]:
    """The source's files below the landing directory, in a stable order."""
    folder = landing_dir / source.directory
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in source.suffixes:
                yield path


def scan_landing(source: LandingSource, landing_dir: Path) -> dict[str, str]:
    """Hash every file of the source: relative path (posix) -> sha256."""
    return {
        path.relative_to(landing_dir).as_posix(): file_hash(path)
        for path in iter_landing_files(source, landing_dir)
    }


def current_rejections(raw_db: Path, limit: int = 50) -> list[tuple[str, int | None, str, str]]:
    """Issues of the files whose latest version is rejected: (file, row, column, message)."""
    if not raw_db.exists():
        return []
    with duckdb.connect(str(raw_db), read_only=True) as con:
        if not _table_exists(con, "landing_files"):
            return []
        return con.execute(
            """SELECT l.file, l.row_number, l.column_name, l.message
               FROM landing_files f JOIN load_log l
                 ON l.source = f.source AND l.file = f.file AND l.file_hash = f.seen_hash
                AND l.outcome = 'rejected'
               WHERE f.status = 'rejected'
               ORDER BY l.file, l.row_number NULLS FIRST LIMIT ?""",
            [limit],
        ).fetchall()


def _table_exists(con: Connection, table: str) -> bool:
    query = """SELECT count(*) FROM duckdb_tables()
               WHERE database_name = current_database() AND table_name = ?"""
    return con.execute(query, [table]).fetchone()[0] > 0


def _known_state(raw_db: Path, source: LandingSource) -> tuple[dict[str, tuple[str, str]], bool]:
    """(file -> (seen_hash, accepted_hash)), and whether the rows were read by this reader.

    A source never loaded, or loaded by another reader version or other reference seeds, counts
    as not current: its tables are rebuilt from every landing file.
    """
    if not raw_db.exists():
        return {}, False
    with duckdb.connect(str(raw_db), read_only=True) as con:
        if not _table_exists(con, "reader_signatures"):
            return {}, False
        stored = con.execute(
            "SELECT signature FROM reader_signatures WHERE source = ?", [source.name]
        ).fetchone()
        if stored is None or stored[0] != source.reader_signature():
            return {}, False
        rows = con.execute(
            "SELECT file, seen_hash, accepted_hash FROM landing_files WHERE source = ?",
            [source.name],
        ).fetchall()
    return {file: (seen, accepted) for file, seen, accepted in rows}, True


def sync_source(
    source: LandingSource, landing_dir: Path, raw_db: Path, *, batch_id: str
) -> SyncResult:
    """Bring the source's raw tables in line with its landing files; writes only on change."""
    result = SyncResult(source.name, batch_id)
    on_disk = scan_landing(source, landing_dir)
    known, current = _known_state(raw_db, source)
    to_read = {f: h for f, h in on_disk.items() if known.get(f, (None, None))[0] != h}
    gone = sorted(set(known) - set(on_disk))
    result.unchanged = len(on_disk) - len(to_read)
    if current and not (to_read or gone):
        return result

    reference = source.load_reference()
    raw_db.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(raw_db)) as con:
        batch = _Batch(con, source, result, datetime.now(UTC).replace(tzinfo=None))
        _prepare(batch, reset=not current)
        for file in gone:
            _remove(batch, file)
        for file, digest in to_read.items():
            replaced = known.get(file, (None, None))[1] is not None
            _load_file(batch, landing_dir, file, digest, reference, replaced=replaced)
        con.execute("CHECKPOINT")
    return result


def _prepare(batch: _Batch, *, reset: bool) -> None:
    con, source = batch.con, batch.source
    for ddl in STATE_DDL:
        con.execute(ddl)
    if reset:
        con.execute("DELETE FROM landing_files WHERE source = ?", [source.name])
    for table, columns in source.tables.items():
        if reset:
            con.execute(f'DROP TABLE IF EXISTS "{table}"')
        all_columns = {**columns, **LINEAGE_COLUMNS}
        column_sql = ", ".join(f'"{name}" {kind}' for name, kind in all_columns.items())
        con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({column_sql})')
    con.execute(
        "INSERT OR REPLACE INTO reader_signatures VALUES (?, ?)",
        [source.name, source.reader_signature()],
    )


def _log(
    batch: _Batch,
    file: str,
    digest: str | None,
    outcome: str,
    rows: int | None = None,
    issue: Issue | None = None,
) -> None:
    batch.con.execute(
        "INSERT INTO load_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            batch.result.batch_id,
            batch.now,
            batch.source.name,
            file,
            digest,
            outcome,
            rows,
            issue.row if issue else None,
            issue.column if issue else None,
            issue.message if issue else None,
        ],
    )


def _remove(batch: _Batch, file: str) -> None:
    con = batch.con
    con.execute("BEGIN TRANSACTION")
    for table in batch.source.tables:
        con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', [file])
    con.execute(
        "DELETE FROM landing_files WHERE source = ? AND file = ?", [batch.source.name, file]
    )
    _log(batch, file, None, "removed")
    con.execute("COMMIT")
    batch.result.removed.append(file)


def _load_file(
    batch: _Batch, landing_dir: Path, file: str, digest: str, reference: Any, *, replaced: bool
) -> None:
    """Read, validate and swap in one file atomically, or reject it with every issue."""
    source, path = batch.source, landing_dir / file
    try:
        frames = source.read(path, reference)
        _check_keys_unique(batch, file, frames[source.primary_table])
        _swap_in(batch, file, digest, frames, replaced=replaced)
    except ContractViolation as violation:
        _reject(batch, file, digest, violation.issues)
    except Exception as error:  # a reader bug or unreadable file must not stop other files
        issue = Issue(path.name, f"could not be loaded: {type(error).__name__}: {error}")
        _reject(batch, file, digest, [issue])


def _swap_in(
    batch: _Batch, file: str, digest: str, frames: Mapping[str, pd.DataFrame], *, replaced: bool
) -> None:
    con, source, result = batch.con, batch.source, batch.result
    rows = len(frames[source.primary_table])
    con.execute("BEGIN TRANSACTION")
    try:
        for table, frame in frames.items():
            con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', [file])
            staged = frame.assign(
                source_file=file, file_hash=digest, loaded_at=batch.now, batch_id=result.batch_id
            )
            con.register("staged_rows", staged)
            columns = ", ".join(f'"{c}"' for c in {**source.tables[table], **LINEAGE_COLUMNS})
            con.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM staged_rows')
            con.unregister("staged_rows")
        con.execute(
            "INSERT OR REPLACE INTO landing_files VALUES (?, ?, ?, ?, 'loaded', ?, ?)",
            [source.name, file, digest, digest, rows, batch.now],
        )
        _log(batch, file, digest, "replaced" if replaced else "loaded", rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    for table, frame in frames.items():
        result.rows_by_table[table] = result.rows_by_table.get(table, 0) + len(frame)
    (result.replaced if replaced else result.loaded).append(file)


def _reject(batch: _Batch, file: str, digest: str, issues: list[Issue]) -> None:
    con = batch.con
    con.execute("BEGIN TRANSACTION")
    con.execute(
        """INSERT INTO landing_files VALUES (?, ?, ?, NULL, 'rejected', NULL, ?)
           ON CONFLICT (source, file) DO UPDATE SET
             seen_hash = excluded.seen_hash, status = 'rejected',
             checked_at = excluded.checked_at""",
        [batch.source.name, file, digest, batch.now],
    )
    for issue in issues:
        _log(batch, file, digest, "rejected", issue=issue)
    con.execute("COMMIT")
    batch.result.rejected[file] = issues


def _check_keys_unique(batch: _Batch, file: str, frame: pd.DataFrame) -> None:
    """Keys are unique across files: a clash names this row and the file already holding the key."""
    con, source = batch.con, batch.source
    keys = list(source.key_columns)
    con.register("incoming_keys", frame[[*keys, "source_row"]])
    join = " AND ".join(f'i."{k}" = t."{k}"' for k in keys)
    clashes = con.execute(
        f"""SELECT i.source_row, t.source_file, t.source_row, {", ".join(f'i."{k}"' for k in keys)}
            FROM incoming_keys i JOIN "{source.primary_table}" t ON {join}
            WHERE t.source_file <> ? ORDER BY i.source_row LIMIT 50""",
        [file],
    ).fetchall()
    con.unregister("incoming_keys")
    if clashes:
        raise ContractViolation(
            [
                Issue(
                    Path(file).name,
                    f"{'/'.join(keys)} {'/'.join(map(str, key))} already loaded from "
                    f"{other_file} row {other_row}",
                    row=row,
                    column=keys[0],
                )
                for row, other_file, other_row, *key in clashes
            ]
        )
