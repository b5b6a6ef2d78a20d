"""The dbt models as assets: seeds, staging, core, marts and audit views, by ``dbt build``."""

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration.dbt_project import (
    DBT_PROJECT,
    WarehouseTranslator,
    dbt_vars,
    with_table_metadata,
)
from orchestration.faults import storage_faults_fail_the_step
from orchestration.refresh_state import FORCE_TAG
from orchestration.release import record_build, reset_build_database
from orchestration.release_results import unchanged_release_results
from orchestration.resources import WarehouseResource


def forced(context) -> bool:
    """Whether the run was asked to rebuild although inputs and code are unchanged."""
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
        build = ["build", *dbt_vars(paths)]
        invocation = dbt.cli(build, context=context, target_path=paths.dbt_target_dir)
        yield from with_table_metadata(invocation)  # row counts, column types
        if not context.is_subset:
            record_build(paths, context.run.run_id, plan)
