"""Analysts query core and marts: every column of the survey models is described, and the
documented report queries (docs/queries/attitudes_*.sql, run through run_report_query) give the
Kazakhstan figures of report section 2.2 as printed."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration.report_queries import run_report_query

MODELS = Path(__file__).resolve().parents[2] / "dbt_project" / "models"
DOCUMENTED = {
    "core": MODELS / "core" / "surveys" / "_surveys__models.yml",
    "marts": MODELS / "marts" / "surveys" / "_surveys__models.yml",
}


def _described(path: Path) -> dict[str, dict[str, str]]:
    models = yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    return {
        model["name"]: {c["name"]: (c.get("description") or "").strip() for c in model["columns"]}
        for model in models
    }


@pytest.mark.parametrize("schema", sorted(DOCUMENTED))
def test_every_published_survey_column_is_described(published_warehouse, schema):
    described = _described(DOCUMENTED[schema])
    published = published_warehouse.query(
        "SELECT table_name, list(column_name ORDER BY ordinal_position) "
        "FROM information_schema.columns WHERE table_schema = ? AND table_name IN "
        f"({', '.join('?' * len(described))}) GROUP BY table_name",
        [schema, *described],
    )
    assert {table for table, _ in published} == set(described)
    for table, columns in published:
        undescribed = [c for c in columns if not described[table].get(c)]
        assert not undescribed, f"{schema}.{table}: no description for {undescribed}"
        assert set(described[table]) <= set(columns), f"{schema}.{table}: stale column docs"


# Report section 2.2 through the query files, as the profiles print it (Kazakhstan).

# Table 4 and Table 5 as printed: (2011 %, 2018 %, percentage-point change).
TABLE_4 = {
    "member_church": (8, 8, -0.6),
    "member_sport": (12, 15, 3.6),
    "member_art": (9, 14, 4.6),
    "member_labour_union": (9, 16, 7.0),
    "member_political_party": (8, 11, 2.5),
    "member_environmental": (4, 4, -0.5),
    "member_professional": (5, 7, 1.8),
    "member_charitable": (5, 9, 3.9),
    "member_consumer": (5, 6, 1.3),
    "member_self_help": (5, 5, -0.2),
    "member_other": (4, 4, -0.3),
}
TABLE_5 = {
    "confidence_churches": (62, 79, 17.1),
    "confidence_armed_forces": (72, 81, 8.9),
    "confidence_press": (53, 59, 6.4),
    "confidence_labour_unions": (44, 54, 10.0),
    "confidence_police": (50, 65, 14.8),
    "confidence_courts": (51, 63, 12.4),
    "confidence_government": (75, 69, -6.2),
    "confidence_political_parties": (55, 57, 2.2),
    "confidence_parliament": (67, 65, -2.5),  # printed "-.2.5%"
    "confidence_civil_service": (67, 66, -1.1),
    "confidence_environmental": (58, 57, -0.5),
}


def _query(warehouse, name: str, geography_id: str = "KAZ") -> list[dict]:
    """The rows of a report query file as dicts, run as the profiles run it (nulls as None)."""
    with duckdb.connect(str(warehouse.published_db), read_only=True) as con:
        frame = run_report_query(con, name, geography_id)
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.to_dict("records")


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("attitudes_table_4_figure_9_membership", TABLE_4),
        ("attitudes_table_5_confidence", TABLE_5),
    ],
)
def test_tables_4_and_5_as_printed(published_warehouse, name, table):
    rows = {row["item_id"]: row for row in _query(published_warehouse, name)}
    for item, printed in table.items():
        row = rows[item]
        assert (row["pct_2011"], row["pct_2018"], row["change_pp"]) == printed, item


def test_table_4_average_and_regional_gaps(published_warehouse):
    rows = {
        row["item_id"]: row
        for row in _query(published_warehouse, "attitudes_table_4_figure_9_membership")
    }
    assert (rows["member_average"]["pct_2011"], rows["member_average"]["pct_2018"]) == (7, 9)
    assert rows["member_labour_union"]["gap_pp_2011"] == -4  # trailed the region by 4 pp in 2011
    assert rows["member_church"]["gap_pp_2018"] == -4  # and church membership in 2018


def test_table_5_regional_comparison(published_warehouse):
    rows = {
        row["item_id"]: row for row in _query(published_warehouse, "attitudes_table_5_confidence")
    }
    unions = rows["confidence_labour_unions"]
    assert (unions["region_pct_2011"], unions["gap_pp_2011"]) == (41, 3)
    assert rows["confidence_political_parties"]["gap_pp_2018"] == 32


def test_figure_6_interest_in_politics(published_warehouse):
    rows = {
        row["wave_group"]: row
        for row in _query(published_warehouse, "attitudes_figure_6_political_interest")
    }
    assert round(rows["wvs6"]["interested_pct"]) == 44
    assert rows["wvs6"]["gap_within_margin"]  # "on par with the regional average"
    assert round(rows["evs_wvs_2017"]["interested_pct"]) == 42
    assert round(rows["evs_wvs_2017"]["change_pp"]) == -2


def test_figures_7_and_8_political_action(published_warehouse):
    rows = {
        (row["item_id"], row["wave_group"]): row
        for row in _query(published_warehouse, "attitudes_figures_7_8_political_action")
    }
    demonstration = rows["action_demonstration", "wvs6"]
    assert (round(demonstration["have_done"]), round(demonstration["might_do"])) == (6, 18)
    assert round(demonstration["have_done"] - demonstration["region_have_done"]) == -2
    for item in ("action_petition", "action_boycott", "action_strike"):
        assert 1 <= round(rows[item, "wvs6"]["have_done"]) <= 2
    assert round(rows["action_demonstration", "evs_wvs_2017"]["have_done_change_pp"]) == -3
    petition = rows["action_petition", "evs_wvs_2017"]
    assert round(petition["have_done_or_might_do_change_pp"]) == 3
    for row in rows.values():
        assert row["have_done"] + row["might_do"] + row["would_never"] == pytest.approx(
            100, abs=0.2
        )


def test_figure_10_civic_engagement_averages(published_warehouse):
    rows = _query(published_warehouse, "attitudes_figure_10_civic_engagement")
    (average,) = [row for row in rows if row["is_average"]]
    assert average["period"] == "2010-2020"
    assert (average["index_score"], average["index_region"]) == (28, 29)
    assert [average[c] for c in ("donated", "volunteered", "helped_stranger")] == [24, 18, 40]
    assert [average[f"{c}_region"] for c in ("donated", "volunteered", "helped_stranger")] == [
        25,
        17,
        43,
    ]
    yearly = {row["survey_year"]: row for row in rows if not row["is_average"]}
    ranked = sorted(yearly, key=lambda year: yearly[year]["index_score"])
    assert sorted(ranked[-3:]) == [2012, 2014, 2021] and sorted(ranked[:2]) == [2011, 2018]
    latest = yearly[2021]
    assert [latest[c] for c in ("helped_stranger", "donated", "volunteered")] == [47, 39, 16]


def test_central_asia_barometer_media_trust(published_warehouse):
    rows = _query(published_warehouse, "attitudes_cab_media_trust")
    assert {row["item_id"]: (row["trusts_pct"], row["waves"]) for row in rows} == {
        "trust_television": (80, 4),
        "trust_radio": (57, 4),
        "trust_newspapers": (61, 4),
    }
    assert _query(published_warehouse, "attitudes_cab_media_trust", "UKR") == []


def test_regional_coverage_lists_the_surveyed_countries(published_warehouse):
    rows = _query(published_warehouse, "attitudes_regional_coverage")
    interest = {
        row["wave_group"]: list(row["countries"])
        for row in rows
        if row["item_id"] == "interest_politics"
    }
    assert interest == {
        "wvs6": ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "UKR"],
        "evs_wvs_2017": [
            "ALB", "ARM", "AZE", "BIH", "BLR", "GEO", "KAZ", "KGZ", "MKD", "MNE", "SRB", "TJK",
            "UKR",
        ],
    }  # fmt: skip
    assert all(
        row["includes_selected_geography"] for row in rows if row["item_id"] == "interest_politics"
    )
    kosovo = _query(published_warehouse, "attitudes_regional_coverage", "XKX")
    assert not any(
        row["includes_selected_geography"] for row in kosovo if row["wave_group"] == "wvs6"
    )
