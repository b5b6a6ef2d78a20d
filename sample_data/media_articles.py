# ruff: noqa: E501, RUF001
"""Coded media mentions and the TASS, Sputnik and RT articles they cite, shared by Kazakhstan's
calibrated mentions (``media_kazakhstan``) and every other geography's (``media_regions``).

Every article is drawn from its own seeded stream (keyed by geography, replica and position), so
one geography's volume never shifts another's articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sample_data import factiva
from sample_data.geographies import BY_CODE

SENTIMENTS = ("extremely_negative", "somewhat_negative", "neutral", "somewhat_positive",
              "extremely_positive")  # fmt: skip
WINDOW = (date(2015, 1, 1), date(2021, 3, 31))
CAPITALS = {
    "KAZ": "Nur-Sultan", "KGZ": "Bishkek", "BLR": "Minsk", "UKR": "Kyiv", "GEO": "Tbilisi",
    "ARM": "Yerevan", "MDA": "Chisinau", "AZE": "Baku", "UZB": "Tashkent", "TJK": "Dushanbe",
    "SRB": "Belgrade", "MNE": "Podgorica", "MKD": "Skopje", "BIH": "Sarajevo", "ALB": "Tirana",
    "ABK": "Sukhum", "SOS": "Tskhinval", "TRN": "Tiraspol", "CRM": "Simferopol",
    "DNR": "Donetsk", "LNR": "Luhansk",
}  # fmt: skip
TITLES = {  # (English, Russian)
    "election": ("{geo}: observers assess the vote", "{geo}: наблюдатели оценили ход выборов"),
    "civic": ("{who} in {geo}: civil society ties strengthen", "Сотрудничество в сфере гражданского общества: {geo}"),
    "protest": ("Police detain participants of unauthorised rally in {place}", "В {place} задержаны участники несанкционированной акции"),
    "west": ("Experts discuss the West's policy towards {geo}", "Эксперты обсудили политику Запада в отношении {geo}"),
}  # fmt: skip


@dataclass
class Mention:
    """One row of a media sheet; ``geo`` and ``day`` choose its sheet and place in it."""

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
    """Everything generated for every geography, collected before any file is written."""

    mentions: list[Mention]
    keywords: list[tuple[str, str, str, str, date]]  # an, country, keyword, sentiment, day
    articles: list[dict]
    deleted: list[str]


def article(seed: int, key: str, geo: str, day: date, names: list[str], topic: str,
            sources: tuple[str, ...], taken: set[str]) -> dict:  # fmt: skip
    """An article naming ``names``; its accession number is added to ``taken``."""
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


def published_day(item: dict) -> date:
    return datetime.fromtimestamp(item["published"] / 1000, UTC).date()
