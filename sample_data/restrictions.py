"""Restriction coding sheets (``restrictions/``) in the contract's format for all 24 geographies.

Kazakhstan is calibrated so that the pipeline has to reproduce the published country report exactly
(Table 2, Table 3, Figures 2-5); the other geographies get plausible volumes and shapes. Files mix
XLSX with CSV with and without a BOM, some rows name the country instead of giving its code, some
dates lack the day and a few fall outside the window, because real coder deliveries do. A few
sheets are saved the way the region's Excel installs save them (``SAVED_AS``): Windows-1251 with
``;`` and Russian summaries, a European ``;`` CSV, an instructions sheet and a title row above the
header, a blank first worksheet. Only the bytes differ: the coded content is the same.
"""

from __future__ import annotations

import calendar
import csv
import itertools
import random
import re
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sample_data import xlsx
from sample_data.geographies import ALL, Geography

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

HV, LEG, SLC = "harassment_violence", "restrictive_legislation", "state_legal_case"
TYPES = (HV, LEG, SLC)
YEARS = (2017, 2018, 2019, 2020, 2021)  # the window ends 2021-03-31
WINDOW_MONTHS = tuple((y, m) for y in YEARS for m in range(1, 13) if (y, m) <= (2021, 3))
OUTSIDE_MONTHS = ((2016, 10), (2016, 11), (2016, 12), (2021, 4), (2021, 5), (2021, 6))

# --- Kazakhstan calibration (AidData country report, April 2023) -------------------------------

# Table 2: in-window events by type and year (2021 = January to March).
KAZ_TABLE_2: dict[str, tuple[int, ...]] = {
    HV: (43, 84, 129, 163, 12),
    LEG: (9, 7, 4, 6, 0),
    SLC: (41, 36, 64, 98, 10),
}

# Attribute cells. Each (type, fields) dimension sums to that type's Table 2 total and is allocated
# to the type's events independently, so every published marginal holds exactly. Fields joined by
# "+" are fixed together; "|" separates the values of a multi-valued cell, as in the sheets.
KAZ_CELLS: tuple[tuple[str, str, str, int], ...] = (
    # Figure 2: 190 of 431 events target the political opposition (44%), media second (118).
    (HV, "targets", "political_opposition", 168),
    (HV, "targets", "political_opposition|individual_activist", 12),
    (HV, "targets", "political_opposition|media_journalist", 10),
    (HV, "targets", "media_journalist", 104),
    (HV, "targets", "media_journalist|formal_cso_ngo", 4),
    (HV, "targets", "individual_activist", 62),
    (HV, "targets", "formal_cso_ngo", 25),
    (HV, "targets", "other_community_group", 22),
    (HV, "targets", "other", 24),
    # Figure 3: 453 initiator mentions (380/45/21/7) on 431 events, 22 of which name two.
    (HV, "initiators", "government", 358),
    (HV, "initiators", "government|unidentified", 8),
    (HV, "initiators", "government|domestic_non_government", 9),
    (HV, "initiators", "government|foreign_government", 5),
    (HV, "initiators", "unidentified", 37),
    (HV, "initiators", "domestic_non_government", 12),
    (HV, "initiators", "foreign_government", 2),
    # Figure 4: harm by threatened / acted on.
    (HV, "harm+status", "harassment+threatened", 11),
    (HV, "harm+status", "harassment+acted_on", 366),
    (HV, "harm+status", "violence+threatened", 7),
    (HV, "harm+status", "violence+acted_on", 47),
    # Legislation: media control and assembly; proposed or passed.
    (LEG, "targets", "media_journalist", 10),
    (LEG, "targets", "other", 6),
    (LEG, "targets", "political_opposition", 4),
    (LEG, "targets", "media_journalist|other", 2),
    (LEG, "targets", "other_community_group", 2),
    (LEG, "targets", "formal_cso_ngo", 2),
    (LEG, "status", "proposed", 15),
    (LEG, "status", "passed", 11),
    (LEG, "initiators", "government", 26),
    # Table 3 (265 defendant mentions, 16 two-category cases) by Figure 5 (194 direct, 55 indirect).
    (SLC, "targets+charge_link", "political_opposition+direct", 70),
    (SLC, "targets+charge_link", "political_opposition+indirect", 8),
    (SLC, "targets+charge_link", "media_journalist+direct", 24),
    (SLC, "targets+charge_link", "media_journalist+indirect", 9),
    (SLC, "targets+charge_link", "formal_cso_ngo+direct", 12),
    (SLC, "targets+charge_link", "formal_cso_ngo+indirect", 10),
    (SLC, "targets+charge_link", "individual_activist+direct", 46),
    (SLC, "targets+charge_link", "individual_activist+indirect", 10),
    (SLC, "targets+charge_link", "other_community_group+direct", 14),
    (SLC, "targets+charge_link", "other_community_group+indirect", 5),
    (SLC, "targets+charge_link", "other+direct", 15),
    (SLC, "targets+charge_link", "other+indirect", 10),
    (SLC, "targets+charge_link", "political_opposition|individual_activist+direct", 7),
    (SLC, "targets+charge_link", "political_opposition|individual_activist+indirect", 1),
    (SLC, "targets+charge_link", "media_journalist|political_opposition+direct", 3),
    (SLC, "targets+charge_link", "formal_cso_ngo|individual_activist+direct", 1),
    (SLC, "targets+charge_link", "formal_cso_ngo|individual_activist+indirect", 2),
    (SLC, "targets+charge_link", "other_community_group|other+direct", 2),
    (SLC, "initiators", "government", 249),
)

KAZ_IN_WINDOW = sum(map(sum, KAZ_TABLE_2.values()))

# Kept on top of the calibrated events, so the pipeline's window flag has something to flag.
KAZ_OUT_OF_WINDOW: tuple[tuple[date, str], ...] = (
    (date(2016, 11, 17), HV),
    (date(2016, 12, 16), HV),
    (date(2021, 4, 20), SLC),
)

# --- Every other geography: plausible volumes and shapes ----------------------------------------


@dataclass(frozen=True)
class Profile:
    """How much a geography's coders record, of which type, when, and which foreign states act."""

    events: int  # in-window events at scale 1
    mix: tuple[float, float, float]  # weights of HV, LEG, SLC
    hot: tuple[tuple[int, int], ...]  # (year, month) of elections, protests, crackdowns
    foreign: tuple[str, ...]  # alpha-3 of foreign government initiators


_BASE = (0.62, 0.05, 0.33)
_LEGAL = (0.45, 0.05, 0.50)
_TERRITORY = (0.60, 0.10, 0.30)
_PROTEST = (0.70, 0.03, 0.27)

PROFILES: dict[str, Profile] = {
    "ALB": Profile(110, _BASE, ((2019, 2), (2019, 5)), ("TUR",)),
    "ARM": Profile(180, _BASE, ((2018, 4), (2018, 5)), ("AZE", "RUS")),
    "AZE": Profile(620, _LEGAL, ((2019, 10), (2020, 7)), ("RUS", "TUR")),
    "BLR": Profile(880, _PROTEST, ((2017, 3), (2020, 8), (2020, 9), (2020, 10)), ("RUS",)),
    "BIH": Profile(140, _BASE, ((2018, 5), (2018, 12)), ("SRB", "RUS")),
    "GEO": Profile(330, _BASE, ((2019, 6), (2019, 11), (2020, 11)), ("RUS",)),
    "KAZ": Profile(KAZ_IN_WINDOW, _BASE, ((2019, 6), (2020, 2)), ("CHN", "RUS")),
    "XKX": Profile(30, _BASE, ((2018, 3),), ("TUR", "SRB")),
    "KGZ": Profile(360, _BASE, ((2017, 10), (2020, 10)), ("CHN", "RUS")),
    "MDA": Profile(170, _BASE, ((2019, 6),), ("RUS", "TUR")),
    "MNE": Profile(45, _BASE, ((2019, 2), (2020, 8)), ("SRB",)),
    "MKD": Profile(40, _BASE, ((2017, 4),), ("RUS",)),
    "SRB": Profile(260, _BASE, ((2019, 3), (2020, 7)), ("RUS",)),
    "TJK": Profile(300, _LEGAL, ((2018, 9), (2020, 10)), ("RUS",)),
    "TKM": Profile(110, _LEGAL, ((2020, 7),), ("RUS", "TUR")),
    "UKR": Profile(520, _BASE, ((2019, 3), (2019, 4)), ("RUS",)),
    "UZB": Profile(280, _LEGAL, ((2017, 9),), ("RUS",)),
    "ABK": Profile(25, _TERRITORY, ((2020, 1),), ("RUS",)),
    "SOS": Profile(20, _TERRITORY, ((2019, 10),), ("RUS",)),
    "TRN": Profile(35, _TERRITORY, ((2020, 4),), ("RUS",)),
    "CRM": Profile(240, _LEGAL, ((2019, 3),), ("RUS",)),
    "DNR": Profile(110, _TERRITORY, ((2019, 5),), ("RUS",)),
    "LNR": Profile(80, _TERRITORY, ((2017, 11),), ("RUS",)),
    "NKR": Profile(20, _TERRITORY, ((2020, 10), (2020, 11)), ("AZE",)),
}

YEAR_TREND = {2017: 1.0, 2018: 1.1, 2019: 1.25, 2020: 1.4, 2021: 1.3}  # per month
HOT_FACTOR = 4.0

TARGET_WEIGHTS: dict[str, dict[str, float]] = {
    HV: {
        "political_opposition": 35,
        "media_journalist": 25,
        "individual_activist": 18,
        "formal_cso_ngo": 9,
        "other_community_group": 7,
        "other": 6,
    },
    LEG: {
        "media_journalist": 35,
        "formal_cso_ngo": 25,
        "other": 20,
        "political_opposition": 12,
        "other_community_group": 8,
    },
    SLC: {
        "political_opposition": 32,
        "individual_activist": 25,
        "media_journalist": 15,
        "formal_cso_ngo": 10,
        "other_community_group": 8,
        "other": 10,
    },
}
HV_INITIATOR_WEIGHTS = {
    "government": 80,
    "unidentified": 11,
    "domestic_non_government": 6,
    "foreign_government": 3,
}
HARM_STATUS_WEIGHTS = {
    ("harassment", "threatened"): 4,
    ("harassment", "acted_on"): 78,
    ("violence", "threatened"): 3,
    ("violence", "acted_on"): 15,
}
INDIRECT_SHARE = {"political_opposition": 0.1, "formal_cso_ngo": 0.45, "other": 0.4}
SECOND_TARGET_SHARE = 0.06
SECOND_INITIATOR_SHARE = 0.05

# --- Sheet realism -----------------------------------------------------------------------------

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
FORMATS = ("xlsx", "csv_bom", "csv")
# Sheets saved as real installs save them (file stem -> layout); the rest rotate through FORMATS.
SAVED_AS: dict[str, str] = {
    "kaz_2017_2018": "xlsx_titled",  # an instructions worksheet first, a title row above the header
    "kaz_2020_2021": "csv_cp1251",  # Russian Excel "CSV": Windows-1251, ';', summaries in Russian
    "srb_2020_2021": "csv_semicolon",  # Excel "CSV UTF-8" with a European list separator: BOM, ';'
    "ukr_2017_2018": "xlsx_blank_first",  # the data on the second worksheet, the first left blank
}
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

T = TypeVar("T")


@dataclass(frozen=True)
class Event:
    """One coded restriction before the sheet-level noise (aliases, day precision, sources)."""

    geo: Geography
    day: date
    restriction_type: str
    targets: str
    initiators: str
    harm: str = ""
    status: str = ""
    charge_link: str = ""


def generate(landing_dir: Path, *, scale: int = 1, seed: int) -> list[Path]:
    """Write every geography's restriction sheets to ``landing_dir/restrictions``; return them."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    out = Path(landing_dir) / "restrictions"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for index, geo in enumerate(ALL):
        written += _write_geography(out, index, geo, scale, seed)
    return written


def _write_geography(out: Path, index: int, geo: Geography, scale: int, seed: int) -> list[Path]:
    """Generate ``scale`` independent replicas of a geography and split them into period sheets."""
    profile = PROFILES[geo.code]
    events: list[Event] = []
    for replica in range(scale):
        rng = random.Random(f"{seed}:{geo.code}:{replica}")
        if geo.code == "KAZ":
            events += _calibrated_events(rng, geo, profile)
        else:
            events += _sampled_events(rng, geo, profile)
    events.sort(key=lambda event: event.day)

    rng = random.Random(f"{seed}:{geo.code}:rows")
    periods = _periods(profile.events)
    stems, layouts = [], []
    for number, (first, last) in enumerate(periods):
        stems.append(f"{geo.code.lower()}_{first}" + ("" if first == last else f"_{last}"))
        layouts.append(SAVED_AS.get(stems[-1], FORMATS[(index + number) % len(FORMATS)]))
    rows: list[list[tuple[str, ...]]] = [[] for _ in periods]
    per_year: Counter[int] = Counter()
    for event in events:
        per_year[event.day.year] += 1
        event_id = f"{geo.code}-{event.day.year}-{per_year[event.day.year]:04d}"
        period = _period_of(periods, event.day.year)
        book = RUSSIAN if layouts[period] == "csv_cp1251" else ENGLISH
        rows[period].append(_row(rng, event, event_id, profile, book))

    paths = []
    for stem, layout, (first, last), period_rows in zip(stems, layouts, periods, rows, strict=True):
        path = out / f"{stem}.{'xlsx' if layout.startswith('xlsx') else 'csv'}"
        title = f"Restrictions of civic space actors: {geo.name}, {first}-{last}"
        _write_sheet(path, period_rows, layout, title)
        paths.append(path)
    return paths


def _calibrated_events(rng: random.Random, geo: Geography, profile: Profile) -> list[Event]:
    """Kazakhstan: Table 2 fixes type and year; KAZ_CELLS' dimensions are shuffled onto them."""
    calendar_of = {}
    for year in YEARS:
        months = [month for month in WINDOW_MONTHS if month[0] == year]
        calendar_of[year] = months, _month_weights(months, profile.hot)
    events = []
    for rtype, per_year in KAZ_TABLE_2.items():
        years = [year for year, n in zip(YEARS, per_year, strict=True) for _ in range(n)]
        dimensions: dict[str, list[dict[str, str]]] = {}
        for cell_type, fields, values, n in KAZ_CELLS:
            if cell_type == rtype:
                cell = dict(zip(fields.split("+"), values.split("+"), strict=True))
                dimensions.setdefault(fields, []).extend([cell] * n)
        for cells in dimensions.values():
            rng.shuffle(cells)
        for year, *parts in zip(years, *dimensions.values(), strict=True):
            fields = {key: value for part in parts for key, value in part.items()}
            months, weights = calendar_of[year]
            day = _day_in(rng, rng.choices(months, weights)[0])
            events.append(Event(geo, day, rtype, **fields))
    events += [_sample_event(rng, geo, rtype, day) for day, rtype in KAZ_OUT_OF_WINDOW]
    return events


def _sampled_events(rng: random.Random, geo: Geography, profile: Profile) -> list[Event]:
    """Other geographies: exactly ``profile.events`` in the window plus up to two outside it."""
    months = rng.choices(
        WINDOW_MONTHS, _month_weights(WINDOW_MONTHS, profile.hot), k=profile.events
    )
    months += [rng.choice(OUTSIDE_MONTHS) for _ in range(rng.randint(0, 2))]
    return [
        _sample_event(rng, geo, rng.choices(TYPES, profile.mix)[0], _day_in(rng, month))
        for month in months
    ]


def _sample_event(rng: random.Random, geo: Geography, rtype: str, day: date) -> Event:
    """Draw one event's coded attributes from the regional shape of its restriction type."""
    targets = _pick(rng, TARGET_WEIGHTS[rtype], SECOND_TARGET_SHARE)
    if rtype == HV:
        initiators = _pick(rng, HV_INITIATOR_WEIGHTS, SECOND_INITIATOR_SHARE)
        harm, status = _choice(rng, HARM_STATUS_WEIGHTS)
        return Event(geo, day, rtype, targets, initiators, harm=harm, status=status)
    if rtype == LEG:
        status = _choice(rng, {"proposed": 55, "passed": 45})
        return Event(geo, day, rtype, targets, "government", status=status)
    indirect = rng.random() < INDIRECT_SHARE.get(targets.split("|")[0], 0.22)
    charge_link = "indirect" if indirect else "direct"
    return Event(geo, day, rtype, targets, "government", charge_link=charge_link)


def _choice(rng: random.Random, weights: dict[T, float]) -> T:
    return rng.choices(list(weights), list(weights.values()))[0]


def _pick(rng: random.Random, weights: dict[str, float], second_share: float) -> str:
    """One value, sometimes two distinct ones, joined as a multi-valued cell."""
    first = _choice(rng, weights)
    if rng.random() >= second_share:
        return first
    return f"{first}|{_choice(rng, {k: w for k, w in weights.items() if k != first})}"


def _month_weights(
    months: Sequence[tuple[int, int]], hot: tuple[tuple[int, int], ...]
) -> list[float]:
    """A rising regional trend, with spikes around a geography's elections and protests."""
    return [YEAR_TREND[y] * (HOT_FACTOR if (y, m) in hot else 1.0) for y, m in months]


def _day_in(rng: random.Random, month: tuple[int, int]) -> date:
    year, number = month
    return date(year, number, rng.randint(1, calendar.monthrange(year, number)[1]))


def _periods(events: int) -> tuple[tuple[int, int], ...]:
    """Busier geographies are coded in more, shorter sheets."""
    if events < 60:
        return ((2017, 2021),)
    if events < 250:
        return ((2017, 2018), (2019, 2021))
    return ((2017, 2018), (2019, 2019), (2020, 2021))


def _period_of(periods: tuple[tuple[int, int], ...], year: int) -> int:
    """Out-of-window years land in the first or last sheet, as a coder would file them."""
    return next((i for i, (_, last) in enumerate(periods) if year <= last), len(periods) - 1)


def _row(
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
    source_type = _choice(rng, SOURCE_WEIGHTS)
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
        count = _choice(rng, {1: 70, 2: 20, 3: 10})
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


def _write_sheet(path: Path, rows: list[tuple[str, ...]], layout: str, title: str) -> None:
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
