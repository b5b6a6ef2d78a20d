"""Shared fixtures: one warehouse refreshed from the sample data, reused by the whole session."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from orchestration.paths import WarehousePaths
from orchestration.refresh import run_refresh
from sample_data import DEFAULT_SEED, generate_all
from tests.processes import free_port, wait_until_serving


@dataclass
class Warehouse:
    """A landing zone and warehouse directory pair, with helpers to refresh and query it."""

    landing_dir: Path
    warehouse_dir: Path
    profiles: bool = True  # rebuild country profiles after publishing (copies to break: no)

    @property
    def paths(self) -> WarehousePaths:
        return WarehousePaths(self.landing_dir, self.warehouse_dir)

    @property
    def published_db(self) -> Path:
        return self.paths.published_db

    @property
    def raw_db(self) -> Path:
        return self.paths.raw_db

    def refresh(self, **kwargs):
        return run_refresh(self.paths, quiet=True, profiles=self.profiles, **kwargs)

    def query(self, sql: str, params: list | None = None, *, database: Path | None = None):
        with duckdb.connect(str(database or self.published_db), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    def published_sha256(self) -> str:
        return hashlib.sha256(self.published_db.read_bytes()).hexdigest()

    def copy_to(self, root: Path) -> Warehouse:
        """An independent copy (landing, raw, published, Dagster instance) to break things in."""
        copy = Warehouse(root / "landing", root / "warehouse", profiles=False)
        shutil.copytree(self.landing_dir, copy.landing_dir)
        shutil.copytree(
            self.warehouse_dir, copy.warehouse_dir, ignore=shutil.ignore_patterns("refresh.lock")
        )
        return copy


@pytest.fixture(scope="session")
def published_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    """The sample data at scale 1, refreshed once: the release every mart test reads."""
    root = tmp_path_factory.mktemp("published")
    warehouse = Warehouse(root / "landing", root / "warehouse")
    generate_all(warehouse.landing_dir, scale=1, seed=DEFAULT_SEED)
    result = warehouse.refresh()
    assert result.success, "the sample refresh must succeed"
    return warehouse


@pytest.fixture
def scratch_warehouse(published_warehouse: Warehouse, tmp_path: Path) -> Warehouse:
    """A private copy of the published warehouse for tests that add bad files or fail gates."""
    return published_warehouse.copy_to(tmp_path)


@pytest.fixture(scope="session")
def webserver(published_warehouse: Warehouse) -> Iterator[int]:
    """``dagster-webserver`` on a free loopback port, on the sample warehouse's instance (the
    port is yielded once ``/server_info`` answers)."""
    port = free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(published_warehouse.paths.dagster_home),
        "CIVIC_LANDING_DIR": str(published_warehouse.landing_dir),
        "CIVIC_WAREHOUSE_DIR": str(published_warehouse.warehouse_dir),
    }
    command = [str(Path(sys.executable).parent / "dagster-webserver"), "-m"]
    command += ["orchestration.definitions", "-h", "127.0.0.1", "-p", str(port)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_until_serving(port, server, timeout=120)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


RAM_DISK = Path("/dev/shm")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the test warehouses in RAM where the machine has a RAM disk (Linux ``/dev/shm``).

    A refresh writes a few thousand Dagster events, each a SQLite commit with an fsync: on this
    machine's disk that is most of a test refresh's time, and none of it is what the tests
    check (benchmarks/README.md measures refreshes on disk). One directory per pytest process,
    so concurrent runs never share one; removed when the run passes (kept for a failure).
    """
    if config.option.basetemp or not (RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK)):
        return
    config.option.basetemp = str(RAM_DISK / f"civic-tests-{os.getpid()}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    basetemp = Path(session.config.option.basetemp or "")
    if exitstatus == 0 and basetemp.parent == RAM_DISK:
        shutil.rmtree(basetemp, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a refreshed warehouse, so `pytest -m "not refresh"` runs the
    fast unit tests alone (seconds instead of minutes)."""
    for item in items:
        if "published_warehouse" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.refresh)
