"""Central Asia Barometer: one file per country and wave, trust in television, radio, newspapers.

CAB's real variable names are not known to the project, so each wave gets its own invented but
realistic names (and a different item order) — the pipeline has to read them through a per-wave
crosswalk, which is the point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sample_data.surveys._engine import (
    AnswerScale,
    Missingness,
    make_weights,
    replicate,
    rng_for,
    simulate_item,
)
from sample_data.surveys._writers import Column, write_table

MEDIA = ("television", "radio", "newspapers")


@dataclass(frozen=True)
class WaveSchema:
    respondent_id: str
    country: str
    weight: str
    items: dict[str, str]  # medium -> variable, in file order
    fieldwork: str


WAVES = {
    2: WaveSchema(
        "RESPID",
        "COUNTRY",
        "WEIGHT",
        {"television": "Q23A", "newspapers": "Q23B", "radio": "Q23C"},
        "Nov-Dec 2017",
    ),
    3: WaveSchema(
        "ID",
        "CNTRY",
        "wt",
        {"television": "M5_1", "radio": "M5_2", "newspapers": "M5_3"},
        "May-Jun 2018",
    ),
    4: WaveSchema(
        "resp_id",
        "Country",
        "Weight_final",
        {"television": "Q31_TV", "newspapers": "Q31_NEWSP", "radio": "Q31_RADIO"},
        "Nov-Dec 2018",
    ),
    5: WaveSchema(
        "RespondentID",
        "COUNTRY",
        "W5_WEIGHT",
        {"television": "MED4_1", "newspapers": "MED4_2", "radio": "MED4_3"},
        "Apr-Jun 2019",
    ),
}
COUNTRIES = {  # alpha-3 -> (CAB country code, name used in file names and labels)
    "KAZ": (1, "Kazakhstan"),
    "KGZ": (2, "Kyrgyzstan"),
    "TJK": (3, "Tajikistan"),
    "UZB": (4, "Uzbekistan"),
    "TKM": (5, "Turkmenistan"),
}
FIRST_WAVE = {"TKM": 4}  # Turkmenistan joined in wave 4
FORMATS = (".sav", ".dta", ".xlsx")
N = 1500

TRUST = AnswerScale(
    ((1, 2), (3, 4)),
    ((0.45, 0.55), (0.6, 0.4)),
    {1: "Strongly trust", 2: "Somewhat trust", 3: "Somewhat distrust", 4: "Strongly distrust"},
)
MISSING = Missingness((98, 99), (0.25, 0.75), (0.02, 0.07), {98: "Refused", 99: "Don't know"})

KAZ = {  # percent trusting among valid answers; waves 2-5 average 80.05 / 57.05 / 61.05
    2: {"television": 78.4, "radio": 55.8, "newspapers": 62.3},
    3: {"television": 80.2, "radio": 57.4, "newspapers": 60.4},
    4: {"television": 81.0, "radio": 58.1, "newspapers": 61.2},
    5: {"television": 80.6, "radio": 56.9, "newspapers": 60.3},
}
CENTERS = {  # television, radio, newspapers for the neighbours
    "KGZ": (72.0, 50.0, 52.0),
    "TJK": (83.0, 55.0, 58.0),
    "UZB": (86.0, 60.0, 62.0),
    "TKM": (90.0, 70.0, 75.0),
}


def files() -> list[tuple[str, int, str]]:
    """(country, wave, file name) for every file; formats rotate so each country mixes them."""
    return [
        (code, wave, f"CAB_W{wave}_{name}{FORMATS[(wave + i) % len(FORMATS)]}")
        for i, (code, (_, name)) in enumerate(COUNTRIES.items())
        for wave in WAVES
        if wave >= FIRST_WAVE.get(code, 2)
    ]


def _target(code: str, wave: int, seed: int) -> dict[str, float]:
    if code == "KAZ":
        return KAZ[wave]
    rng = rng_for(seed, "cab-profile", code, wave)
    return {m: c + rng.normal(0, 2.0) for m, c in zip(MEDIA, CENTERS[code], strict=True)}


def _columns(code: str, wave: int, seed: int, scale: int) -> list[Column]:
    schema = WAVES[wave]
    country, _ = COUNTRIES[code]
    target = _target(code, wave, seed)
    rng = rng_for(seed, "cab", code, wave)
    w = make_weights(rng, N)
    rows = N * scale
    columns = [
        Column(schema.respondent_id, "Respondent ID", np.arange(1, rows + 1)),
        Column(
            schema.country,
            "Country",
            np.full(rows, country),
            {number: name for number, name in COUNTRIES.values()},
        ),
        Column(schema.weight, "Weight", replicate(w, scale)),
    ]
    for medium, name in schema.items.items():
        codes = simulate_item(rng, w, (target[medium],), TRUST, MISSING)
        label = f"{name}. How strongly do you trust or distrust {medium}?"
        columns.append(Column(name, label, replicate(codes, scale), TRUST.labels, MISSING.labels))
    return columns


def generate(surveys_dir: Path, *, scale: int, seed: int) -> list[Path]:
    """One file per country and wave, n = 1,500 each at scale 1."""
    return [
        write_table(
            surveys_dir / "cab" / file_name,
            _columns(code, wave, seed, scale),
            f"Central Asia Barometer wave {wave} ({WAVES[wave].fieldwork})",
        )
        for code, wave, file_name in files()
    ]
