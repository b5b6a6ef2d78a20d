"""The landing ingestion: landing files into the raw database, one writer for every raw table."""

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import dagster as dg

from ingestion.database import DatabaseBusy, connect
from ingestion.landing import LOG_TABLES, LandingSource, SyncResult, sync_source
from ingestion.landing_state import accepted_files
from ingestion.sources import SOURCES
from orchestration.faults import storage_faults_fail_the_step
from orchestration.landing_guard import landing_missing_reason
from orchestration.resources import WarehouseResource

# Raw tables a release republishes under the same name (``metadata.load_log`` ...): their raw
# assets read ``ingestion_<table>`` so no two assets show the same name in the UI.
REPUBLISHED_TABLES = ("load_log", "landing_files", "survey_file_countries")


def raw_key(table: str) -> dg.AssetKey:
    """The asset of a raw table (``raw/<table>``); the dbt source reading it names the same key."""
    return dg.AssetKey(["raw", f"ingestion_{table}" if table in REPUBLISHED_TABLES else table])


def _specs() -> list[dg.AssetSpec]:
    specs = [
        dg.AssetSpec(
            raw_key(table),
            description=f"Rows of the `{source.directory}/` landing files, validated against "
            "the contract, with lineage (file, row, hash, load time).",
            group_name="landing",
            kinds={"duckdb", "python"},
            metadata={"landing_source": source.name, "dagster/table_name": f"raw.{table}"},
        )
        for source in SOURCES
        for table in source.tables
    ]
    specs += [
        dg.AssetSpec(
            raw_key(table),
            description="What each refresh loaded, replaced, removed or rejected (with reasons)."
            if table == "load_log"
            else "Current state of every landing file: seen and accepted content hashes.",
            group_name="landing",
            kinds={"duckdb", "python"},
            metadata={"dagster/table_name": f"raw.{table}"},
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
    A missing or empty landing directory stops the run before anything is touched.
    """
    paths = warehouse.paths()
    missing = landing_missing_reason(paths.landing_dir, paths.raw_db)
    if missing:
        raise dg.Failure(missing)
    results = []
    for source in SOURCES:
        result = _sync(context, source, paths)
        results.append(result)
        states = _table_states(paths.raw_db, source.tables, (source.name,))
        for file, issues in result.rejected.items():
            context.log.warning(
                f"Rejected {file} (previous accepted version, if any, stays loaded):\n"
                + "\n".join(f"  {issue}" for issue in issues[:20])
            )
        for file, reason in result.skipped.items():
            context.log.info(f"Skipped {file}: {reason}")
        for table in source.tables:
            rows, version = states[table]
            yield dg.MaterializeResult(
                asset_key=raw_key(table),
                data_version=version,
                metadata={
                    **_metadata(result),
                    "dagster/row_count": dg.MetadataValue.int(rows),
                    "rows_loaded_this_run": dg.MetadataValue.int(
                        result.rows_by_table.get(table, 0)
                    ),
                },
            )
    totals = {
        "files_changed": sum(r.changed for r in results),
        "files_rejected": sum(len(r.rejected) for r in results),
    }
    states = _table_states(paths.raw_db, LOG_TABLES, tuple(source.name for source in SOURCES))
    for table in LOG_TABLES:
        rows, version = states[table]
        yield dg.MaterializeResult(
            asset_key=raw_key(table),
            data_version=version,
            metadata={
                **{k: dg.MetadataValue.int(v) for k, v in totals.items()},
                "dagster/row_count": dg.MetadataValue.int(rows),
            },
        )


def _table_states(
    raw_db: Path, tables: Iterable[str], sources: tuple[str, ...]
) -> dict[str, tuple[int, dg.DataVersion]]:
    """Rows each raw table holds after the sync (every accepted file's, not only this run's) and
    its data version: the sources' accepted files with their hashes and the row count. A run that
    loads nothing new (a file saved again unchanged) reports the same versions, so the dbt models
    downstream stay in sync in the UI instead of turning Unsynced."""
    with connect(raw_db, read_only=True) as con:
        accepted = accepted_files(con, sources)
        states = {}
        for table in tables:
            rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            content = json.dumps([table, rows, accepted])
            states[table] = (rows, dg.DataVersion(hashlib.sha256(content.encode()).hexdigest()))
        return states


def _sync(context: dg.AssetExecutionContext, source: LandingSource, paths) -> SyncResult:
    """One source's sync, its faults as one line: a busy file, a full or read-only disk."""
    try:
        with storage_faults_fail_the_step(
            f"Ingestion of {source.name}",
            paths.raw_db,
            "its changes were rolled back and the published release is unchanged",
        ):
            return sync_source(
                source,
                paths.landing_dir,
                paths.raw_db,
                batch_id=context.run.run_id,
                on_wait=context.log.warning,
            )
    except DatabaseBusy as busy:
        raise dg.Failure(f"Ingestion did not start: {busy}") from None
