# ruff: noqa: E501
"""Kazakhstan's Russian state media mentions, calibrated to the country report's section 3.2.

Each actor lists its written forms (cycled over its mentions, so every alias shows up) and its
mentions as ``(sentiment, places)``: a place is an election (``15``: 2015-04-26 presidential,
``16``: 2016-03-20 parliamentary, ``19``: 2019-06-09 presidential; the article falls in the
election's month, within 31 days of it) or ``O`` (more than 45 days from every Kazakh event,
including the 2021-01-10 parliamentary election); ``*n`` repeats a place.

What it adds up to (report section 3.2, Tables 6-8, Figure 14):
- 85 in-window mentions (TASS and Sputnik): 62 external, 23 domestic; 21 organisations named (7
  domestic, 7 intergovernmental, 7 foreign) and 21 informal groups (12 domestic, 9 general foreign).
- Domestic: 9 mentions of 7 named actors, all neutral (media 5, community organisations 3, one
  political party); 14 mentions of 12 informal groups (8 neutral, 4 somewhat positive, one
  extremely and one somewhat negative).
- External: intergovernmental 37 mentions, foreign organisations 12, general foreign 13; 56 of 62
  neutral, 5 somewhat positive, 1 somewhat negative.
- 52 mentions around the three elections, 48 of them neutral.

:func:`add_mentions` groups the planned mentions into articles (an actor at most once in each) and
codes Table 8's keyword mentions on them and on articles coded for keywords only.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sample_data.media_articles import SENTIMENTS, WINDOW, Batch, Mention, article, published_day

EVENTS = {"15": date(2015, 4, 26), "16": date(2016, 3, 20), "19": date(2019, 6, 9)}
EVENT_OFFSETS = {"15": (-20, 4), "16": (-18, 10), "19": (-8, 20)}  # days, inside the month
AVOID = (date(2015, 4, 26), date(2016, 3, 20), date(2019, 6, 9), date(2021, 1, 10))
OFF_MARGIN = 45  # days an off-event article keeps from every Kazakh event
SOURCES = ("TASS", "SPTNK")

EN, SN, N, SP = "extremely_negative", "somewhat_negative", "neutral", "somewhat_positive"
D, X = "domestic", "external"
NAMED, INFORMAL = "named_organization", "informal_group"
IGO, FOREIGN, GENERAL = "intergovernmental", "foreign_organization", "general_foreign"

# (name, scope, kind, category, written forms, ((sentiment, places), ...))
ACTORS: tuple[tuple[str, str, str, str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    # domestic, named: 9 mentions of 7 actors, all neutral
    ("Kazinform International Agency", D, NAMED, "media",
     ("Kazinform International Agency", "Kazinform"), ((N, "15 19"),)),
    ("Trade Union Federation", D, NAMED, "community_organization",
     ("Trade Union Federation", "Federation of Trade Unions of Kazakhstan"), ((N, "15 19"),)),
    ("Khabar Agency", D, NAMED, "media", ("Khabar Agency",), ((N, "16"),)),
    ("Kazakhstanskaya Pravda", D, NAMED, "media", ("Kazakhstanskaya Pravda",), ((N, "O"),)),
    ("Tengrinews", D, NAMED, "media", ("Tengrinews",), ((N, "O"),)),
    ("Assembly of People of Kazakhstan", D, NAMED, "community_organization",
     ("Assembly of People of Kazakhstan",), ((N, "O"),)),
    ("Nur Otan", D, NAMED, "political_party", ("Nur Otan",), ((N, "16"),)),
    # domestic, informal: 14 mentions of 12 groups
    ("Journalists", D, INFORMAL, "media", ("Journalists",), ((N, "15 19"),)),
    ("Non-Governmental Organizations", D, INFORMAL, "cso_ngo",
     ("Non-Governmental Organizations",), ((EN, "O"), (SP, "O"))),
    ("Local Media", D, INFORMAL, "media", ("Local Media",), ((N, "16"),)),
    ("Political Parties", D, INFORMAL, "political_party", ("Political Parties",), ((N, "16"),)),
    ("Students", D, INFORMAL, "education", ("Students",), ((N, "O"),)),
    ("Universities", D, INFORMAL, "education", ("Universities",), ((N, "O"),)),
    ("Religious Communities", D, INFORMAL, "religious", ("Religious Communities",), ((N, "O"),)),
    ("Bloggers", D, INFORMAL, "media", ("Bloggers",), ((N, "O"),)),
    ("Youth Organizations", D, INFORMAL, "community_organization", ("Youth Organizations",),
     ((SP, "O"),)),
    ("Veterans' Unions", D, INFORMAL, "community_organization", ("Veterans' Unions",), ((SP, "O"),)),
    ("Volunteer Movements", D, INFORMAL, "community_organization", ("Volunteer Movements",),
     ((SP, "O"),)),
    ("Protesters", D, INFORMAL, "protesters", ("Protesters",), ((SN, "19"),)),
    # external, intergovernmental: 37 mentions of 7 organisations
    ("OSCE ODIHR", X, IGO, "",
     ("OSCE ODIHR", "OSCE/ODIHR", "OSCE Office for Democratic Institutions and Human Rights",
      "OSCE/ODIHR", "ODIHR", "osce odihr", "OSCE  ODIHR"),
     ((N, "15*5 16*3 19*5 O"),)),
    ("CIS", X, IGO, "", ("CIS", "Commonwealth of Independent States", "CIS Observer Mission", "cis"),
     ((N, "15*3 16*2 19*2 O*2"),)),
    ("SCO", X, IGO, "", ("SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
     ((N, "15 19 O*4"), (SP, "19"))),
    ("CSTO", X, IGO, "", ("CSTO", "Collective Security Treaty Organization", "CSTO "), ((N, "O*3"),)),
    ("Eurasian Economic Union", X, IGO, "", ("Eurasian Economic Union", "EAEU"),
     ((N, "O"), (SP, "15"))),
    ("United Nations", X, IGO, "", ("United Nations",), ((N, "O"),)),
    ("OSCE Parliamentary Assembly", X, IGO, "", ("OSCE PA",), ((N, "16"),)),
    # external, foreign organisations: 12 mentions of 7
    ("TASS", X, FOREIGN, "media", ("TASS", "ITAR-TASS", "TASS Russian News Agency", "TASS", "tass"),
     ((N, "15*2 19*2 O"),)),
    ("Reuters", X, FOREIGN, "media", ("Reuters",), ((N, "19 O"),)),
    ("BBC", X, FOREIGN, "media", ("BBC",), ((N, "19"),)),
    ("Interfax", X, FOREIGN, "media", ("Interfax",), ((N, "15"),)),
    ("Rossotrudnichestvo", X, FOREIGN, "cso_ngo", ("Rossotrudnichestvo",), ((N, "O"),)),
    ("Russkiy Mir Foundation", X, FOREIGN, "cso_ngo", ("Russkiy Mir Foundation",), ((SP, "O"),)),
    ("Gorchakov Fund", X, FOREIGN, "cso_ngo", ("Gorchakov Fund",), ((SP, "O"),)),
    # external, general foreign actors: 13 mentions of 9
    ("International Organizations", X, GENERAL, "",
     ("International Organizations", "International Organisations", "international organizations"),
     ((N, "15 16 19"),)),
    ("Foreign Observers", X, GENERAL, "", ("Foreign Observers",), ((N, "15 19"),)),
    ("Foreign Journalists", X, GENERAL, "media", ("Foreign Journalists",), ((N, "15 16"),)),
    ("Foreign Diplomats", X, GENERAL, "other", ("Foreign Diplomats",), ((N, "19"),)),
    ("Western NGOs", X, GENERAL, "cso_ngo", ("Western NGOs",), ((SN, "19"),)),
    ("Russian Non-Profit Organizations", X, GENERAL, "cso_ngo", ("Russian Non-Profit Organizations",),
     ((SP, "O"),)),
    ("Foreign Media", X, GENERAL, "media", ("Foreign Media",), ((N, "O"),)),
    ("International Experts", X, GENERAL, "other", ("International Experts",), ((N, "O"),)),
    ("Russian Volunteers", X, GENERAL, "other", ("Russian Volunteers",), ((N, "O"),)),
)  # fmt: skip

# The one in-window mention whose article a later delivery deletes (it stays counted).
DELETED_ACTOR = "Tengrinews"
# A mention (and a keyword mention) of an article published after the window: kept, not counted.
OUT_OF_WINDOW = ("Commonwealth of Independent States", X, IGO, "", N, date(2021, 5, 14))
OUT_OF_WINDOW_KEYWORD = ("west", SN)

# Table 8: keyword -> (extremely negative, somewhat negative, neutral, somewhat positive,
# extremely positive); 188 in all. Democracy is coded on election articles.
KEYWORDS = {
    "nato": (1, 4, 20, 0, 0),
    "european_union": (2, 3, 17, 1, 1),
    "united_states": (14, 25, 62, 8, 2),
    "democracy": (0, 0, 1, 1, 1),
    "west": (12, 9, 3, 1, 0),
}
KEYWORD_ONLY_ARTICLES = 90  # articles coded for keywords only (no civic space actor)


def places(spec: str) -> list[str]:
    """``"15*2 O"`` -> ``["15", "15", "O"]``."""
    out = []
    for token in spec.split():
        place, _, times = token.partition("*")
        out += [place] * int(times or 1)
    return out


def _off_day(rng: random.Random) -> date:
    """A day in the window, more than OFF_MARGIN days from every Kazakh event."""
    span = (WINDOW[1] - WINDOW[0]).days - 10
    while True:
        day = WINDOW[0] + timedelta(days=5 + rng.randrange(span))
        if all(abs((day - event).days) > OFF_MARGIN for event in AVOID):
            return day


def add_mentions(seed: int, replica: int, taken: set[str], batch: Batch) -> None:
    """One replica's mentions, keyword mentions, articles and deletion, as planned above."""
    rng = random.Random(f"{seed}:media:KAZ:{replica}")
    slots = []  # (place, name, scope, kind, category, written, sentiment)
    for name, scope, kind, category, forms, plan in ACTORS:
        planned = [(sentiment, place) for sentiment, spec in plan for place in places(spec)]
        for index, (sentiment, place) in enumerate(planned):
            slots.append((place, name, scope, kind, category, forms[index % len(forms)], sentiment))
    groups: list[tuple[date, list[tuple]]] = []
    deleted_slot = next(s for s in slots if s[1] == DELETED_ACTOR)
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
                low, high = EVENT_OFFSETS[place]
                day = EVENTS[place] + timedelta(days=rng.randint(low, high))
            groups.append((day, group))
    name, scope, kind, category, sentiment, day = OUT_OF_WINDOW
    out_group = (day, [("late", name, scope, kind, category, name, sentiment)])
    groups.append(out_group)

    stem = f"KAZ-{replica}" if replica else "KAZ"
    rows: list[tuple] = []
    election_articles, mention_articles = [], []
    for index, (day, group) in enumerate(groups):
        topic = "election" if group[0][0] in EVENTS else (
            "protest" if group[0][1] == "Protesters" else "civic")  # fmt: skip
        item = article(seed, f"{stem}:{index}", "KAZ", day, [g[5].strip() for g in group],
                       topic, SOURCES, taken)  # fmt: skip
        batch.articles.append(item)
        if group is out_group[1]:
            batch.keywords.append((item["an"], "KAZ", *OUT_OF_WINDOW_KEYWORD, day))
        elif group[0] is deleted_slot:
            batch.deleted.append(item["an"])
        else:
            mention_articles.append(item)
            if group[0][0] in EVENTS:
                election_articles.append(item)
        rows += [(day, item["an"], slot) for slot in group]
    rows.sort(key=lambda r: (r[0], r[1], r[2][1]))
    for number, (day, an, slot) in enumerate(rows, 1):
        _, _, scope, kind, category, written, sentiment = slot
        country = "Kazakhstan" if number % 29 == 11 else "KAZ"
        batch.mentions.append(Mention("KAZ", f"{stem}-MM-{number:04d}", an, country, written, scope,
                                      kind, category, sentiment, day))  # fmt: skip

    pool = list(mention_articles)
    for index in range(KEYWORD_ONLY_ARTICLES):
        item = article(seed, f"{stem}:kw:{index}", "KAZ", _off_day(rng) if index % 3 else
                       rng.choice(list(EVENTS.values())) + timedelta(days=rng.randint(-10, 10)),
                       [], "west", SOURCES, taken)  # fmt: skip
        batch.articles.append(item)
        pool.append(item)
    for keyword, counts in KEYWORDS.items():
        sentiments = [s for s, n in zip(SENTIMENTS, counts, strict=True) for _ in range(n)]
        rng.shuffle(sentiments)
        chosen = rng.sample(election_articles if keyword == "democracy" else pool, len(sentiments))
        for item, sentiment in zip(chosen, sentiments, strict=True):
            batch.keywords.append((item["an"], "KAZ", keyword, sentiment, published_day(item)))
