"""Dagster resources: configuration of where the warehouse lives, and one run at a time."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from pydantic import Field, PrivateAttr

from orchestration import warehouse_lock
from orchestration.paths import WarehousePaths


class WarehouseResource(dg.ConfigurableResource):
    """Landing and warehouse directories (defaults: CIVIC_LANDING_DIR / CIVIC_WAREHOUSE_DIR).

    Every run that uses the warehouse holds the warehouse lock for the run's duration, whoever
    started it (CLI, schedule, sensor or UI): DuckDB allows one writer per file, and two
    refreshes must never race on the raw or build database. A CLI refresh already holds the lock
    in this process, so the resource re-enters it; a run started elsewhere waits a few seconds
    for it and then fails with one line naming the holder.
    """

    landing_dir: str
    warehouse_dir: str
    max_removed_share: float = Field(
        default=0.2,
        description="Largest share of a source's or a geography's rows one refresh may remove "
        "before the publish stops for an operator's confirmation (`--confirm-removals`).",
    )
    _locked: bool = PrivateAttr(default=False)

    @classmethod
    def from_env(cls) -> WarehouseResource:
        paths = WarehousePaths.from_env()
        return cls(landing_dir=str(paths.landing_dir), warehouse_dir=str(paths.warehouse_dir))

    def paths(self) -> WarehousePaths:
        paths = WarehousePaths(Path(self.landing_dir).resolve(), Path(self.warehouse_dir).resolve())
        paths.export()
        return paths

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        try:
            warehouse_lock.acquire(self.paths(), warehouse_lock.REFRESH, run_id=context.run_id)
        except warehouse_lock.WarehouseBusy as busy:
            raise dg.Failure(str(busy)) from None
        self._locked = True

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._locked:
            warehouse_lock.release(self.paths())
            self._locked = False
