"""The media barometer's models end to end on a small hand-made landing zone (Factiva deliveries,
mention and keyword sheets loaded by the readers, built by dbt with its data and unit tests), the
gate suites on them, and the documented queries (docs/queries/media_*.sql) on the published
release with the Kazakhstan figures of report section 3.2."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from expectations.gate import load_suites, resolve_parameters, validate_frame
from ingestion.factiva import FACTIVA
from ingestion.landing import sync_source
from ingestion.media import KEYWORDS, MEDIA
from orchestration.report_queries import QUERIES_DIR as QUERIES
from orchestration.report_queries import run_report_query

ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT = ROOT / "dbt_project"
MEDIA_QUERIES = sorted(QUERIES.glob("media_*.sql"))
MODELS = "+path:models/marts/media +path:models/audit/media"

A1 = "TASS000020150420ef4k0001a"  # TASS, 6 days before the 2015 presidential election
A2 = "SPTNK00020190601ef61000ab"  # Sputnik, 8 days before the 2019 presidential election
A3 = "TASS000020141220eecj0003c"  # before the window: kept, flagged, not counted
A4 = "RUSTOD0020170815ed8f0004d"  # RT, far from any Kazakh event
A5 = "TASS000020180210ee2a0005e"  # deleted by the second delivery: kept, flagged, counted


def _millis(day: str) -> str:
    return str(int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp() * 1000))


def _article(an, code, name, day, action="add"):
    record = {"an": an, "action": action, "modification_datetime": _millis("2021-06-01")}
    if action != "del":
        record |= {
            "title": f"Article {an[:6]}",
            "source_code": code,
            "source_name": name,
            "publication_datetime": _millis(day),
        }
    return record


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


MENTIONS = """mention_id,an,country,actor_name,actor_scope,actor_kind,actor_category,sentiment
m1,{A1},KAZ,OSCE/ODIHR,external,intergovernmental,,neutral
m2,{A2},KAZ,OSCE ODIHR,external,intergovernmental,,neutral
m3,{A1},KAZ,Kazinform,domestic,named_organization,media,neutral
m4,{A4},KAZ,Journalists,domestic,informal_group,media,somewhat_positive
m5,{A4},KAZ,journalists,domestic,informal_group,media,extremely_negative
m6,{A3},KAZ,CIS,external,intergovernmental,,neutral
m7,{A5},KAZ,SCO,external,intergovernmental,,somewhat_negative
m8,{A2},KAZ,Journalists,domestic,informal_group,media,neutral
m9,{A4},ARM,Commonwealth of Independent States,external,intergovernmental,,neutral
"""
KEYWORD_ROWS = """an,country,keyword,sentiment
{A1},KAZ,nato,neutral
{A2},KAZ,west,extremely_negative
{A3},KAZ,nato,neutral
{A4},KAZ,united_states,somewhat_negative
{A5},KAZ,united_states,extremely_positive
"""


def build(root: Path) -> Path:
    """Load the hand-made landing zone and build the media models into root/build.duckdb."""
    landing = root / "landing"
    ans = {"A1": A1, "A2": A2, "A3": A3, "A4": A4, "A5": A5}
    first = [
        _article(A1, "TASS", "TASS Russian News Agency", "2015-04-20"),
        _article(A2, "SPTNK", "Sputnik News Service", "2019-06-01"),
        _article(A3, "TASS", "TASS Russian News Agency", "2014-12-20"),
        _article(A4, "RUSTOD", "RT", "2017-08-15"),
        _article(A5, "TASS", "TASS Russian News Agency", "2018-02-10"),
    ]
    deletion = [_article(A5, "TASS", "TASS Russian News Agency", "2018-02-10", action="del")]
    deletion[0]["modification_datetime"] = _millis("2021-07-01")
    _write(landing / "factiva" / "2021-06-01.jsonl", "".join(json.dumps(r) + "\n" for r in first))
    _write(
        landing / "factiva" / "2021-07-01.jsonl", "".join(json.dumps(r) + "\n" for r in deletion)
    )
    _write(landing / "media" / "kaz.csv", MENTIONS.format(**ans))
    _write(landing / "keywords" / "kaz.csv", KEYWORD_ROWS.format(**ans))
    raw_db = root / "raw.duckdb"
    for number, source in enumerate((FACTIVA, MEDIA, KEYWORDS)):
        result = sync_source(source, landing, raw_db, batch_id=f"b{number}")
        assert not result.rejected, result.rejected
    build_db = root / "build.duckdb"
    databases = json.dumps({"build_db": str(build_db), "raw_db": str(raw_db)})
    completed = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "build",
            "--profiles-dir",
            ".",
            "--select",
            *MODELS.split(),
            "--indirect-selection",
            "cautious",
            "--vars",
            databases,
            "--target-path",
            str(root / "target"),
            "--log-path",
            str(root / "logs"),
        ],
        cwd=DBT_PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-6000:]
    return build_db


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("media_build"))


def _rows(db: Path, sql: str, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def test_facts_take_outlet_date_and_window_from_the_article(built):
    rows = _rows(
        built,
        """SELECT mention_id, outlet_group, publication_date::VARCHAR, in_window, article_deleted,
                  actor_id, actor_name, sentiment_score
           FROM core.fct_media_mentions ORDER BY mention_id""",
    )
    assert rows == [
        ("m1", "TASS", "2015-04-20", True, False, "osce_odihr", "OSCE ODIHR", 0),
        ("m2", "Sputnik", "2019-06-01", True, False, "osce_odihr", "OSCE ODIHR", 0),
        ("m3", "TASS", "2015-04-20", True, False, "kazinform", "Kazinform International Agency", 0),
        ("m4", "RT", "2017-08-15", True, False, "unlisted:journalists", "Journalists", 1),
        ("m5", "RT", "2017-08-15", True, False, "unlisted:journalists", "Journalists", -2),
        ("m6", "TASS", "2014-12-20", False, False, "cis", "CIS", 0),
        ("m7", "TASS", "2018-02-10", True, True, "sco", "SCO", -1),
        ("m8", "Sputnik", "2019-06-01", True, False, "unlisted:journalists", "Journalists", 0),
        ("m9", "RT", "2017-08-15", True, False, "cis", "CIS", 0),
    ]


def test_actor_tables_count_in_window_mentions_in_report_order(built):
    cells = "extremely_negative, somewhat_negative, neutral, somewhat_positive, extremely_positive"
    cells += ", total"
    domestic = _rows(
        built,
        f"""SELECT actor_name, {cells} FROM marts.media_domestic_actor_sentiment
            WHERE geography_id = 'KAZ' ORDER BY row_order""",
    )
    assert domestic == [
        ("Journalists", 1, 0, 1, 1, 0, 3),
        ("Kazinform International Agency", 0, 0, 1, 0, 0, 1),
    ]
    external = _rows(
        built,
        f"""SELECT geography_id, actor_name, {cells} FROM marts.media_external_actor_sentiment
            ORDER BY geography_id, row_order""",
    )
    assert external == [
        ("ARM", "CIS", 0, 0, 1, 0, 0, 1),  # "Commonwealth of Independent States"
        ("KAZ", "OSCE ODIHR", 0, 0, 2, 0, 0, 2),  # "OSCE/ODIHR" and "OSCE ODIHR"
        ("KAZ", "SCO", 0, 1, 0, 0, 0, 1),  # deleted article: flagged, still counted
    ]
    keywords = _rows(
        built,
        f"""SELECT keyword, {cells} FROM marts.media_keyword_sentiment
            WHERE geography_id = 'KAZ' ORDER BY keyword_sort_order""",
    )
    assert keywords == [
        ("nato", 0, 0, 1, 0, 0, 1),
        ("european_union", 0, 0, 0, 0, 0, 0),
        ("united_states", 0, 1, 0, 0, 1, 2),
        ("democracy", 0, 0, 0, 0, 0, 0),
        ("west", 1, 0, 0, 0, 0, 1),
    ]


def test_headlines_clustering_tone_and_quality(built):
    (headline,) = _rows(
        built,
        """SELECT mentions, external_mentions, domestic_mentions, domestic_named_mentions,
                  domestic_named_share_pct, keyword_mentions, mentions_outside_window
           FROM marts.media_mention_headlines WHERE geography_id = 'KAZ'""",
    )
    assert headline == (7, 3, 4, 1, 25.0, 4, 1)
    assert len(_rows(built, "SELECT * FROM marts.media_mention_headlines")) == 24
    (cluster,) = _rows(
        built,
        """SELECT mentions_near_event, geography_mentions, share_of_mentions_pct, neutral_share_pct
           FROM marts.media_event_clustering WHERE geography_id = 'KAZ' AND is_all_events""",
    )
    assert cluster == (4, 7, 57.14, 100.0)
    tone = _rows(
        built,
        """SELECT geography_id, mention_count, net_tone FROM marts.media_tone
           WHERE population = 'actor_mentions' AND dimension = 'geography'
             AND geography_id IN ('KAZ', 'ALB')
           ORDER BY geography_id""",
    )
    assert tone == [("ALB", 0, None), ("KAZ", 7, -0.286)]  # (0 + 0 + 0 + 1 - 2 - 1 + 0) / 7
    (quality,) = _rows(
        built,
        """SELECT mentions_coded, mentions_out_of_window, mentions_article_deleted,
                  mentions_unlisted_actor, keyword_mentions_out_of_window,
                  keyword_mentions_article_deleted
           FROM marts.media_data_quality WHERE geography_id = 'KAZ'""",
    )
    assert quality == (8, 1, 1, 3, 1, 1)


def test_provenance_lists_the_mentions_behind_a_cell(built):
    rows = _rows(
        built,
        """SELECT record_id, actor_name_as_coded, an, outlet, article_title
           FROM marts.media_mention_provenance
           WHERE geography_id = 'KAZ' AND in_window AND record_kind = 'actor'
             AND actor_name = 'OSCE ODIHR' AND sentiment = 'neutral' ORDER BY record_id""",
    )
    assert rows == [
        ("m1", "OSCE/ODIHR", A1, "TASS Russian News Agency", "Article TASS00"),
        ("m2", "OSCE ODIHR", A2, "Sputnik News Service", "Article SPTNK0"),
    ]


def _suite(name):
    (suite,) = [s for s in load_suites() if s.name == name]
    return suite


@pytest.mark.parametrize("name", ["media_core_mentions", "media_marts_reconciliation"])
def test_gate_suites_pass_on_the_built_models(built, name):
    suite = _suite(name)
    with duckdb.connect(str(built), read_only=True) as con:
        frame = con.execute(suite.query).df()
    outcome = validate_frame(suite, frame, resolve_parameters(suite))
    assert outcome.success, outcome.failures
    assert (
        outcome.rows_validated
        == {"media_core_mentions": 14, "media_marts_reconciliation": 24}[name]
    )


def test_gate_blocks_missing_articles_foreign_outlets_and_off_scale_sentiment(built):
    suite = _suite("media_core_mentions")
    with duckdb.connect(str(built), read_only=True) as con:
        frame = con.execute(suite.query).df()
    frame.loc[0, "article_found"] = False
    frame.loc[1, "outlet_in_scope"] = False
    frame.loc[2, "sentiment"] = "very_negative"
    outcome = validate_frame(suite, frame, resolve_parameters(suite))
    failed = "\n".join(outcome.failures)
    assert not outcome.success
    assert "article_found" in failed and "outlet_in_scope" in failed and "sentiment" in failed


def test_gate_blocks_a_table_that_does_not_add_up(built):
    suite = _suite("media_marts_reconciliation")
    with duckdb.connect(str(built), read_only=True) as con:
        frame = con.execute(suite.query).df()
    frame.loc[frame.geography_id == "KAZ", "table_8_total"] += 1
    frame.loc[frame.geography_id == "KAZ", "table_6_total"] -= 1
    outcome = validate_frame(suite, frame, resolve_parameters(suite))
    failed = "\n".join(outcome.failures)
    assert not outcome.success and "table_8_total" in failed and "table_6_total" in failed


# The documented queries on the published sample release (Kazakhstan, report section 3.2).


def _query(warehouse, name: str, geography_id: str = "KAZ") -> list[tuple]:
    """The rows of a report query file, run through run_report_query as the profiles run it."""
    with duckdb.connect(str(warehouse.published_db), read_only=True) as con:
        frame = run_report_query(con, name, geography_id)
    frame = frame.astype(object).where(frame.notna(), None)
    return list(frame.itertuples(index=False, name=None))


def test_every_table_and_figure_has_a_documented_query():
    names = {path.stem for path in MEDIA_QUERIES}
    assert {
        "media_headlines",
        "media_table_6_domestic_actors",
        "media_table_7_external_actors",
        "media_table_8_keywords",
        "media_figure_14_by_month",
        "media_event_clustering",
        "media_spikes",
        "media_tone_across_geographies",
        "media_mentions_behind_a_cell",
    } <= names
    documented = (QUERIES.parent / "report-queries.md").read_text(encoding="utf-8")
    assert all(path.name in documented for path in MEDIA_QUERIES)


@pytest.mark.parametrize("path", MEDIA_QUERIES, ids=lambda path: path.stem)
def test_documented_query_returns_kazakhstan_rows(published_warehouse, path):
    assert _query(published_warehouse, path.stem)


def test_headline_query(published_warehouse):
    (row,) = _query(published_warehouse, "media_headlines")
    assert row[:15] == (85, 62, 23, 9, 39, 7, 14, 12, 8, 57, 21, 21, 56, 90, 188)
    assert row[15] == "Sputnik, TASS"


def test_table_8_cell_by_cell(published_warehouse):
    assert _query(published_warehouse, "media_table_8_keywords") == [
        ("NATO", 1, 4, 20, 0, 0, 25),
        ("European Union", 2, 3, 17, 1, 1, 24),
        ("United States", 14, 25, 62, 8, 2, 111),
        ("Democracy", 0, 0, 1, 1, 1, 3),
        ("West", 12, 9, 3, 1, 0, 25),
        ("Total", 29, 41, 103, 11, 4, 188),
    ]


def test_tables_6_and_7_first_rows(published_warehouse):
    domestic = [
        (r[0], *r[3:]) for r in _query(published_warehouse, "media_table_6_domestic_actors")
    ]
    assert domestic[:4] == [
        ("Kazinform International Agency", 0, 0, 2, 0, 0, 2),
        ("Trade Union Federation", 0, 0, 2, 0, 0, 2),
        ("Journalists", 0, 0, 2, 0, 0, 2),
        ("Non-Governmental Organizations", 1, 0, 0, 1, 0, 2),
    ]
    assert sum(r[-1] for r in domestic) == 23
    external = [
        (r[0], *r[2:]) for r in _query(published_warehouse, "media_table_7_external_actors")
    ]
    assert external[:6] == [
        ("OSCE ODIHR", 0, 0, 14, 0, 0, 14),
        ("CIS", 0, 0, 9, 0, 0, 9),
        ("SCO", 0, 0, 6, 1, 0, 7),
        ("TASS", 0, 0, 5, 0, 0, 5),
        ("CSTO", 0, 0, 3, 0, 0, 3),
        ("International Organizations", 0, 0, 3, 0, 0, 3),
    ]
    assert sum(r[-1] for r in external) == 62


def test_named_and_informal_actors_by_kind(published_warehouse):
    rows = {
        (r[0], r[1], r[2], r[3]): r[4:6]
        for r in _query(published_warehouse, "media_mentions_by_kind")
    }
    assert rows[("domestic", "kind", "Named Organization", None)] == (7, 9)
    assert rows[("domestic", "kind_category", "Named Organization", "Media")][1] == 5
    assert (
        rows[("domestic", "kind_category", "Named Organization", "Community Organization")][1] == 3
    )
    assert rows[("domestic", "kind", "Informal Group", None)] == (12, 14)
    assert rows[("external", "kind", "Intergovernmental Organization", None)] == (7, 37)
    assert rows[("external", "kind", "Foreign Organization", None)] == (7, 12)
    assert rows[("external", "kind", "General Foreign Actor", None)] == (9, 13)


def test_election_clustering_and_spike_months(published_warehouse):
    rows = _query(published_warehouse, "media_event_clustering")
    (everything,) = [r for r in rows if r[0] == "all"]
    # 48 of 52 = 92.31%: the report prints 93
    assert (everything[3], everything[4], everything[5], everything[6]) == (52, 85, 61, 48)
    spikes = _query(published_warehouse, "media_spikes")
    assert [(r[0], r[6]) for r in spikes] == [("2015-04", 0), ("2016-03", 0), ("2019-06", 0)]
    months = _query(published_warehouse, "media_figure_14_by_month")
    assert len(months) == 75 and sum(r[3] for r in months) == 85


def test_tone_compares_all_geographies(published_warehouse):
    rows = _query(published_warehouse, "media_tone_across_geographies")
    assert len(rows) == 24
    kaz = next(r for r in rows if r[0] == "KAZ")
    assert kaz[2] == 85 and kaz[4] == 188 and -2 <= kaz[3] <= 2


def test_mentions_behind_a_cell_equal_the_cell(published_warehouse):
    rows = _query(published_warehouse, "media_mentions_behind_a_cell")
    (cell,) = published_warehouse.query(
        """SELECT neutral FROM marts.media_external_actor_sentiment
           WHERE geography_id = 'KAZ' AND actor_name = 'OSCE ODIHR'"""
    )
    assert len(rows) == cell[0] == 14
    assert {r[4] for r in rows} <= {
        r[0] for r in published_warehouse.query("SELECT an FROM core.dim_factiva_article")
    }
