"""The country profiles asset: one partition per geography of the reference seed, downstream of
the published release, so the UI shows which profiles are older than the current release.

A backfill of any set of partitions runs as one step (`BackfillPolicy.single_run`): one
`build_profiles` call builds every selected partition with its worker processes. The logic lives in
`orchestration.profiles`; `build_profiles(paths, geographies)` is the same function the CLI calls.
"""

import warnings
from collections.abc import Iterator

import dagster as dg

from ingestion.reference import read_seed
from orchestration.defs.publish.assets import published_release
from orchestration.profiles.build import build_profiles, profile_summary
from orchestration.resources import WarehouseResource

GEOGRAPHY_PARTITIONS = dg.StaticPartitionsDefinition(
    [row["geography_id"] for row in read_seed("geographies")]
)


warnings.filterwarnings("ignore", message="Parameter `backfill_policy`", category=dg.BetaWarning)


@dg.asset(
    key=dg.AssetKey(["profiles", "country_profiles"]),
    deps=[published_release],
    partitions_def=GEOGRAPHY_PARTITIONS,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="profiles",
    output_required=False,
    kinds={"html"},
    description="Country profiles: the report's tables and figures for one geography as offline "
    "HTML, with a CSV per table/figure and a manifest (profiles/<GEO>/ under the warehouse).",
)
def country_profiles(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.AssetMaterialization]:
    """Build the profiles of the run's partitions and record, per partition, path and rows.

    The refresh job selects every asset but runs without a partition: there the step builds
    nothing (the refresh calls `build_profiles` itself after publishing, so a refresh is not slowed
    twice); materialize partitions (one, several or all 24) to build them through Dagster. The
    step yields one materialization per partition and no output (`output_required=False`)."""
    if not (context.has_partition_key or context.has_partition_key_range):
        context.log.info("No partition in this run: profiles are built by build_profiles().")
        return
    geographies = list(context.partition_keys)
    written = build_profiles(warehouse.paths(), geographies)
    for geography, index_html in zip(geographies, written, strict=True):
        summary = profile_summary(index_html)
        yield dg.AssetMaterialization(
            asset_key=context.asset_key,
            partition=geography,
            metadata={
                "path": dg.MetadataValue.path(summary["path"]),
                "row_counts": dg.MetadataValue.json(summary["row_counts"]),
                "files": dg.MetadataValue.int(len(summary["row_counts"])),
            },
        )
