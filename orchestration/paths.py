"""Where the warehouse keeps its files; every path can be moved by environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"


@dataclass(frozen=True)
class WarehousePaths:
    """The landing zone (input) and the warehouse directory (everything the pipeline writes)."""

    landing_dir: Path
    warehouse_dir: Path

    @classmethod
    def from_env(cls) -> WarehousePaths:
        data = PROJECT_ROOT / "data"
        return cls(
            landing_dir=Path(os.environ.get("CIVIC_LANDING_DIR", data / "landing")).resolve(),
            warehouse_dir=Path(os.environ.get("CIVIC_WAREHOUSE_DIR", data / "warehouse")).resolve(),
        )

    @property
    def published_db(self) -> Path:
        """The analysts' database: replaced whole by each release, never written in place."""
        return self.warehouse_dir / "civic_space.duckdb"

    @property
    def raw_db(self) -> Path:
        """Ingested landing files and the load log; private to the pipeline."""
        return self.warehouse_dir / "raw.duckdb"

    @property
    def build_db(self) -> Path:
        """Where dbt builds a candidate release before the gate lets it be published."""
        return self.warehouse_dir / "build" / "civic_space_build.duckdb"

    @property
    def dbt_target_dir(self) -> Path:
        """dbt's artifacts and logs of the latest build (run results, compiled SQL)."""
        return self.warehouse_dir / "build" / "dbt_target"

    @property
    def dagster_home(self) -> Path:
        """The persistent Dagster instance: run history shared by the CLI and the UI."""
        return self.warehouse_dir / "dagster_home"

    def export(self) -> None:
        """Put the directories in this process's environment, for child processes that read them
        with ``from_env`` (``civic ui``'s ``dagster dev``); dbt gets its databases as vars."""
        os.environ["CIVIC_LANDING_DIR"] = str(self.landing_dir)
        os.environ["CIVIC_WAREHOUSE_DIR"] = str(self.warehouse_dir)
