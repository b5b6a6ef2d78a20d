"""Carry-over builds (orchestration/carry_over.py): when the kept release copy may be built on,
which lineages are rebuilt, and that keeping the copy never stops a publish."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration import carry_over
from orchestration.carry_over import CarryOver, keep_release_cache, plan_carry_over, release_cache
from tests.landing_edits import add_restriction_sheet

RELEASE = "20261202T120000Z-abcdef12"
CODE = "code-fingerprint"
RELEASE_FILES = [
    ("restrictions", "kaz_2017_2021.csv", "r1"),
    ("restrictions", "kgz_2017_2021.csv", "r2"),
    ("surveys", "wvs7.sav", "s1"),
    ("factiva", "tass.json", "f1"),
    ("registry", "orgs.csv", "g1"),
    ("media", "kaz_media.csv", "m1"),
    ("projects", "kaz_projects.csv", "p1"),
]


def _cache(build_db: Path, *, release_id: str = RELEASE, code: str = CODE) -> None:
    build_db.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(release_cache(build_db))) as con:
        con.execute("CREATE SCHEMA metadata")
        con.execute(
            "CREATE TABLE metadata.releases AS SELECT ? AS release_id, "
            "TIMESTAMP '2026-12-02 12:00' AS published_at, ? AS code_fingerprint",
            [release_id, code],
        )
        con.execute(
            "CREATE TABLE metadata.landing_files (landing_source VARCHAR, landing_file VARCHAR, "
            "accepted_hash VARCHAR)"
        )
        con.executemany("INSERT INTO metadata.landing_files VALUES (?, ?, ?)", RELEASE_FILES)


def _raw(raw_db: Path, files: list[tuple[str, str, str]]) -> None:
    with duckdb.connect(str(raw_db)) as con:
        con.execute(
            "CREATE TABLE landing_files (source VARCHAR, file VARCHAR, accepted_hash VARCHAR)"
        )
        con.executemany("INSERT INTO landing_files VALUES (?, ?, ?)", files)


def _plan(tmp_path: Path, files: list, **cache) -> CarryOver | str:
    build_db = tmp_path / "build" / "civic_space_build.duckdb"
    _cache(build_db, **cache)
    _raw(tmp_path / "raw.duckdb", files)
    return plan_carry_over(
        build_db, tmp_path / "raw.duckdb", release_id=RELEASE, code_fingerprint=CODE
    )


def _changed(files: list, source: str, file: str, digest: str) -> list:
    return [(s, f, digest if (s, f) == (source, file) else h) for s, f, h in files]


def test_one_changed_sheet_rebuilds_the_restriction_lineage_and_the_logs(tmp_path):
    plan = _plan(tmp_path, _changed(RELEASE_FILES, "restrictions", "kgz_2017_2021.csv", "r2b"))
    assert isinstance(plan, CarryOver)
    assert plan.release_id == RELEASE
    assert plan.changed_sources == ("restrictions",)
    assert plan.rebuilt_tables == ("load_log", "landing_files", "restriction_events")


def test_a_removed_file_is_a_change_of_its_source(tmp_path):
    plan = _plan(tmp_path, [row for row in RELEASE_FILES if row[0] != "surveys"])
    assert isinstance(plan, CarryOver)
    assert plan.changed_sources == ("surveys",)
    assert "survey_answers" in plan.rebuilt_tables


def test_a_factiva_change_rebuilds_the_sources_whose_readers_cite_it(tmp_path):
    plan = _plan(tmp_path, _changed(RELEASE_FILES, "factiva", "tass.json", "f2"))
    assert isinstance(plan, CarryOver)
    # media, keywords and projects read Factiva's accepted articles (reads_sources)
    assert plan.changed_sources == ("factiva", "keywords", "media", "projects")
    assert "restriction_events" not in plan.rebuilt_tables


@pytest.mark.parametrize(
    ("cache", "reason"),
    [
        ({"release_id": "20261201T000000Z-00000000"}, "not the current one"),
        ({"code": "older-code"}, "the code changed"),
    ],
)
def test_a_copy_of_another_release_or_code_means_a_full_build(tmp_path, cache, reason):
    plan = _plan(tmp_path, _changed(RELEASE_FILES, "surveys", "wvs7.sav", "s2"), **cache)
    assert isinstance(plan, str)
    assert reason in plan


def test_no_copy_or_an_unreadable_copy_means_a_full_build(tmp_path):
    build_db = tmp_path / "build" / "civic_space_build.duckdb"
    _raw(tmp_path / "raw.duckdb", RELEASE_FILES)
    plan = plan_carry_over(
        build_db, tmp_path / "raw.duckdb", release_id=RELEASE, code_fingerprint=CODE
    )
    assert isinstance(plan, str) and "no copy" in plan
    build_db.parent.mkdir(parents=True)
    release_cache(build_db).write_bytes(b"not a database")
    plan = plan_carry_over(
        build_db, tmp_path / "raw.duckdb", release_id=RELEASE, code_fingerprint=CODE
    )
    assert isinstance(plan, str) and "does not open" in plan


def test_every_source_changed_means_a_full_build(tmp_path):
    files = [(s, f, h + "-new") for s, f, h in RELEASE_FILES]
    files += [(s, "x", "y") for s in ("keywords", "printed_figures")]
    plan = _plan(tmp_path, files)
    assert plan == "every landing source changed"


def test_the_selection_names_the_dbt_sources_of_the_changed_tables():
    manifest = {
        "sources": {
            "source.p.landing.load_log": {"source_name": "landing", "name": "load_log"},
            "source.p.landing.landing_files": {"source_name": "landing", "name": "landing_files"},
            "source.p.coding_sheets.restriction_events": {
                "source_name": "coding_sheets",
                "name": "restriction_events",
            },
        }
    }
    plan = CarryOver(
        RELEASE, ("restrictions",), ("load_log", "landing_files", "restriction_events")
    )
    assert plan.dbt_selection(manifest) == [
        "--select",
        "source:landing.load_log+ source:landing.landing_files+ "
        "source:coding_sheets.restriction_events+ config.materialized:view",
        "--indirect-selection",
        "empty",
    ]
    unread = CarryOver(RELEASE, ("surveys",), ("survey_answers",))
    with pytest.raises(
        ValueError, match=r"no dbt source reads raw table\(s\) \['survey_answers'\]"
    ):
        unread.dbt_selection(manifest)


def test_a_full_disk_while_keeping_the_copy_warns_and_leaves_no_partial_file(tmp_path, monkeypatch):
    build_db = tmp_path / "build" / "civic_space_build.duckdb"
    _cache(build_db)  # a copy of the previous release: must not survive as if current
    build_db.write_bytes(b"x" * 1024)

    def full_disk(source, target):
        Path(target).write_bytes(b"x" * 10)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full_disk)
    warning = keep_release_cache(build_db)
    assert warning is not None and "No space left on device" in warning
    assert "next refresh builds in full" in warning
    assert list(build_db.parent.iterdir()) == [build_db]


def test_taking_the_copy_moves_it_into_place(tmp_path):
    build_db = tmp_path / "build" / "civic_space_build.duckdb"
    _cache(build_db)
    carry_over.take_release_cache(build_db)
    assert not release_cache(build_db).exists()
    with duckdb.connect(str(build_db), read_only=True) as con:
        assert con.execute("SELECT release_id FROM metadata.releases").fetchone() == (RELEASE,)


# --- on the sample warehouse -------------------------------------------------------------------

SURVEY_TABLES = ("core.fct_survey_responses", "marts.attitude_indicators", "marts.media_trust")


def _kaz_events(warehouse) -> int:
    sql = "SELECT total_events FROM marts.restriction_headlines WHERE geography_id = 'KAZ'"
    return warehouse.query(sql)[0][0]


def _rows(warehouse, table: str) -> list:
    return sorted(warehouse.query(f"SELECT * FROM {table}"), key=repr)


def _built_nodes(warehouse) -> set[str]:
    results = json.loads((warehouse.paths.dbt_target_dir / "run_results.json").read_text())
    return {result["unique_id"] for result in results["results"]}


def _manifest(warehouse) -> dict:
    return json.loads((warehouse.paths.dbt_target_dir / "manifest.json").read_text())


def _project_nodes(warehouse) -> set[str]:
    """Every model, seed, data test and unit test of the project: what a full build runs."""
    manifest = _manifest(warehouse)
    kinds = ("model", "seed", "test")
    nodes = {key for key, node in manifest["nodes"].items() if node["resource_type"] in kinds}
    return nodes | set(manifest["unit_tests"])


def _built_tables(warehouse) -> set[str]:
    nodes = _manifest(warehouse)["nodes"]
    return {
        node
        for node in _built_nodes(warehouse)
        if nodes.get(node, {}).get("config", {}).get("materialized") in ("table", "seed")
    }


def _run_tags_and_unevaluated_checks(warehouse, result) -> tuple[dict[str, str], set[str]]:
    """The run's tags, and the checks it planned but gave no result (shown as Skipped)."""
    from dagster import DagsterEventType, DagsterInstance

    with DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        tags = dict(instance.get_run_by_id(result.run_id).tags)
        planned = instance.all_logs(
            result.run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED
        )
        evaluated = instance.all_logs(
            result.run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION
        )
    keys = [
        {str(e.dagster_event.event_specific_data.asset_check_key) for e in events}
        for events in (planned, evaluated)
    ]
    dbt_tests = [node for node in _project_nodes(warehouse) if node.startswith("test.")]
    assert len(keys[0]) > len(dbt_tests)  # every dbt test, and the landing and gate checks
    return tags, keys[0] - keys[1]


def _differing_tables(old: Path, new: Path) -> list[str]:
    """Published tables whose rows differ. Doubles are compared to a relative 1e-9: two full
    builds of the same inputs differ in the last bits of parallel sums (measured: 2.7e-13), so
    rows are matched on every other column (and their order within equal ones)."""
    with duckdb.connect() as con:
        con.execute("SET enable_progress_bar = false")
        con.execute(f"ATTACH '{old}' AS old (READ_ONLY)")
        con.execute(f"ATTACH '{new}' AS new (READ_ONLY)")
        tables = con.execute(
            """SELECT schema_name, table_name,
                      list(column_name ORDER BY column_index) FILTER (data_type <> 'DOUBLE'),
                      list(column_name ORDER BY column_index) FILTER (data_type = 'DOUBLE')
               FROM duckdb_columns() WHERE database_name = 'old' AND schema_name <> 'metadata'
               GROUP BY ALL ORDER BY ALL"""
        ).fetchall()
        return [
            f"{schema}.{table}"
            for schema, table, keys, doubles in tables
            if con.execute(
                _mismatches_sql(f"{schema}.{table}", keys or [], doubles or [])
            ).fetchone()[0]
        ]


def _mismatches_sql(table: str, keys: list[str], doubles: list[str]) -> str:
    order = ", ".join(f'"{d}"' for d in doubles) or "1"
    key_list = ", ".join(f'"{k}"' for k in keys)
    partition = f"PARTITION BY {key_list}" if keys else ""
    side = f"SELECT *, row_number() OVER ({partition} ORDER BY {order}) AS rn__ FROM {{}}.{table}"
    match = " AND ".join(
        [*(f'a."{k}" IS NOT DISTINCT FROM b."{k}"' for k in keys), "a.rn__ = b.rn__"]
    )
    close = (
        " AND ".join(
            f'(a."{d}" IS NOT DISTINCT FROM b."{d}" OR '
            f'abs(a."{d}" - b."{d}") <= 1e-9 * greatest(1, abs(a."{d}")))'
            for d in doubles
        )
        or "true"
    )
    return (
        f"SELECT count(*) FROM ({side.format('old')}) a FULL JOIN ({side.format('new')}) b "
        f"ON {match} WHERE a.rn__ IS NULL OR b.rn__ IS NULL OR NOT ({close})"
    )


def test_a_changed_sheet_rebuilds_its_lineage_and_carries_the_surveys_over(scratch_warehouse):
    warehouse = scratch_warehouse
    surveys_before = {table: _rows(warehouse, table) for table in SURVEY_TABLES}
    add_restriction_sheet(warehouse.landing_dir, "kaz_2020_extra.csv", "KAZ", "KAZ-2020-9001")

    carried = warehouse.refresh()

    assert carried.success
    tags, unevaluated = _run_tags_and_unevaluated_checks(warehouse, carried)
    assert tags["civic/build"] == "carry_over"
    assert unevaluated == set()  # carried tables' tests report the release's results
    assert _kaz_events(warehouse) == 707
    built = _built_nodes(warehouse)
    assert "model.civic_space.fct_restriction_events" in built
    assert "model.civic_space.report_measures" in built  # reads every barometer
    survey_tables = {
        node
        for node in _built_tables(warehouse)
        if "survey" in node or node.endswith(("attitude_indicators", "media_trust"))
    }
    assert survey_tables == set()  # views are rebuilt (cheap); no survey table is
    for table, rows in surveys_before.items():  # the release's own tables, bit for bit
        assert _rows(warehouse, table) == rows, table
    carried_release = warehouse.query("SELECT max(release_id) FROM metadata.releases")[0][0]

    full = warehouse.refresh(force_rebuild=True)

    assert full.success
    assert _run_tags_and_unevaluated_checks(warehouse, full)[0]["civic/build"] == "full"
    assert _built_nodes(warehouse) == _project_nodes(warehouse)
    releases = warehouse.paths.warehouse_dir / "releases"
    full_release = warehouse.query("SELECT max(release_id) FROM metadata.releases")[0][0]
    assert (
        _differing_tables(
            releases / f"{carried_release}.duckdb", releases / f"{full_release}.duckdb"
        )
        == []
    )
