"""The warehouse lock (`refresh.lock`): one writer at a time, and who that writer is.

DuckDB allows one writing process per database file, and a reader in another process blocks a
writer, so every refresh holds this exclusive lock for its whole duration and operator commands
that read `raw.duckdb` hold it for an instant. It is an ``flock`` on one file, so it dies with its
process (``kill -9``, power cut): a lock can never be left behind, only a stale description.

Within one process the lock is re-entrant: the CLI takes it before anything else, then the
in-process run's ``warehouse`` resource takes it again (a second ``flock`` on another descriptor of
the same file would conflict with the first). The holder's pid, purpose, start time and run id are
written into the file, so others can say who is using the warehouse.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from orchestration.paths import WarehousePaths

LOCK_FILE_NAME = "refresh.lock"
REFRESH = "refresh"  # the purpose every refresh (CLI, schedule, sensor or UI run) records
WAIT_ENV = "CIVIC_LOCK_WAIT_SECONDS"
DEFAULT_WAIT_SECONDS = 5.0
EXIT_BUSY = 75  # EX_TEMPFAIL: try again later
_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or, if the lock is free, last held) the warehouse lock, as it wrote itself."""

    pid: int | None
    purpose: str
    started_at: datetime | None
    run_id: str | None = None

    def describe(self) -> str:
        """'pid 1234, run 1a2b3c4d, started 2026-12-02 01:02:03 UTC' (the parts known)."""
        parts = [f"pid {self.pid}" if self.pid else "pid unknown"]
        if self.run_id:
            parts.append(f"run {self.run_id[:8]}")
        if self.started_at:
            parts.append(f"started {self.started_at:%Y-%m-%d %H:%M:%S} UTC")
        return ", ".join(parts)

    @property
    def is_refresh(self) -> bool:
        return self.purpose == REFRESH


class WarehouseBusy(Exception):
    """The lock stayed taken for the whole wait; the message is one line naming the holder."""

    def __init__(self, warehouse_dir: Path, holder: LockHolder | None) -> None:
        self.warehouse_dir = warehouse_dir
        self.holder = holder
        if holder is None or not holder.pid:
            who = "Another run"
        else:
            who = f"Another {holder.purpose} ({holder.describe()})"
        super().__init__(f"{who} is using the warehouse at {warehouse_dir}; not started.")


@dataclass
class _Held:
    fd: int
    pid: int
    count: int
    purpose: str
    started_at: datetime
    run_id: str | None


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def lock_path(paths: WarehousePaths) -> Path:
    return paths.warehouse_dir / LOCK_FILE_NAME


def wait_seconds() -> float:
    """How long a refresh waits for the lock: operator commands hold it only momentarily."""
    return float(os.environ.get(WAIT_ENV, DEFAULT_WAIT_SECONDS))


def acquire(
    paths: WarehousePaths, purpose: str, *, wait: float | None = None, run_id: str | None = None
) -> None:
    """Take the lock (or re-enter it in this process), waiting up to `wait` seconds
    (default `$CIVIC_LOCK_WAIT_SECONDS`); raise WarehouseBusy if it stays taken."""
    path = lock_path(paths)
    with _guard:
        held = _held.get(path)
        if held is not None and held.pid == os.getpid():
            held.count += 1
            if run_id and not held.run_id:
                held.run_id = run_id
                _write(held)
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by child processes
    deadline = time.monotonic() + (wait_seconds() if wait is None else wait)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _read(fd)
                os.close(fd)
                raise WarehouseBusy(paths.warehouse_dir, holder) from None
            time.sleep(_POLL_SECONDS)
    held = _Held(fd, os.getpid(), 1, purpose, datetime.now(UTC), run_id)
    _write(held)
    with _guard:
        _held[path] = held


def release(paths: WarehousePaths) -> None:
    """Leave one level of the lock; the last one clears the description and unlocks."""
    path = lock_path(paths)
    with _guard:
        held = _held.get(path)
        if held is None or held.pid != os.getpid():
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[path]
        with suppress(OSError):
            os.ftruncate(held.fd, 0)
        os.close(held.fd)  # closing the descriptor releases the flock


@contextmanager
def hold(
    paths: WarehousePaths, purpose: str, *, wait: float | None = None, run_id: str | None = None
) -> Iterator[None]:
    """``with hold(paths, "refresh"):`` — acquire, and release on the way out."""
    acquire(paths, purpose, wait=wait, run_id=run_id)
    try:
        yield
    finally:
        release(paths)


def held_here(paths: WarehousePaths) -> bool:
    """Whether this process holds the lock."""
    held = _held.get(lock_path(paths))
    return held is not None and held.pid == os.getpid()


def lock_holder(paths: WarehousePaths) -> LockHolder | None:
    """Who holds the lock now (None if free); probes it with a shared lock for an instant."""
    path = lock_path(paths)
    if held_here(paths):
        held = _held[path]
        return LockHolder(held.pid, held.purpose, held.started_at, held.run_id)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read(fd) or LockHolder(None, "run", None)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _write(held: _Held) -> None:
    """Describe the holder in place (overwrite, then cut), so readers never see an empty file
    for long; they parse the first JSON object and ignore any tail."""
    text = json.dumps(
        {
            "pid": held.pid,
            "purpose": held.purpose,
            "started_at": held.started_at.isoformat(),
            "run_id": held.run_id,
        }
    ).encode()
    os.pwrite(held.fd, text, 0)
    os.ftruncate(held.fd, len(text))


def _read(fd: int) -> LockHolder | None:
    try:
        text = os.pread(fd, 4096, 0).decode("utf-8", errors="replace")
        data, _ = json.JSONDecoder().raw_decode(text)
        started = data.get("started_at")
        return LockHolder(
            pid=int(data["pid"]) if data.get("pid") else None,
            purpose=str(data.get("purpose") or "run"),
            started_at=datetime.fromisoformat(started) if started else None,
            run_id=data.get("run_id"),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
