"""The publish step: the audited build swapped in as the analysts' release."""

import dagster as dg

from orchestration.defs.automation.failures import failed_checks_line, failed_error_checks
from orchestration.defs.gate.checks import AUDIT_MODEL_KEYS
from orchestration.defs.warehouse.assets import warehouse_models
from orchestration.faults import storage_faults_fail_the_step
from orchestration.landing_guard import landing_profile
from orchestration.release import PUBLISHED_SCHEMAS, publish
from orchestration.resources import WarehouseResource


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
    failed = failed_error_checks(context.instance, context.run.run_id)
    if failed:  # blocking checks stop the run before this step; non-blocking ones stop it here
        raise dg.Failure(failed_checks_line(failed))
    paths = warehouse.paths()
    with storage_faults_fail_the_step(
        "Publishing",
        paths.warehouse_dir,
        "the partial build was removed and the published release is unchanged",
    ):
        record = publish(paths, context.run.run_id, checks, landing_profile(paths.raw_db))
    if record["stale_wal"]:
        context.log.warning(
            f"Set aside a WAL left beside the published file by a crashed read-write session: "
            f"{record['stale_wal']} (it belonged to the previous release)"
        )
    if record["cache_warning"]:
        context.log.warning(record["cache_warning"])
    for warning in record["archive_warnings"]:  # keeping past releases never fails a publish
        context.log.warning(warning)
    if record["pruned_releases"]:
        context.log.info(f"Removed past releases beyond retention: {record['pruned_releases']}")
    return dg.MaterializeResult(
        metadata={
            "release_id": dg.MetadataValue.text(record["release_id"]),
            "code_version": dg.MetadataValue.text(record["code_version"]),
            "checks_passed": dg.MetadataValue.int(record["checks_passed"]),
            "row_counts": dg.MetadataValue.json(record["row_counts"]),
            "published_db": dg.MetadataValue.path(str(warehouse.paths().published_db)),
        }
    )
