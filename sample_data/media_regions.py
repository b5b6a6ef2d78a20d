# ruff: noqa: E501
"""Every geography but Kazakhstan: plausible mention volumes, clustered around elections.

Kosovo, Turkmenistan and Nagorno-Karabakh get none. Actors are the geography's own named
organisations, informal groups (in Russian on most rows of the Kyrgyz Windows-1251 sheet) and
external actors under one of their written forms; sentiment leans with the actor. Ukraine's first
replica also gets one article a later delivery deletes and one mention published before the window.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sample_data.media_articles import SENTIMENTS, WINDOW, Batch, Mention, article, published_day

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


def add_mentions(seed: int, code: str, replica: int, taken: set[str], batch: Batch) -> None:
    """One replica of a geography's mentions, keyword mentions and articles."""
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
        item = article(seed, f"{stem}:{len(articles)}", code, day, [g[0] for g in group],
                       topic, sources, taken)  # fmt: skip
        articles.append(item)
        for written, scope, kind, category, lean in group:
            sentiment = rng.choices(SENTIMENTS, LEAN_WEIGHTS[lean])[0]
            rows.append((day, item["an"], written, scope, kind, category, sentiment))
    if code == "UKR" and not replica:  # one article deleted later, one published before the window
        batch.deleted.append(articles[0]["an"])
        late = article(seed, f"{stem}:early", code, date(2014, 11, 20), ["Journalists"], "civic", sources, taken)  # fmt: skip
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
            item = article(seed, f"{stem}:kw:{len(articles)}", code, day_for(), [], "west", sources, taken)  # fmt: skip
            articles.append(item)
        else:
            item = rng.choice(articles)
        keyword = rng.choices(list(KEYWORD_SHARE), list(KEYWORD_SHARE.values()))[0]
        if (item["an"], keyword) in pairs:
            continue
        pairs.add((item["an"], keyword))
        sentiment = rng.choices(SENTIMENTS, KEYWORD_WEIGHTS[keyword])[0]
        keyword_rows.append((item["an"], code, keyword, sentiment, published_day(item)))
    batch.keywords += keyword_rows
    batch.articles += articles
