"""Checks on the landing tables: the removal guard before the build, rejected files as a warning."""

import dagster as dg

from ingestion.errors import Issue
from ingestion.landing_state import current_rejections
from orchestration.defs.landing.assets import raw_key
from orchestration.landing_guard import landing_profile, unconfirmed_removals
from orchestration.refresh_state import REJECTED_FILES_TAG
from orchestration.resources import WarehouseResource

CONFIRM_REMOVALS_TAG = "civic/confirm_removals"


@dg.asset_check(
    asset=raw_key("landing_files"),
    name="removals_confirmed",
    blocking=True,
    description="Stops the publish when a change empties a file or removes more than the "
    "configured share of a source's or geography's rows, unless the operator confirms it.",
)
def removals_confirmed(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    # The run's build plan (computed once, here: right after the ingestion) carries the release
    # (after a rollback, the release rolled back from when the landing files are still its own).
    plan = warehouse.build_plan(context.run.run_id)
    release = plan.basis or plan.current
    problems = unconfirmed_removals(
        release.landing_profile if release else None,
        landing_profile(warehouse.paths().raw_db),
        max_share=warehouse.max_removed_share,
    )
    confirmed = context.run.tags.get(CONFIRM_REMOVALS_TAG) == "true"
    description = None
    if problems:
        verdict = "confirmed by the operator" if confirmed else "not published"
        description = (
            f"{len(problems)} removal(s) beyond the limit, {verdict}: {'; '.join(problems[:5])}"
            + ("" if confirmed else "; if intended, run `civic refresh --confirm-removals`")
        )
    return dg.AssetCheckResult(
        passed=confirmed or not problems,
        severity=dg.AssetCheckSeverity.ERROR,
        description=description,
        metadata={"removals": dg.MetadataValue.json(problems)},
    )


@dg.asset_check(
    asset=raw_key("landing_files"),
    name="no_rejected_landing_files",
    description="Warns while any landing file is rejected: it is left out until it is fixed. "
    f"The run is tagged `{REJECTED_FILES_TAG}` with how many, so it stands out in the run list.",
)
def no_rejected_landing_files(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    issues = current_rejections(warehouse.paths().raw_db, limit=1000)
    by_file: dict[str, list[str]] = {}
    for file, row, column, message in issues:
        by_file.setdefault(file, []).append(str(Issue(file, message, row=row, column=column)))
    if by_file:
        context.instance.add_run_tags(context.run.run_id, {REJECTED_FILES_TAG: str(len(by_file))})
    return dg.AssetCheckResult(
        passed=not by_file,
        severity=dg.AssetCheckSeverity.WARN,
        description=rejected_files_line(by_file) if by_file else None,
        metadata={"rejected_files": dg.MetadataValue.json(by_file)},
    )


def rejected_files_line(by_file: dict[str, list[str]], shown: int = 3) -> str:
    """One line: how many files are rejected, the first issue of the first few, what to do."""
    first = "; ".join(issues[0] for issues in list(by_file.values())[:shown])
    more = f"; and {len(by_file) - shown} more file(s)" if len(by_file) > shown else ""
    return (
        f"{len(by_file)} landing file(s) rejected and left out: {first}{more}. Fix or remove "
        "them; the change starts a refresh (`civic status` lists every issue)."
    )
