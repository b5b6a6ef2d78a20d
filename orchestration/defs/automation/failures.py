"""A failed check in one line: which checks stopped the publish, where (file and row, when the
audit rows carry them) and what to do; logged as the run's error and named in a run tag."""

from __future__ import annotations

import dagster as dg
from dagster._core.errors import DagsterAssetCheckFailedError

FAILED_CHECKS_TAG = "civic/failed_checks"
DETAIL_CHARS = 300


def failed_error_checks(
    instance: dg.DagsterInstance, run_id: str, step_key: str | None = None
) -> list[tuple[str, str]]:
    """(``asset:check``, description) of the run's failed ERROR checks (of one step, if given)."""
    records = instance.get_records_for_run(
        run_id=run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION, limit=10_000
    ).records
    failed = []
    for record in records:
        event = record.event_log_entry.dagster_event
        evaluation = event.event_specific_data
        if evaluation.passed or evaluation.severity != dg.AssetCheckSeverity.ERROR:
            continue
        if step_key is None or event.step_key == step_key:
            name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
            failed.append((name, evaluation.description or ""))
    return failed


def failed_checks_line(failed: list[tuple[str, str]]) -> str:
    """One line for an operator: the first failed check with its finding, the others by name."""
    (first, detail), others = failed[0], [name for name, _ in failed[1:]]
    detail = " ".join(detail.split()).rstrip(".")  # findings may span lines; this may not
    if len(detail) > DETAIL_CHARS:
        detail = detail[:DETAIL_CHARS] + "..."
    also = f" (also failed: {', '.join(others)})" if others else ""
    return (
        f"Not published: check {first} failed{also}: {detail or 'see the check'}. The published "
        "release is unchanged; fix what the check names (the landing file and row, where given) "
        "and the change starts a refresh."
    )


@dg.failure_hook(name="report_failed_checks")
def report_failed_checks(context: dg.HookContext) -> None:
    """On a step stopped by a failed blocking check, say so in one line and tag the run."""
    if not isinstance(context.op_exception, DagsterAssetCheckFailedError):
        return
    failed = failed_error_checks(context.instance, context.run_id, context.step_key)
    if not failed:
        return
    context.log.error(failed_checks_line(failed))
    names = [name.split(":", 1)[1] for name, _ in failed]
    run = context.instance.get_run_by_id(context.run_id)
    earlier = run.tags.get(FAILED_CHECKS_TAG) if run else None
    context.instance.add_run_tags(
        context.run_id, {FAILED_CHECKS_TAG: ",".join(filter(None, [earlier, *names]))}
    )
