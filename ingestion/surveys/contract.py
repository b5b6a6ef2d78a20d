"""What a survey file must declare before its rows are read: the context its folder, file name
and header give, the answer scale its value labels pick for each item, and each row's country."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.errors import ContractViolation, Issue, IssueLog
from ingestion.sheets import split_multi
from ingestion.surveys.countries import Country, norm_code, norm_codes, unknown_codes
from ingestion.surveys.files import Layout
from ingestion.surveys.reference import CrosswalkEntry, ScaleCode, SurveyFamily, SurveyReference


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


def file_context(
    path: Path, reference: SurveyReference
) -> tuple[SurveyFamily, str | None, str | None]:
    """The file's family (from its folder), and the country and wave its file name gives."""
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


def _norm_label(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", str(text).casefold())


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
        _norm_label(file_labels[c]) in {_norm_label(x) for x in split_multi(s.label)}
        for c, s in substantive.items()
    )


def _describe(labels: dict[int, str]) -> str:
    return "; ".join(f"{code}={text}" for code, text in sorted(labels.items()))


def pick_scale(
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


def check_labels(
    variable: str, scale_id: str, layout: Layout, reference: SurveyReference, log: IssueLog
) -> None:
    file_labels = _labelled_codes(variable, reference.scales[scale_id], layout)
    if file_labels is not None and not _labels_match(file_labels, reference.scales[scale_id]):
        log.add(
            f"unexpected value labels ({_describe(file_labels)}): expected {scale_id}",
            column=variable,
        )


def row_countries(
    chunk: pd.DataFrame, rows: np.ndarray, context: FileContext, log: IssueLog
) -> tuple[pd.Series, pd.Series]:
    """Each row's country code as coded and its country (NaN where the code is no country),
    from the country variable or else the file name."""
    variable = context.variables["country"]
    if variable is None:
        as_coded = pd.Series(norm_code(context.country or ""), index=chunk.index)
        if context.file_country is None:
            log.add_rows(
                "no country: no country variable and none in the file name",
                rows.tolist(),
                column=None,
            )
        return as_coded, pd.Series(context.file_country, index=chunk.index, dtype="object")
    as_coded = norm_codes(chunk[variable])
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
