"""Every DuckDB connection of the warehouse is opened here: wait briefly for another process,
then say who holds the file.

DuckDB allows one writing process per file, and a reader in another process blocks a writer. An
operator's short-lived command (or an analyst who opened a private file by mistake) must not turn
a refresh into a traceback: the refresh waits a little, then fails with one line naming the
process that holds the file.
"""

from __future__ import annotations

import errno
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

Connection = duckdb.DuckDBPyConnection
DEFAULT_WAIT_SECONDS = 30.0
_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


class DatabaseBusy(RuntimeError):
    """Another process holds the database file; the message is one line naming it."""


def lock_holder(error: BaseException) -> str | None:
    """'PID 123 (program)' when ``error`` is DuckDB's file-lock conflict, else None."""
    match = _HOLDER.search(str(error))
    return f"PID {match['pid']} ({match['program']})" if match else None


def connect(
    path: Path,
    *,
    read_only: bool = False,
    wait_seconds: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    config: dict[str, object] | None = None,
    row_group_size: int | None = None,
) -> Connection:
    """Open ``path``; while another process holds it, retry for ``wait_seconds`` (default
    ``DEFAULT_WAIT_SECONDS``), then raise ``DatabaseBusy``. ``on_wait`` hears once that we are
    waiting, and for whom.

    ``row_group_size`` attaches the file with row groups of that many rows (a multiple of 2048):
    DuckDB holds an insert's rows in memory until a row group is full, so small row groups keep
    loading long texts (article bodies) flat in memory. The file is used as the connection's
    default database either way.
    """
    wait_seconds = DEFAULT_WAIT_SECONDS if wait_seconds is None else wait_seconds
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            return _open(path, read_only, config or {}, row_group_size)
        except duckdb.IOException as error:
            holder = lock_holder(error)
            if holder is None:
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"{path.name} is held open by {holder}; close that session and run again "
                    f"({path.name} is private to the pipeline: analysts read the published file)"
                ) from None
            if on_wait is not None and not told:
                on_wait(f"{path.name} is open in {holder}: waiting up to {wait_seconds:.0f}s")
                told = True
            time.sleep(0.5)


def _open(
    path: Path, read_only: bool, config: dict[str, object], row_group_size: int | None
) -> Connection:
    if row_group_size is None:
        return duckdb.connect(str(path), read_only=read_only, config=config)
    con = duckdb.connect(config=config)
    options = f"ROW_GROUP_SIZE {int(row_group_size)}" + (", READ_ONLY" if read_only else "")
    try:
        con.execute(f"ATTACH ? AS landed ({options})", [str(path)])
        con.execute("USE landed")
    except BaseException:
        con.close()
        raise
    return con


_STORAGE_FAULTS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the filesystem is read-only",
    errno.EFBIG: "a file grew past the size limit",
}
_STORAGE_TEXT = {
    **{os.strerror(code): why for code, why in _STORAGE_FAULTS.items()},
    "attempt to write a readonly database": "the filesystem is read-only",  # SQLite (Dagster)
}


def storage_fault(error: BaseException) -> str | None:
    """'the disk is full' (and the like) when ``error`` comes from the storage, else None;
    DuckDB reports such faults as text, Python as an errno."""
    for cause in (error, error.__cause__, error.__context__):
        if isinstance(cause, OSError) and cause.errno in _STORAGE_FAULTS:
            return _STORAGE_FAULTS[cause.errno]
    text = str(error)
    return next((why for message, why in _STORAGE_TEXT.items() if message in text), None)


LOW_SPACE_BYTES = 32 * 2**20


def storage_state(path: Path) -> str | None:
    """'the filesystem is read-only' or 'the disk is full' when the filesystem holding ``path``
    is so now: for errors whose text does not say so (dbt reports a failed write by exit code)."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        stats = os.statvfs(probe)
    except OSError:
        return None
    if stats.f_flag & os.ST_RDONLY:
        return _STORAGE_FAULTS[errno.EROFS]
    if stats.f_bavail * stats.f_frsize < LOW_SPACE_BYTES:
        return _STORAGE_FAULTS[errno.ENOSPC]
    return None


def table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the connection's current database holds ``table`` (any schema)."""
    query = """SELECT count(*) FROM duckdb_tables()
               WHERE database_name = current_database() AND table_name = ?"""
    return con.execute(query, [table]).fetchone()[0] > 0
