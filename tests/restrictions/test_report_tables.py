"""Kazakhstan's restriction tables and figures, read from the published marts, cell by cell."""

from __future__ import annotations

import pytest

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


def test_table_2_restrictions_by_type_and_period(published_warehouse):
    rows = published_warehouse.query(
        """SELECT restriction_type, report_period, sum(event_count)
           FROM marts.restrictions_by_period WHERE geography_id = 'KAZ' GROUP BY ALL"""
    )
    table = {}
    for restriction_type, period, count in rows:
        table.setdefault(restriction_type, {})[period] = count
    assert table == TABLE_2
    assert sum(sum(row.values()) for row in table.values()) == 706


def test_table_2_totals_row(published_warehouse):
    rows = published_warehouse.query(
        """SELECT report_period, sum(event_count) FROM marts.restrictions_by_period
           WHERE geography_id = 'KAZ' GROUP BY ALL ORDER BY 1"""
    )
    assert rows == [("2017", 93), ("2018", 127), ("2019", 197), ("2020", 267), ("2021-Q1", 22)]


def test_table_3_legal_cases_by_defendant_category(published_warehouse):
    rows = published_warehouse.query(
        """SELECT target_group_label, sum(mention_count), max(target_group_sort_order)
           FROM marts.restriction_targets
           WHERE geography_id = 'KAZ' AND restriction_type = 'state_legal_case'
           GROUP BY ALL ORDER BY 3"""
    )
    assert {label: count for label, count, _ in rows} == TABLE_3
    assert [label for label, _, _ in rows] == list(TABLE_3)  # the report's row order
    assert sum(count for _, count, _ in rows) == 265  # mentions over 249 cases


def test_figure_2_opposition_most_targeted_then_media(published_warehouse):
    (row,) = published_warehouse.query(
        """SELECT political_opposition_share_of_harassment_pct, top_harassment_target_group,
                  second_harassment_target_group
           FROM marts.restriction_headlines WHERE geography_id = 'KAZ'"""
    )
    assert round(row[0]) == 44
    assert row[1:] == ("political_opposition", "media_journalist")


def test_figure_3_initiators_of_harassment_and_violence(published_warehouse):
    rows = published_warehouse.query(
        """SELECT initiator, sum(mention_count) FROM marts.restriction_initiators
           WHERE geography_id = 'KAZ' AND restriction_type = 'harassment_violence' GROUP BY ALL"""
    )
    assert dict(rows) == {
        "government": 380,
        "unidentified": 45,
        "domestic_non_government": 21,
        "foreign_government": 7,
    }


def test_figure_4_threatened_versus_acted_on(published_warehouse):
    rows = published_warehouse.query(
        """SELECT harm, status, sum(event_count) FROM marts.harassment_by_harm_and_status
           WHERE geography_id = 'KAZ' GROUP BY ALL"""
    )
    assert {(h, s): n for h, s, n in rows} == {
        ("harassment", "threatened"): 11,
        ("harassment", "acted_on"): 366,
        ("violence", "threatened"): 7,
        ("violence", "acted_on"): 47,
    }


def test_figure_5_direct_versus_indirect_charges(published_warehouse):
    (row,) = published_warehouse.query(
        """SELECT direct_charge_share_pct, indirect_charge_share_pct, state_legal_case_events
           FROM marts.restriction_headlines WHERE geography_id = 'KAZ'"""
    )
    assert (round(row[0]), round(row[1]), row[2]) == (78, 22, 249)
    by_group = published_warehouse.query(
        """SELECT sum(mention_count) FROM marts.legal_cases_by_charge_link
           WHERE geography_id = 'KAZ'"""
    )
    assert by_group == [(265,)]


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
    (value,) = published_warehouse.query(
        f"SELECT {column} FROM marts.restriction_headlines WHERE geography_id = 'KAZ'"
    )[0]
    assert round(value) == printed


def test_out_of_window_records_are_kept_but_not_counted(published_warehouse):
    assert published_warehouse.query(
        "SELECT events_outside_window, total_events FROM marts.restriction_headlines "
        "WHERE geography_id = 'KAZ'"
    ) == [(3, 706)]
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
