"""The Dagster code location shows lineage from landing files to the published release, and a
refresh does its shared work once."""

from __future__ import annotations

import dagster as dg
import pytest

import orchestration.release
from orchestration.dbt_project import ensure_manifest


@pytest.fixture(scope="module")
def asset_graph():
    ensure_manifest()
    from orchestration.definitions import defs

    return defs.resolve_asset_graph()


def _upstream(graph, key: dg.AssetKey) -> set[dg.AssetKey]:
    return graph.get(key).parent_keys


def test_raw_tables_feed_staging_models(asset_graph):
    staging = dg.AssetKey(["staging", "stg_coding_sheets__restriction_events"])
    assert _upstream(asset_graph, staging) == {dg.AssetKey(["raw", "restriction_events"])}
    producer = asset_graph.get(dg.AssetKey(["raw", "restriction_events"]))
    assert producer.is_materializable  # produced by the ingestion asset, not an external source


def test_marts_trace_back_to_the_landing_ingestion(asset_graph):
    mart = dg.AssetKey(["marts", "restrictions_by_period"])
    ancestors = asset_graph.upstream_key_iterator(mart)
    assert dg.AssetKey(["raw", "restriction_events"]) in set(ancestors)


def test_publish_depends_on_every_mart(asset_graph):
    release = dg.AssetKey(["metadata", "releases"])
    parents = _upstream(asset_graph, release)
    marts = {key for key in asset_graph.get_all_asset_keys() if key.path[0] == "marts"}
    assert marts and marts <= parents
    assert not {key for key in parents if key.path[0] in ("staging", "intermediate")}


def test_gate_checks_are_blocking_and_cover_raw_and_built_data(asset_graph):
    """Every GX check sits on a dbt audit model (``audit/<name>``) whose rows it validates; the
    audit models read the raw tables (through the dbt sources), core facts and marts."""
    from orchestration.definitions import defs

    checks = {spec.key: spec for checks_def in defs.asset_checks for spec in checks_def.check_specs}
    gx = {key: spec for key, spec in checks.items() if key.name.startswith("gx_")}
    assert gx and {key.asset_key.path[0] for key in gx} == {"audit"}
    assert all(spec.blocking for spec in gx.values())
    audited = {parent.path[0] for key in gx for parent in _upstream(asset_graph, key.asset_key)}
    assert audited >= {"raw", "core", "marts"}


def test_publish_waits_for_every_audited_model(asset_graph):
    """The gate's checks block the release: it depends on every audit model they check."""
    from orchestration.definitions import defs

    audited = {
        spec.asset_key
        for checks_def in defs.asset_checks
        for spec in checks_def.check_specs
        if spec.key.name.startswith("gx_")
    }
    assert audited <= _upstream(asset_graph, dg.AssetKey(["metadata", "releases"]))


def test_a_refresh_plans_the_build_once(scratch_warehouse, monkeypatch):
    """The build plan (input and code fingerprints, the current release) is computed once per run
    and shared by the removal guard, the dbt build and the raw gate checks."""
    calls = []
    plan_build = orchestration.release.plan_build

    def counted(paths):
        calls.append(paths)
        return plan_build(paths)

    monkeypatch.setattr(orchestration.release, "plan_build", counted)
    scratch_warehouse.published_db.unlink()  # no release yet: every step runs, the gate too
    result = scratch_warehouse.refresh()
    assert result.success
    evaluated = {e.check_name for e in result.get_asset_check_evaluations()}
    assert "removals_confirmed" in evaluated
    assert any(name.startswith("gx_") and "_raw_" in name for name in evaluated)  # raw gate ran
    assert len(calls) == 1

    result = scratch_warehouse.refresh()  # nothing changed: the guard and the skipped build
    assert result.success
    assert len(calls) == 2


def test_no_two_assets_share_a_display_name(asset_graph):
    """The UI labels an asset by the last part of its key: ``raw/landing_files`` and
    ``metadata/landing_files`` would read the same."""
    by_name: dict[str, list[str]] = {}
    for key in asset_graph.get_all_asset_keys():
        by_name.setdefault(key.path[-1], []).append(key.to_user_string())
    assert {name: keys for name, keys in by_name.items() if len(keys) > 1} == {}
    assert {"raw/ingestion_landing_files", "metadata/landing_files"} <= {
        key.to_user_string() for key in asset_graph.get_all_asset_keys()
    }


def test_every_asset_has_owners_a_group_and_kinds(asset_graph):
    nodes = [asset_graph.get(key) for key in asset_graph.get_all_asset_keys()]
    assert [n.key.to_user_string() for n in nodes if n.owners != ["team:civic-data"]] == []
    assert [n.key.to_user_string() for n in nodes if not n.kinds] == []
    kinds = {
        key.to_user_string(): asset_graph.get(key).kinds for key in asset_graph.get_all_asset_keys()
    }
    assert kinds["raw/restriction_events"] == {"python", "duckdb"}
    assert kinds["marts/restrictions_by_period"] == {"dbt", "duckdb"}
    assert kinds["audit/audit_restriction_raw_events"] == {"dbt", "duckdb", "great_expectations"}
    assert (
        asset_graph.get(dg.AssetKey(["raw", "restriction_events"])).metadata["dagster/table_name"]
        == "raw.restriction_events"
    )
