"""Kazakhstan's restriction tables and figures, cell by cell: the report query files
(docs/queries/restrictions_*.sql, table_1_*) run through run_report_query on the published release,
plus the integrity of the marts behind them."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from orchestration.report_queries import run_report_query

TABLE_2 = {
    "harassment_violence": {"2017": 43, "2018": 84, "2019": 129, "2020": 163, "2021-Q1": 12},
    "restrictive_legislation": {"2017": 9, "2018": 7, "2019": 4, "2020": 6, "2021-Q1": 0},
    "state_legal_case": {"2017": 41, "2018": 36, "2019": 64, "2020": 98, "2021-Q1": 10},
}
TABLE_3 = {
    "Media/Journalist": 36,
    "Political Opposition": 89,
    "Formal CSO/NGO": 25,
    "Individual Activist/Advocate": 67,
    "Other Community Group": 21,
    "Other": 27,
}


def _query(warehouse, name: str, geography_id: str = "KAZ") -> list[dict]:
    """The rows of a report query file as dicts, run as the profiles run it (nulls as None)."""
    with duckdb.connect(str(warehouse.published_db), read_only=True) as con:
        frame = run_report_query(con, name, geography_id)
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.to_dict("records")


PERIODS = ["2017", "2018", "2019", "2020", "2021-Q1"]


def test_table_1_barometer_coverage(published_warehouse):
    rows = {
        row["barometer"]: row for row in _query(published_warehouse, "table_1_barometer_coverage")
    }
    assert list(rows) == ["restrictions", "citizen_attitudes", "russian_projects", "russian_media"]
    restrictions = rows["restrictions"]
    assert (restrictions["window_start"].date(), restrictions["window_end"].date()) == (
        date(2017, 1, 1),
        date(2021, 3, 31),
    )
    assert (restrictions["records_in_window"], restrictions["records_outside_window"]) == (706, 3)
    assert (
        rows["russian_projects"]["records_in_window"],
        rows["russian_media"]["records_in_window"],
    ) == (
        249,
        85,
    )
    assert {"wvs6", "evs_wvs_2017", "gwp_2010", "gwp_2021", "cab_w2"} <= set(
        rows["citizen_attitudes"]["survey_waves"]
    )


def test_table_2_restrictions_by_type_and_period(published_warehouse):
    rows = _query(published_warehouse, "restrictions_table_2_by_period")
    table = {row["restriction_type"]: {p: row[p] for p in PERIODS} for row in rows[:-1]}
    assert table == TABLE_2
    assert [row["Total"] for row in rows[:-1]] == [sum(TABLE_2[t].values()) for t in TABLE_2]
    assert sum(sum(row.values()) for row in table.values()) == 706


def test_table_2_totals_row(published_warehouse):
    total = _query(published_warehouse, "restrictions_table_2_by_period")[-1]
    assert (total["restriction"], total["is_total_row"]) == ("Total", 1)
    assert [total[p] for p in [*PERIODS, "Total"]] == [93, 127, 197, 267, 22, 706]


def test_figure_1_quarters_add_up_to_table_2(published_warehouse):
    rows = _query(published_warehouse, "restrictions_figure_1_quarterly")
    assert len({row["year_quarter"] for row in rows}) == 17
    assert sum(row["event_count"] for row in rows) == 706


def test_table_3_legal_cases_by_defendant_category(published_warehouse):
    rows = _query(published_warehouse, "restrictions_table_3_legal_cases")
    assert {row["defendant_category"]: row["cases"] for row in rows} == TABLE_3
    assert [row["defendant_category"] for row in rows] == list(TABLE_3)  # the report's row order
    assert sum(row["cases"] for row in rows) == 265  # mentions over 249 cases


def test_figure_2_opposition_most_targeted_then_media(published_warehouse):
    rows = _query(published_warehouse, "restrictions_figure_2_targets")
    assert [row["target_group"] for row in rows[:2]] == ["political_opposition", "media_journalist"]
    assert round(rows[0]["pct_of_instances"]) == 44
    (shares,) = _query(published_warehouse, "restrictions_headline_shares")
    assert round(shares["political_opposition_share_of_harassment_pct"]) == 44
    assert (shares["top_harassment_target_group"], shares["second_harassment_target_group"]) == (
        "political_opposition",
        "media_journalist",
    )


def test_figure_3_initiators_of_harassment_and_violence(published_warehouse):
    rows = _query(published_warehouse, "restrictions_figure_3_initiators")
    assert {row["initiator"]: row["mentions"] for row in rows} == {
        "government": 380,
        "unidentified": 45,
        "domestic_non_government": 21,
        "foreign_government": 7,
    }


def test_figure_4_threatened_versus_acted_on(published_warehouse):
    rows = _query(published_warehouse, "restrictions_figure_4_threatened_acted")
    assert {(row["harm"], row["status"]): row["instances"] for row in rows} == {
        ("harassment", "threatened"): 11,
        ("harassment", "acted_on"): 366,
        ("violence", "threatened"): 7,
        ("violence", "acted_on"): 47,
    }


def test_figure_5_direct_versus_indirect_charges(published_warehouse):
    rows = _query(published_warehouse, "restrictions_figure_5_charge_link")
    overall = {row["charge_link"]: row for row in rows if row["is_overall"]}
    assert (
        round(overall["direct"]["share_of_target_group_pct"]),
        round(overall["indirect"]["share_of_target_group_pct"]),
    ) == (78, 22)
    (shares,) = _query(published_warehouse, "restrictions_headline_shares")
    assert shares["state_legal_case_events"] == 249
    assert sum(row["mention_count"] for row in rows if not row["is_overall"]) == 265


@pytest.mark.parametrize(
    ("column", "printed"),
    [
        ("harassment_violence_share_pct", 61),
        ("state_legal_case_share_pct", 35),
        ("restrictive_legislation_share_pct", 4),
        ("peak_period_share_pct", 38),
        ("acted_on_share_pct", 96),
        ("acted_on_harassment_share_pct", 85),
    ],
)
def test_shares_quoted_in_the_text(published_warehouse, column, printed):
    (shares,) = _query(published_warehouse, "restrictions_headline_shares")
    assert round(shares[column]) == printed


def test_out_of_window_records_are_kept_but_not_counted(published_warehouse):
    (shares,) = _query(published_warehouse, "restrictions_headline_shares")
    assert (shares["events_outside_window"], shares["total_events"]) == (3, 706)
    assert published_warehouse.query(
        "SELECT count(*) FROM core.fct_restriction_events WHERE geography_id = 'KAZ'"
    ) == [(709,)]


def test_every_geography_has_the_same_tables(published_warehouse):
    rows = published_warehouse.query(
        """SELECT geography_kind, count(*), count(*) FILTER (WHERE total_events > 0)
           FROM marts.restriction_headlines GROUP BY ALL ORDER BY 1"""
    )
    assert rows == [("country", 17, 17), ("territory", 7, 7)]
    periods = published_warehouse.query(
        "SELECT count(DISTINCT geography_id), count(DISTINCT report_period) "
        "FROM marts.restrictions_by_period"
    )
    assert periods == [(24, 5)]


def test_regional_aggregate_is_the_sum_of_the_17_countries(published_warehouse):
    by_country = published_warehouse.query(
        """SELECT sum(event_count) FROM marts.restrictions_by_period p
           JOIN core.dim_geography g USING (geography_id) WHERE g.is_country"""
    )
    regional = published_warehouse.query(
        "SELECT sum(event_count), max(geographies_covered) "
        "FROM marts.regional_restrictions_by_period WHERE region_level = 'region'"
    )
    assert regional == [(by_country[0][0], 17)]


def test_regional_table_marks_the_region_of_the_geography(published_warehouse):
    rows = _query(published_warehouse, "restrictions_regional_by_period")
    (by_country,) = published_warehouse.query(
        """SELECT sum(event_count) FROM marts.restrictions_by_period p
           JOIN core.dim_geography g USING (geography_id) WHERE g.is_country"""
    )[0]
    region = [row for row in rows if row["region_level"] == "region"]
    assert sum(row[p] for row in region for p in PERIODS) == by_country
    marked = {row["region_name"] for row in rows if row["includes_selected_geography"]}
    assert marked == {"Eastern Europe and Eurasia (17 countries)", "Central Asia"}
    territory = _query(published_warehouse, "restrictions_regional_by_period", "CRM")
    assert not any(row["includes_selected_geography"] for row in territory)


def test_dimensions_cover_territories_with_parents(published_warehouse):
    rows = published_warehouse.query(
        """SELECT geography_id, parent_geography_id FROM core.dim_geography
           WHERE geography_kind = 'territory' ORDER BY 1"""
    )
    assert rows == [
        ("ABK", "GEO"),
        ("CRM", "UKR"),
        ("DNR", "UKR"),
        ("LNR", "UKR"),
        ("NKR", "AZE"),
        ("SOS", "GEO"),
        ("TRN", "MDA"),
    ]


def test_release_record_describes_the_release(published_warehouse):
    (release_id, row_counts, checks_passed) = published_warehouse.query(
        "SELECT release_id, row_counts, checks_passed FROM metadata.releases"
    )[0]
    assert release_id
    assert '"marts.restrictions_by_period": 1224' in row_counts
    assert checks_passed > 40
    schemas = {
        s for (s,) in published_warehouse.query("SELECT DISTINCT schema_name FROM duckdb_tables()")
    }
    assert {"marts", "core", "metadata", "reference"} <= schemas
    assert not schemas & {"staging", "intermediate"}  # build plumbing is not published
