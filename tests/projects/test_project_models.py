"""The documented project queries (docs/queries/projects_*.sql) run on the published release and
give the Kazakhstan figures they promise; the drill-down counts the same projects as the mart."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.report_queries import QUERIES_DIR as QUERIES
from orchestration.report_queries import run_report_query

PROJECT_QUERIES = sorted(QUERIES.glob("projects_*.sql"))


def _query(warehouse, name: str, geography_id: str = "KAZ") -> list[tuple]:
    """The rows of a report query file, run through run_report_query as the profiles run it."""
    with duckdb.connect(str(warehouse.published_db), read_only=True) as con:
        frame = run_report_query(con, name, geography_id)
    frame = frame.astype(object).where(frame.notna(), None)
    return list(frame.itertuples(index=False, name=None))


def test_every_figure_has_a_documented_query():
    names = {path.stem for path in PROJECT_QUERIES}
    assert {
        "projects_headlines",
        "projects_figure_11_by_year",
        "projects_figure_12_channels",
        "projects_figure_13_places",
        "projects_annex_folded_groups",
        "projects_articles_behind_a_count",
    } <= names
    documented = (QUERIES.parent / "report-queries.md").read_text(encoding="utf-8")
    assert all(path.name in documented for path in PROJECT_QUERIES)


@pytest.mark.parametrize("path", PROJECT_QUERIES, ids=lambda path: path.stem)
def test_documented_query_returns_kazakhstan_rows(published_warehouse, path):
    assert _query(published_warehouse, path.stem)


def test_headline_query(published_warehouse):
    (row,) = _query(published_warehouse, "projects_headlines")
    assert row[:5] == (249, 150, 34, 5, 2)
    assert row[7] == 1


def test_drill_down_counts_what_the_mart_counts(published_warehouse):
    rows = _query(published_warehouse, "projects_articles_behind_a_count")
    (mart,) = published_warehouse.query(
        """SELECT project_count FROM marts.russian_project_channels
           WHERE geography_id = 'KAZ' AND channel_label = 'Rossotrudnichestvo'"""
    )
    assert len({row[0] for row in rows}) == mart[0] == 167


def test_folded_groups_query_shows_the_embassy_slip(published_warehouse):
    rows = _query(published_warehouse, "projects_annex_folded_groups")
    embassy = [row for row in rows if row[3] == "Embassy in Nur-Sultan"]
    assert [(row[4], row[5], row[6]) for row in embassy] == [(5, "exactly 5", False)]
