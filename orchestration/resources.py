"""Dagster resources: configuration of where the warehouse lives, and one run at a time."""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import IO

import dagster as dg
from pydantic import Field, PrivateAttr

from orchestration.paths import WarehousePaths


class WarehouseResource(dg.ConfigurableResource):
    """Landing and warehouse directories (defaults: CIVIC_LANDING_DIR / CIVIC_WAREHOUSE_DIR).

    Every run that uses the warehouse holds an exclusive lock on it for the run's duration,
    whoever started it (CLI, schedule, sensor or UI): DuckDB allows one writer per file, and two
    refreshes must never race on the raw or build database.
    """

    landing_dir: str
    warehouse_dir: str
    max_removed_share: float = Field(
        default=0.2,
        description="Largest share of a source's or a geography's rows one refresh may remove "
        "before the publish stops for an operator's confirmation (`--confirm-removals`).",
    )
    _lock: IO[str] | None = PrivateAttr(default=None)

    @classmethod
    def from_env(cls) -> WarehouseResource:
        paths = WarehousePaths.from_env()
        return cls(landing_dir=str(paths.landing_dir), warehouse_dir=str(paths.warehouse_dir))

    def paths(self) -> WarehousePaths:
        paths = WarehousePaths(Path(self.landing_dir).resolve(), Path(self.warehouse_dir).resolve())
        paths.export()
        return paths

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        paths = self.paths()
        paths.warehouse_dir.mkdir(parents=True, exist_ok=True)
        handle = (paths.warehouse_dir / "refresh.lock").open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise dg.Failure(
                f"Another run is using the warehouse at {paths.warehouse_dir}; try again later."
            ) from None
        self._lock = handle

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the lock
            self._lock = None
