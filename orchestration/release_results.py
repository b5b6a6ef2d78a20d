"""What a refresh run reports for the dbt nodes it did not build: the results of the release
whose inputs and code it found.

Dagster plans every check of a run when the run starts; a dbt step that builds nothing would
leave all of them Skipped (with a message listing every check it did not yield), and the UI's
latest state would stop showing the results the published release was gated with. Inputs and
code are those the release was built from, so its recorded results are this run's results. The
same holds for the tables a carry-over build takes from the release (orchestration/carry_over.py)
and their tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from orchestration.release import release_history


@dataclass(frozen=True)
class ReleaseResults:
    """One release's recorded check results and row counts, reported as this run's."""

    release_id: str
    record: dict
    note: str

    @classmethod
    def of(cls, published_db: Path, release_id: str, note: str) -> ReleaseResults:
        history = release_history(published_db)
        record = next((r for r in history if r["release_id"] == release_id), {})
        return cls(release_id, record, note)

    def check(self, key: dg.AssetCheckKey) -> dg.AssetCheckResult | None:
        """The release's result of this check (None if it has none)."""
        recorded = (self.record.get("checks_summary") or {}).get(
            f"{key.asset_key.to_user_string()}:{key.name}"
        )
        if recorded is None:
            return None
        return dg.AssetCheckResult(
            asset_key=key.asset_key,
            check_name=key.name,
            passed=bool(recorded["passed"]),
            severity=dg.AssetCheckSeverity(recorded["severity"]),
            description=self.note,
        )

    def carried(self, key: dg.AssetKey) -> dg.MaterializeResult:
        """The release's table, taken into the build as it is (with the release's row count)."""
        metadata = {"carried_over_from_release": dg.MetadataValue.text(self.release_id)}
        rows = (self.record.get("row_counts") or {}).get(".".join(key.path))
        if rows is not None:
            metadata["dagster/row_count"] = dg.MetadataValue.int(rows)
        return dg.MaterializeResult(asset_key=key, metadata=metadata)


def unchanged_release_results(
    context: dg.AssetExecutionContext, release_id: str, published_db: Path
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    """The release's result for each of the step's selected dbt tests, and the audit views as
    unchanged (so that the gate reports the release's verdict on them too)."""
    results = ReleaseResults.of(
        published_db, release_id, f"Not run: inputs and code are those of release {release_id}."
    )
    for key in sorted(context.selected_asset_check_keys, key=str):
        if (result := results.check(key)) is not None:
            yield result
    for key in sorted(context.selected_asset_keys, key=lambda k: k.path):
        if key.path[0] == "audit":
            yield dg.MaterializeResult(
                asset_key=key,
                metadata={"unchanged_since_release": dg.MetadataValue.text(release_id)},
            )
