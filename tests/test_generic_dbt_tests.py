"""The project's own generic dbt tests (dbt Hub is out of reach), rendered from their Jinja and
run on small DuckDB tables: a dbt test fails when its query returns rows."""

from __future__ import annotations

import re

import duckdb
import jinja2

from orchestration.paths import DBT_PROJECT_DIR


def _failures(test: str, table_sql: str, **arguments) -> list[tuple]:
    source = (DBT_PROJECT_DIR / "tests" / "generic" / f"{test}.sql").read_text(encoding="utf-8")
    body = re.search(r"{% test \w+\(.*?\) %}(.*){% endtest %}", source, re.S).group(1)
    with duckdb.connect() as con:
        con.execute(f"CREATE TABLE checked AS {table_sql}")
        query = jinja2.Template(body).render(model="checked", **arguments)
        return con.execute(f"SELECT * FROM ({query}) ORDER BY ALL").fetchall()


ROWS = "SELECT * FROM (VALUES (1, 'a', 2.0), (2, NULL, NULL), (3, NULL, 1.0)) v(id, label, share)"


def test_not_null_columns_names_each_column_with_nulls_and_counts_them():
    assert _failures("not_null_columns", ROWS, columns=["id", "label", "share"]) == [
        ("label", 2),
        ("share", 1),
    ]


def test_not_null_columns_passes_columns_without_nulls():
    assert _failures("not_null_columns", ROWS, columns=["id"]) == []


def test_unique_combination_returns_each_repeated_key():
    rows = "SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (1, 'b')) v(id, label)"
    assert _failures("unique_combination", rows, columns=["id", "label"]) == [(1, "a", 2)]
