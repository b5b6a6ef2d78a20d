"""Media and keyword sheet readers: actor aliases, unlisted actors, articles that were never
delivered or come from an outlet out of scope, vocabularies, repeated keywords, and reloading a
sheet once a Factiva delivery adds the article it cites."""

from __future__ import annotations

import json

import duckdb
import pytest

from ingestion.errors import ContractViolation
from ingestion.factiva import FACTIVA
from ingestion.landing import sync_source
from ingestion.landing_state import current_rejections
from ingestion.media import (
    KEYWORDS,
    MEDIA,
    MediaReference,
    read_keyword_sheet,
    read_media_sheet,
)

TASS_AN = "TASS000020190610ee6a0001a"
LATE_AN = "TASS000020190611ee6b0002b"  # delivered only by a later Factiva delivery
KAZINF_AN = "KAZINF0020190610ee6a0003c"
DELETED_AN = "SPTNK00020190612ee6c0004d"  # only ever delivered as a deletion
MILLIS = "1560124800000"  # 2019-06-10


def _article(an: str, code: str, name: str, action: str = "add") -> dict[str, str]:
    record = {"an": an, "action": action, "modification_datetime": MILLIS}
    if action != "del":
        record |= {
            "title": f"Article {an}",
            "source_code": code,
            "source_name": name,
            "publication_datetime": MILLIS,
        }
    return record


FIRST_DELIVERY = [
    _article(TASS_AN, "TASS", "TASS Russian News Agency"),
    _article(KAZINF_AN, "KAZINF", "Kazinform"),
    _article(DELETED_AN, "SPTNK", "Sputnik News Service", action="del"),
]
MEDIA_HEADER = "mention_id,an,country,actor_name,actor_scope,actor_kind,actor_category,sentiment\n"
KEYWORD_HEADER = "an,country,keyword,sentiment\n"


def _write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _deliver(landing, name: str, records: list[dict[str, str]]) -> None:
    _write(landing / "factiva" / name, "".join(json.dumps(r) + "\n" for r in records))


@pytest.fixture
def landing(tmp_path):
    root = tmp_path / "landing"
    _deliver(root, "2019-07-01_snapshot-0001.jsonl", FIRST_DELIVERY)
    return root


@pytest.fixture
def raw(landing, tmp_path):
    raw_db = tmp_path / "raw.duckdb"
    assert sync_source(FACTIVA, landing, raw_db, batch_id="f1").rejected == {}
    return raw_db


def _reference(raw_db) -> MediaReference:
    with duckdb.connect(str(raw_db), read_only=True) as con:
        return MediaReference.from_raw(con)


def _messages(path, reader, ref) -> list[str]:
    with pytest.raises(ContractViolation) as raised:
        reader(path, ref)
    return [str(issue) for issue in raised.value.issues]


def test_actor_aliases_resolve_and_unlisted_actors_keep_no_id(landing, raw):
    _write(
        landing / "media" / "kaz_2019.csv",
        MEDIA_HEADER
        + f"m1,{TASS_AN},KAZ,OSCE/ODIHR,external,intergovernmental,,neutral\n"
        + f"m2,{TASS_AN},Kazakhstan,osce  odihr,external,intergovernmental,,neutral\n"
        + f"m3,{TASS_AN},KAZ,Kazinform,domestic,named_organization,media,neutral\n"
        + f"m4,{TASS_AN},KAZ,Journalists,domestic,informal_group,media,somewhat_positive\n",
    )
    result = sync_source(MEDIA, landing, raw, batch_id="m1")
    assert result.rejected == {} and result.loaded == ["media/kaz_2019.csv"]
    with duckdb.connect(str(raw), read_only=True) as con:
        rows = con.execute(
            """SELECT mention_id, geography_id, actor_name, actor_id, actor_key, actor_category
               FROM media_mentions ORDER BY mention_id"""
        ).fetchall()
    assert rows == [
        ("m1", "KAZ", "OSCE/ODIHR", "osce_odihr", "osce/odihr", None),
        ("m2", "KAZ", "osce  odihr", "osce_odihr", "osce odihr", None),
        ("m3", "KAZ", "Kazinform", "kazinform", "kazinform", "media"),
        ("m4", "KAZ", "Journalists", None, "journalists", "media"),  # not listed: as coded
    ]


def test_undelivered_and_out_of_scope_articles_and_vocabularies_reject_the_sheet(landing, raw):
    path = _write(
        landing / "media" / "kaz_2019.csv",
        MEDIA_HEADER
        + f"m1,{LATE_AN},KAZ,CIS,external,intergovernmental,,neutral\n"
        + f"m2,{KAZINF_AN},KAZ,CIS,external,intergovernmental,,neutral\n"
        + f"m3,{DELETED_AN},KAZ,CIS,external,intergovernmental,,neutral\n"
        + f"m4,{TASS_AN},KAZ,CIS,external,intergovernmental,,neutal\n"
        + f"m4,{TASS_AN},KAZ,SCO,abroad,intergovernmental,,neutral\n",
    )
    assert _messages(path, read_media_sheet, _reference(raw)) == [
        f"kaz_2019.csv, row 2, column 'an': accession number {LATE_AN} was never delivered in a "
        "loaded factiva/ file",
        f"kaz_2019.csv, row 3, column 'an': article {KAZINF_AN} is from Kazinform (KAZINF), not a "
        "Russian state outlet in scope (RUSTOD, SPTNK, TASS)",
        f"kaz_2019.csv, row 4, column 'an': accession number {DELETED_AN} was never delivered in a "
        "loaded factiva/ file",
        "kaz_2019.csv, row 5, column 'sentiment': 'neutal' is not in the vocabulary "
        "(extremely_negative, extremely_positive, neutral, somewhat_negative, somewhat_positive)",
        "kaz_2019.csv, row 6, column 'mention_id': duplicate mention_id 'm4' (first on row 5)",
        "kaz_2019.csv, row 6, column 'actor_scope': 'abroad' is not in the vocabulary "
        "(domestic, external)",
    ]


def test_keyword_rows_are_unique_per_article_country_and_keyword(landing, raw):
    path = _write(
        landing / "keywords" / "kaz_2019.csv",
        KEYWORD_HEADER
        + f"{TASS_AN},KAZ,nato,neutral\n"
        + f"{TASS_AN},KAZ,united_states,somewhat_negative\n"
        + f"{TASS_AN},Kazakhstan,nato,neutral\n"
        + f"{TASS_AN},KGZ,nato,neutral\n"
        + f"{TASS_AN},KAZ,russia,neutral\n",
    )
    assert _messages(path, read_keyword_sheet, _reference(raw)) == [
        f"kaz_2019.csv, row 4, column 'keyword': duplicate an/country/keyword '{TASS_AN}/KAZ/nato' "
        "(first on row 2)",
        "kaz_2019.csv, row 6, column 'keyword': 'russia' is not in the vocabulary "
        "(democracy, european_union, nato, united_states, west)",
    ]
    path.write_text(
        path.read_text()
        .replace("Kazakhstan,nato", "Kazakhstan,west")
        .replace("KAZ,russia", "KAZ,democracy"),
        encoding="utf-8",
    )
    result = sync_source(KEYWORDS, landing, raw, batch_id="k1")
    assert result.rejected == {}
    with duckdb.connect(str(raw), read_only=True) as con:
        rows = con.execute(
            "SELECT geography_id, keyword, country_as_coded FROM keyword_mentions "
            "ORDER BY source_row"
        ).fetchall()
    assert rows == [
        ("KAZ", "nato", "KAZ"),
        ("KAZ", "united_states", "KAZ"),
        ("KAZ", "west", "Kazakhstan"),
        ("KGZ", "nato", "KGZ"),
        ("KAZ", "democracy", "KAZ"),
    ]


def test_a_rejected_sheet_loads_once_a_factiva_delivery_adds_the_article(landing, raw):
    """The sheet is not touched: the new delivery alone makes the next sync read it again."""
    _write(
        landing / "media" / "kaz_2019.csv",
        MEDIA_HEADER + f"m1,{LATE_AN},KAZ,CIS,external,intergovernmental,,neutral\n",
    )
    _write(landing / "keywords" / "kaz_2019.csv", KEYWORD_HEADER + f"{LATE_AN},KAZ,west,neutral\n")
    first = sync_source(MEDIA, landing, raw, batch_id="b1")
    assert [str(i) for i in first.rejected["media/kaz_2019.csv"]] == [
        f"kaz_2019.csv, row 2, column 'an': accession number {LATE_AN} was never delivered in a "
        "loaded factiva/ file"
    ]
    assert sync_source(KEYWORDS, landing, raw, batch_id="b1").rejected
    assert {r[:3] for r in current_rejections(raw)} == {
        ("media/kaz_2019.csv", 2, "an"),
        ("keywords/kaz_2019.csv", 2, "an"),
    }

    _deliver(
        landing,
        "2019-07-15_update-0001.jsonl",
        [_article(LATE_AN, "SPTNK", "Sputnik News Service")],
    )
    assert not sync_source(MEDIA, landing, raw, batch_id="b2").changed  # factiva not synced
    sync_source(FACTIVA, landing, raw, batch_id="b3")
    media = sync_source(MEDIA, landing, raw, batch_id="b3")
    keywords = sync_source(KEYWORDS, landing, raw, batch_id="b3")
    assert media.loaded == ["media/kaz_2019.csv"] and media.rejected == {}
    assert keywords.loaded == ["keywords/kaz_2019.csv"] and keywords.rejected == {}
    with duckdb.connect(str(raw), read_only=True) as con:
        assert con.execute("SELECT an, actor_id FROM media_mentions").fetchall() == [
            (LATE_AN, "cis")
        ]
    assert current_rejections(raw) == []
