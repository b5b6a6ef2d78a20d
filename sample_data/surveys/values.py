"""World Values Survey wave 6, WVS wave 7, EVS 2017 and the joint EVS/WVS 2017-2022 file.

The report compares a "2011" wave (WVS-6, 7 countries) with a "2018" wave (13 countries whose
2017-2022 samples ship in three file families). Each file follows its producer's codebook; which
country sits in which file is chosen so every reader (SPSS, Stata, two CSV dialects, the joint file
with its EVS/WVS split) gets exercised. Country-level targets: Kazakhstan is fixed to the report,
the others are drawn around plausible centres and then shifted together so the regional means the
report quotes hold exactly.

Modules: ``values_items`` (wording, answer scales, missing codes), ``values_files`` (the file
families' codebooks, with ``values_codebook.csv``, and the samples each holds), ``values_targets``
(the country-level targets); this one simulates the respondents and writes the files.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sample_data.surveys._engine import make_weights, replicate, rng_for, simulate_item
from sample_data.surveys._writers import stack, write_table
from sample_data.surveys.values_files import FILES, OTHER_SAMPLES, SAMPLES, Sample
from sample_data.surveys.values_items import (
    BINARY_MEMBERSHIP,
    INSTRUMENT_ITEMS,
    MISSING,
    answer_scale,
)
from sample_data.surveys.values_targets import targets


def _simulate(
    s: Sample, target: dict[str, tuple[float, ...]], seed: int
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    rng = rng_for(seed, "respondents", s.wave, s.country, s.instrument)
    w = make_weights(rng, s.n)
    binary = s.instrument in BINARY_MEMBERSHIP
    answers = {
        item: simulate_item(rng, w, target[item], answer_scale(item, binary), MISSING)
        for item in INSTRUMENT_ITEMS[s.instrument]
    }
    return w, answers


def generate(surveys_dir: Path, *, scale: int, seed: int) -> list[Path]:
    """Write the WVS-6, WVS-7, EVS 2017 and joint EVS/WVS files."""
    profile = targets(seed)
    written = []
    for key, spec in FILES.items():
        parts = []
        for s in (s for s in (*SAMPLES, *OTHER_SAMPLES) if s.file == key):
            w, answers = _simulate(s, profile[s], seed)
            ids = np.arange(1, s.n * scale + 1)
            answers = {k: replicate(v, scale) for k, v in answers.items()}
            parts.append(spec.layout.columns(s, ids, replicate(w, scale), answers))
        written.append(write_table(surveys_dir / spec.path, stack(parts), spec.label, spec.fmt))
    return written
