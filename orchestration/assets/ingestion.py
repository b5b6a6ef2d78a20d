"""Ingestion assets: landing files into the raw database, one writer for every raw table."""

import dagster as dg

from ingestion.errors import Issue
from ingestion.landing import SyncResult, current_rejections, sync_source
from ingestion.sources import SOURCES
from orchestration.resources import WarehouseResource

LOG_TABLES = ("load_log", "landing_files")


def _raw_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


def _specs() -> list[dg.AssetSpec]:
    specs = [
        dg.AssetSpec(
            _raw_key(table),
            description=f"Rows of the `{source.directory}/` landing files, validated against "
            "the contract, with lineage (file, row, hash, load time).",
            group_name="landing",
            kinds={"duckdb", "python"},
            metadata={"landing_source": source.name},
        )
        for source in SOURCES
        for table in source.tables
    ]
    specs += [
        dg.AssetSpec(
            _raw_key(table),
            description="What each refresh loaded, replaced, removed or rejected (with reasons)."
            if table == "load_log"
            else "Current state of every landing file: seen and accepted content hashes.",
            group_name="landing",
            kinds={"duckdb"},
        )
        for table in LOG_TABLES
    ]
    return specs


def _metadata(result: SyncResult) -> dict[str, dg.MetadataValue]:
    rejected = {
        file: [str(issue) for issue in issues[:10]] for file, issues in result.rejected.items()
    }
    return {
        "files_loaded": dg.MetadataValue.int(len(result.loaded)),
        "files_replaced": dg.MetadataValue.int(len(result.replaced)),
        "files_removed": dg.MetadataValue.int(len(result.removed)),
        "files_unchanged": dg.MetadataValue.int(result.unchanged),
        "files_rejected": dg.MetadataValue.int(len(result.rejected)),
        "rejections": dg.MetadataValue.json(rejected),
    }


@dg.multi_asset(specs=_specs(), name="landing_ingestion", can_subset=False)
def landing_ingestion(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Load new and changed landing files of every source; a run with no changes writes nothing.

    One step writes every raw table because DuckDB allows a single writer per database file.
    """
    paths = warehouse.paths()
    results = []
    for source in SOURCES:
        result = sync_source(source, paths.landing_dir, paths.raw_db, batch_id=context.run.run_id)
        results.append(result)
        for file, issues in result.rejected.items():
            context.log.warning(
                f"Rejected {file} (previous accepted version, if any, stays loaded):\n"
                + "\n".join(f"  {issue}" for issue in issues[:20])
            )
        for table in source.tables:
            yield dg.MaterializeResult(
                asset_key=_raw_key(table),
                metadata={
                    **_metadata(result),
                    "rows_loaded_this_run": dg.MetadataValue.int(
                        result.rows_by_table.get(table, 0)
                    ),
                },
            )
    totals = {
        "files_changed": sum(r.changed for r in results),
        "files_rejected": sum(len(r.rejected) for r in results),
    }
    for table in LOG_TABLES:
        yield dg.MaterializeResult(
            asset_key=_raw_key(table),
            metadata={k: dg.MetadataValue.int(v) for k, v in totals.items()},
        )


@dg.asset_check(
    asset=_raw_key("landing_files"),
    name="no_rejected_landing_files",
    description="Warns while any landing file is rejected: it is left out until it is fixed.",
)
def no_rejected_landing_files(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    issues = current_rejections(warehouse.paths().raw_db, limit=1000)
    by_file: dict[str, list[str]] = {}
    for file, row, column, message in issues:
        by_file.setdefault(file, []).append(str(Issue(file, message, row=row, column=column)))
    return dg.AssetCheckResult(
        passed=not by_file,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{len(by_file)} landing file(s) rejected; see `civic status`"
        if by_file
        else None,
        metadata={"rejected_files": dg.MetadataValue.json(by_file)},
    )
