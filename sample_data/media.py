# ruff: noqa: E501, RUF001
"""Russian state media mentions of civic space actors (``media/``) and of five keywords
(``keywords/``), with the TASS, Sputnik and RT articles they code as new Factiva deliveries.

Kazakhstan (every replica; replica 0 is the calibrated one the tests read) follows
``media_kazakhstan``: 85 in-window mentions of TASS and Sputnik articles, Tables 6-8 and the
election clustering of the report's section 3.2, plus one mention (and keyword mention) of an
article published after the window and one in-window mention whose article the delivery
``2022-01-10_update-0002.jsonl`` deletes. Other geographies get smaller volumes, clustered around
their elections; Kosovo, Turkmenistan and Nagorno-Karabakh none. Sheets are awkward like real
ones: actor names as aliases or in other case and spacing, a Windows-1251 ``;`` Kyrgyz sheet, a
workbook with a title row, a few countries written as English names.

Accession numbers never collide with articles already delivered in ``factiva/`` (the projects
generator writes first): their numbers are read back from those files and kept out.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sample_data import factiva
from sample_data import media_kazakhstan as kz
from sample_data import projects_sheets as sheets
from sample_data.geographies import BY_CODE

MEDIA_COLUMNS = ("mention_id", "an", "country", "actor_name", "actor_scope", "actor_kind",
                 "actor_category", "sentiment")  # fmt: skip
KEYWORD_COLUMNS = ("an", "country", "keyword", "sentiment")
SENTIMENTS = ("extremely_negative", "somewhat_negative", "neutral", "somewhat_positive",
              "extremely_positive")  # fmt: skip
KEYWORDS = ("nato", "european_union", "united_states", "democracy", "west")
WINDOW = (date(2015, 1, 1), date(2021, 3, 31))
DELIVERIES = ("2021-09-15_snapshot-0005.jsonl", "2021-09-15_snapshot-0006.csv",
              "2022-01-10_update-0002.jsonl")  # fmt: skip
AN_PATTERN = re.compile(rb"[A-Z0-9]{8}\d{8}e[0-9a-z]{3}\d{4}[a-z]")
DIGITS_AS_ONE = bytes.maketrans(b"0123456789", b"0" * 10)
DATE_THEN_E = b"0" * 8 + b"e"

# In-window (mentions, keyword mentions) per geography at scale 1; KAZ is calibrated apart.
VOLUMES: dict[str, tuple[int, int]] = {
    "KGZ": (64, 120), "BLR": (78, 150), "UKR": (96, 210), "GEO": (52, 96), "ARM": (47, 84),
    "MDA": (41, 90), "AZE": (33, 58), "UZB": (29, 44), "TJK": (21, 30), "SRB": (38, 77),
    "MNE": (17, 41), "MKD": (19, 45), "BIH": (14, 26), "ALB": (6, 12), "ABK": (12, 9),
    "SOS": (9, 7), "TRN": (15, 16), "CRM": (24, 31), "DNR": (18, 22), "LNR": (13, 14),
    "XKX": (0, 0), "TKM": (0, 0), "NKR": (0, 0),
}  # fmt: skip
EVENTS: dict[str, tuple[date, ...]] = {  # elections the coverage clusters around
    "KGZ": (date(2015, 10, 4), date(2017, 10, 15), date(2020, 10, 4), date(2021, 1, 10)),
    "BLR": (date(2015, 10, 11), date(2016, 9, 11), date(2020, 8, 9)),
    "UKR": (date(2019, 3, 31), date(2019, 7, 21)), "GEO": (date(2016, 10, 8), date(2018, 10, 28), date(2020, 10, 31)),
    "ARM": (date(2017, 4, 2), date(2018, 12, 9)), "MDA": (date(2016, 10, 30), date(2019, 2, 24), date(2020, 11, 1)),
    "AZE": (date(2018, 4, 11), date(2020, 2, 9)), "UZB": (date(2016, 12, 4), date(2019, 12, 22)),
    "TJK": (date(2020, 3, 1), date(2020, 10, 11)), "SRB": (date(2016, 4, 24), date(2017, 4, 2), date(2020, 6, 21)),
    "MNE": (date(2016, 10, 16), date(2020, 8, 30)), "MKD": (date(2018, 9, 30), date(2019, 4, 21)),
    "BIH": (date(2018, 10, 7),), "ALB": (date(2017, 6, 25),),
}  # fmt: skip
CAPITALS = {
    "KAZ": "Nur-Sultan", "KGZ": "Bishkek", "BLR": "Minsk", "UKR": "Kyiv", "GEO": "Tbilisi",
    "ARM": "Yerevan", "MDA": "Chisinau", "AZE": "Baku", "UZB": "Tashkent", "TJK": "Dushanbe",
    "SRB": "Belgrade", "MNE": "Podgorica", "MKD": "Skopje", "BIH": "Sarajevo", "ALB": "Tirana",
    "ABK": "Sukhum", "SOS": "Tskhinval", "TRN": "Tiraspol", "CRM": "Simferopol",
    "DNR": "Donetsk", "LNR": "Luhansk",
}  # fmt: skip
DOMESTIC_NAMED: dict[str, tuple[tuple[str, str], ...]] = {
    "KGZ": (("Kabar", "media"), ("AKIpress", "media"), ("Federation of Trade Unions of Kyrgyzstan", "community_organization"), ("Social Democratic Party of Kyrgyzstan", "political_party")),
    "BLR": (("BelTA", "media"), ("Belarusian Republican Youth Union", "community_organization"), ("Belarusian Orthodox Church", "religious"), ("Viasna", "cso_ngo")),
    "UKR": (("Ukrainska Pravda", "media"), ("Opposition Platform - For Life", "political_party"), ("Ukrainian Orthodox Church", "religious"), ("Right Sector", "other")),
    "GEO": (("Rustavi 2", "media"), ("Georgian Orthodox Church", "religious"), ("Transparency International Georgia", "cso_ngo")),
    "ARM": (("Armenpress", "media"), ("Yelk Alliance", "political_party"), ("Open Society Foundations Armenia", "cso_ngo")),
    "MDA": (("Party of Socialists", "political_party"), ("Moldpres", "media"), ("Promo-LEX", "cso_ngo")),
    "AZE": (("APA", "media"), ("Musavat", "political_party")), "UZB": (("UzA", "media"), ("Liberal Democratic Party of Uzbekistan", "political_party")),
    "TJK": (("Khovar", "media"),), "SRB": (("Tanjug", "media"), ("Serbian Orthodox Church", "religious"), ("Serbian Progressive Party", "political_party")),
    "MNE": (("Democratic Front", "political_party"), ("Serbian Orthodox Church in Montenegro", "religious")),
    "MKD": (("MIA", "media"), ("VMRO-DPMNE", "political_party")), "BIH": (("SNSD", "political_party"),),
    "ALB": (("ATA", "media"),), "ABK": (("Apsnypress", "media"),), "SOS": (("Res", "media"),),
    "TRN": (("Novosti Pridnestrovya", "media"),), "CRM": (("Krymskaya Pravda", "media"), ("Crimean Tatar Mejlis", "other")),
    "DNR": (("DAN", "media"),), "LNR": (("LIC", "media"),),
}  # fmt: skip
# (name, kind, category, lean: -1 negative, 0 neutral, 1 positive), written forms beside the name
INFORMAL = (("Journalists", "media", 0), ("Protesters", "protesters", -1), ("Non-Governmental Organizations", "cso_ngo", -1),
            ("Opposition Parties", "political_party", -1), ("Students", "education", 0), ("Religious Communities", "religious", 0),
            ("Russian Compatriots", "community_organization", 1), ("Veterans' Unions", "community_organization", 1), ("Bloggers", "media", 0))  # fmt: skip
EXTERNAL = (
    ("OSCE ODIHR", "intergovernmental", "", 0, ("OSCE ODIHR", "OSCE/ODIHR", "ODIHR")),
    ("CIS", "intergovernmental", "", 0, ("CIS", "Commonwealth of Independent States")),
    ("SCO", "intergovernmental", "", 1, ("SCO", "Shanghai Cooperation Organisation")),
    ("CSTO", "intergovernmental", "", 1, ("CSTO", "Collective Security Treaty Organization")),
    ("OSCE", "intergovernmental", "", 0, ("OSCE",)),
    ("PACE", "intergovernmental", "", -1, ("PACE", "Parliamentary Assembly of the Council of Europe")),
    ("Eurasian Economic Union", "intergovernmental", "", 1, ("Eurasian Economic Union", "EAEU")),
    ("United Nations", "intergovernmental", "", 0, ("United Nations", "UN")),
    ("TASS", "foreign_organization", "media", 0, ("TASS", "ITAR-TASS")),
    ("Sputnik", "foreign_organization", "media", 0, ("Sputnik", "Sputnik News Agency")),
    ("USAID", "foreign_organization", "other", -1, ("USAID",)),
    ("National Endowment for Democracy", "foreign_organization", "cso_ngo", -1, ("National Endowment for Democracy",)),
    ("Open Society Foundations", "foreign_organization", "cso_ngo", -1, ("Open Society Foundations",)),
    ("Rossotrudnichestvo", "foreign_organization", "cso_ngo", 1, ("Rossotrudnichestvo",)),
    ("International Organizations", "general_foreign", "", 0, ("International Organizations", "International Organisations")),
    ("Western NGOs", "general_foreign", "cso_ngo", -1, ("Western NGOs",)),
    ("Foreign Observers", "general_foreign", "", 0, ("Foreign Observers",)),
    ("Foreign Media", "general_foreign", "media", -1, ("Foreign Media",)),
)  # fmt: skip
LEAN_WEIGHTS = {-1: (15, 35, 40, 8, 2), 0: (2, 6, 84, 6, 2), 1: (1, 3, 46, 40, 10)}
KEYWORD_WEIGHTS = {"nato": (12, 25, 55, 6, 2), "european_union": (8, 20, 60, 9, 3),
                   "united_states": (15, 25, 52, 6, 2), "democracy": (5, 10, 50, 25, 10),
                   "west": (35, 35, 25, 4, 1)}  # fmt: skip
KEYWORD_SHARE = {"nato": 14, "european_union": 14, "united_states": 52, "democracy": 4, "west": 16}
RUSSIAN_FORMS = {  # the Kyrgyz coders (Windows-1251 sheet) write informal groups in Russian
    "Journalists": "Журналисты", "Students": "Студенты", "Protesters": "Протестующие",
    "Non-Governmental Organizations": "Неправительственные организации",
    "Opposition Parties": "Оппозиционные партии", "Religious Communities": "Религиозные общины",
    "Russian Compatriots": "Российские соотечественники", "Veterans' Unions": "Союзы ветеранов",
    "Bloggers": "Блогеры",
}  # fmt: skip
TITLES = {  # (English, Russian)
    "election": ("{geo}: observers assess the vote", "{geo}: наблюдатели оценили ход выборов"),
    "civic": ("{who} in {geo}: civil society ties strengthen", "Сотрудничество в сфере гражданского общества: {geo}"),
    "protest": ("Police detain participants of unauthorised rally in {place}", "В {place} задержаны участники несанкционированной акции"),
    "west": ("Experts discuss the West's policy towards {geo}", "Эксперты обсудили политику Запада в отношении {geo}"),
}  # fmt: skip


@dataclass
class Mention:
    geo: str
    mention_id: str
    an: str
    country: str
    actor_name: str
    scope: str
    kind: str
    category: str
    sentiment: str
    day: date


@dataclass
class Batch:
    mentions: list[Mention]
    keywords: list[tuple[str, str, str, str, date]]  # an, country, keyword, sentiment, day
    articles: list[dict]
    deleted: list[str]


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
        _kazakhstan(seed, replica, taken, batch)
        for code, (mentions, keywords) in VOLUMES.items():
            if mentions or keywords:
                _sampled(seed, code, replica, taken, batch)
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


def _article(seed: int, key: str, geo: str, day: date, names: list[str], topic: str,
             sources: tuple[str, ...], taken: set[str]) -> dict:  # fmt: skip
    rng = random.Random(f"{seed}:media:article:{key}")
    source = rng.choice(sources)
    published = datetime.combine(day, time(rng.randint(4, 19), rng.randrange(60)))
    language = rng.choice(factiva.SOURCES[source][2])
    place = CAPITALS.get(geo, BY_CODE[geo].name)
    english, russian = TITLES[topic]
    title = (english if language == "en" else russian).format(
        geo=BY_CODE[geo].name, who=names[0] if names else "NGOs", place=place
    )
    an = factiva.accession_number(rng, source, published, taken)
    return factiva.article(an, title=title, source_code=source, published=published,
                           language_code=language, geo=geo, names=names, place=place)  # fmt: skip


def _day(item: dict) -> date:
    return datetime.fromtimestamp(item["published"] / 1000, UTC).date()


# --- Kazakhstan ---------------------------------------------------------------------------------


def _off_day(rng: random.Random) -> date:
    span = (WINDOW[1] - WINDOW[0]).days - 10
    while True:
        day = WINDOW[0] + timedelta(days=5 + rng.randrange(span))
        if all(abs((day - event).days) > kz.OFF_MARGIN for event in kz.AVOID):
            return day


def _kazakhstan(seed: int, replica: int, taken: set[str], batch: Batch) -> None:
    rng = random.Random(f"{seed}:media:KAZ:{replica}")
    slots = []  # (place, name, scope, kind, category, written, sentiment)
    for name, scope, kind, category, forms, plan in kz.ACTORS:
        places = [(sentiment, place) for sentiment, spec in plan for place in kz.places(spec)]
        for index, (sentiment, place) in enumerate(places):
            slots.append((place, name, scope, kind, category, forms[index % len(forms)], sentiment))
    groups: list[tuple[date, list[tuple]]] = []
    deleted_slot = next(s for s in slots if s[1] == kz.DELETED_ACTOR)
    groups.append((_off_day(rng), [deleted_slot]))
    for place in ("15", "16", "19", "O"):
        pending = [s for s in slots if s[0] == place and s is not deleted_slot]
        rng.shuffle(pending)
        while pending:
            size = rng.choice((1, 1, 2) if place == "O" else (1, 2, 2, 3))
            group = [pending.pop()]
            for slot in list(pending):
                if len(group) < size and slot[1] not in {g[1] for g in group}:
                    group.append(slot)
                    pending.remove(slot)
            if place == "O":
                day = _off_day(rng)
            else:
                low, high = kz.EVENT_OFFSETS[place]
                day = kz.EVENTS[place] + timedelta(days=rng.randint(low, high))
            groups.append((day, group))
    name, scope, kind, category, sentiment, day = kz.OUT_OF_WINDOW
    out_group = (day, [("late", name, scope, kind, category, name, sentiment)])
    groups.append(out_group)

    stem = f"KAZ-{replica}" if replica else "KAZ"
    rows: list[tuple] = []
    election_articles, mention_articles = [], []
    for index, (day, group) in enumerate(groups):
        topic = "election" if group[0][0] in kz.EVENTS else (
            "protest" if group[0][1] == "Protesters" else "civic")  # fmt: skip
        item = _article(seed, f"{stem}:{index}", "KAZ", day, [g[5].strip() for g in group],
                        topic, kz.SOURCES, taken)  # fmt: skip
        batch.articles.append(item)
        if group is out_group[1]:
            batch.keywords.append((item["an"], "KAZ", *kz.OUT_OF_WINDOW_KEYWORD, day))
        elif group[0] is deleted_slot:
            batch.deleted.append(item["an"])
        else:
            mention_articles.append(item)
            if group[0][0] in kz.EVENTS:
                election_articles.append(item)
        rows += [(day, item["an"], slot) for slot in group]
    rows.sort(key=lambda r: (r[0], r[1], r[2][1]))
    for number, (day, an, slot) in enumerate(rows, 1):
        _, _, scope, kind, category, written, sentiment = slot
        country = "Kazakhstan" if number % 29 == 11 else "KAZ"
        batch.mentions.append(Mention("KAZ", f"{stem}-MM-{number:04d}", an, country, written, scope,
                                      kind, category, sentiment, day))  # fmt: skip

    pool = list(mention_articles)
    for index in range(kz.KEYWORD_ONLY_ARTICLES):
        item = _article(seed, f"{stem}:kw:{index}", "KAZ", _off_day(rng) if index % 3 else
                        rng.choice(list(kz.EVENTS.values())) + timedelta(days=rng.randint(-10, 10)),
                        [], "west", kz.SOURCES, taken)  # fmt: skip
        batch.articles.append(item)
        pool.append(item)
    for keyword, counts in kz.KEYWORDS.items():
        sentiments = [s for s, n in zip(SENTIMENTS, counts, strict=True) for _ in range(n)]
        rng.shuffle(sentiments)
        chosen = rng.sample(election_articles if keyword == "democracy" else pool, len(sentiments))
        for item, sentiment in zip(chosen, sentiments, strict=True):
            batch.keywords.append((item["an"], "KAZ", keyword, sentiment, _day(item)))


# --- other geographies --------------------------------------------------------------------------


def _sampled(seed: int, code: str, replica: int, taken: set[str], batch: Batch) -> None:
    rng = random.Random(f"{seed}:media:{code}:{replica}")
    n_mentions, n_keywords = VOLUMES[code]
    events = EVENTS.get(code, ())
    sources = ("TASS", "SPTNK", "RUSTOD") if code in ("BLR", "UKR", "GEO", "MDA", "SRB") else ("TASS", "SPTNK")  # fmt: skip
    named = DOMESTIC_NAMED.get(code, ())
    stem = f"{code}-{replica}" if replica else code

    def day_for() -> date:
        if events and rng.random() < 0.45:
            return rng.choice(events) + timedelta(days=rng.randint(-12, 12))
        return WINDOW[0] + timedelta(days=rng.randrange((WINDOW[1] - WINDOW[0]).days + 1))

    def actor() -> tuple[str, str, str, str, int]:
        roll = rng.random()
        if roll < 0.2 and named:
            name, category = rng.choice(named)
            return name, "domestic", "named_organization", category, 0
        if roll < 0.45:
            name, category, lean = rng.choice(INFORMAL)
            written = (
                RUSSIAN_FORMS.get(name, name) if code == "KGZ" and rng.random() < 0.7 else name
            )
            return written, "domestic", "informal_group", category, lean
        name, kind, category, lean, forms = rng.choice(EXTERNAL)
        return rng.choice(forms), "external", kind, category, lean

    articles: list[dict] = []
    rows = []
    while len(rows) < n_mentions:
        group = []
        for _ in range(min(rng.choice((1, 1, 2, 3)), n_mentions - len(rows))):
            picked = actor()
            if picked[0] not in {g[0] for g in group}:
                group.append(picked)
        day = day_for()
        topic = "protest" if group[0][0] == "Protesters" else rng.choice(("election", "civic"))
        item = _article(seed, f"{stem}:{len(articles)}", code, day, [g[0] for g in group],
                        topic, sources, taken)  # fmt: skip
        articles.append(item)
        for written, scope, kind, category, lean in group:
            sentiment = rng.choices(SENTIMENTS, LEAN_WEIGHTS[lean])[0]
            rows.append((day, item["an"], written, scope, kind, category, sentiment))
    if code == "UKR" and not replica:  # one article deleted later, one published before the window
        batch.deleted.append(articles[0]["an"])
        late = _article(seed, f"{stem}:early", code, date(2014, 11, 20), ["Journalists"], "civic", sources, taken)  # fmt: skip
        articles.append(late)
        rows.append((date(2014, 11, 20), late["an"], "Journalists", "domestic", "informal_group", "media", "somewhat_negative"))  # fmt: skip
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    for number, row in enumerate(rows, 1):
        day, an, written, scope, kind, category, sentiment = row
        if rng.random() < 0.06:  # coders leave the category out now and then
            category = ""
        country = "Kyrgyzstan" if code == "KGZ" and number % 23 == 5 else code
        batch.mentions.append(Mention(code, f"{stem}-MM-{number:04d}", an, country, written, scope,
                                      kind, category, sentiment, day))  # fmt: skip

    pairs: set[tuple[str, str]] = set()
    keyword_rows = []
    while len(keyword_rows) < n_keywords:
        if rng.random() < 0.4 or not articles:
            item = _article(seed, f"{stem}:kw:{len(articles)}", code, day_for(), [], "west", sources, taken)  # fmt: skip
            articles.append(item)
        else:
            item = rng.choice(articles)
        keyword = rng.choices(list(KEYWORD_SHARE), list(KEYWORD_SHARE.values()))[0]
        if (item["an"], keyword) in pairs:
            continue
        pairs.add((item["an"], keyword))
        sentiment = rng.choices(SENTIMENTS, KEYWORD_WEIGHTS[keyword])[0]
        keyword_rows.append((item["an"], code, keyword, sentiment, _day(item)))
    batch.keywords += keyword_rows
    batch.articles += articles


# --- files --------------------------------------------------------------------------------------

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
    codes = ["KAZ", *(c for c, v in VOLUMES.items() if any(v))]
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
