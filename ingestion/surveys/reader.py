"""Reading one survey file: context and scales checked first, then its rows chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.errors import IssueLog
from ingestion.surveys.contract import (
    FileContext,
    check_labels,
    file_context,
    pick_scale,
    row_countries,
)
from ingestion.surveys.countries import FROM_FILE_NAME, Country, CountryTally
from ingestion.surveys.files import read_chunks, read_layout
from ingestion.surveys.reference import SurveyReference
from ingestion.surveys.rows import KEY_COLUMNS, answers, respondents

ISSUES_PER_CHECK = 10  # rows listed per (check, variable); the rest are counted in one summary


def read_survey_file(path: Path, reference: SurveyReference) -> dict[str, pd.DataFrame]:
    """``survey_chunks`` gathered into one frame per table (for a look at one small file)."""
    parts: dict[str, list[pd.DataFrame]] = {}
    for table, frame in survey_chunks(path, reference):
        parts.setdefault(table, []).append(frame)
    return {table: pd.concat(frames, ignore_index=True) for table, frames in parts.items()}


def survey_chunks(path: Path, reference: SurveyReference) -> Iterator[tuple[str, pd.DataFrame]]:
    """Validate one microdata file against the survey seeds; yield respondents and answers of
    the programme's countries chunk by chunk, then the rows the file holds per country
    (programme or not).

    Rows of countries outside the programme are counted and set aside; a country code that is no
    country at all rejects the file. Every problem is collected before raising (capped per
    check), so one round of fixes suffices; the loader drops the chunks of a rejected file, and
    once a problem is found no further chunk is yielded. Only the respondents' keys are kept
    across chunks (for the duplicate check), so memory stays flat in the file's size.
    """
    log = IssueLog(path.name, per_check=ISSUES_PER_CHECK)
    family, country, wave = file_context(path, reference)
    layout = read_layout(path)
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

    scales = {e.source_variable: pick_scale(e, layout, reference, log) for e in entries}
    if variables["study"] and family.study_scale:
        check_labels(variables["study"], family.study_scale, layout, reference, log)
    log.raise_if_any()

    needed = sorted({v for v in variables.values() if v} | set(scales))
    key_parts, offset = [], 0
    system = family.country_code_system if variables["country"] else FROM_FILE_NAME
    tally = CountryTally(family.family, system)
    for chunk in read_chunks(path, needed):
        rows = np.arange(offset + 1, offset + len(chunk) + 1, dtype=np.int32)
        offset += len(chunk)
        as_coded, countries = row_countries(chunk, rows, context, log)
        tally.add(as_coded, countries)
        # Other countries' rows are set aside unchecked; rows with no country stay to be checked
        # with the rest (the file is rejected), so one round of fixes suffices.
        keep = countries.map(lambda c: not isinstance(c, Country) or c.in_programme).to_numpy(bool)
        chunk, rows, as_coded = chunk[keep], rows[keep], as_coded[keep]
        geography = countries[keep].map(lambda c: c.geography_id, na_action="ignore")
        people = respondents(chunk, rows, as_coded, geography, context, reference, log)
        key_parts.append(people[[*KEY_COLUMNS, "source_row"]])
        answered = answers(chunk, rows, people["study"], entries, scales, layout, reference, log)
        if not log.issues:
            yield "survey_respondents", people
            yield "survey_answers", answered
    if not offset:
        log.add("file has no data rows")
        log.raise_if_any()
    keys = pd.concat(key_parts, ignore_index=True)
    duplicated = keys.duplicated(list(KEY_COLUMNS), keep="first")
    if duplicated.any():
        log.add_rows(
            "respondent appears twice (same family, wave, study, country and respondent id)",
            keys.loc[duplicated, "source_row"].tolist(),
            column=variables["respondent_id"],
        )
    log.raise_if_any()
    yield "survey_file_countries", tally.frame()
