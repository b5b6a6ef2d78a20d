"""Small survey files in the producers' formats, built from the crosswalk seeds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat

from ingestion.surveys import SurveyReference

REFERENCE = SurveyReference.from_seeds()
WVS6_ADMIN = {"V1": 6, "V2": 398, "V262": 2011}


def crosswalk_labels(family: str) -> dict[str, dict[int, str]]:
    """Every crosswalk variable of the family with the value labels of its first scale."""
    labels = {}
    for entry in REFERENCE.crosswalk:
        if entry.family == family:
            scale = REFERENCE.scales[entry.scales[0]]
            labels[entry.source_variable] = {c: s.label.split("|")[0] for c, s in scale.items()}
    return labels


def wvs6_frame(n: int = 4, **overrides) -> pd.DataFrame:
    frame = pd.DataFrame(
        {**WVS6_ADMIN, "V3": np.arange(1, n + 1), "V258": np.linspace(0.5, 1.5, n)}
    )
    for variable in crosswalk_labels("wvs6"):
        frame[variable] = 1.0
    for column, values in overrides.items():
        frame[column] = values
    return frame.astype(float)


def write_sav(path: Path, frame: pd.DataFrame, labels: dict[str, dict[int, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    present = {k: v for k, v in labels.items() if k in frame.columns}
    missing = {name: [{"lo": -5, "hi": -1}] for name in present}
    pyreadstat.write_sav(frame, str(path), variable_value_labels=present, missing_ranges=missing)
    return path


def cab_labels(wave: str) -> dict[str, dict[int, str]]:
    """CAB value labels of one wave: the country variable and every crosswalk variable."""
    countries = {1: "Kazakhstan", 2: "Kyrgyzstan", 3: "Tajikistan", 4: "Uzbekistan"}
    labels = {"CNTRY": countries}
    for entry in REFERENCE.crosswalk:
        if entry.family == "cab" and entry.wave == wave:
            scale = REFERENCE.scales[entry.scales[0]]
            labels[entry.source_variable] = {c: s.label for c, s in scale.items()}
    return labels


def write_xlsx(path: Path, frame: pd.DataFrame, labels: dict[str, dict[int, str]]) -> Path:
    """Codes on a Data sheet, value labels on a Codebook sheet, as CAB ships its workbooks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    codebook = pd.DataFrame(
        [
            {"variable": variable, "variable_label": None, "value": code, "value_label": text}
            for variable, codes in labels.items()
            for code, text in codes.items()
        ]
    )
    with pd.ExcelWriter(path) as writer:
        frame.to_excel(writer, sheet_name="Data", index=False)
        codebook.to_excel(writer, sheet_name="Codebook", index=False)
    return path
