"""The gate: one blocking check per Great Expectations suite in ``expectations/suites/``.

Each suite names the dbt audit model whose rows it validates (``meta.model``), so a new suite
file (a new barometer's, say) becomes a check here without any edit of the code.
"""

import dagster as dg

from expectations.gate import SuiteSpec, load_suites, run_suite
from orchestration.defs.warehouse.assets import forced
from orchestration.resources import WarehouseResource


def _gate_check(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(list(spec.asset)),
        name=f"gx_{spec.name}",
        blocking=True,
        description=spec.description or f"Great Expectations suite {spec.path.name}",
    )
    def gate(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
        paths = warehouse.paths()
        if not forced(context):  # inputs and code of a gated release: its verdict stands
            plan = warehouse.build_plan(context.run.run_id)
            if not plan.needed:
                return dg.AssetCheckResult(
                    passed=True,
                    description="Inputs and code identical to those release "
                    f"{plan.basis.release_id} was validated and published from.",
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
