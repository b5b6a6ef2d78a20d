"""dbt models as assets, the Great Expectations gate as blocking checks, and the publish step."""

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from expectations.gate import SuiteSpec, load_suites, run_suite
from ingestion.database import storage_fault
from orchestration.dbt_project import DBT_PROJECT, WarehouseTranslator
from orchestration.landing_guard import landing_profile
from orchestration.release import (
    PUBLISHED_SCHEMAS,
    plan_build,
    publish,
    record_build,
    reset_build_database,
)
from orchestration.resources import WarehouseResource

FORCE_TAG = "civic/force_rebuild"


def _forced(context) -> bool:
    return context.run.tags.get(FORCE_TAG) == "true"


@dbt_assets(
    manifest=DBT_PROJECT.manifest_path,
    project=DBT_PROJECT,
    dagster_dbt_translator=WarehouseTranslator(),
    name="warehouse_models",
)
def warehouse_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
):
    """Build seeds, staging, core and marts into a fresh build database with ``dbt build``.

    Skipped (nothing materialises, nothing is written) when the accepted landing files and the
    code are exactly those the published release was built from.
    """
    paths = warehouse.paths()
    plan = plan_build(paths)
    if not plan.needed and not _forced(context):
        context.log.info(
            f"Inputs and code unchanged since release {plan.current.release_id}: nothing to build."
        )
        return
    if plan.unreadable:
        context.log.warning(f"The published release does not open ({plan.unreadable}): rebuilding.")
    if not context.is_subset:
        reset_build_database(paths)
    try:
        # Artifacts and logs go to the warehouse, not one new folder per run in the source tree.
        yield from dbt.cli(["build"], context=context, target_path=paths.dbt_target_dir).stream()
        if not context.is_subset:
            record_build(paths, context.run.run_id, plan)
    except Exception as error:
        fault = storage_fault(error)
        if fault is None:
            raise
        reset_build_database(paths)  # a partial build must not keep filling the disk
        raise dg.Failure(
            f"The dbt build stopped: {fault} ({paths.build_db.parent}); the partial build was "
            "removed and the published release is unchanged"
        ) from None


def _gate_check(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(list(spec.asset)),
        name=f"gx_{spec.name}",
        blocking=True,
        description=spec.description or f"Great Expectations suite {spec.path.name}",
    )
    def gate(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
        paths = warehouse.paths()
        if spec.database == "raw":
            plan = plan_build(paths)
            if not plan.needed and not _forced(context):
                return dg.AssetCheckResult(
                    passed=True,
                    description="Raw rows identical to those release "
                    f"{plan.current.release_id} was validated and published from.",
                )
        # Audit models are views in the build database; those over dbt sources read raw.
        raw = paths.raw_db if spec.database == "raw" else None
        result = run_suite(spec, paths.build_db, raw_database=raw)
        return dg.AssetCheckResult(
            passed=result.success,
            severity=dg.AssetCheckSeverity.ERROR,
            description=None if result.success else "; ".join(result.failures)[:2000],
            metadata={
                "suite_file": dg.MetadataValue.path(str(spec.path)),
                "expectations_evaluated": dg.MetadataValue.int(result.evaluated),
                "rows_validated": dg.MetadataValue.int(result.rows_validated),
                "failures": dg.MetadataValue.json(result.failures),
            },
        )

    return gate


GATE_CHECKS = [_gate_check(spec) for spec in load_suites()]
# The checked audit models: the publish step depends on them, so their blocking checks run first.
AUDIT_MODEL_KEYS = sorted({spec.asset_key for check in GATE_CHECKS for spec in check.check_specs})


def _check_results(context: dg.AssetExecutionContext) -> dict[str, dict]:
    records = context.instance.get_records_for_run(
        run_id=context.run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION, limit=10_000
    ).records
    results = {}
    for record in records:
        evaluation = record.event_log_entry.dagster_event.event_specific_data
        name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
        results[name] = {"passed": evaluation.passed, "severity": evaluation.severity.value}
    return results


PUBLISHED_MODEL_KEYS = [key for key in warehouse_models.keys if key.path[0] in PUBLISHED_SCHEMAS]


@dg.asset(
    key=dg.AssetKey(["metadata", "releases"]),
    deps=[*PUBLISHED_MODEL_KEYS, *AUDIT_MODEL_KEYS],
    group_name="publish",
    kinds={"duckdb"},
    description="The analysts' database: the audited build swapped in atomically as a new release.",
)
def published_release(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Publish only if every blocking check of this run passed (the gate); swap atomically."""
    checks = _check_results(context)
    failed = [name for name, c in checks.items() if not c["passed"] and c["severity"] == "ERROR"]
    if failed:
        raise dg.Failure(f"Gate failed, release not published: {', '.join(sorted(failed))}")
    paths = warehouse.paths()
    try:
        record = publish(paths, context.run.run_id, checks, landing_profile(paths.raw_db))
    except Exception as error:
        fault = storage_fault(error)
        if fault is None:
            raise
        raise dg.Failure(
            f"Publishing stopped: {fault} ({paths.warehouse_dir}); the partial build was removed "
            "and the published release is unchanged"
        ) from None
    if record["stale_wal"]:
        context.log.warning(
            f"Set aside a WAL left beside the published file by a crashed read-write session: "
            f"{record['stale_wal']} (it belonged to the previous release)"
        )
    return dg.MaterializeResult(
        metadata={
            "release_id": dg.MetadataValue.text(record["release_id"]),
            "code_version": dg.MetadataValue.text(record["code_version"]),
            "checks_passed": dg.MetadataValue.int(record["checks_passed"]),
            "row_counts": dg.MetadataValue.json(record["row_counts"]),
            "published_db": dg.MetadataValue.path(str(warehouse.paths().published_db)),
        }
    )
