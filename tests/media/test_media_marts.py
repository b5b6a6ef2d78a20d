"""Section 3.2 of the Kazakhstan report, read from the published media marts.

Expected figures are retyped from the report (and ../shared/reference/kazakhstan-targets.md).
"""

from __future__ import annotations

SENTIMENTS = "extremely_negative, somewhat_negative, neutral, somewhat_positive, extremely_positive"
TABLE_8 = {
    "NATO": (1, 4, 20, 0, 0, 25),
    "European Union": (2, 3, 17, 1, 1, 24),
    "United States": (14, 25, 62, 8, 2, 111),
    "Democracy": (0, 0, 1, 1, 1, 3),
    "West": (12, 9, 3, 1, 0, 25),
}
TABLE_6_FIRST_ROWS = [
    ("Kazinform International Agency", (0, 0, 2, 0, 0, 2)),
    ("Trade Union Federation", (0, 0, 2, 0, 0, 2)),
    ("Journalists", (0, 0, 2, 0, 0, 2)),
    ("Non-Governmental Organizations", (1, 0, 0, 1, 0, 2)),
]
TABLE_7_FIRST_ROWS = [
    ("OSCE ODIHR", (0, 0, 14, 0, 0, 14)),
    ("CIS", (0, 0, 9, 0, 0, 9)),
    ("SCO", (0, 0, 6, 1, 0, 7)),
    ("TASS", (0, 0, 5, 0, 0, 5)),
    ("CSTO", (0, 0, 3, 0, 0, 3)),
    ("International Organizations", (0, 0, 3, 0, 0, 3)),
]


def _table(warehouse, mart: str) -> list[tuple[str, tuple]]:
    rows = warehouse.query(
        f"""SELECT actor_name, {SENTIMENTS}, total FROM marts.{mart}
            WHERE geography_id = 'KAZ' ORDER BY row_order"""
    )
    return [(name, tuple(counts)) for name, *counts in rows]


def test_table_8_cell_by_cell(published_warehouse):
    rows = published_warehouse.query(
        f"""SELECT keyword_label, {SENTIMENTS}, total FROM marts.media_keyword_sentiment
            WHERE geography_id = 'KAZ' ORDER BY keyword_sort_order"""
    )
    assert {label: tuple(counts) for label, *counts in rows} == TABLE_8
    assert sum(counts[-1] for counts in TABLE_8.values()) == 188


def test_tables_6_and_7_first_rows(published_warehouse):
    domestic = _table(published_warehouse, "media_domestic_actor_sentiment")
    external = _table(published_warehouse, "media_external_actor_sentiment")
    assert domestic[:4] == TABLE_6_FIRST_ROWS
    assert external[:6] == TABLE_7_FIRST_ROWS  # "OSCE/ODIHR" and "OSCE ODIHR" are one actor
    assert sum(row[1][-1] for row in domestic) == 23
    assert sum(row[1][-1] for row in external) == 62


def test_mention_split_and_shares(published_warehouse):
    headline = published_warehouse.query(
        """SELECT mentions, external_mentions, domestic_mentions, domestic_named_mentions,
                  named_domestic_actors, informal_domestic_groups, organisations_named,
                  informal_groups, round(external_neutral_share_pct)
           FROM marts.media_mention_headlines WHERE geography_id = 'KAZ'"""
    )
    # 85 = 62 external + 23 domestic; 9 domestic mentions (39%) name 7 actors; 12 informal
    # domestic groups; 21 organisations named and 21 informal groups; 90% of external neutral.
    assert headline == [(85, 62, 23, 9, 7, 12, 21, 21, 90)]


def test_mentions_cluster_around_the_three_elections(published_warehouse):
    clustered = published_warehouse.query(
        """SELECT mentions_near_event, neutral_mentions_near_event, round(share_of_mentions_pct)
           FROM marts.media_event_clustering
           WHERE geography_id = 'KAZ' AND is_all_events"""
    )
    # 61% of 85; the report's "93% of those neutral" is 48 of 52 = 92.3% (docs/report-notes.md)
    assert clustered == [(52, 48, 61)]
    spikes = published_warehouse.query(
        """SELECT year_month FROM marts.media_mention_spikes
           WHERE geography_id = 'KAZ' AND is_spike ORDER BY 1"""
    )
    assert [month for (month,) in spikes] == ["2015-04", "2016-03", "2019-06"]
