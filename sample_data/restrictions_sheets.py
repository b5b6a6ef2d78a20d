"""Restriction events as coders deliver them: rows with coders' noise, in the region's file layouts.

Some rows name the country instead of giving its code, some dates lack the day, sources are CIVICUS
newsfeed URLs, Factiva accession numbers or monitors' URLs, and summaries are free text (Russian in
Kazakhstan's Windows-1251 sheet). A sheet is written as XLSX (plain, with an instructions sheet and
a title row, or with a blank first worksheet) or as CSV in one of ``CSV_LAYOUTS``.
"""

from __future__ import annotations

import csv
import itertools
import random
import re
import string
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sample_data import xlsx
from sample_data.restrictions_events import HV, LEG, SLC, Event, Profile, weighted_choice

COLUMNS = (
    "event_id",
    "country",
    "event_date",
    "restriction_type",
    "harm",
    "status",
    "charge_link",
    "targets",
    "initiators",
    "initiator_country",
    "summary",
    "source_type",
    "source_ref",
)

ALIAS_SHARE = 0.04
MONTH_ONLY_SHARE = 0.05
ALIASES: dict[str, tuple[str, ...]] = {
    "KAZ": ("Kazakhstan", "Republic of Kazakhstan"),
    "KGZ": ("Kyrgyzstan", "Kyrgyz Republic"),
    "BIH": ("Bosnia-Herzegovina", "Bosnia and Herzegovina"),
    "MDA": ("Moldova", "Republic of Moldova"),
}
SOURCE_WEIGHTS = {"civicus": 45, "factiva": 40, "other": 15}
BASE36 = string.digits + string.ascii_lowercase
FACTIVA_SOURCES = ("TASS", "INTFAX", "BBCMNF", "AFPR", "LBA", "DJ")
SLUG_TOPICS = {
    HV: ("protesters-detained", "journalists-harassed", "activists-attacked", "critics-detained"),
    LEG: ("new-law-restricts-assembly", "draft-media-law-criticised", "ngo-rules-tightened"),
    SLC: ("activist-sentenced", "criminal-case-against-journalist", "opposition-leader-charged"),
}
TARGET_PHRASES = {
    "media_journalist": "journalists",
    "political_opposition": "opposition members",
    "formal_cso_ngo": "NGO staff",
    "individual_activist": "activists",
    "other_community_group": "community group members",
    "other": "civic actors",
}
INITIATOR_PHRASES = {
    "government": "police",
    "domestic_non_government": "private individuals",
    "foreign_government": "foreign officials",
    "unidentified": "unidentified assailants",
}
SUMMARIES: dict[tuple[str, str], tuple[str, ...]] = {
    (HV, "harassment+acted_on"): (
        "{initiator} detained {target} in {place}.",
        "{initiator} searched the homes of {target} in {place}.",
        "{target} intimidated by {initiator} in {place}.",
    ),
    (HV, "harassment+threatened"): ("{target} in {place} received threats from {initiator}.",),
    (HV, "violence+acted_on"): ("{target} beaten by {initiator} in {place}.",),
    (HV, "violence+threatened"): ("{target} in {place} threatened with attack by {initiator}.",),
    (LEG, "proposed"): ("Draft rules restricting {theme} submitted in {place}.",),
    (LEG, "passed"): ("Law restricting {theme} signed into force in {place}.",),
    (SLC, "direct"): ("Criminal case opened against {target} in {place} over {charge}.",),
    (SLC, "indirect"): ("{target} in {place} charged with {charge}.",),
}
THEMES = ("media reporting", "public assemblies", "NGO funding", "online speech")
CHARGES = {
    "direct": ("an unsanctioned rally", "spreading false information", "inciting discord"),
    "indirect": ("fraud", "tax evasion", "embezzlement"),
}


@dataclass(frozen=True)
class Phrasebook:
    """The words of a free-text summary in one language; every book has the same shape."""

    summaries: dict[tuple[str, str], tuple[str, ...]]
    targets: dict[str, str]
    initiators: dict[str, str]
    themes: tuple[str, ...]
    charges: dict[str, tuple[str, ...]]
    places: dict[str, str]
    joiner: str


ENGLISH = Phrasebook(SUMMARIES, TARGET_PHRASES, INITIATOR_PHRASES, THEMES, CHARGES, {}, " and ")
# Kazakhstan's coders write in Russian: coder's shorthand, targets in the genitive plural.
RUSSIAN = Phrasebook(
    summaries={
        (HV, "harassment+acted_on"): (
            "{place}: задержание {target}, инициатор: {initiator}.",
            "{place}: обыски в домах {target}, инициатор: {initiator}.",
            "{place}: давление на {target}, инициатор: {initiator}.",
        ),
        (HV, "harassment+threatened"): (
            "{place}: угрозы в адрес {target}, источник: {initiator}.",
        ),
        (HV, "violence+acted_on"): ("{place}: избиение {target}, нападавшие: {initiator}.",),
        (HV, "violence+threatened"): (
            "{place}: угрозы расправой в адрес {target}, источник: {initiator}.",
        ),
        (LEG, "proposed"): ("{place}: внесён проект норм, ограничивающих {theme}.",),
        (LEG, "passed"): ("{place}: подписан закон, ограничивающий {theme}.",),
        (SLC, "direct"): ("{place}: уголовное дело против {target} по обвинению в {charge}.",),
        (SLC, "indirect"): ("{place}: обвинение {target} в {charge}.",),
    },
    targets={
        "media_journalist": "журналистов",
        "political_opposition": "членов оппозиции",
        "formal_cso_ngo": "сотрудников некоммерческих организаций",
        "individual_activist": "активистов",
        "other_community_group": "членов общественных групп",
        "other": "гражданских активистов",
    },
    initiators={
        "government": "полиция",
        "domestic_non_government": "частные лица",
        "foreign_government": "иностранные чиновники",
        "unidentified": "неизвестные",
    },
    themes=(
        "работу журналистов",
        "публичные собрания",
        "финансирование общественных организаций",
        "высказывания в интернете",
    ),
    charges={
        "direct": (
            "участии в несанкционированном митинге",
            "распространении ложной информации",
            "разжигании розни",
        ),
        "indirect": ("мошенничестве", "уклонении от уплаты налогов", "растрате"),
    },
    places={"KAZ": "Казахстан"},
    joiner=" и ",
)
CSV_LAYOUTS = {  # layout -> (encoding, delimiter)
    "csv": ("utf-8", ","),
    "csv_bom": ("utf-8-sig", ","),
    "csv_semicolon": ("utf-8-sig", ";"),
    "csv_cp1251": ("cp1251", ";"),
}
INSTRUCTIONS = (
    ("Restriction coding sheet",),
    ("One row per restriction of a civic space actor; the codebook lists every column.",),
    ("Several targets or initiators: separate them with |.",),
    ("Dates: YYYY-MM-DD, or YYYY-MM when the day is unknown.",),
)
FIXED_TIME = datetime(2021, 6, 30, 12, 0, 0)  # workbook and zip timestamps, for stable bytes


def row(
    rng: random.Random, event: Event, event_id: str, profile: Profile, book: Phrasebook
) -> tuple[str, ...]:
    """The event as a sheet row, with the noise real coders add."""
    code = event.geo.code
    country = code
    if rng.random() < ALIAS_SHARE:
        country = rng.choice(ALIASES.get(code, (event.geo.name,)))
    event_date = event.day.isoformat()
    if rng.random() < MONTH_ONLY_SHARE:
        event_date = event_date[:7]
    initiator_country = ""
    if "foreign_government" in event.initiators.split("|"):
        initiator_country = rng.choice(profile.foreign)
    source_type = weighted_choice(rng, SOURCE_WEIGHTS)
    return (
        event_id,
        country,
        event_date,
        event.restriction_type,
        event.harm,
        event.status,
        event.charge_link,
        event.targets,
        event.initiators,
        initiator_country,
        _summary(rng, event, book),
        source_type,
        _source_ref(rng, event, source_type),
    )


def _summary(rng: random.Random, event: Event, book: Phrasebook) -> str:
    """Every phrasebook has the same shape, so the same draws pick the same sentence."""
    detail = "+".join(filter(None, (event.harm, event.status, event.charge_link)))
    template = rng.choice(book.summaries[(event.restriction_type, detail)])
    text = template.format(
        target=book.joiner.join(book.targets[t] for t in event.targets.split("|")),
        initiator=book.initiators[event.initiators.split("|")[0]],
        place=book.places.get(event.geo.code, event.geo.name),
        theme=rng.choice(book.themes),
        charge=rng.choice(book.charges[event.charge_link]) if event.charge_link else "",
    )
    return text[0].upper() + text[1:]


def _source_ref(rng: random.Random, event: Event, source_type: str) -> str:
    """A CIVICUS newsfeed URL, Factiva accession number(s) or a local monitor's URL."""
    slug = f"{_slug(event.geo.name)}-{rng.choice(SLUG_TOPICS[event.restriction_type])}"
    published = event.day + timedelta(days=rng.randint(1, 20))
    if source_type == "civicus":
        return f"https://monitor.civicus.org/newsfeed/{published:%Y/%m/%d}/{slug}/"
    if source_type == "factiva":
        count = weighted_choice(rng, {1: 70, 2: 20, 3: 10})
        return "|".join(_accession_number(rng, event.day) for _ in range(count))
    if rng.random() < 0.5:
        return f"https://www.hrw.org/news/{published:%Y/%m/%d}/{slug}"
    return f"https://www.rferl.org/a/{slug}/{rng.randint(28_000_000, 31_000_000)}.html"


def _accession_number(rng: random.Random, day: date) -> str:
    """Factiva AN: source code padded to 8, date, 'e' + base-36 date code, sequence, check char."""
    published = day + timedelta(days=rng.randint(0, 7))
    code = "e" + "".join(BASE36[n] for n in (published.year - 2004, published.month, published.day))
    source = rng.choice(FACTIVA_SOURCES).ljust(8, "0")
    sequence = f"{rng.randint(1, 250):04d}{rng.choice(string.ascii_lowercase)}"
    return f"{source}{published:%Y%m%d}{code}{sequence}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_sheet(path: Path, rows: list[tuple[str, ...]], layout: str, title: str) -> None:
    if layout.startswith("xlsx"):
        _write_xlsx(path, rows, layout, title)
        return
    encoding, delimiter = CSV_LAYOUTS[layout]
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[tuple[str, ...]], layout: str, title: str) -> None:
    sheets: list[xlsx.Sheet] = []
    if layout == "xlsx_titled":
        sheets.append(("Instructions", INSTRUCTIONS))
    elif layout == "xlsx_blank_first":
        sheets.append(("Sheet1", ()))
    header = [(title,), COLUMNS] if layout == "xlsx_titled" else [COLUMNS]
    cells = ([value or None for value in row] for row in rows)
    sheets.append(("restrictions", itertools.chain(header, cells)))
    xlsx.write_workbook(path, sheets, saved=FIXED_TIME, creator="civic space coders")
