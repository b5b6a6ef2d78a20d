"""Gallup World Poll annual client files, 2010-2021, with the Civic Engagement Index items.

Only the three index items (WP108 donated, WP109 volunteered, WP110 helped a stranger) and the
variables needed to weight and place a respondent are written. Shares of "yes" are calibrated
among all respondents, because Gallup's index keeps don't know / refused in the denominator.
Each year's file also holds countries outside the programme (``others.GALLUP``), as Gallup's
client files hold every country polled; they are drawn, not calibrated.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sample_data import geographies
from sample_data.surveys import others
from sample_data.surveys._engine import (
    AnswerScale,
    make_weights,
    replicate,
    rng_for,
    simulate_item,
)
from sample_data.surveys._writers import Column, stack, write_table

YEARS = range(2010, 2022)
FIT_YEARS = range(2010, 2021)  # the report's "2010-2020 average"
GAPS = {2020: {"ARM", "AZE", "BLR", "TKM"}, 2021: {"AZE", "BLR", "MNE", "TKM"}}
ITEMS = {
    "WP108": "Donated money to a charity in the past month",
    "WP109": "Volunteered your time to an organization in the past month",
    "WP110": "Helped a stranger or someone you didn't know who needed help",
}
ANSWERS = AnswerScale(
    ((1,), (2, 3, 4)),
    ((1.0,), (0.975, 0.018, 0.007)),
    {1: "Yes", 2: "No", 3: "Don't know", 4: "Refused"},
)

KAZ = {  # percent yes: donated, volunteered, helped. Highs 2012/2014/2021, lows 2011/2018.
    2010: (23.0, 18.0, 41.0),
    2011: (17.0, 15.0, 34.0),
    2012: (30.0, 20.0, 47.0),
    2013: (25.0, 20.0, 42.0),
    2014: (29.0, 21.0, 46.0),
    2015: (26.0, 20.0, 41.0),
    2016: (24.0, 18.0, 40.0),
    2017: (22.0, 17.0, 38.0),
    2018: (18.0, 15.0, 32.6),
    2019: (25.4, 19.3, 40.8),
    2020: (29.0, 18.0, 42.0),
    2021: (39.0, 16.0, 47.0),
}
# Mean over 2010-2020 of the yearly regional means (index 28.7 -> 29; KAZ index 27.7 -> 28).
REGIONAL = np.array([25.4, 17.4, 43.4])
CENTER = np.array([25.0, 17.0, 43.0])
COUNTRY_SD = np.array([6.0, 4.0, 6.0])
YEAR_SD = np.array([1.5, 1.0, 2.0])
BUMP = {2020: np.array([3.0, 0.5, 4.0]), 2021: np.array([5.0, 0.5, 5.0])}  # the pandemic rise

ID_BLOCK = 70_000_000
COUNTRY_NAMES = others.wp5_labels()


def coverage(year: int) -> list[str]:
    """Countries fielded in `year` (the report's regional mean uses exactly these)."""
    return [g.code for g in geographies.COUNTRIES if g.code not in GAPS.get(year, set())]


def targets(seed: int) -> dict[tuple[str, int], np.ndarray]:
    """Percent yes per (country, year); peers shifted so the regional 2010-2020 means hold."""
    rng = rng_for(seed, "gwp-profile")
    peers = [g.code for g in geographies.COUNTRIES if g.code != "KAZ"]
    base = {c: CENTER + rng.normal(0, COUNTRY_SD) for c in peers}
    year_effect = {y: rng.normal(0, YEAR_SD) + BUMP.get(y, 0.0) for y in YEARS}
    out = {
        (c, y): base[c] + year_effect[y] + rng.normal(0, YEAR_SD)
        for y in YEARS
        for c in coverage(y)
        if c != "KAZ"
    }
    yearly = [
        np.mean([KAZ[y], *(out[c, y] for c in coverage(y) if c != "KAZ")], axis=0)
        for y in FIT_YEARS
    ]
    current = np.mean(yearly, axis=0)
    slope = np.mean([(len(coverage(y)) - 1) / len(coverage(y)) for y in FIT_YEARS])
    shift = (REGIONAL - current) / slope
    out = {key: value + shift for key, value in out.items()}
    out.update({("KAZ", y): np.array(v) for y, v in KAZ.items()})
    if any(((v < 2) | (v > 95)).any() for v in out.values()):
        raise ValueError("a Gallup target left the plausible range; revisit the centres")
    return out


def other_targets(seed: int) -> dict[tuple[str, int], np.ndarray]:
    """Percent yes per (country, year) outside the programme: drawn around the same centre from
    their own stream (the programme's targets above never see them)."""
    rng = rng_for(seed, "gwp-other-profile")
    base = {c: CENTER + rng.normal(0, COUNTRY_SD) for c in others.GALLUP}
    return {
        (c, y): np.clip(base[c] + BUMP.get(y, 0.0) + rng.normal(0, YEAR_SD), 2, 95)
        for y in YEARS
        for c in others.GALLUP
    }


def _sample(
    code: str, year: int, target: np.ndarray, seed: int, scale: int, n: int | None = None
) -> list[Column]:
    geo = others.country(code)
    rng = rng_for(seed, "gwp", year, code)
    if n is None:
        n = 1000 if code == "KAZ" else 1000 + int(rng.integers(0, 21))
    w = make_weights(rng, n, sigma=0.4)
    calendar = np.full(n, year)
    if rng.random() < 0.15:  # fieldwork ran into the next calendar year
        calendar[int(n * 0.75) :] = year + 1
    answers = {
        v: simulate_item(rng, w, (p,), ANSWERS, None) for v, p in zip(ITEMS, target, strict=True)
    }
    psu = geo.gallup_wp5 * 10_000 + np.arange(n) // 10 + 1
    rows = n * scale
    return [
        Column("COUNTRYNEW", "Country name", np.full(rows, geo.name, dtype=object)),
        Column("WP5", "Country", np.full(rows, geo.gallup_wp5), COUNTRY_NAMES),
        Column("YEAR_WAVE", "Wave year", np.full(rows, year)),
        Column("YEAR_CALENDAR", "Year of interview", replicate(calendar, scale)),
        Column("WP12259", "Primary sampling unit", replicate(psu, scale)),
        Column("wgt", "Weight", replicate(w, scale)),
        *(
            Column(v, ITEMS[v], replicate(codes, scale), ANSWERS.labels)
            for v, codes in answers.items()
        ),
    ]


def _other_ids(seed: int, year: int, taken: np.ndarray, k: int) -> np.ndarray:
    """`k` further ids of the year's block, none of them `taken`, from their own stream."""
    rng = rng_for(seed, "gwp-other-ids", year)
    ids = np.empty(0, dtype=np.int64)
    while ids.size < k:
        draw = rng.integers(0, ID_BLOCK, size=2 * k)
        # a lookup table over the block: sorting `taken` took seconds per year at scale 100
        draw = draw[~np.isin(draw, taken, kind="table") & ~np.isin(draw, ids)]
        _, first = np.unique(draw, return_index=True)
        ids = np.concatenate([ids, draw[np.sort(first)]])
    return ids[:k]


def generate(surveys_dir: Path, *, scale: int, seed: int) -> list[Path]:
    """One annual file per year: .sav up to 2015, .dta from 2016."""
    profile = targets(seed)
    profile_others = other_targets(seed)
    written = []
    for year in YEARS:
        parts = [_sample(c, year, profile[c, year], seed, scale) for c in coverage(year)]
        # Random 9-digit ids, unique across years: each year draws from its own block.
        block = 100_000_000 + (year - YEARS[0]) * ID_BLOCK
        rows = sum(len(part[0].data) for part in parts)
        offsets = rng_for(seed, "gwp-ids", year).choice(ID_BLOCK, rows, replace=False)
        parts += [
            _sample(c, year, profile_others[c, year], seed, scale, n=others.N)
            for c in others.GALLUP
        ]
        extra = sum(len(part[0].data) for part in parts) - rows
        offsets = np.concatenate([offsets, _other_ids(seed, year, offsets, extra)])
        columns = stack(parts)
        columns.insert(0, Column("WPID_RANDOM", "Respondent ID (random)", block + offsets))
        path = surveys_dir / "gwp" / f"GWP_{year}{'.sav' if year <= 2015 else '.dta'}"
        written.append(write_table(path, columns, f"Gallup World Poll {year}"))
    return written
