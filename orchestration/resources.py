"""Dagster resources: configuration of where the warehouse lives."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.paths import WarehousePaths


class WarehouseResource(dg.ConfigurableResource):
    """Landing and warehouse directories (defaults: CIVIC_LANDING_DIR / CIVIC_WAREHOUSE_DIR)."""

    landing_dir: str
    warehouse_dir: str

    @classmethod
    def from_env(cls) -> WarehouseResource:
        paths = WarehousePaths.from_env()
        return cls(landing_dir=str(paths.landing_dir), warehouse_dir=str(paths.warehouse_dir))

    def paths(self) -> WarehousePaths:
        paths = WarehousePaths(Path(self.landing_dir).resolve(), Path(self.warehouse_dir).resolve())
        paths.export()
        return paths
