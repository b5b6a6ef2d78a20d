"""The report queries (docs/queries/*.sql) follow one convention: a single statement per file,
parameterised by `getvariable('geography_id')`, titled by its leading comment and listed in
docs/report-queries.md; each runs on the published release for every one of the 24 geographies."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from orchestration import report_queries as rq

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTED = (ROOT / "docs" / "report-queries.md").read_text(encoding="utf-8")
NAMES = rq.query_names()
GEOGRAPHY_LITERAL = re.compile(r"'(?:[A-Z]{3})'")


def test_query_files_are_found():
    assert rq.QUERIES_DIR == ROOT / "docs" / "queries"
    assert len(NAMES) >= 40
    assert {
        "table_1_barometer_coverage",
        "restrictions_table_2_by_period",
        "attitudes_table_5_confidence",
        "projects_figure_12_channels",
        "media_table_8_keywords",
    } <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_query_file_follows_the_convention(name):
    text = rq.query_text(name)
    statements = duckdb.connect().extract_statements(rq.query_statement(name))
    assert len(statements) == 1, f"{name}: {len(statements)} statements, one expected"
    assert "getvariable('geography_id')" in text, f"{name}: does not read the geography variable"
    code = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    assert not GEOGRAPHY_LITERAL.findall(code), f"{name}: literal geography code"
    assert rq.query_title(name), f"{name}: no leading comment to title it"
    assert f"{name}.sql" in DOCUMENTED, f"{name}.sql is not listed in docs/report-queries.md"


def test_convention_is_documented():
    assert "SET VARIABLE geography_id" in DOCUMENTED
    readme = (rq.QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    assert "getvariable('geography_id')" in readme and "SET VARIABLE geography_id" in readme


def test_helper_reads_titles_and_runs_one_statement(tmp_path, monkeypatch):
    monkeypatch.setattr(rq, "QUERIES_DIR", tmp_path)
    (tmp_path / "toy_table.sql").write_text(
        "-- Toy table: the rows of one geography. Kazakhstan: 2 rows.\n"
        "-- More description.\n"
        "SELECT n FROM t WHERE g = getvariable('geography_id') ORDER BY n;\n",
        encoding="utf-8",
    )
    assert rq.query_names() == ["toy_table"]
    assert rq.query_title("toy_table") == "Toy table: the rows of one geography."
    assert rq.query_description("toy_table").endswith("More description.")
    assert not rq.query_statement("toy_table").endswith(";")
    with duckdb.connect() as con:
        con.execute("CREATE TABLE t AS FROM (VALUES ('KAZ', 1), ('KAZ', 2), ('KGZ', 3)) v(g, n)")
        assert rq.run_report_query(con, "toy_table", "KAZ")["n"].tolist() == [1, 2]
        assert rq.run_report_query(con, "toy_table.sql", "KGZ")["n"].tolist() == [3]
        assert rq.run_report_query(con, "toy_table", "XKX").empty
    with pytest.raises(KeyError, match="no report query"):
        rq.query_text("missing")


@pytest.mark.parametrize("name", NAMES)
def test_query_runs_for_every_geography(published_warehouse, name):
    with duckdb.connect(str(published_warehouse.published_db), read_only=True) as con:
        geographies = [
            g for (g,) in con.sql("SELECT geography_id FROM reference.geographies").fetchall()
        ]
        assert len(geographies) == 24
        results = {g: rq.run_report_query(con, name, g) for g in sorted(geographies)}
    assert not results["KAZ"].empty, f"{name}: no rows for Kazakhstan"
    shapes = {tuple(frame.columns) for frame in results.values() if not frame.empty}
    assert len(shapes) == 1, f"{name}: columns differ between geographies"
