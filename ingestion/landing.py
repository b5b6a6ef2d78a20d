"""Incremental, file-by-file loading of landing files into the raw DuckDB database.

Each landing file is identified by its path below the landing directory and its content hash:
unchanged files are skipped, a changed file replaces exactly its own earlier rows, a removed file's
rows are removed, and a file that breaks its contract is rejected as a whole while its last accepted
version stays loaded. Every outcome lands in ``load_log``; ``landing_files`` holds the
current state.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
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
    """CREATE TABLE IF NOT EXISTS raw_table_schemas (
        table_name VARCHAR PRIMARY KEY, schema_signature VARCHAR NOT NULL)""",
)


@dataclass(frozen=True)
class LandingSource:
    """A landing folder, the reader for its files and the raw tables the reader fills.

    ``tables`` maps each raw table to its column types (DuckDB SQL types); the first table is
    the primary one, whose ``key_columns`` must be unique across all files of the source.
    """

    name: str
    directory: str
    suffixes: tuple[str, ...]
    tables: Mapping[str, Mapping[str, str]]
    key_columns: tuple[str, ...]
    load_reference: Callable[[], Any]
    read: Callable[[Path, Any], Mapping[str, pd.DataFrame]]

    @property
    def primary_table(self) -> str:
        return next(iter(self.tables))

    def schema_signature(self, table: str) -> str:
        columns = {**self.tables[table], **LINEAGE_COLUMNS}
        return hashlib.sha256(json.dumps(columns, sort_keys=False).encode()).hexdigest()[:16]


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
    rows_loaded: int = 0
    rows_by_table: dict[str, int] = field(default_factory=dict)
    fingerprint: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.loaded or self.replaced or self.removed)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def scan_landing(source: LandingSource, landing_dir: Path) -> dict[str, str]:
    """Hash every file of the source: relative path (posix) -> sha256."""
    folder = landing_dir / source.directory
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(landing_dir).as_posix(): file_hash(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix.lower() in source.suffixes
    }


def _connect(raw_db: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection | None:
    if read_only and not raw_db.exists():
        return None
    raw_db.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(raw_db), read_only=read_only)


def _table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    query = """SELECT count(*) FROM duckdb_tables()
               WHERE database_name = current_database() AND table_name = ?"""
    return con.execute(query, [table]).fetchone()[0] > 0


def _known_state(con, source: LandingSource) -> tuple[dict[str, tuple[str, str | None]], bool]:
    """(file -> (seen_hash, accepted_hash)), and whether stored raw schemas still match the code."""
    if con is None or not _table_exists(con, "landing_files"):
        return {}, False
    state = {
        file: (seen, accepted)
        for file, seen, accepted in con.execute(
            "SELECT file, seen_hash, accepted_hash FROM landing_files WHERE source = ?",
            [source.name],
        ).fetchall()
    }
    stored = dict(
        con.execute("SELECT table_name, schema_signature FROM raw_table_schemas").fetchall()
    )
    current = all(stored.get(t) == source.schema_signature(t) for t in source.tables)
    return state, current


def source_fingerprint(source: LandingSource, accepted: Mapping[str, str | None]) -> str:
    """A hash of the accepted file versions: equal fingerprints mean equal raw rows."""
    lines = sorted(f"{source.name}|{file}|{digest}" for file, digest in accepted.items() if digest)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def sync_source(
    source: LandingSource, landing_dir: Path, raw_db: Path, *, batch_id: str
) -> SyncResult:
    """Bring the source's raw tables in line with its landing files; writes only on change."""
    result = SyncResult(source.name, batch_id)
    on_disk = scan_landing(source, landing_dir)
    reader_con = _connect(raw_db, read_only=True)
    try:
        known, schema_current = _known_state(reader_con, source)
    finally:
        if reader_con is not None:
            reader_con.close()
    if not schema_current:  # first load, or the reader's output changed: reload every file
        known = {}
    to_read = {f: h for f, h in on_disk.items() if known.get(f, (None, None))[0] != h}
    gone = sorted(set(known) - set(on_disk))
    result.unchanged = len(on_disk) - len(to_read)
    accepted = {f: known[f][1] for f in on_disk if f not in to_read}

    if to_read or gone or not schema_current:
        reference = source.load_reference()
        now = datetime.now(UTC).replace(tzinfo=None)
        con = _connect(raw_db, read_only=False)
        try:
            _prepare(con, source, reset=not schema_current)
            for file in gone:
                _remove(con, source, file, result, now)
            for file, digest in to_read.items():
                replaced = file in known and known[file][1] is not None
                outcome = _load_file(
                    con, source, landing_dir, file, digest, reference, result, now, replaced
                )
                accepted[file] = digest if outcome else known.get(file, (None, None))[1]
            con.execute("CHECKPOINT")
        finally:
            con.close()
    result.fingerprint = source_fingerprint(source, accepted)
    return result


def _prepare(con, source: LandingSource, *, reset: bool) -> None:
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
            "INSERT OR REPLACE INTO raw_table_schemas VALUES (?, ?)",
            [table, source.schema_signature(table)],
        )


def _log(con, result: SyncResult, now, file, digest, outcome, rows=None, issue=None) -> None:
    con.execute(
        "INSERT INTO load_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            result.batch_id,
            now,
            result.source,
            file,
            digest,
            outcome,
            rows,
            issue.row if issue else None,
            issue.column if issue else None,
            issue.message if issue else None,
        ],
    )


def _remove(con, source: LandingSource, file: str, result: SyncResult, now) -> None:
    con.execute("BEGIN TRANSACTION")
    for table in source.tables:
        con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', [file])
    con.execute("DELETE FROM landing_files WHERE source = ? AND file = ?", [source.name, file])
    _log(con, result, now, file, None, "removed")
    con.execute("COMMIT")
    result.removed.append(file)


def _load_file(con, source, landing_dir, file, digest, reference, result, now, replaced) -> bool:
    """Read, validate and swap in one file atomically; False when it was rejected."""
    path = landing_dir / file
    try:
        frames = source.read(path, reference)
        _check_keys_unique(con, source, file, frames[source.primary_table])
    except ContractViolation as violation:
        _reject(con, source, file, digest, violation.issues, result, now)
        return False
    except Exception as error:  # a reader bug or unreadable file must not stop other files
        issue = Issue(path.name, f"could not be read: {type(error).__name__}: {error}")
        _reject(con, source, file, digest, [issue], result, now)
        return False

    con.execute("BEGIN TRANSACTION")
    rows = 0
    for table, frame in frames.items():
        con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', [file])
        staged = frame.assign(
            source_file=file, file_hash=digest, loaded_at=now, batch_id=result.batch_id
        )
        con.register("staged_rows", staged)
        columns = ", ".join(f'"{c}"' for c in {**source.tables[table], **LINEAGE_COLUMNS})
        con.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM staged_rows')
        con.unregister("staged_rows")
        rows += len(frame) if table == source.primary_table else 0
        result.rows_by_table[table] = result.rows_by_table.get(table, 0) + len(frame)
    con.execute(
        "INSERT OR REPLACE INTO landing_files VALUES (?, ?, ?, ?, 'loaded', ?, ?)",
        [source.name, file, digest, digest, rows, now],
    )
    _log(con, result, now, file, digest, "replaced" if replaced else "loaded", rows)
    con.execute("COMMIT")
    (result.replaced if replaced else result.loaded).append(file)
    result.rows_loaded += rows
    return True


def _reject(con, source, file, digest, issues, result, now) -> None:
    con.execute("BEGIN TRANSACTION")
    con.execute(
        """INSERT INTO landing_files VALUES (?, ?, ?, NULL, 'rejected', NULL, ?)
           ON CONFLICT (source, file) DO UPDATE SET
             seen_hash = excluded.seen_hash, status = 'rejected',
             checked_at = excluded.checked_at""",
        [source.name, file, digest, now],
    )
    for issue in issues:
        _log(con, result, now, file, digest, "rejected", issue=issue)
    con.execute("COMMIT")
    result.rejected[file] = issues


def _check_keys_unique(con, source: LandingSource, file: str, frame: pd.DataFrame) -> None:
    """Keys are unique across files: a clash names this row and the file already holding the key."""
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
        name = Path(file).name
        raise ContractViolation(
            [
                Issue(
                    name,
                    f"{'/'.join(keys)} {'/'.join(map(str, key))} already loaded from "
                    f"{other_file} row {other_row}",
                    row=row,
                    column=keys[0],
                )
                for row, other_file, other_row, *key in clashes
            ]
        )
