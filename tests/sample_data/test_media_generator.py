# ruff: noqa: E501
"""Read the generated media and keyword sheets and their Factiva articles back independently.

Every expected number is retyped from the Kazakhstan country report (section 3.2, Tables 6-8),
never imported from the generator. Outlet and publication date come from the written Factiva
deliveries, through the accession number; actor spellings are merged with this file's own alias
list (the aliases the media actor seed lists) after case and spacing are ignored.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from sample_data import media, projects

SEED = 20230401
MEDIA_COLUMNS = ["mention_id", "an", "country", "actor_name", "actor_scope", "actor_kind", "actor_category", "sentiment"]  # fmt: skip
KEYWORD_COLUMNS = ["an", "country", "keyword", "sentiment"]
SENTIMENTS = ["extremely_negative", "somewhat_negative", "neutral", "somewhat_positive", "extremely_positive"]  # fmt: skip
KINDS = ["named_organization", "informal_group", "intergovernmental", "foreign_organization", "general_foreign"]  # fmt: skip
WINDOW = (date(2015, 1, 1), date(2021, 3, 31))
ALIASES = {
    "OSCE ODIHR": (
        "OSCE/ODIHR",
        "OSCE Office for Democratic Institutions and Human Rights",
        "ODIHR",
    ),
    "CIS": ("Commonwealth of Independent States", "CIS Observer Mission"),
    "SCO": ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
    "CSTO": ("Collective Security Treaty Organization", "Collective Security Treaty Organisation"),
    "TASS": ("TASS Russian News Agency", "ITAR-TASS"),
    "International Organizations": ("International Organisations",),
    "Kazinform International Agency": ("Kazinform", "Kazinform International News Agency"),
    "Trade Union Federation": (
        "Federation of Trade Unions",
        "Federation of Trade Unions of Kazakhstan",
    ),
    "Eurasian Economic Union": ("EAEU", "EEU"),
    "OSCE Parliamentary Assembly": ("OSCE PA",),
}
# Report Table 6 and Table 7, first rows: ext. neg / some neg / neutral / some pos / ext. pos / total
TABLE_6 = [
    ("Kazinform International Agency", (0, 0, 2, 0, 0, 2)),
    ("Trade Union Federation", (0, 0, 2, 0, 0, 2)),
    ("Journalists", (0, 0, 2, 0, 0, 2)),
    ("Non-Governmental Organizations", (1, 0, 0, 1, 0, 2)),
]
TABLE_7 = [
    ("OSCE ODIHR", (0, 0, 14, 0, 0, 14)),
    ("CIS", (0, 0, 9, 0, 0, 9)),
    ("SCO", (0, 0, 6, 1, 0, 7)),
    ("TASS", (0, 0, 5, 0, 0, 5)),
    ("CSTO", (0, 0, 3, 0, 0, 3)),
    ("International Organizations", (0, 0, 3, 0, 0, 3)),
]
TABLE_8 = {
    "nato": (1, 4, 20, 0, 0, 25),
    "european_union": (2, 3, 17, 1, 1, 24),
    "united_states": (14, 25, 62, 8, 2, 111),
    "democracy": (0, 0, 1, 1, 1, 3),
    "west": (12, 9, 3, 1, 0, 25),
}
ELECTIONS = (date(2015, 4, 26), date(2016, 3, 20), date(2019, 6, 9))
MEDIA_FILES = {"2021-09-15_snapshot-0005.jsonl", "2021-09-15_snapshot-0006.csv", "2022-01-10_update-0002.jsonl"}  # fmt: skip


def key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


CANONICAL = {key(alias): name for name, aliases in ALIASES.items() for alias in (name, *aliases)}


def canonical(name: str) -> str:
    return CANONICAL.get(key(name), name.strip())


def read_table(path: Path, first: str) -> pd.DataFrame:
    """A sheet as strings: header found below any title row; CSV encoding and delimiter sniffed."""
    if path.suffix == ".xlsx":
        rows = [["" if v is None else str(v) for v in row] for row in load_workbook(path, read_only=True).active.iter_rows(values_only=True)]  # fmt: skip
        header = next(i for i, row in enumerate(rows) if row[0] == first)
        return pd.DataFrame(rows[header + 1 :], columns=rows[header])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return pd.DataFrame(rows[1:], columns=rows[0])


def factiva_records(root: Path) -> list[dict]:
    """Every record of every delivery, with its file and publication date (UTC)."""
    records = []
    for path in sorted((root / "factiva").iterdir()):
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".csv":
            rows = list(csv.DictReader(io.StringIO(text)))
        elif path.suffix == ".jsonl":
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            loaded = json.loads(text)
            rows = loaded["data"] if isinstance(loaded, dict) else loaded
        for row in rows:
            published = row.get("publication_datetime") or row.get("publication_date")
            if published not in (None, ""):
                row["day"] = datetime.fromtimestamp(int(published) / 1000, UTC).date()
            records.append({**row, "file": path.name})
    return records


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("landing")
    projects.generate(root, seed=SEED)
    media.generate(root, seed=SEED)
    return root


@pytest.fixture(scope="module")
def records(landing: Path) -> list[dict]:
    return factiva_records(landing)


@pytest.fixture(scope="module")
def articles(records: list[dict]) -> dict[str, dict]:
    """The first add of every article, plus whether its last record deletes it."""
    out: dict[str, dict] = {}
    for record in records:
        if record["action"] != "del":
            out.setdefault(record["an"], dict(record))
    for record in records:
        if record["an"] in out:
            out[record["an"]]["deleted_in"] = record["file"] if record["action"] == "del" else None
    return out


@pytest.fixture(scope="module")
def mentions(landing: Path, articles: dict[str, dict]) -> pd.DataFrame:
    frames = []
    for path in sorted((landing / "media").iterdir()):
        frame = read_table(path, "mention_id")
        assert list(frame.columns) == MEDIA_COLUMNS, path.name
        frames.append(frame.assign(file=path.name))
    rows = pd.concat(frames, ignore_index=True)
    assert rows["mention_id"].is_unique
    rows["geo"] = rows["country"].replace({"Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ"})
    rows["actor"] = rows["actor_name"].map(canonical)
    rows["day"] = rows["an"].map(lambda an: articles[an]["day"])
    rows["source"] = rows["an"].map(lambda an: articles[an]["source_code"])
    rows["in_window"] = rows["day"].map(lambda d: WINDOW[0] <= d <= WINDOW[1])
    return rows


@pytest.fixture(scope="module")
def keywords(landing: Path, articles: dict[str, dict]) -> pd.DataFrame:
    frames = [read_table(p, "an").assign(file=p.name) for p in sorted((landing / "keywords").iterdir())]  # fmt: skip
    assert all(list(f.columns[:4]) == KEYWORD_COLUMNS for f in frames)
    rows = pd.concat(frames, ignore_index=True)
    assert not rows.duplicated(["an", "country", "keyword"]).any()
    rows["day"] = rows["an"].map(lambda an: articles[an]["day"])
    rows["in_window"] = rows["day"].map(lambda d: WINDOW[0] <= d <= WINDOW[1])
    return rows


@pytest.fixture(scope="module")
def kaz(mentions: pd.DataFrame) -> pd.DataFrame:
    return mentions[(mentions["geo"] == "KAZ") & mentions["in_window"]]


def sentiment_row(frame: pd.DataFrame) -> tuple[int, ...]:
    counts = Counter(frame["sentiment"])
    return (*(counts[s] for s in SENTIMENTS), len(frame))


def test_kazakhstan_headlines(kaz: pd.DataFrame) -> None:
    assert len(kaz) == 85
    assert set(kaz["source"]) == {"TASS", "SPTNK"}
    domestic, external = (
        kaz[kaz["actor_scope"] == "domestic"],
        kaz[kaz["actor_scope"] == "external"],
    )
    assert (len(external), len(domestic)) == (62, 23)
    named = domestic[domestic["actor_kind"] == "named_organization"]
    informal = domestic[domestic["actor_kind"] == "informal_group"]
    assert (len(named), named["actor"].nunique()) == (9, 7)
    assert round(100 * len(named) / len(domestic)) == 39
    assert set(named["sentiment"]) == {"neutral"}
    assert Counter(named["actor_category"])["media"] == 5
    assert Counter(named["actor_category"])["community_organization"] == 3
    assert (len(informal), informal["actor"].nunique()) == (14, 12)
    assert Counter(informal["sentiment"])["neutral"] == 8
    assert round(100 * 8 / 14) == 57
    assert Counter(informal["sentiment"])["somewhat_positive"] == 4
    kinds = {
        kind: (group["actor"].nunique(), len(group))
        for kind, group in external.groupby("actor_kind")
    }
    assert kinds == {
        "intergovernmental": (7, 37),
        "foreign_organization": (7, 12),
        "general_foreign": (9, 13),
    }
    assert Counter(external["sentiment"])["neutral"] == 56
    assert round(100 * 56 / 62) == 90
    assert Counter(external["sentiment"])["somewhat_negative"] == 1
    organisations = kaz[
        kaz["actor_kind"].isin(["named_organization", "intergovernmental", "foreign_organization"])
    ]
    groups = kaz[kaz["actor_kind"].isin(["informal_group", "general_foreign"])]
    assert (organisations["actor"].nunique(), groups["actor"].nunique()) == (21, 21)


def first_rows(frame: pd.DataFrame, count: int) -> list[tuple[str, tuple[int, ...]]]:
    """The report's order: total descending, then kind, then name."""
    rows = [
        (name, group["actor_kind"].iloc[0], sentiment_row(group))
        for name, group in frame.groupby("actor")
    ]
    rows.sort(key=lambda r: (-r[2][-1], KINDS.index(r[1]), r[0]))
    return [(name, row) for name, _, row in rows[:count]]


def test_tables_6_and_7(kaz: pd.DataFrame) -> None:
    assert first_rows(kaz[kaz["actor_scope"] == "domestic"], 4) == TABLE_6
    assert first_rows(kaz[kaz["actor_scope"] == "external"], 6) == TABLE_7
    odihr = kaz[kaz["actor"] == "OSCE ODIHR"]["actor_name"]
    assert {"OSCE ODIHR", "OSCE/ODIHR"} <= set(odihr)  # one actor, several spellings
    assert odihr.nunique() >= 4


def test_table_8(keywords: pd.DataFrame, articles: dict[str, dict]) -> None:
    kaz = keywords[(keywords["country"] == "KAZ") & keywords["in_window"]]
    assert {kw: sentiment_row(group) for kw, group in kaz.groupby("keyword")} == TABLE_8
    assert len(kaz) == 188
    assert {articles[an]["source_code"] for an in kaz["an"]} == {"TASS", "SPTNK"}
    late = keywords[(keywords["country"] == "KAZ") & ~keywords["in_window"]]
    assert len(late) == 1 and late["day"].iloc[0] > WINDOW[1]


def test_election_clustering(kaz: pd.DataFrame) -> None:
    near = kaz[kaz["day"].map(lambda d: any(abs((d - e).days) <= 31 for e in ELECTIONS))]
    assert len(near) == 52 and round(100 * 52 / 85) == 61
    # The report prints 93%; no whole number of 52 is 93% (48 is 92.3%, 49 is 94.2%). The spec
    # fixes 48, the nearest.
    assert Counter(near["sentiment"])["neutral"] == 48
    months = Counter(d.strftime("%Y-%m") for d in kaz["day"])
    assert {m for m, _ in months.most_common(3)} == {"2015-04", "2016-03", "2019-06"}
    assert months.most_common(4)[3][1] <= 3  # every other month is quiet
    assert not any(abs((d - date(2021, 1, 10)).days) <= 31 for d in kaz["day"])


def test_articles(
    landing: Path,
    mentions: pd.DataFrame,
    keywords: pd.DataFrame,
    records: list[dict],
    articles: dict[str, dict],
) -> None:
    cited = set(mentions["an"]) | set(keywords["an"])
    assert cited <= set(articles)  # every accession number delivered
    assert {articles[an]["source_code"] for an in cited} == {"TASS", "SPTNK", "RUSTOD"}
    assert all(articles[an]["file"] in MEDIA_FILES for an in cited)
    project_ans = {r["an"] for r in records if r["file"] not in MEDIA_FILES}
    media_ans = {r["an"] for r in records if r["file"] in MEDIA_FILES}
    assert project_ans and media_ans and not project_ans & media_ans
    assert mentions.groupby("an").size().max() >= 2  # articles shared by several mentions

    kaz_all = mentions[mentions["geo"] == "KAZ"]
    late = kaz_all[~kaz_all["in_window"]]
    assert len(late) == 1 and late["day"].iloc[0].strftime("%Y-%m") == "2021-05"
    assert late["mention_id"].iloc[0].startswith("KAZ-")
    deleted = kaz_all[kaz_all["an"].map(lambda an: articles[an]["deleted_in"] is not None)]
    assert len(deleted) == 1 and deleted["in_window"].all()
    assert articles[deleted["an"].iloc[0]]["deleted_in"] == "2022-01-10_update-0002.jsonl"


def test_other_geographies(mentions: pd.DataFrame, keywords: pd.DataFrame) -> None:
    per_geo = Counter(mentions.loc[mentions["in_window"], "geo"])
    assert per_geo["KAZ"] == 85 and 15 <= len(per_geo) <= 22
    assert not {"XKX", "TKM", "NKR"} & set(per_geo)
    assert set(mentions["sentiment"]) <= set(SENTIMENTS) and set(keywords["sentiment"]) <= set(
        SENTIMENTS
    )
    assert set(mentions["actor_kind"]) == set(KINDS)
    assert set(keywords["keyword"]) == set(TABLE_8)


def test_sheets_are_awkward(landing: Path) -> None:
    names = sorted(p.name for p in (landing / "media").iterdir())
    assert {Path(n).suffix for n in names} == {".csv", ".xlsx"}
    cp1251 = [n for n in names if n.endswith(".csv") and _not_utf8(landing / "media" / n)]
    assert (
        len(cp1251) == 1
        and ";" in (landing / "media" / cp1251[0]).read_bytes().decode("cp1251").split("\n")[0]
    )
    titled = [n for n in names if n.endswith(".xlsx") and next(load_workbook(landing / "media" / n, read_only=True).active.iter_rows(values_only=True))[0] != "mention_id"]  # fmt: skip
    assert titled


def _not_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


def test_deterministic(landing: Path, tmp_path: Path) -> None:
    projects.generate(tmp_path, seed=SEED)
    written = media.generate(tmp_path, seed=SEED)
    assert digests(tmp_path) == digests(landing)
    assert {p.parent.name for p in written} == {"media", "keywords", "factiva"}


def test_scale_two(tmp_path: Path) -> None:
    media.generate(tmp_path, scale=2, seed=SEED)
    frames = [read_table(p, "mention_id") for p in sorted((tmp_path / "media").iterdir())]
    rows = pd.concat(frames, ignore_index=True)
    assert rows["mention_id"].is_unique
    first = rows[rows["mention_id"].str.startswith("KAZ-MM-")]
    assert len(first) == 86  # replica 0: 85 in window and one late
    assert len(rows[rows["country"].isin(["KAZ", "Kazakhstan"])]) == 2 * 86
    ans = [r["an"] for r in factiva_records(tmp_path) if r["action"] == "add"]
    assert len(ans) == len(set(ans)) and set(rows["an"]) <= set(ans)
