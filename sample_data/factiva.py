# ruff: noqa: E501, RUF001
"""Factiva Analytics snapshot files (``factiva/``) written from article records.

Reusable by any generator that cites articles: build light article dicts with :func:`article`
(or :func:`filler_articles`), turn them into delivery records with :func:`record` /
:func:`deletion`, and write deliveries with :func:`write_delivery`. Bodies are rendered when a
record is written, from a per-article random stream, so a caller never holds every body in memory
and records may be streamed (any iterable) straight into a file.

Deliveries look like Factiva's: JSON Lines, a JSON array, an object with a ``data`` array, or a
UTF-8 CSV with a BOM; epoch-millisecond times as strings in most files and as numbers in one; one
file with only the deprecated ``publication_date``/``modification_date`` twins; code lists as
``",nanl,ncat,nanl,"`` with duplicates; ``del`` records carrying only ``an``, ``action`` and
``modification_datetime``.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import random
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

FIELDS = (
    "an", "action", "document_type", "title", "snippet", "body", "byline", "source_code",
    "source_name", "publisher_name", "language_code", "word_count", "publication_datetime",
    "modification_datetime", "ingestion_datetime", "subject_codes", "region_codes",
    "company_codes", "industry_codes", "person_codes", "region_of_origin", "copyright", "section",
    "currency_codes",
)  # fmt: skip
EPOCH_FIELDS = ("publication_datetime", "modification_datetime", "ingestion_datetime")
DEPRECATED = {
    "publication_datetime": "publication_date",
    "modification_datetime": "modification_date",
}

# source_code -> (source_name, publisher_name, languages, region_of_origin)
SOURCES: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "KAZINF": ("Kazinform", "Kazinform International News Agency", ("en", "ru", "kk"), "ASIA CASIA KAZAK"),
    "INTKAZ": ("Interfax-Kazakhstan", "Interfax Information Services Group", ("ru", "en"), "ASIA CASIA KAZAK"),
    "KZ24KZ": ("24.kz", "Khabar Agency", ("ru", "kk"), "ASIA CASIA KAZAK"),
    "KABAR": ("Kabar", "Kyrgyz National News Agency Kabar", ("ru", "en"), "ASIA CASIA KIRGH"),
    "AKIPRS": ("AKIpress", "AKIpress News Agency", ("ru", "en"), "ASIA CASIA KIRGH"),
    "BELTA": ("BelTA", "Belarusian Telegraph Agency", ("ru", "en"), "EEUR BYELRS"),
    "ARMPRS": ("Armenpress", "Armenpress News Agency", ("en", "ru"), "ASIA CAUC ARMEN"),
    "UZDAIL": ("Daryo", "Daryo Media", ("ru", "en"), "ASIA CASIA UZBEK"),
    "TASS": ("TASS", "TASS Russian News Agency", ("ru", "en"), "EEUR RUSS"),
    "SPTNK": ("Sputnik News Service", "Rossiya Segodnya", ("ru", "en"), "EEUR RUSS"),
    "RUSTOD": ("RT", "Autonomous Non-Profit Organization TV-Novosti", ("en", "ru"), "EEUR RUSS"),
}  # fmt: skip
REGION_CODES = {
    "KAZ": "kazak", "KGZ": "kirgh", "BLR": "byelrs", "UZB": "uzbek", "TJK": "tadzk", "MDA": "moldv",
    "ARM": "armen", "SRB": "serb", "UKR": "ukrn", "GEO": "georg", "AZE": "azerb", "BIH": "bosnia",
    "MNE": "monten", "MKD": "macedn", "ALB": "albn", "ABK": "georg", "SOS": "georg", "TRN": "moldv",
    "CRM": "ukrn", "DNR": "ukrn", "LNR": "ukrn", "NKR": "azerb", "XKX": "kosovo", "TKM": "turkm",
}  # fmt: skip
SUBJECTS = ("gcat", "ncat", "nanl", "gpol", "gcult", "gedu", "grel", "gvio", "gdip", "nrgn", "gcom")
BASE36 = string.digits + string.ascii_lowercase
LONG_SHARE = 0.015
BATCH = 200  # records rendered per task
T = TypeVar("T")
Pending = Callable[[], dict]

EN = (
    "Representatives of {who} took part in the event in {place}.",
    "The organisers said the programme would continue next year, with more participants from the regions.",
    '"We value the ties between our peoples, and such meetings strengthen them," said {person}.',
    "According to {who}, more than {n} people attended, including students, teachers and veterans.",
    "The event, held in {place}, was timed to coincide with the anniversary.",
    "Guests were shown an exhibition of photographs, books and archival documents.",
    "Participants discussed cooperation in culture, education and humanitarian affairs.",
    'The ceremony ended with a concert of folk songs; "Katyusha" was performed by a children\'s choir.',
    "{person}, head of {who}, thanked the hosts for their support.",
    "The initiative is part of a wider programme of humanitarian cooperation.",
)
RU = (
    "В мероприятии в {place} приняли участие представители {who}.",
    "Организаторы отметили, что программа будет продолжена в следующем году.",
    "«Такие встречи укрепляют дружбу между нашими народами», — сказал {person}.",
    "По данным {who}, в мероприятии участвовали более {n} человек, в том числе студенты и ветераны.",
    "Гостям показали выставку фотографий, книг и архивных документов.",
    "Участники обсудили сотрудничество в сфере культуры, образования и гуманитарных связей.",
    "Завершился праздник концертом, прозвучали песни «Катюша» и «День Победы».",
    "{person} поблагодарил организаторов за поддержку, отметив вклад соотечественников.",
)
KK = (
    "{place} қаласында өткен іс-шараға {who} өкілдері қатысты.",
    "Ұйымдастырушылар бағдарлама келесі жылы да жалғасатынын айтты.",
    "Қатысушылар мәдениет пен білім саласындағы ынтымақтастықты талқылады.",
)
PERSONS = (
    "Alexei Ivanov",
    "Marina Petrova",
    "Yerlan Suleimenov",
    "Olga Kim",
    "Sergei Volkov",
    "Aigerim Nurlanova",
    "Dmitry Sokolov",
    "Asel Toktogulova",
    "Irina Smirnova",
)
BYLINES = (
    "",
    "",
    "By Marina Petrova",
    "Alexei Ivanov",
    "By our correspondent",
    "Aigerim Nurlanova",
)
FILLER_TOPICS = (
    "Parliament debates amendments to the law on public associations",
    "Regional authorities open new school building",
    "Exchange rate and oil prices: weekly review",
    "Delegation discusses trade and transport links",
    "Cultural festival gathers artists from neighbouring countries",
    "Court hears case against local blogger",
    "Students win international olympiad in mathematics",
    "Government reports on implementation of social programmes",
    "Volunteers plant trees in city park",
    "Flood preparations under way in northern districts",
)
FILLER_GEOS = ("KAZ", "KAZ", "KAZ", "KGZ", "KGZ", "BLR", "UZB", "ARM", "MDA", "TJK", "UKR", "SRB")
GEO_SOURCES = {"KAZ": ("KAZINF", "INTKAZ", "KZ24KZ"), "KGZ": ("KABAR", "AKIPRS"),
               "BLR": ("BELTA",), "ARM": ("ARMPRS",), "UZB": ("UZDAIL",)}  # fmt: skip
RUSSIAN_STATE = ("TASS", "SPTNK", "RUSTOD")
SECTIONS = ("Society", "Culture", "Politics", "Regions", "")


def epoch_ms(moment: datetime) -> int:
    return int(moment.replace(tzinfo=UTC).timestamp() * 1000)


def sources_for(geo: str) -> tuple[str, ...]:
    return GEO_SOURCES.get(geo, ()) + RUSSIAN_STATE


def accession_number(rng: random.Random, source_code: str, day: datetime, taken: set[str]) -> str:
    """Source code padded to 8, date, 'e' + base-36 date code, 4-digit sequence, check letter."""
    code = "e" + "".join(BASE36[n] for n in (day.year - 2004, day.month, day.day))
    while True:
        sequence = f"{rng.randint(1, 9999):04d}{rng.choice(string.ascii_lowercase)}"
        an = f"{source_code.ljust(8, '0')}{day:%Y%m%d}{code}{sequence}"
        if an not in taken:
            taken.add(an)
            return an


def article(
    an: str,
    *,
    title: str,
    source_code: str,
    published: datetime,
    language_code: str,
    geo: str,
    names: Iterable[str] = (),
    place: str = "",
) -> dict:
    """A light article: everything a record needs except the rendered body."""
    return {
        "an": an,
        "title": title,
        "source_code": source_code,
        "published": epoch_ms(published),
        "language_code": language_code,
        "geo": geo,
        "names": list(names),
        "place": place,
    }


def filler_articles(seed: int, count: int, taken: set[str], *, start: datetime,
                    days: int) -> Iterator[dict]:  # fmt: skip
    """Uncited articles in the regional and Russian outlets, each from its own random stream."""
    for index in range(count):
        rng = random.Random(f"{seed}:factiva:filler:{index}")
        geo = rng.choice(FILLER_GEOS)
        source = rng.choice(sources_for(geo))
        published = start + timedelta(days=rng.randrange(days), minutes=rng.randrange(1440))
        language = rng.choice(SOURCES[source][2])
        yield article(
            accession_number(rng, source, published, taken),
            title=rng.choice(FILLER_TOPICS),
            source_code=source,
            published=published,
            language_code=language,
            geo=geo,
            place=geo,
        )


def record(
    item: dict, action: str, modified: int, *, seed: int, title: str | None = None
) -> Pending:
    """The Factiva record of an article (``add`` or ``rep``), rendered when it is written."""
    return functools.partial(_record, item, action, modified, seed, title)


def _record(item: dict, action: str, modified: int, seed: int, title: str | None) -> dict:
    rng = random.Random(f"{seed}:factiva:body:{item['an']}")
    bits = rng.getrandbits
    source_name, publisher, _, origin = SOURCES[item["source_code"]]
    body = _body(rng, item)
    snippet = body.split("\n", 1)[0][:280]
    region = REGION_CODES.get(item["geo"], "russ")
    subjects = _sample(bits, SUBJECTS, 1 + _below(bits, 4))
    subjects += _sample(bits, subjects, _below(bits, len(subjects) + 1))  # Factiva repeats codes
    published = item["published"]
    year = datetime.fromtimestamp(published / 1000, UTC).year
    return {
        "an": item["an"],
        "action": action,
        "document_type": "article",
        "title": title or item["title"],
        "snippet": snippet,
        "body": body,
        "byline": BYLINES[_below(bits, len(BYLINES))],
        "source_code": item["source_code"],
        "source_name": source_name,
        "publisher_name": publisher,
        "language_code": item["language_code"],
        "word_count": str(len(body.split()) + len((title or item["title"]).split())),
        "publication_datetime": published,
        "modification_datetime": modified,
        "ingestion_datetime": published + 60_000 + _below(bits, 36 * 3_600_000 - 59_999),
        "subject_codes": _codes(subjects),
        "region_codes": _codes([region, "russ", region][: 1 + _below(bits, 3)]),
        "company_codes": _codes(["rossot"]) if rng.random() < 0.1 else "",
        "industry_codes": _codes(["i9741"]) if rng.random() < 0.05 else "",
        "person_codes": "",
        "region_of_origin": origin,
        "copyright": f"(c) {year} {publisher}. All rights reserved.",
        "section": SECTIONS[_below(bits, len(SECTIONS))],
        "currency_codes": "",
    }


def deletion(an: str, modified: int) -> dict:
    return {"an": an, "action": "del", "modification_datetime": modified}


def _codes(codes: list[str]) -> str:
    return "," + ",".join(codes) + ","


def _body(rng: random.Random, item: dict) -> str:
    bits = rng.getrandbits
    sentences = {"ru": RU, "kk": KK}.get(item["language_code"], EN)
    names = item["names"] or ["local organisations"]
    paragraphs = 200 if rng.random() < LONG_SHARE else 3 + _below(bits, 14)
    lead = item["title"] if item["language_code"] == "en" else sentences[0]
    out = [lead.format(place=item["place"], who=names[0], person="", n=0).rstrip(".") + "."]
    place = item["place"] or "the capital"
    most = min(4, len(sentences))
    for _ in range(paragraphs):
        chosen = _sample(bits, sentences, 2 + _below(bits, most - 1))
        out.append(
            " ".join(
                s.format(
                    place=place,
                    who=names[_below(bits, len(names))],
                    person=PERSONS[_below(bits, len(PERSONS))],
                    n=20 + _below(bits, 781),
                )
                for s in chosen
            )
        )
    return "\n".join(out)


# Bodies are most of the generation time. These make the draws random.Random's randint, choice
# and sample make (CPython 3.11: rejection sampling on getrandbits, a pool for small samples)
# without their layers of calls and checks, so every article keeps its text.


def _below(bits: Callable[[int], int], n: int) -> int:
    """``Random._randbelow(n)``: ``randint(a, b)`` is ``a + _below(b - a + 1)``."""
    k = n.bit_length()
    r = bits(k)
    while r >= n:
        r = bits(k)
    return r


def _sample(bits: Callable[[int], int], population: Sequence[T], k: int) -> list[T]:
    """``Random.sample`` for populations of up to 21 (its pool method)."""
    n = len(population)
    if not 0 <= k <= n <= 21:
        raise ValueError("only small samples are reproduced")
    pool = list(population)
    result = []
    for i in range(k):
        j = _below(bits, n - i)
        result.append(pool[j])
        pool[j] = pool[n - i - 1]
    return result


@dataclass(frozen=True)
class Delivery:
    """One snapshot file: ``fmt`` is jsonl, json (array), json_data ({"data": [...]}) or csv."""

    name: str
    records: Iterable[Pending | dict]  # records, and deletions
    fmt: str = "jsonl"
    epoch: str = "string"  # or "number"
    deprecated_dates: bool = False


def write_delivery(directory: Path, delivery: Delivery, executor: Executor | None = None) -> Path:
    """Stream a delivery's records into ``directory/name``.

    Rendering the bodies is most of the generation time; with an ``executor`` (processes) every
    other batch of records is rendered and serialised there while this process renders the next,
    and all are written here in their order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / delivery.name
    serialise = functools.partial(_serialise, replace(delivery, records=()))
    batches = _batches(iter(delivery.records))
    texts = _alternating(serialise, batches, executor) if executor else map(serialise, batches)
    if delivery.fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerow(_columns(delivery))
            handle.writelines(text for batch in texts for text in batch)
        return path
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        lines = (line for batch in texts for line in batch)
        if delivery.fmt == "jsonl":
            handle.writelines(line + "\n" for line in lines)
            return path
        handle.write('{"data": [' if delivery.fmt == "json_data" else "[")
        for index, line in enumerate(lines):
            handle.write(("," if index else "") + "\n  " + line)
        handle.write("\n]}\n" if delivery.fmt == "json_data" else "\n]\n")
    return path


def _batches(records: Iterator[Pending | dict]) -> Iterator[list[Pending | dict]]:
    while batch := list(itertools.islice(records, BATCH)):
        yield batch


def _alternating(
    serialise: Callable[[list], list[str]], batches: Iterator[list], executor: Executor
) -> Iterator[list[str]]:
    for here in batches:
        there = next(batches, None)
        future = None if there is None else executor.submit(serialise, there)
        yield serialise(here)
        if future is not None:
            yield future.result()


def _columns(delivery: Delivery) -> list[str]:
    return [DEPRECATED.get(f, f) if delivery.deprecated_dates else f for f in FIELDS]


def _serialise(delivery: Delivery, batch: list[Pending | dict]) -> list[str]:
    """JSON texts, one per record, or one CSV text for the batch."""
    rows = [_shape(row if isinstance(row, dict) else row(), delivery) for row in batch]
    if delivery.fmt == "csv":
        text = io.StringIO()
        csv.DictWriter(text, _columns(delivery), restval="").writerows(rows)
        return [text.getvalue()]
    return [json.dumps(row, ensure_ascii=delivery.fmt != "jsonl") for row in rows]


def _shape(row: dict, delivery: Delivery) -> dict:
    shaped = {}
    for key, value in row.items():
        if key in EPOCH_FIELDS:
            value = value if delivery.epoch == "number" else str(value)
            if delivery.deprecated_dates:
                key = DEPRECATED.get(key, key)
        shaped[key] = value
    return shaped
