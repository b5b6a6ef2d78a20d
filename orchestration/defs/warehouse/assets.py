"""The dbt models as assets: seeds, staging, core, marts and audit views, by ``dbt build``."""

import json
from collections.abc import Iterator
from graphlib import TopologicalSorter

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration.carry_over import CarryOver, plan_carry_over, take_release_cache
from orchestration.dbt_project import (
    DBT_PROJECT,
    WarehouseTranslator,
    dbt_vars,
    with_table_metadata,
)
from orchestration.faults import storage_faults_fail_the_step
from orchestration.paths import WarehousePaths
from orchestration.refresh_state import BUILD_TAG, FORCE_TAG
from orchestration.release import BuildPlan, record_build, reset_build_database
from orchestration.release_results import ReleaseResults, unchanged_release_results
from orchestration.resources import WarehouseResource

TRANSLATOR = WarehouseTranslator()


def forced(context) -> bool:
    """Whether the run was asked to rebuild although inputs and code are unchanged."""
    return context.run.tags.get(FORCE_TAG) == "true"


@dbt_assets(
    manifest=DBT_PROJECT.manifest_path,
    project=DBT_PROJECT,
    dagster_dbt_translator=TRANSLATOR,
    name="warehouse_models",
)
def warehouse_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
):
    """Build seeds, staging, core and marts into a fresh build database with ``dbt build``, or
    only what the changed landing sources feed into a copy of the current release (a carry-over
    build: orchestration/carry_over.py).

    Skipped when the accepted landing files and the code are exactly those the published release
    was built from (or a release rolled back from): nothing is written, and the step reports
    that release's results (orchestration/release_results.py).
    """
    paths = warehouse.paths()
    plan = warehouse.build_plan(context.run.run_id)
    if not plan.needed and not forced(context):
        context.log.info(f"{plan.unchanged_reason}: nothing to build.")
        yield from unchanged_release_results(context, plan.basis.release_id, paths.published_db)
        return
    if plan.unreadable:
        context.log.warning(f"The published release does not open ({plan.unreadable}): rebuilding.")
    carry = None if context.is_subset else _carry_over(context, paths, plan)
    if not context.is_subset:
        reset_build_database(paths)
    with storage_faults_fail_the_step(
        "The dbt build",
        paths.build_db.parent,
        "the partial build was removed and the published release is unchanged",
        cleanup=lambda: reset_build_database(paths),  # a partial build must not fill the disk
    ):
        # Artifacts and logs go to the warehouse, not one new folder per run in the source tree.
        # The build and raw databases are passed as dbt vars (profiles.yml), not environment.
        if carry is not None:
            yield from _carried_build(context, dbt, paths, carry)
        else:
            build = ["build", *dbt_vars(paths)]
            invocation = dbt.cli(build, context=context, target_path=paths.dbt_target_dir)
            yield from with_table_metadata(invocation)  # row counts, column types
        if not context.is_subset:
            record_build(paths, context.run.run_id, plan)


def _carry_over(
    context: dg.AssetExecutionContext, paths: WarehousePaths, plan: BuildPlan
) -> CarryOver | None:
    """The run's carry-over build, or None (logged why) for a full build; tagged on the run."""
    if forced(context):
        carry: CarryOver | str = "the operator forced a full rebuild"
    elif plan.unreadable:
        carry = "the published release does not open"
    else:
        current = plan.current.release_id if plan.current else None
        carry = plan_carry_over(
            paths.build_db,
            paths.raw_db,
            release_id=current,
            code_fingerprint=plan.code_fingerprint,
        )
    if isinstance(carry, str):
        context.log.info(f"Full build: {carry}.")
        context.instance.add_run_tags(context.run.run_id, {BUILD_TAG: "full"})
        return None
    context.log.info(carry.summary())
    context.instance.add_run_tags(context.run.run_id, {BUILD_TAG: "carry_over"})
    return carry


def _carried_build(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    paths: WarehousePaths,
    carry: CarryOver,
) -> Iterator:
    """``dbt build`` of the changed lineages and the views on the release's copy, then every
    selected model in dependency order (Dagster's rule for a multi-asset step): as built, or as
    carried over with the release's results for its tests.

    The invocation is made without the step's context: with it, dagster-dbt adds a selection of
    its own (the whole project, ``fqn:*``) to ours. Its asset events become this step's results.
    """
    take_release_cache(paths.build_db)
    manifest = json.loads(DBT_PROJECT.manifest_path.read_text(encoding="utf-8"))
    args = ["build", *carry.dbt_selection(manifest), *dbt_vars(paths)]
    invocation = dbt.cli(
        args, manifest=manifest, dagster_dbt_translator=TRANSLATOR, target_path=paths.dbt_target_dir
    )
    built: dict[dg.AssetKey, dg.MaterializeResult] = {}
    checked: dict[dg.AssetCheckKey, dg.AssetCheckResult] = {}
    for event in with_table_metadata(invocation):
        if isinstance(event, dg.AssetMaterialization):
            built[event.asset_key] = dg.MaterializeResult(
                asset_key=event.asset_key, metadata=event.metadata
            )
        elif isinstance(event, dg.AssetCheckEvaluation):
            checked[event.asset_check_key] = dg.AssetCheckResult(
                asset_key=event.asset_key,
                check_name=event.check_name,
                passed=event.passed,
                severity=event.severity,
                metadata=event.metadata,
                description=event.description,
            )
        else:
            yield event
    context.log.info(
        f"Carry-over build: {len(built)} models and views built, {len(checked)} tests run; "
        f"the other tables and their tests' results are release {carry.release_id}'s."
    )
    release = ReleaseResults.of(
        paths.published_db,
        carry.release_id,
        f"Not run: its inputs are unchanged since release {carry.release_id}; its result there.",
    )
    checks_by_asset: dict[dg.AssetKey, list[dg.AssetCheckKey]] = {}
    for check in sorted(context.selected_asset_check_keys, key=str):
        checks_by_asset.setdefault(check.asset_key, []).append(check)
    for key in _in_dependency_order(context):
        yield built.get(key) or release.carried(key)
        for check in checks_by_asset.get(key, []):
            result = checked.get(check) or release.check(check)
            if result is not None:
                yield result


def _in_dependency_order(context: dg.AssetExecutionContext) -> list[dg.AssetKey]:
    selected = set(context.selected_asset_keys)
    deps = context.assets_def.asset_deps
    graph = {key: deps.get(key, set()) & selected for key in selected}
    return list(TopologicalSorter(graph).static_order())
