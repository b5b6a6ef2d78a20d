"""Reader for survey microdata (WVS, EVS, joint EVS/WVS, Gallup World Poll, Central Asia Barometer).

One generic reader serves every survey family: the seeds under ``dbt_project/seeds/surveys`` say
where a family keeps its country, weight, respondent id, year, study and wave, which source
variables feed which harmonised item, and which answer codes (with which value labels) each item's
scale allows. Adding a wave, a country or a survey family is a seed change, not a code change.

The reader keeps answers as shipped (the code, plus the kind of missing it is) and leaves
harmonisation into categories to dbt, which joins the same seeds. Of a cross-national file only the
programme's countries are loaded; ``ingestion.survey_countries`` counts every country's rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat

from ingestion import survey_countries, textfiles
from ingestion.errors import ContractViolation, Issue
from ingestion.landing import LandingSource
from ingestion.reference import SEEDS_DIR, read_seed
from ingestion.survey_countries import (
    FILE_COUNTRY_COLUMNS,
    FROM_FILE_NAME,
    Country,
    CountryReference,
    CountryTally,
    unknown_codes,
)
from ingestion.survey_countries import norm_code as _norm_code

CHUNK_ROWS = 50_000
ISSUES_PER_CHECK = (
    10  # rows listed per (check, variable); the rest are counted in one summary issue
)

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


ROLES = ("country", "respondent_id", "year", "weight", "study", "wave")
INT32 = np.iinfo(np.int32)
CODEBOOK_SHEET = "codebook"  # .xlsx value labels: variable, value, value_label (case-insensitive)
CODEBOOK_COLUMNS = ("variable", "value", "value_label")


@dataclass(frozen=True)
class SurveyFamily:
    """Where one family of survey files keeps its identifiers (a row of ``survey_sources``).

    ``variables`` maps each identifier role to its candidate variables: the first one present in a
    file is used (CAB renames its identifiers every wave). An optional role without candidates
    comes from the file name or a default instead.
    """

    family: str
    variables: dict[str, tuple[str, ...]]
    country_code_system: str
    file_name_pattern: re.Pattern[str] | None
    study_scale: str | None
    default_study: str | None
    default_wave: str | None


@dataclass(frozen=True)
class CrosswalkEntry:
    """One source variable feeding one harmonised item, for some waves and studies of a family."""

    family: str
    wave: str | None
    study: str | None
    source_variable: str
    item_id: str
    scales: tuple[str, ...]  # candidate answer scales; the file's value labels pick one


@dataclass(frozen=True)
class ScaleCode:
    label: str
    category: str | None
    missing_kind: str | None


@dataclass(frozen=True)
class SurveyReference:
    families: dict[str, SurveyFamily]
    crosswalk: tuple[CrosswalkEntry, ...]
    scales: dict[str, dict[int, ScaleCode]]
    missing_kinds: dict[str, str]  # '-1', '.a', '.' -> missing kind
    countries: CountryReference  # country codes of every code system, in the programme or not
    samples: dict[tuple[str, str, str], int | None]  # (family, wave, study) -> fieldwork year

    @cached_property
    def missing_kind_dtype(self) -> pd.CategoricalDtype:
        """Every kind of missing the reader can assign, as one fixed categorical type: chunks
        then concatenate as a categorical instead of widening to an object column."""
        kinds = set(self.missing_kinds.values()) | {"other"}
        for scale in self.scales.values():
            kinds |= {code.missing_kind for code in scale.values() if code.missing_kind}
        return pd.CategoricalDtype(sorted(kinds))

    @classmethod
    def from_seeds(cls, seeds_dir: Path = SEEDS_DIR) -> SurveyReference:
        families = {
            row["survey_family"]: SurveyFamily(
                family=row["survey_family"],
                variables={role: tuple(_split(row[f"{role}_variables"])) for role in ROLES},
                country_code_system=row["country_code_system"],
                file_name_pattern=re.compile(row["file_name_pattern"])
                if row["file_name_pattern"]
                else None,
                study_scale=row["study_scale"] or None,
                default_study=row["default_study"] or None,
                default_wave=row["default_wave"] or None,
            )
            for row in read_seed("survey_sources", seeds_dir)
        }
        samples = {
            (row["survey_family"], row["wave"], row["study"]): int(row["fieldwork_year"])
            if row["fieldwork_year"]
            else None
            for row in read_seed("survey_waves", seeds_dir)
        }
        crosswalk = tuple(
            CrosswalkEntry(
                row["survey_family"],
                row["wave"] or None,
                row["study"] or None,
                row["source_variable"],
                row["item_id"],
                tuple(_split(row["scale_ids"])),
            )
            for row in read_seed("survey_variables", seeds_dir)
        )
        scales: dict[str, dict[int, ScaleCode]] = {}
        for row in read_seed("survey_answer_scales", seeds_dir):
            scales.setdefault(row["scale_id"], {})[int(row["code"])] = ScaleCode(
                row["label"], row["category"] or None, row["missing_kind"] or None
            )
        missing = {
            row["marker"]: row["missing_kind"]
            for row in read_seed("survey_missing_codes", seeds_dir)
        }
        countries = CountryReference.from_seeds(seeds_dir)
        return cls(families, crosswalk, scales, missing, countries, samples)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


def _norm_codes(values: pd.Series) -> pd.Series:
    """``_norm_code`` for a column, vectorised when the column holds whole numbers."""
    if pd.api.types.is_numeric_dtype(values) and (values.dropna() % 1 == 0).all():
        return values.astype("Int64").astype(str).str.upper()
    return values.map(_norm_code)


def _norm_label(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", str(text).casefold())


# --- file access ----------------------------------------------------------------------------


@dataclass
class Layout:
    """A file's variables and the metadata the contract checks: value labels, declared missings."""

    variables: list[str]
    value_labels: dict[str, dict[object, str]] = field(default_factory=dict)
    declared_missing: dict[str, list[tuple[float, float]]] = field(default_factory=dict)


def _pyreadstat_reader(path: Path):
    """pyreadstat's reader for an SPSS or Stata file, None for other formats."""
    return {".sav": pyreadstat.read_sav, ".dta": pyreadstat.read_dta}.get(path.suffix.lower())


def _read_layout(path: Path) -> Layout:
    suffix = path.suffix.lower()
    reader = _pyreadstat_reader(path)
    if reader is not None:
        _, meta = reader(str(path), metadataonly=True)
        declared = {
            name: [(r["lo"], r["hi"]) for r in ranges if not isinstance(r["lo"], str)]
            for name, ranges in meta.missing_ranges.items()
        }
        return Layout(list(meta.column_names), dict(meta.variable_value_labels), declared)
    if suffix == ".csv":
        return Layout(list(pd.read_csv(path, nrows=0, **_csv_options(path)).columns))
    if suffix == ".xlsx":
        with pd.ExcelFile(path) as book:
            columns = [str(c) for c in book.parse(sheet_name=0, nrows=0).columns]
            codebook = next((s for s in book.sheet_names if s.casefold() == CODEBOOK_SHEET), None)
            labels = _codebook_labels(path, book.parse(codebook, dtype=object)) if codebook else {}
        return Layout(columns, labels)
    raise ContractViolation([Issue(path.name, f"unsupported file type '{suffix}'")])


def _codebook_labels(path: Path, sheet: pd.DataFrame) -> dict[str, dict[object, str]]:
    """Value labels from a workbook's Codebook sheet: one row per labelled value (rows without a
    value carry the variable's own label and are skipped), checked like .sav/.dta labels."""
    sheet = sheet.rename(columns=lambda c: str(c).strip().casefold())
    missing = [c for c in CODEBOOK_COLUMNS if c not in sheet.columns]
    if missing:
        raise ContractViolation(
            [
                Issue(
                    path.name,
                    f"Codebook sheet lacks column(s) {', '.join(missing)} "
                    f"(expected {', '.join(CODEBOOK_COLUMNS)})",
                )
            ]
        )
    labels: dict[str, dict[object, str]] = {}
    for variable, value, label in sheet[list(CODEBOOK_COLUMNS)].itertuples(index=False):
        if pd.isna(variable) or pd.isna(value):
            continue
        number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
        labels.setdefault(str(variable).strip(), {})[
            value if pd.isna(number) else float(number)
        ] = "" if pd.isna(label) else str(label)
    return labels


def _csv_options(path: Path) -> dict[str, object]:
    """pandas options for a survey CSV: encoding and delimiter detected as for coding sheets
    (WVS-6 ships ';' with a BOM, WVS-7 ','; a re-saved file may be Windows-1251 with ';').
    An encoding that cannot be told rejects the file, saying how to re-save it."""
    found = textfiles.detect_csv_format(path)
    return {"sep": found.delimiter, "encoding": found.encoding}


def _read_chunks(path: Path, variables: list[str]) -> Iterator[pd.DataFrame]:
    """The file's rows in chunks, only the variables the contract needs, codes as shipped."""
    suffix = path.suffix.lower()
    reader = _pyreadstat_reader(path)
    if reader is not None:
        for chunk, _ in pyreadstat.read_file_in_chunks(
            reader, str(path), chunksize=CHUNK_ROWS, usecols=variables, user_missing=True
        ):
            yield chunk
    elif suffix == ".csv":
        yield from pd.read_csv(
            path,
            usecols=variables,
            dtype=str,
            keep_default_na=False,
            chunksize=CHUNK_ROWS,
            **_csv_options(path),
        )
    else:
        yield pd.read_excel(path, sheet_name=0, usecols=variables, dtype=object)


# --- the contract ---------------------------------------------------------------------------


class IssueLog:
    """Contract issues, at most ``ISSUES_PER_CHECK`` rows per (check, variable) plus a count."""

    def __init__(self, file: str):
        self.file = file
        self.issues: list[Issue] = []
        self._counts: dict[tuple[str, str | None], int] = {}

    def add(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.add_rows(message, [row] if row is not None else [None], column=column)

    def add_rows(self, message: str, rows: list[int | None], *, column: str | None) -> None:
        key = (message, column)
        seen = self._counts.get(key, 0)
        for row in rows[: max(ISSUES_PER_CHECK - seen, 0)]:
            self.issues.append(Issue(self.file, message, row=row, column=column))
        self._counts[key] = seen + len(rows)

    def raise_if_any(self) -> None:
        for (message, column), count in self._counts.items():
            if count > ISSUES_PER_CHECK:
                extra = count - ISSUES_PER_CHECK
                self.issues.append(
                    Issue(self.file, f"... and {extra} more rows: {message}", column=column)
                )
        if self.issues:
            raise ContractViolation(self.issues)


@dataclass(frozen=True)
class FileContext:
    """What the folder, the file name and the header say: family, the country the file name
    names (as written, and resolved), wave, the variable used for each identifier role (None when
    the role comes from elsewhere) and how the country variable's codes resolve to countries."""

    family: SurveyFamily
    country: str | None
    file_country: Country | None
    wave: str | None
    variables: dict[str, str | None]
    country_lookup: dict[str, Country]


def read_survey_file(path: Path, reference: SurveyReference) -> dict[str, pd.DataFrame]:
    """Validate one microdata file against the survey seeds; return respondents and answers of
    the programme's countries, and the rows the file holds per country (programme or not).

    Rows of countries outside the programme are counted and set aside; a country code that is no
    country at all rejects the file. Every problem is collected before raising (capped per
    check), so one round of fixes suffices.
    """
    log = IssueLog(path.name)
    family, country, wave = _file_context(path, reference)
    layout = _read_layout(path)
    variables = {}
    for role, candidates in family.variables.items():
        variables[role] = next((v for v in candidates if v in layout.variables), None)
        if candidates and variables[role] is None:
            log.add(
                f"no {role} variable: expected {' or '.join(candidates)} (survey_sources)",
                column=candidates[0],
            )
    file_country = None
    if country is not None:
        file_country = reference.countries.by_name(country)
        if file_country is None:
            log.add(
                f"file name names country '{country}', which is not a country of the "
                "iso_countries, geographies or geography_aliases seed",
                column="file name",
            )
    country_labels = layout.value_labels.get(variables["country"]) if variables["country"] else None
    context = FileContext(
        family,
        country,
        file_country,
        wave,
        variables,
        reference.countries.lookup(family.country_code_system, country_labels),
    )
    entries = [
        e
        for e in reference.crosswalk
        if e.family == family.family and (e.wave is None or e.wave == wave)
    ]
    for entry in entries:
        if entry.source_variable not in layout.variables:
            log.add(
                f"variable required by the crosswalk for item '{entry.item_id}' is missing",
                column=entry.source_variable,
            )
    log.raise_if_any()

    scales = {e.source_variable: _pick_scale(e, layout, reference, log) for e in entries}
    if variables["study"] and family.study_scale:
        _check_labels(variables["study"], family.study_scale, layout, reference, log)
    log.raise_if_any()

    needed = sorted({v for v in variables.values() if v} | set(scales))
    respondents, answers, offset = [], [], 0
    system = family.country_code_system if variables["country"] else FROM_FILE_NAME
    tally = CountryTally(family.family, system)
    for chunk in _read_chunks(path, needed):
        rows = np.arange(offset + 1, offset + len(chunk) + 1, dtype=np.int32)
        offset += len(chunk)
        as_coded, countries = _countries(chunk, rows, context, log)
        tally.add(as_coded, countries)
        # Other countries' rows are set aside unchecked; rows with no country stay to be checked
        # with the rest (the file is rejected), so one round of fixes suffices.
        keep = countries.map(lambda c: not isinstance(c, Country) or c.in_programme).to_numpy(bool)
        chunk, rows, as_coded = chunk[keep], rows[keep], as_coded[keep]
        geography = countries[keep].map(lambda c: c.geography_id, na_action="ignore")
        frame = _respondents(chunk, rows, as_coded, geography, context, reference, log)
        respondents.append(frame)
        answers.append(
            _answers(chunk, rows, frame["study"], entries, scales, layout, reference, log)
        )
    if not offset:
        log.add("file has no data rows")
        log.raise_if_any()
    people = pd.concat(respondents, ignore_index=True)
    duplicated = people.duplicated(list(KEY_COLUMNS), keep="first")
    if duplicated.any():
        log.add_rows(
            "respondent appears twice (same family, wave, study, country and respondent id)",
            people.loc[duplicated, "source_row"].tolist(),
            column=variables["respondent_id"],
        )
    log.raise_if_any()
    return {
        "survey_respondents": people,
        "survey_answers": pd.concat(answers, ignore_index=True),
        "survey_file_countries": tally.frame(),
    }


def _file_context(
    path: Path, reference: SurveyReference
) -> tuple[SurveyFamily, str | None, str | None]:
    family = next(
        (reference.families[p.name] for p in path.parents if p.name in reference.families), None
    )
    if family is None:
        folders = ", ".join(sorted(reference.families))
        raise ContractViolation(
            [Issue(path.name, f"not inside a registered survey folder ({folders})")]
        )
    groups: dict[str, str] = {}
    if family.file_name_pattern is not None:
        match = family.file_name_pattern.search(path.name)
        if match is None:
            raise ContractViolation(
                [
                    Issue(
                        path.name,
                        f"file name does not match the {family.family} pattern "
                        f"'{family.file_name_pattern.pattern}' in survey_sources",
                    )
                ]
            )
        groups = {k: v for k, v in match.groupdict().items() if v}
    return family, groups.get("country"), groups.get("wave") or family.default_wave


def _labelled_codes(
    variable: str, scale: dict[int, ScaleCode], layout: Layout
) -> dict[int, str] | None:
    """The file's value labels for substantive codes (missing codes aside); None if unlabelled."""
    labels = layout.value_labels.get(variable)
    if not labels:
        return None
    result = {}
    for value, label in labels.items():
        if isinstance(value, str) or not float(value).is_integer() or value < 0:
            continue
        code = int(value)
        declared = any(lo <= code <= hi for lo, hi in layout.declared_missing.get(variable, []))
        known_missing = code in scale and scale[code].missing_kind is not None
        if not declared and not known_missing:
            result[code] = label
    return result


def _labels_match(file_labels: dict[int, str], scale: dict[int, ScaleCode]) -> bool:
    substantive = {c: s for c, s in scale.items() if s.missing_kind is None}
    return set(file_labels) == set(substantive) and all(
        _norm_label(file_labels[c]) in {_norm_label(x) for x in _split(s.label)}
        for c, s in substantive.items()
    )


def _describe(labels: dict[int, str]) -> str:
    return "; ".join(f"{code}={text}" for code, text in sorted(labels.items()))


def _pick_scale(
    entry: CrosswalkEntry, layout: Layout, reference: SurveyReference, log: IssueLog
) -> str:
    """The candidate scale whose codes and labels the file's value labels match exactly."""
    for scale_id in entry.scales:
        file_labels = _labelled_codes(entry.source_variable, reference.scales[scale_id], layout)
        if file_labels is None or _labels_match(file_labels, reference.scales[scale_id]):
            return scale_id
    log.add(
        f"unexpected value labels ({_describe(file_labels)}) for item '{entry.item_id}': "
        f"expected the labels of {' or '.join(entry.scales)} in survey_answer_scales",
        column=entry.source_variable,
    )
    return entry.scales[0]


def _check_labels(
    variable: str, scale_id: str, layout: Layout, reference: SurveyReference, log: IssueLog
) -> None:
    file_labels = _labelled_codes(variable, reference.scales[scale_id], layout)
    if file_labels is not None and not _labels_match(file_labels, reference.scales[scale_id]):
        log.add(
            f"unexpected value labels ({_describe(file_labels)}): expected {scale_id}",
            column=variable,
        )


def _codes(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(numeric value or NaN, missing marker for non-numeric cells: '.a'.. or '.' when empty)."""
    numeric = pd.to_numeric(values, errors="coerce")
    marker = pd.Series(SYSTEM_MISSING, index=values.index, dtype="object")
    if not pd.api.types.is_numeric_dtype(values):  # only text cells can hold '.a'-style markers
        text = values[numeric.isna()].astype("string").str.strip().str.lower()
        letters = text[text.str.fullmatch(r"\.?[a-z]").fillna(False)]
        marker[letters.index] = "." + letters.str.lstrip(".")
    return numeric, marker.where(numeric.isna())


def _countries(
    chunk: pd.DataFrame, rows: np.ndarray, context: FileContext, log: IssueLog
) -> tuple[pd.Series, pd.Series]:
    """Each row's country code as coded and its country (NaN where the code is no country),
    from the country variable or else the file name."""
    variable = context.variables["country"]
    if variable is None:
        as_coded = pd.Series(_norm_code(context.country or ""), index=chunk.index)
        if context.file_country is None:
            log.add_rows(
                "no country: no country variable and none in the file name",
                rows.tolist(),
                column=None,
            )
        return as_coded, pd.Series(context.file_country, index=chunk.index, dtype="object")
    as_coded = _norm_codes(chunk[variable])
    countries = as_coded.map(context.country_lookup)
    for mask, message in unknown_codes(as_coded, countries, context.family.country_code_system):
        log.add_rows(message, rows[mask].tolist(), column=variable)
    if context.file_country is not None:
        keys = countries.map(lambda c: c.key, na_action="ignore")
        other = (keys.notna() & (keys != context.file_country.key)).to_numpy()
        if other.any():
            log.add_rows(
                f"country does not match the file name, which names {context.country} "
                f"({context.file_country.key})",
                rows[other].tolist(),
                column=variable,
            )
    return as_coded, countries


def _respondents(
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
            return _norm_codes(chunk[variables[role]])
        return pd.Series(_norm_code(fallback or ""), index=chunk.index)

    weight = pd.to_numeric(chunk[variables["weight"]], errors="coerce")
    bad(
        ~(np.isfinite(weight) & (weight > 0)),
        "weight is not a positive finite number",
        variables["weight"],
    )
    respondent = from_file("respondent_id", None)
    bad(
        respondent.isin(["", "NAN", "NONE", "<NA>"]),
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


def _answers(
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


SURVEYS = LandingSource(
    name="surveys",
    directory="surveys",
    suffixes=(".sav", ".dta", ".csv", ".xlsx"),
    tables={
        "survey_respondents": RESPONDENT_COLUMNS,
        "survey_answers": ANSWER_COLUMNS,
        "survey_file_countries": FILE_COUNTRY_COLUMNS,
    },
    key_columns=KEY_COLUMNS,
    load_reference=SurveyReference.from_seeds,
    read=read_survey_file,
    signature_paths=(
        Path(__file__),
        Path(survey_countries.__file__),
        Path(textfiles.__file__),
        SEEDS_DIR / "surveys",
        SEEDS_DIR / "reference",
    ),
)
