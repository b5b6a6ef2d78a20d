"""Dagster resources: where the warehouse lives, one run at a time, work done once per run."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from pydantic import Field, PrivateAttr

from orchestration import release, warehouse_lock
from orchestration.paths import WarehousePaths


class WarehouseResource(dg.ConfigurableResource):
    """Landing and warehouse directories (defaults: CIVIC_LANDING_DIR / CIVIC_WAREHOUSE_DIR).

    Every run that uses the warehouse holds the warehouse lock for the run's duration, whoever
    started it (CLI, schedule, sensor or UI): DuckDB allows one writer per file, and two
    refreshes must never race on the raw or build database. A CLI refresh already holds the lock
    in this process, so the resource re-enters it; a run started elsewhere waits a few seconds
    for it and then fails with one line naming the holder.

    The run's steps share this one instance (the in-process executor initialises resources once
    per run), so it also holds what a run computes once and several steps read: the build plan.
    """

    landing_dir: str
    warehouse_dir: str
    max_removed_share: float = Field(
        default=0.2,
        description="Largest share of a source's or a geography's rows one refresh may remove "
        "before the publish stops for an operator's confirmation (`--confirm-removals`).",
    )
    _locked: bool = PrivateAttr(default=False)
    _plans: dict[str, release.BuildPlan] = PrivateAttr(default_factory=dict)

    @classmethod
    def from_env(cls) -> WarehouseResource:
        paths = WarehousePaths.from_env()
        return cls(landing_dir=str(paths.landing_dir), warehouse_dir=str(paths.warehouse_dir))

    def paths(self) -> WarehousePaths:
        return WarehousePaths(Path(self.landing_dir).resolve(), Path(self.warehouse_dir).resolve())

    def build_plan(self, run_id: str) -> release.BuildPlan:
        """The run's build plan (input and code fingerprints, the current release), computed on
        first use and shared by the steps that need it: the removal guard, the dbt build and
        the raw gate checks. Its first use comes after the ingestion (each user depends on it),
        and nothing before the publish changes what it describes."""
        plan = self._plans.get(run_id)
        if plan is None:
            plan = self._plans[run_id] = release.plan_build(self.paths())
        return plan

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
        self._plans.clear()
