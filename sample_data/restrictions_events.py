"""Coded restriction events: the vocabulary, the reporting window and the regional shape.

Every geography but Kazakhstan is drawn from this shape at its own volume, mix and hot months;
Kazakhstan's calibration (``restrictions_kazakhstan``) draws only its out-of-window events here.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sample_data.geographies import Geography

HV, LEG, SLC = "harassment_violence", "restrictive_legislation", "state_legal_case"
TYPES = (HV, LEG, SLC)
YEARS = (2017, 2018, 2019, 2020, 2021)  # the window ends 2021-03-31
WINDOW_MONTHS = tuple((y, m) for y in YEARS for m in range(1, 13) if (y, m) <= (2021, 3))
OUTSIDE_MONTHS = ((2016, 10), (2016, 11), (2016, 12), (2021, 4), (2021, 5), (2021, 6))


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


@dataclass(frozen=True)
class Profile:
    """How much a geography's coders record, of which type, when, and which foreign states act."""

    events: int  # in-window events at scale 1
    mix: tuple[float, float, float]  # weights of HV, LEG, SLC
    hot: tuple[tuple[int, int], ...]  # (year, month) of elections, protests, crackdowns
    foreign: tuple[str, ...]  # alpha-3 of foreign government initiators


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

T = TypeVar("T")


def sampled_events(rng: random.Random, geo: Geography, profile: Profile) -> list[Event]:
    """Other geographies: exactly ``profile.events`` in the window plus up to two outside it."""
    months = rng.choices(WINDOW_MONTHS, month_weights(WINDOW_MONTHS, profile.hot), k=profile.events)
    months += [rng.choice(OUTSIDE_MONTHS) for _ in range(rng.randint(0, 2))]
    return [
        sample_event(rng, geo, rng.choices(TYPES, profile.mix)[0], day_in(rng, month))
        for month in months
    ]


def sample_event(rng: random.Random, geo: Geography, rtype: str, day: date) -> Event:
    """Draw one event's coded attributes from the regional shape of its restriction type."""
    targets = _pick(rng, TARGET_WEIGHTS[rtype], SECOND_TARGET_SHARE)
    if rtype == HV:
        initiators = _pick(rng, HV_INITIATOR_WEIGHTS, SECOND_INITIATOR_SHARE)
        harm, status = weighted_choice(rng, HARM_STATUS_WEIGHTS)
        return Event(geo, day, rtype, targets, initiators, harm=harm, status=status)
    if rtype == LEG:
        status = weighted_choice(rng, {"proposed": 55, "passed": 45})
        return Event(geo, day, rtype, targets, "government", status=status)
    indirect = rng.random() < INDIRECT_SHARE.get(targets.split("|")[0], 0.22)
    charge_link = "indirect" if indirect else "direct"
    return Event(geo, day, rtype, targets, "government", charge_link=charge_link)


def weighted_choice(rng: random.Random, weights: dict[T, float]) -> T:
    return rng.choices(list(weights), list(weights.values()))[0]


def _pick(rng: random.Random, weights: dict[str, float], second_share: float) -> str:
    """One value, sometimes two distinct ones, joined as a multi-valued cell."""
    first = weighted_choice(rng, weights)
    if rng.random() >= second_share:
        return first
    return f"{first}|{weighted_choice(rng, {k: w for k, w in weights.items() if k != first})}"


def month_weights(
    months: Sequence[tuple[int, int]], hot: tuple[tuple[int, int], ...]
) -> list[float]:
    """A rising regional trend, with spikes around a geography's elections and protests."""
    return [YEAR_TREND[y] * (HOT_FACTOR if (y, m) in hot else 1.0) for y, m in months]


def day_in(rng: random.Random, month: tuple[int, int]) -> date:
    year, number = month
    return date(year, number, rng.randint(1, calendar.monthrange(year, number)[1]))
