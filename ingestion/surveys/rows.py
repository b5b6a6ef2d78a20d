"""The rows of a survey file: its respondents and their answers, chunk by chunk, with the checks
each row must pass (weight, respondent id, registered wave and study, fieldwork year, answer codes
in the domain of their scale) and the kind of missing each unanswered item is."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ingestion.errors import IssueLog
from ingestion.surveys.contract import FileContext
from ingestion.surveys.countries import EMPTY_CODES, norm_code, norm_codes
from ingestion.surveys.files import Layout
from ingestion.surveys.reference import CrosswalkEntry, ScaleCode, SurveyReference

RESPONDENT_COLUMNS = {
    "survey_family": "VARCHAR NOT NULL",
    "wave": "VARCHAR NOT NULL",
    "study": "VARCHAR NOT NULL",
    "geography_id": "VARCHAR NOT NULL",
    "respondent_id": "VARCHAR NOT NULL",
    "country_as_coded": "VARCHAR NOT NULL",
    "fieldwork_year": "INTEGER NOT NULL",
    "weight": "DOUBLE NOT NULL",
    "weight_variable": "VARCHAR NOT NULL",
    "source_row": "INTEGER NOT NULL",
}
ANSWER_COLUMNS = {
    "item_id": "VARCHAR NOT NULL",
    "source_variable": "VARCHAR NOT NULL",
    "scale_id": "VARCHAR NOT NULL",
    "answer_code": "INTEGER",
    "missing_kind": "VARCHAR",
    "source_row": "INTEGER NOT NULL",
}
KEY_COLUMNS = ("survey_family", "wave", "study", "geography_id", "respondent_id")
SYSTEM_MISSING = "."
INT32 = np.iinfo(np.int32)


def _codes(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(numeric value or NaN, missing marker for non-numeric cells: '.a'.. or '.' when empty)."""
    numeric = pd.to_numeric(values, errors="coerce")
    marker = pd.Series(SYSTEM_MISSING, index=values.index, dtype="object")
    if not pd.api.types.is_numeric_dtype(values):  # only text cells can hold '.a'-style markers
        text = values[numeric.isna()].astype("string").str.strip().str.lower()
        letters = text[text.str.fullmatch(r"\.?[a-z]").fillna(False)]
        marker[letters.index] = "." + letters.str.lstrip(".")
    return numeric, marker.where(numeric.isna())


def respondents(
    chunk: pd.DataFrame,
    rows: np.ndarray,
    as_coded: pd.Series,
    geography: pd.Series,
    context: FileContext,
    reference: SurveyReference,
    log: IssueLog,
) -> pd.DataFrame:
    """The programme's respondents of one chunk (rows of other countries already set aside)."""
    family, variables = context.family, context.variables

    def bad(mask: pd.Series, message: str, column: str | None) -> None:
        if mask.any():
            log.add_rows(message, rows[mask.to_numpy()].tolist(), column=column)

    def from_file(role: str, fallback: str | None) -> pd.Series:
        if variables[role]:
            return norm_codes(chunk[variables[role]])
        return pd.Series(norm_code(fallback or ""), index=chunk.index)

    weight = pd.to_numeric(chunk[variables["weight"]], errors="coerce")
    bad(
        ~(np.isfinite(weight) & (weight > 0)),
        "weight is not a positive finite number",
        variables["weight"],
    )
    respondent = from_file("respondent_id", None)
    bad(
        respondent.isin(list(EMPTY_CODES)),
        "respondent id is empty",
        variables["respondent_id"],
    )
    wave = from_file("wave", context.wave)
    if variables["study"]:
        scale = reference.scales[family.study_scale]
        numeric, _ = _codes(chunk[variables["study"]])
        study = numeric.map(lambda v: scale[int(v)].category if v in scale else None)
        bad(study.isna(), f"study code is not in {family.study_scale}", variables["study"])
    else:
        study = pd.Series(family.default_study, index=chunk.index)

    codes, samples = pd.MultiIndex.from_arrays([wave, study]).factorize()
    registered = [(family.family, w, s) in reference.samples for w, s in samples]
    bad(
        pd.Series(~np.array(registered, dtype=bool)[codes], index=chunk.index),
        "wave/study not registered in survey_waves (add a row mapping it to a wave group)",
        variables["wave"] or variables["study"] or "file name",
    )
    if variables["year"]:
        year = pd.to_numeric(chunk[variables["year"]], errors="coerce")
    else:
        seed_years = [reference.samples.get((family.family, w, s)) for w, s in samples]
        year = pd.Series(np.array(seed_years, dtype=float)[codes], index=chunk.index)
    bad(
        ~(year.notna() & (year % 1 == 0) & year.between(INT32.min, INT32.max)),
        "fieldwork year is not a whole number (variable, or survey_waves.fieldwork_year)",
        variables["year"] or "survey_waves",
    )

    return pd.DataFrame(
        {
            "survey_family": family.family,
            "wave": wave.astype(str),
            "study": study.astype(str),
            "geography_id": geography.astype(str),
            "respondent_id": respondent.astype(str),
            "country_as_coded": as_coded.astype(str),
            "fieldwork_year": year.fillna(0).astype("int32"),
            "weight": weight.astype(float),
            "weight_variable": variables["weight"],
            "source_row": rows,
        }
    )


def answers(
    chunk: pd.DataFrame,
    rows: np.ndarray,
    study: pd.Series,
    entries: list[CrosswalkEntry],
    scales: dict[str, str],
    layout: Layout,
    reference: SurveyReference,
    log: IssueLog,
) -> pd.DataFrame:
    """One row per respondent and harmonised item; study-specific variables only for their study."""
    parts: list[pd.DataFrame] = []
    for entry in entries:
        scale_id = scales[entry.source_variable]
        scale = reference.scales[scale_id]
        keep = (study == entry.study).to_numpy() if entry.study else np.ones(len(chunk), bool)
        numeric, marker = _codes(chunk[entry.source_variable])
        numeric, marker = numeric[keep], marker[keep]
        too_large = numeric.notna() & ~numeric.between(INT32.min, INT32.max)
        if too_large.any():
            log.add_rows(
                f"answer code does not fit a 32-bit integer ({INT32.min} to {INT32.max})",
                rows[keep][too_large.to_numpy()].tolist(),
                column=entry.source_variable,
            )
            numeric = numeric.where(~too_large)  # the file is rejected; keep the cast safe
        kind = _missing_kind(
            numeric,
            marker,
            scale,
            layout.declared_missing.get(entry.source_variable, []),
            reference,
        )
        valid = numeric.isin([c for c, s in scale.items() if s.missing_kind is None])
        outside = kind.isna() & ~valid
        if outside.any():
            allowed = ", ".join(str(c) for c in sorted(scale))
            log.add_rows(
                f"answer code outside the domain of {scale_id} ({allowed}, or a missing code)",
                rows[keep][outside.to_numpy()].tolist(),
                column=entry.source_variable,
            )
        parts.append(
            pd.DataFrame(
                {
                    "answer_code": numeric.where(numeric % 1 == 0).astype("Int32"),
                    "missing_kind": kind,
                    "source_row": rows[keep],
                }
            )
        )
    if not parts:
        return pd.DataFrame({column: [] for column in ANSWER_COLUMNS})
    frame = pd.concat(parts, ignore_index=True)
    entry_of_row = np.repeat(np.arange(len(parts)), [len(part) for part in parts])
    labels = {
        "item_id": [e.item_id for e in entries],
        "source_variable": [e.source_variable for e in entries],
        "scale_id": [scales[e.source_variable] for e in entries],
    }
    for column, per_entry in labels.items():  # categoricals: one small dictionary per column
        categories = sorted(set(per_entry))
        codes = np.array([categories.index(v) for v in per_entry])[entry_of_row]
        frame[column] = pd.Categorical.from_codes(codes, categories=categories)
    frame["missing_kind"] = frame["missing_kind"].astype(reference.missing_kind_dtype)
    return frame[list(ANSWER_COLUMNS)]


def _missing_kind(
    numeric: pd.Series,
    marker: pd.Series,
    scale: dict[int, ScaleCode],
    declared: list[tuple[float, float]],
    reference: SurveyReference,
) -> pd.Series:
    """The kind of missing per answer (None for a substantive answer).

    Negative codes, Stata extended missings and the file's own declared missings are all missing;
    the kind comes from the scale (e.g. Gallup's 3 = don't know) or ``survey_missing_codes``.
    """
    kinds = {code: s.missing_kind for code, s in scale.items() if s.missing_kind}
    result = pd.Series(None, index=numeric.index, dtype="object")
    is_number = numeric.notna()
    declared_mask = pd.Series(False, index=numeric.index)
    for lo, hi in declared:
        declared_mask |= numeric.between(lo, hi)
    negative_or_declared = is_number & ((numeric < 0) | declared_mask)
    from_seed = numeric[negative_or_declared].map(
        lambda v: reference.missing_kinds.get(_marker_of(v), "other")
    )
    result[negative_or_declared] = from_seed
    in_scale = is_number & numeric.isin(list(kinds))
    result[in_scale] = numeric[in_scale].map(lambda v: kinds[int(v)])
    result[~is_number] = marker[~is_number].map(lambda m: reference.missing_kinds.get(m, "other"))
    return result


def _marker_of(value: float) -> str:
    return (
        str(int(value)) if not math.isnan(value) and float(value).is_integer() else SYSTEM_MISSING
    )
