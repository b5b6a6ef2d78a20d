"""The survey seeds as one model: families, crosswalk, answer scales, missing codes, samples."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from ingestion.reference import SEEDS_DIR, read_seed
from ingestion.sheets import split_multi
from ingestion.surveys.countries import CountryReference

ROLES = ("country", "respondent_id", "year", "weight", "study", "wave")


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
                variables={role: tuple(split_multi(row[f"{role}_variables"])) for role in ROLES},
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
                tuple(split_multi(row["scale_ids"])),
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
