"""Reader for survey microdata (WVS, EVS, joint EVS/WVS, Gallup World Poll, Central Asia Barometer).

One generic reader serves every survey family: the seeds under ``dbt_project/seeds/surveys`` say
where a family keeps its country, weight, respondent id, year, study and wave, which source
variables feed which harmonised item, and which answer codes (with which value labels) each item's
scale allows. Adding a wave, a country or a survey family is a seed change, not a code change.

The reader keeps answers as shipped (the code, plus the kind of missing it is) and leaves
harmonisation into categories to dbt, which joins the same seeds. Of a cross-national file only the
programme's countries are loaded; ``ingestion.surveys.countries`` counts every country's rows.

Modules: ``reference`` (the seed model), ``files`` (reading .sav/.dta/.csv/.xlsx), ``contract``
(file context, answer scales, row countries), ``countries`` (country codes), ``rows``
(respondents and answers), ``reader`` (one file, start to end).
"""

from __future__ import annotations

from pathlib import Path

from ingestion import errors, sheets, textfiles
from ingestion.landing import LandingSource
from ingestion.reference import SEEDS_DIR
from ingestion.surveys.countries import FILE_COUNTRY_COLUMNS
from ingestion.surveys.reader import read_survey_file, survey_chunks
from ingestion.surveys.reference import SurveyReference
from ingestion.surveys.rows import ANSWER_COLUMNS, KEY_COLUMNS, RESPONDENT_COLUMNS

__all__ = ["SURVEYS", "SurveyReference", "read_survey_file"]

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
    load_reference=lambda _raw: SurveyReference.from_seeds(),
    read=survey_chunks,
    # Every module of this package (a folder would hash only its .csv files), and what it uses.
    signature_paths=(
        *sorted(Path(__file__).parent.glob("*.py")),
        Path(errors.__file__),
        Path(sheets.__file__),
        Path(textfiles.__file__),
        SEEDS_DIR / "surveys",
        SEEDS_DIR / "reference",
    ),
)
