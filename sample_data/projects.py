# ruff: noqa: E501, RUF001
"""Russian state-backed projects (``projects/``), their registries (``registry/``) and the Factiva
article store they cite (``factiva/``), as coders and Factiva ship them.

Kazakhstan (replica 0) is calibrated to the country report's section 3.1 (see
``projects_calibration``); the Kyrgyz Republic has exactly 165 in-window projects, the other
geographies plausible smaller volumes. Sheets are awkward like real ones: names written as aliases,
in other case, with doubled spaces, typographic quotes or en-dashes; month-only dates; a
Windows-1251 Kyrgyz sheet with Russian titles; a workbook with a title row above the header.
``projects_factiva.CALIBRATION`` (filled by :func:`generate`) records which accession numbers the
update deliveries replace or delete.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sample_data import factiva, projects_factiva
from sample_data import projects_calibration as calibration
from sample_data import projects_kazakhstan as kz
from sample_data import projects_regions as regions
from sample_data import projects_sheets as sheets
from sample_data.geographies import BY_CODE

COLUMNS = (
    "project_id", "country", "title", "description", "start_date", "date_estimated",
    "russian_entities", "recipients", "places", "support_kind", "amount", "currency",
    "amount_estimated", "themes", "beneficiary_kind", "source_ans", "source_urls",
)  # fmt: skip
WINDOW = (date(2015, 1, 1), date(2021, 8, 31))
YEAR_WEIGHTS = {2015: 0.8, 2016: 1.0, 2017: 1.2, 2018: 1.4, 2019: 1.6, 2020: 1.1, 2021: 0.5}
THEMES = ("youth", "culture", "language", "wwii_commemoration", "religion", "compatriots",
          "education", "sport", "governance", "media", "security")  # fmt: skip
TITLES: dict[str, tuple[str, str]] = {  # theme -> (English, Russian)
    "youth": ("Youth forum on Russian history and culture", "Молодёжный форум по истории и культуре России"),
    "culture": ("Festival of Russian folk song", "Фестиваль русской народной песни"),
    "language": ("Russian language olympiad for schoolchildren", "Олимпиада по русскому языку для школьников"),
    "wwii_commemoration": ("Wreath-laying and round table on the Great Patriotic War", "Возложение венков и круглый стол о Великой Отечественной войне"),
    "religion": ("Donation of icons and Orthodox Christmas celebration", "Передача икон и празднование Рождества"),
    "compatriots": ("Conference of Russian compatriot organisations", "Конференция организаций российских соотечественников"),
    "education": ("Seminar for teachers of Russian language and literature", "Семинар для учителей русского языка и литературы"),
    "sport": ("Youth chess and sambo tournament", "Молодёжный турнир по шахматам и самбо"),
    "governance": ("Exchange of experience in public administration", "Обмен опытом в сфере государственного управления"),
    "media": ("Seminar for Russian-language journalists", "Семинар для русскоязычных журналистов"),
    "security": ("Training on counter-terrorism and border security", "Тренинг по противодействию терроризму"),
    "tatar_identity": ("Evening of Tatar poetry and music", "Вечер татарской поэзии и музыки"),
    "cossack_culture": ("Festival of Cossack culture", "Фестиваль казачьей культуры"),
    "eurasian_integration": ("Round table on Eurasian integration", "Круглый стол по евразийской интеграции"),
}  # fmt: skip
SUPPORT = {"cooperation": 45, "in_kind": 30, "technical_assistance": 15, "financial": 10}
CURRENCIES = {"KAZ": "KZT", "KGZ": "KGS", "BLR": "BYN", "UKR": "UAH", "ABK": "RUB", "SOS": "RUB"}
URL_SITES = {"KAZ": ("kaz.rs.gov.ru/ru/news", "uralsk.mid.ru/ru/press", "www.kazpravda.kz/n"),
             "KGZ": ("kgz.rs.gov.ru/ru/news", "kg.mid.ru/ru/press", "24.kg/obschestvo")}  # fmt: skip
DEFAULT_SITES = ("rs.gov.ru/ru/news", "russkiymir.ru/news", "gorchakovfund.ru/news")
SHEETS = {  # geography -> ((first year, last year, layout), ...); years outside the window included
    "KAZ": ((2010, 2016, "csv"), (2017, 2018, "xlsx_titled"), (2019, 2030, "csv_bom_semicolon")),
    "KGZ": ((2010, 2017, "csv_cp1251"), (2018, 2030, "xlsx")),
}
LAYOUTS = ("csv", "xlsx", "csv_bom")
CSV_LAYOUTS = {"csv": ("utf-8", ","), "csv_bom": ("utf-8-sig", ","),
               "csv_bom_semicolon": ("utf-8-sig", ";"), "csv_cp1251": ("cp1251", ";")}  # fmt: skip
OUT_OF_WINDOW_KAZ = (
    (date(2014, 11, 14), calibration.CGO, "Old Oral Museum", "Oral", "Exhibition of Ural Cossack household items"),
    (date(2014, 12, 5), calibration.R, "Russian Cultural Center", "Nur-Sultan", "New Year concert for compatriots"),
    (date(2021, 10, 8), f"{calibration.R}|{calibration.CGA}", "Universe of Dolls Public Fund", "Almaty", "Exhibition of dolls in Russian folk costumes"),
)  # fmt: skip
# Spellings every Kazakhstan sheet shows at least once (canonical name -> written forms).
FORCED = {
    "Old Oral Museum": ["Cultural and Educational Foundation «Old Uralsk»", "Cultural and Educational Foundation “Old Uralsk”", "Old Uralsk Folk Museum of Local Lore", "OLD ORAL MUSEUM"],
    "Embassy in Nur-Sultan": ["Embassy in Nut-Sultan", "Embassy in Astana"],
    "Consulate General in Oskemen": ["Consulate General in Ostmen"],
    "Roscosmos": ["Roscomos"],
    "Law enforcement - unspecified": ["Law enforcement – unspecified"],
    "Oral": ["Uralsk"], "Petropavl": ["Petropavlovsk"], "Semey": ["Semipalatinsk"],
    "Oskemen": ["Ust-Kamenogorsk"], "Nur-Sultan": ["Astana", "Nur–Sultan"],
}  # fmt: skip


@dataclass
class Row:
    project_id: str
    country: str
    title: str
    day: date
    entities: list[str]
    recipients: list[str]
    places: list[str]
    themes: list[str]
    regulator: bool = False
    replica: int = 0
    ans: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    @property
    def in_window(self) -> bool:
        return WINDOW[0] <= self.day <= WINDOW[1]


def generate(
    landing_dir: Path, *, scale: int = 1, seed: int, executor: Executor | None = None
) -> list[Path]:
    """Write registry/, projects/ and factiva/ below ``landing_dir``; return the files.

    ``executor`` (processes) renders the Factiva article bodies.
    """
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    landing_dir = Path(landing_dir)
    registry = _registry()
    rows: list[Row] = []
    for replica in range(scale):
        rows += _kazakhstan(seed, replica)
        for code in regions.VOLUMES:
            if regions.volume(code):
                rows += _sampled(seed, code, replica, registry)
    taken: set[str] = set()
    articles = _cite(seed, rows, taken)
    written = _write_registry(landing_dir / "registry", registry)
    written += _write_sheets(landing_dir / "projects", seed, rows, registry)
    written += projects_factiva.write(
        landing_dir / "factiva", seed, scale, rows, articles, taken, executor
    )
    return written


# --- registries ---------------------------------------------------------------------------------


@dataclass
class Registry:
    entities: list[tuple[str, str, str, str, str]]
    orgs: dict[str, list[tuple[str, str, str, str, str]]]  # geo -> (id, name, aliases, type, home)
    places: dict[str, list[tuple[str, str, str, str, float, float]]]
    aliases: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (scope, name)
    missions: dict[str, list[str]] = field(default_factory=dict)


def _registry() -> Registry:
    entities = list(kz.RUSSIAN_ENTITIES)
    missions: dict[str, list[str]] = defaultdict(list)
    for geo, entity_id, name, aliases, kind in kz.MISSIONS:
        entities.append((entity_id, name, aliases, kind, kz.MFA))
        missions[geo].append(name)
    registry = Registry(entities, {}, {}, missions=dict(missions))
    kaz_orgs = calibration.organisations()
    registry.orgs["KAZ"] = [(f"KAZ-ORG-{i:04d}", o.name, o.aliases, o.org_type, o.home)
                            for i, o in enumerate(kaz_orgs, 1)]  # fmt: skip
    registry.places["KAZ"] = [(f"KAZ-PL-{i:03d}", *p) for i, p in enumerate(kz.PLACES, 1)]
    for code, towns in regions.TOWNS.items():
        orgs = regions.organisations(code)
        registry.orgs[code] = [(f"{code}-ORG-{i:04d}", o.name, o.aliases, o.org_type, o.town)
                               for i, o in enumerate(orgs, 1)]  # fmt: skip
        registry.places[code] = [(f"{code}-PL-{i:03d}", *t) for i, t in enumerate(towns, 1)]
    _check_unique([(e[1], e[2]) for e in entities], "russian_entities")
    for code in registry.orgs:
        _check_unique([(o[1], o[2]) for o in registry.orgs[code]], f"organisations {code}")
        _check_unique([(p[1], p[2]) for p in registry.places[code]], f"places {code}")
    registry.aliases = {("RU", e[1]): _split(e[2]) for e in entities}
    for code in registry.orgs:
        registry.aliases.update({(f"org:{code}", o[1]): _split(o[2]) for o in registry.orgs[code]})
        registry.aliases.update(
            {(f"place:{code}", p[1]): _split(p[2]) for p in registry.places[code]}
        )
    return registry


def _split(aliases: str) -> list[str]:
    return [alias for alias in aliases.split("|") if alias]


def normalise(name: str) -> str:
    """The contract's matching: case, runs of spaces, typographic quotes and dashes ignored."""
    for chars, plain in (("“”«»„", '"'), ("’", "'"), ("–—‑", "-")):
        for char in chars:
            name = name.replace(char, plain)
    return re.sub(r"\s+", " ", name).strip().casefold()


def _check_unique(entries: list[tuple[str, str]], what: str) -> None:
    seen = Counter(normalise(n) for name, aliases in entries
                   for n in [name, *filter(None, aliases.split("|"))])  # fmt: skip
    clashes = [name for name, n in seen.items() if n > 1]
    if clashes:
        raise ValueError(f"{what}: names not unique after normalisation: {clashes}")


# --- projects -----------------------------------------------------------------------------------


def _kazakhstan(seed: int, replica: int) -> list[Row]:
    rng = random.Random(f"{seed}:projects:KAZ:{replica}")
    rows = []
    for project in calibration.build(rng):
        title = project.title or _title(rng, project.themes, project.places[0], "en")
        rows.append(Row("", "KAZ", title, project.day, project.entities, project.recipients,
                        project.places, project.themes, project.regulator, replica))  # fmt: skip
    for day, entities, recipient, place, title in OUT_OF_WINDOW_KAZ:
        rows.append(Row("", "KAZ", title, day, entities.split("|"), [recipient], [place],
                        ["culture"], replica=replica))  # fmt: skip
    return _number(rows, "KAZ", replica)


def _sampled(seed: int, code: str, replica: int, registry: Registry) -> list[Row]:
    rng = regions.rng_for(seed, code, replica)
    names, weights = regions.entities(code, registry.missions)
    orgs = registry.orgs[code]
    towns = [p[1] for p in registry.places[code]]
    years = list(YEAR_WEIGHTS)
    days = []
    for year in rng.choices(years, list(YEAR_WEIGHTS.values()), k=regions.volume(code)):
        days.append(date(year, rng.randint(1, 8 if year == 2021 else 12), rng.randint(1, 28)))
    days += [rng.choice((date(2014, 10, 3), date(2021, 11, 19))) for _ in range(rng.randint(0, 1))]
    rows = []
    for day in days:
        entities = [rng.choices(names, weights)[0]]
        if rng.random() < 0.3:
            second = rng.choice(names)
            entities += [second] if second not in entities else []
        picked = rng.sample(orgs, rng.choice((1, 1, 1, 2, 2, 3)))
        home = picked[0][4]
        places = [home] + ([rng.choice(towns)] if rng.random() < 0.1 else [])
        themes = rng.sample(THEMES[:8], rng.choice((1, 2, 2, 3)))
        regulator = picked[0][3] == "government" and rng.random() < 0.3
        if regulator:
            themes = ["governance"]
        title = _title(rng, themes, home, "en")
        rows.append(Row("", code, title, day, entities, [o[1] for o in picked],
                        list(dict.fromkeys(places)), themes, regulator, replica))  # fmt: skip
    return _number(rows, code, replica)


def _title(rng: random.Random, themes: list[str], place: str, language: str) -> str:
    english, russian = TITLES[themes[0]]
    if language == "ru":
        return russian
    return rng.choice((f"{english} in {place}", english, f"{place}: {english.lower()}"))


def _number(rows: list[Row], code: str, replica: int) -> list[Row]:
    rows.sort(key=lambda r: (r.day, r.title, r.recipients))
    per_year: Counter[int] = Counter()
    stem = f"{code}-RP" + (f"{replica}" if replica else "")
    for row in rows:
        per_year[row.day.year] += 1
        row.project_id = f"{stem}-{row.day.year}-{per_year[row.day.year]:03d}"
    return rows


def _cite(seed: int, rows: list[Row], taken: set[str]) -> list[dict]:
    """Factiva articles (1-3) and/or country source URLs for every project."""
    rng = random.Random(f"{seed}:projects:sources")
    articles = []
    for row in rows:
        kind = rng.choices(("ans", "urls", "both"), (70, 15, 15))[0]
        if kind != "ans":
            for n in range(rng.choice((1, 1, 2))):
                site = rng.choice(URL_SITES.get(row.country, DEFAULT_SITES))
                row.urls.append(f"https://{site}/{row.day:%Y/%m}/{rng.randint(1000, 99999)}-{n}")
        if kind == "urls":
            continue
        for _ in range(rng.choices((1, 2, 3), (60, 30, 10))[0]):
            source = rng.choice(factiva.sources_for(row.country))
            published = datetime.combine(row.day, datetime.min.time()) + timedelta(
                days=rng.randint(0, 4), minutes=rng.randrange(1440)
            )
            language = rng.choice(factiva.SOURCES[source][2])
            title = row.title if language == "en" else _title(rng, row.themes, "", "ru")
            an = factiva.accession_number(rng, source, published, taken)
            row.ans.append(an)
            articles.append(factiva.article(
                an, title=title, source_code=source, published=published,
                language_code=language, geo=row.country, names=row.entities + row.recipients,
                place=row.places[0],
            ))  # fmt: skip
    return articles


# --- files --------------------------------------------------------------------------------------


def _write_registry(out: Path, registry: Registry) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = [sheets.write_table(out / "russian_entities.csv",
                                  ("entity_id", "name", "aliases", "entity_type", "parent"),
                                  [list(e) for e in registry.entities], "csv")]  # fmt: skip
    for code, orgs in registry.orgs.items():
        layout = "xlsx" if code == "KGZ" else ("csv_bom" if code == "KAZ" else "csv")
        suffix = "xlsx" if layout == "xlsx" else "csv"
        header = ("org_id", "name", "aliases", "org_type", "country", "place")
        table = [[i, name, aliases, kind, code, home] for i, name, aliases, kind, home in orgs]
        written.append(sheets.write_table(out / f"organisations_{code.lower()}.{suffix}",
                                          header, table, layout))  # fmt: skip
        header = ("place_id", "name", "aliases", "country", "admin1", "latitude", "longitude")
        table = [[i, n, a, code, admin1, f"{lat:.4f}", f"{lon:.4f}"]
                 for i, n, a, admin1, lat, lon in registry.places[code]]  # fmt: skip
        written.append(sheets.write_table(out / f"places_{code.lower()}.csv", header, table, "csv"))
    return written


def _write_sheets(out: Path, seed: int, rows: list[Row], registry: Registry) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}:projects:sheets")
    forced = {name: list(forms) for name, forms in FORCED.items()}
    written = []
    for index, code in enumerate(["KAZ", *(c for c in regions.VOLUMES if regions.volume(c))]):
        mine = [row for row in rows if row.country == code]
        plan = SHEETS.get(code, ((2010, 2030, LAYOUTS[index % len(LAYOUTS)]),))
        for first, last, layout in plan:
            chunk = [row for row in mine if first <= row.day.year <= last]
            span = f"{max(first, 2015)}_{min(last, 2021)}"
            suffix = "xlsx" if layout.startswith("xlsx") else "csv"
            russian = layout == "csv_cp1251"
            cells = [_cells(rng, row, registry, forced if code == "KAZ" and not row.replica
                            else {}, russian) for row in chunk]  # fmt: skip
            title = f"Russian state-backed projects: {BY_CODE[code].name}, {span.replace('_', '-')}"
            written.append(sheets.write_table(out / f"{code.lower()}_{span}.{suffix}", COLUMNS,
                                              cells, layout, title))  # fmt: skip
    return written


def _cells(rng: random.Random, row: Row, registry: Registry, forced: dict[str, list[str]],
           russian: bool) -> list[object]:  # fmt: skip
    def written(scope: str, name: str) -> str:
        if forced.get(name):
            return forced[name].pop(0)
        return sheets.spell(rng, name, registry.aliases[(scope, name)], russian=russian,
                            cp1251=russian)  # fmt: skip

    start = row.day.isoformat()
    estimated = rng.choice(("false", "", "", "", "true" if rng.random() < 0.2 else ""))
    if rng.random() < 0.08:
        start, estimated = start[:7], "true"
    country = row.country
    if rng.random() < 0.03:
        country = {"KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan"}.get(row.country, row.country)
    title = _title(rng, row.themes, "", "ru") if russian else row.title
    description = ""
    if rng.random() < 0.5:
        description = (f"{row.entities[0]}: {TITLES[row.themes[0]][1].lower()}, {row.places[0]}."
                       if russian else f"{row.entities[0]} supported {row.recipients[0]} "
                       f"in {row.places[0]}; see the cited sources.")  # fmt: skip
    amount = currency = amount_estimated = ""
    if rng.random() < 0.06:
        currency = rng.choice((CURRENCIES.get(row.country, "USD"), "RUB", "USD"))
        amount = round(rng.uniform(500, 50_000) * (450 if currency == "KZT" else 1), 2)
        amount_estimated = rng.choice(("true", "false", ""))
    return [
        row.project_id, country, title, description, start, estimated,
        sheets.join(rng, [written("RU", n) for n in row.entities]),
        sheets.join(rng, [written(f"org:{row.country}", n) for n in row.recipients]),
        sheets.join(rng, [written(f"place:{row.country}", n) for n in row.places]),
        rng.choices(list(SUPPORT), list(SUPPORT.values()))[0], amount, currency, amount_estimated,
        sheets.join(rng, row.themes), "regulator" if row.regulator else "civic_actor",
        sheets.join(rng, row.ans), sheets.join(rng, row.urls),
    ]  # fmt: skip
