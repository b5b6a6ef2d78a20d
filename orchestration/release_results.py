"""What a refresh run that finds nothing to build reports instead: the results of the release
whose inputs and code it found.

Dagster plans every check of a run when the run starts; a dbt step that builds nothing would
leave all of them Skipped (with a message listing every check it did not yield), and the UI's
latest state would stop showing the results the published release was gated with. Inputs and
code are those the release was built from, so its recorded results are this run's results.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from orchestration.release import release_history


def unchanged_release_results(
    context: dg.AssetExecutionContext, release_id: str, published_db: Path
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    """The release's result for each of the step's selected dbt tests, and the audit views as
    unchanged (so that the gate reports the release's verdict on them too)."""
    summary = next(
        (
            r["checks_summary"]
            for r in release_history(published_db)
            if r["release_id"] == release_id
        ),
        {},
    )
    note = f"Not run: inputs and code are those of release {release_id}; its result."
    for key in sorted(context.selected_asset_check_keys, key=str):
        recorded = summary.get(f"{key.asset_key.to_user_string()}:{key.name}")
        if recorded is not None:
            yield dg.AssetCheckResult(
                asset_key=key.asset_key,
                check_name=key.name,
                passed=bool(recorded["passed"]),
                severity=dg.AssetCheckSeverity(recorded["severity"]),
                description=note,
            )
    for key in sorted(context.selected_asset_keys, key=lambda k: k.path):
        if key.path[0] == "audit":
            yield dg.MaterializeResult(
                asset_key=key,
                metadata={"unchanged_since_release": dg.MetadataValue.text(release_id)},
            )
