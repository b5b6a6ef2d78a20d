# ruff: noqa: E501
"""Russian state media mentions of civic space actors (``media/``) and of five keywords
(``keywords/``), with the TASS, Sputnik and RT articles they code as new Factiva deliveries.

Kazakhstan (every replica; replica 0 is the calibrated one the tests read) follows
``media_kazakhstan``: 85 in-window mentions of TASS and Sputnik articles, Tables 6-8 and the
election clustering of the report's section 3.2, plus one mention (and keyword mention) of an
article published after the window and one in-window mention whose article the delivery
``2022-01-10_update-0002.jsonl`` deletes. Other geographies (``media_regions``) get smaller
volumes, clustered around their elections; Kosovo, Turkmenistan and Nagorno-Karabakh none. Sheets
are awkward like real ones: actor names as aliases or in other case and spacing, a Windows-1251
``;`` Kyrgyz sheet, a workbook with a title row, a few countries written as English names.

Accession numbers never collide with articles already delivered in ``factiva/`` (the projects
generator writes first): their numbers are read back from those files and kept out. Kazakhstan
and the other geographies share ``media_articles`` (mentions and the articles they cite); this
module writes the sheets and the Factiva deliveries.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from concurrent.futures import Executor
from datetime import datetime
from pathlib import Path

from sample_data import factiva
from sample_data import media_kazakhstan as kz
from sample_data import media_regions as regions
from sample_data import projects_sheets as sheets
from sample_data.geographies import BY_CODE
from sample_data.media_articles import Batch

MEDIA_COLUMNS = ("mention_id", "an", "country", "actor_name", "actor_scope", "actor_kind",
                 "actor_category", "sentiment")  # fmt: skip
KEYWORD_COLUMNS = ("an", "country", "keyword", "sentiment")
DELIVERIES = ("2021-09-15_snapshot-0005.jsonl", "2021-09-15_snapshot-0006.csv",
              "2022-01-10_update-0002.jsonl")  # fmt: skip
AN_PATTERN = re.compile(rb"[A-Z0-9]{8}\d{8}e[0-9a-z]{3}\d{4}[a-z]")
DIGITS_AS_ONE = bytes.maketrans(b"0123456789", b"0" * 10)
DATE_THEN_E = b"0" * 8 + b"e"


def generate(
    landing_dir: Path, *, scale: int = 1, seed: int, executor: Executor | None = None
) -> list[Path]:
    """Write media/, keywords/ and three factiva/ deliveries below ``landing_dir``.

    ``executor`` (processes) renders the Factiva article bodies.
    """
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    landing_dir = Path(landing_dir)
    taken = delivered_ans(landing_dir / "factiva")
    batch = Batch([], [], [], [])
    for replica in range(scale):
        kz.add_mentions(seed, replica, taken, batch)
        for code, (mentions, keywords) in regions.VOLUMES.items():
            if mentions or keywords:
                regions.add_mentions(seed, code, replica, taken, batch)
    written = _write_sheets(landing_dir, seed, batch)
    written += _write_factiva(landing_dir / "factiva", seed, batch, executor)
    return written


def delivered_ans(directory: Path) -> set[str]:
    """Accession numbers already in ``directory`` (any format), our own deliveries aside."""
    taken: set[str] = set()
    if directory.is_dir():
        for path in sorted(directory.iterdir()):
            if path.is_file() and path.name not in DELIVERIES:
                taken.update(_accession_numbers(path.read_bytes()))
    return taken


def _accession_numbers(text: bytes) -> list[str]:
    """``AN_PATTERN.findall``, fast: regex search tries every position of the article bodies.

    Every match has its date's eight digits then "e" 8 characters in, so candidates come from a
    plain search in a copy of the text with the digits all turned into one byte (UTF-8 never
    puts ASCII bytes inside other characters); each is matched in place, left to right.
    """
    classes = text.translate(DIGITS_AS_ONE)
    found, end = [], 0
    at = classes.find(DATE_THEN_E, 8)
    while at >= 0:
        match = AN_PATTERN.match(text, at - 8)
        if match and match.start() >= end:
            found.append(match.group().decode())
            end = match.end()
        at = classes.find(DATE_THEN_E, at + 1)
    return found


MEDIA_SHEETS = {  # geography -> ((first year, last year, layout), ...) by the article's year
    "KAZ": ((2014, 2018, "csv"), (2019, 2030, "xlsx_titled")),
    "KGZ": ((2014, 2030, "csv_cp1251"),),
}
LAYOUTS = ("csv", "xlsx", "csv_bom", "csv_bom_semicolon")


def _write_sheets(landing_dir: Path, seed: int, batch: Batch) -> list[Path]:
    written = []
    media_dir, keyword_dir = landing_dir / "media", landing_dir / "keywords"
    media_dir.mkdir(parents=True, exist_ok=True)
    keyword_dir.mkdir(parents=True, exist_ok=True)
    codes = ["KAZ", *(c for c, v in regions.VOLUMES.items() if any(v))]
    for index, code in enumerate(codes):
        mine = [m for m in batch.mentions if m.geo == code]
        plan = MEDIA_SHEETS.get(code, ((2014, 2030, LAYOUTS[index % len(LAYOUTS)]),))
        for first, last, layout in plan:
            chunk = [m for m in mine if first <= m.day.year <= last]
            span = f"{max(first, 2015)}_{min(last, 2021)}"
            suffix = "xlsx" if layout.startswith("xlsx") else "csv"
            cells = [[m.mention_id, m.an, m.country, m.actor_name, m.scope, m.kind, m.category,
                      m.sentiment] for m in chunk]  # fmt: skip
            title = f"Russian state media mentions of civic space actors: {BY_CODE[code].name}, {span.replace('_', '-')}"
            written.append(sheets.write_table(media_dir / f"{code.lower()}_mentions_{span}.{suffix}",
                                              MEDIA_COLUMNS, cells, layout, title))  # fmt: skip
        rows = sorted((r for r in batch.keywords if r[1] == code), key=lambda r: (r[4], r[0], r[2]))
        if rows:
            layout = ("xlsx", "csv", "csv_bom")[index % 3]
            suffix = "xlsx" if layout == "xlsx" else "csv"
            cells = [list(r[:4]) for r in rows]
            written.append(sheets.write_table(keyword_dir / f"{code.lower()}_keywords.{suffix}",
                                              KEYWORD_COLUMNS, cells, layout))  # fmt: skip
    _check(batch)
    return written


def _check(batch: Batch) -> None:
    ids = Counter(m.mention_id for m in batch.mentions)
    keys = Counter(r[:3] for r in batch.keywords)
    if max(ids.values()) > 1 or max(keys.values()) > 1:
        raise ValueError("mention ids or (an, country, keyword) not unique")


def _write_factiva(out: Path, seed: int, batch: Batch, executor: Executor | None) -> list[Path]:
    """All articles in two extraction files; the deletions in a later update."""
    articles = sorted(batch.articles, key=lambda a: (a["published"], a["an"]))
    rng = random.Random(f"{seed}:media:factiva")
    rng.shuffle(articles)
    cut = int(len(articles) * 0.75)

    def add(item: dict) -> dict:
        return factiva.record(item, "add", item["published"] + 5_400_000, seed=seed)

    t2 = factiva.epoch_ms(datetime(2022, 1, 9, 23, 15))
    Delivery = factiva.Delivery
    deliveries = [
        Delivery(DELIVERIES[0], (add(a) for a in articles[:cut])),
        Delivery(DELIVERIES[1], (add(a) for a in articles[cut:]), "csv"),
        Delivery(DELIVERIES[2], [factiva.deletion(an, t2 + i * 1000) for i, an in enumerate(batch.deleted)]),
    ]  # fmt: skip
    return [factiva.write_delivery(out, delivery, executor) for delivery in deliveries]
