"""The WVS-6, WVS-7, EVS 2017 and joint EVS/WVS file families, and the samples each one holds.

A family's codebook is its admin variables (written here, since they are computed from the sample)
and its item columns, listed in file order in ``values_codebook.csv``: one row per column, naming
the item it carries and, for a membership, the coding it is asked in (``active`` 0-2 or ``binary``
0/1; empty for the other items). Which country sits in which file is chosen so every reader (SPSS,
Stata, two CSV dialects, the joint file with its EVS/WVS split) gets exercised.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sample_data.surveys import others
from sample_data.surveys._writers import Column, Format
from sample_data.surveys.values_items import (
    BINARY_MEMBERSHIP,
    MISSING,
    NOT_ASKED,
    answer_scale,
    item_label,
)

CODEBOOK = Path(__file__).with_name("values_codebook.csv")


@dataclass(frozen=True)
class Sample:
    """One country sample; `wave` 6 is the report's 2011 wave, 7 its 2017-2022 ("2018") wave."""

    country: str
    wave: int
    instrument: str
    year: int
    n: int
    file: str
    regional: bool = True  # the sample the report's regional mean uses for this country


SAMPLES = (
    Sample("KAZ", 6, "wvs6", 2011, 1500, "wvs6_sav"),
    Sample("ARM", 6, "wvs6", 2011, 1100, "wvs6_sav"),
    Sample("KGZ", 6, "wvs6", 2011, 1500, "wvs6_sav"),
    Sample("AZE", 6, "wvs6", 2011, 1002, "wvs6_dta"),
    Sample("BLR", 6, "wvs6", 2011, 1535, "wvs6_dta"),
    Sample("GEO", 6, "wvs6", 2014, 1202, "wvs6_csv"),
    Sample("UKR", 6, "wvs6", 2011, 1500, "wvs6_csv"),
    Sample("KAZ", 7, "wvs7", 2018, 1276, "wvs7_sav"),
    Sample("KGZ", 7, "wvs7", 2020, 1200, "wvs7_sav"),
    Sample("TJK", 7, "wvs7", 2020, 1200, "wvs7_sav"),
    Sample("UKR", 7, "wvs7", 2020, 1289, "wvs7_csv"),
    Sample("ALB", 7, "evs", 2018, 1435, "evs_dta"),
    Sample("AZE", 7, "evs", 2018, 1800, "evs_dta"),
    Sample("BIH", 7, "evs", 2019, 1724, "evs_dta"),
    Sample("MKD", 7, "evs", 2019, 1117, "evs_dta"),
    Sample("ARM", 7, "wvs7", 2021, 1223, "joint_sav"),
    Sample("BLR", 7, "evs", 2018, 1548, "joint_sav"),
    Sample("GEO", 7, "evs", 2018, 2194, "joint_sav"),
    Sample("MNE", 7, "evs", 2019, 1003, "joint_sav"),
    Sample("SRB", 7, "wvs7", 2017, 1046, "joint_sav"),
    # Serbia's EVS sample sits in the same joint file; the regional figures use the WVS one.
    Sample("SRB", 7, "evs", 2018, 1499, "joint_sav", regional=False),
)
# Countries outside the programme, as every cross-national file has them (sample_data.surveys.
# others): appended after the programme's samples of each file, never calibrated.
OTHER_SAMPLES = tuple(
    Sample(country, wave, instrument, year, others.N, file, regional=False)
    for country, wave, instrument, year, file in (
        ("DEU", 6, "wvs6", 2013, "wvs6_sav"),
        ("USA", 6, "wvs6", 2011, "wvs6_sav"),
        ("POL", 6, "wvs6", 2012, "wvs6_sav"),
        ("JPN", 6, "wvs6", 2010, "wvs6_dta"),
        ("BRA", 6, "wvs6", 2014, "wvs6_dta"),
        ("SWE", 6, "wvs6", 2011, "wvs6_dta"),
        ("TUR", 6, "wvs6", 2011, "wvs6_csv"),
        ("NGA", 6, "wvs6", 2012, "wvs6_csv"),
        ("MEX", 6, "wvs6", 2012, "wvs6_csv"),
        ("DEU", 7, "wvs7", 2018, "wvs7_sav"),
        ("USA", 7, "wvs7", 2017, "wvs7_sav"),
        ("JPN", 7, "wvs7", 2019, "wvs7_sav"),
        ("BRA", 7, "wvs7", 2018, "wvs7_csv"),
        ("TUR", 7, "wvs7", 2018, "wvs7_csv"),
        ("NGA", 7, "wvs7", 2018, "wvs7_csv"),
        ("DEU", 7, "evs", 2018, "evs_dta"),
        ("FRA", 7, "evs", 2018, "evs_dta"),
        ("POL", 7, "evs", 2017, "evs_dta"),
        # The joint file holds the WVS-7 and EVS samples again; Germany is in both studies.
        ("DEU", 7, "wvs7", 2018, "joint_sav"),
        ("USA", 7, "wvs7", 2017, "joint_sav"),
        ("NGA", 7, "wvs7", 2018, "joint_sav"),
        ("DEU", 7, "evs", 2018, "joint_sav"),
        ("FRA", 7, "evs", 2018, "joint_sav"),
    )
)

COUNTRY_LABELS = others.iso_labels()
STUDY = {"evs": 1, "wvs7": 2}
Admin = Callable[[Sample, np.ndarray, np.ndarray], list[Column]]
ItemColumns = tuple[tuple[str, str, str | None], ...]


def _const(n: int, value: int | str) -> np.ndarray:
    return np.full(n, value, dtype=object if isinstance(value, str) else np.int64)


def _wvs6_admin(s: Sample, ids: np.ndarray, w: np.ndarray) -> list[Column]:
    geo = others.country(s.country)
    return [
        Column("V1", "Wave", _const(ids.size, 6), {6: "2010-2014"}),
        Column("V2", "Country/region", _const(ids.size, geo.iso_numeric), COUNTRY_LABELS),
        Column("V3", "Interview number", ids),
        Column("V258", "Weight", w),
        Column("V262", "Year survey", _const(ids.size, s.year)),
    ]


def _wvs7_admin(s: Sample, ids: np.ndarray, w: np.ndarray) -> list[Column]:
    geo = others.country(s.country)
    return [
        Column("A_WAVE", "Wave", _const(ids.size, 7), {7: "2017-2022"}),
        Column("A_YEAR", "Year of survey", _const(ids.size, s.year)),
        Column("A_STUDY", "Study", _const(ids.size, 2), {1: "EVS", 2: "WVS"}),
        Column(
            "B_COUNTRY",
            "ISO 3166-1 numeric country code",
            _const(ids.size, geo.iso_numeric),
            COUNTRY_LABELS,
        ),
        Column("B_COUNTRY_ALPHA", "ISO 3166-1 alpha-3 country code", _const(ids.size, s.country)),
        Column("D_INTERVIEW", "Interview ID", geo.iso_numeric * 1_000_000 + ids),
        Column("W_WEIGHT", "Weight", w),
        Column("S018", "Equilibrated weight-1000", np.round(w * 1000 / ids.size, 6)),
    ]


def _evs_admin(s: Sample, ids: np.ndarray, w: np.ndarray) -> list[Column]:
    geo = others.country(s.country)
    return [
        Column("studyno", "GESIS study number", _const(ids.size, 7500)),
        Column("id_cocas", "Respondent number (country, case)", geo.iso_numeric * 1_000_000 + ids),
        Column(
            "country",
            "Country (ISO 3166-1 numeric)",
            _const(ids.size, geo.iso_numeric),
            COUNTRY_LABELS,
        ),
        Column(
            "c_abrv", "Country abbreviation (ISO 3166-1 alpha-2)", _const(ids.size, geo.iso_alpha2)
        ),
        Column("year", "Survey year", _const(ids.size, s.year)),
        Column("gweight", "Calibration weight", w),
    ]


def _joint_admin(s: Sample, ids: np.ndarray, w: np.ndarray) -> list[Column]:
    geo = others.country(s.country)
    study = STUDY[s.instrument]
    return [
        Column("study", "Study", _const(ids.size, study), {1: "EVS", 2: "WVS"}),
        Column(
            "cntry",
            "Country (ISO 3166-1 numeric)",
            _const(ids.size, geo.iso_numeric),
            COUNTRY_LABELS,
        ),
        Column("cntry_AN", "Country (ISO 3166-1 alpha-2)", _const(ids.size, geo.iso_alpha2)),
        Column(
            "cntry_y",
            "Country-year (cntry * 10000 + year)",
            _const(ids.size, geo.iso_numeric * 10000 + s.year),
        ),
        Column("year", "Survey year", _const(ids.size, s.year)),
        Column(
            "id_cocas",
            "Respondent number (study * 1e9 + cntry * 1e6 + case)",
            study * 1_000_000_000 + geo.iso_numeric * 1_000_000 + ids,
        ),
        Column("gwght", "Weight", w),
    ]


@dataclass(frozen=True)
class Layout:
    """A file family's codebook: admin variables plus (column, item, membership coding) triples.

    A membership column has a coding ("active" 0/1/2 or "binary" 0/1); a sample whose instrument
    does not ask the item in that coding gets -4 "not asked" there, as the joint file does.
    """

    admin: Admin
    items: ItemColumns

    def columns(
        self, s: Sample, ids: np.ndarray, w: np.ndarray, answers: dict[str, np.ndarray]
    ) -> list[Column]:
        binary = s.instrument in BINARY_MEMBERSHIP
        out = self.admin(s, ids, w)
        for name, item, coding in self.items:
            asked = item in answers and coding in (None, "binary" if binary else "active")
            data = answers[item] if asked else np.full(ids.size, NOT_ASKED)
            scale_binary = coding == "binary"
            out.append(
                Column(
                    name,
                    item_label(item, scale_binary),
                    data,
                    answer_scale(item, scale_binary).labels,
                    MISSING.labels,
                )
            )
        return out


def _item_columns(path: Path) -> dict[str, ItemColumns]:
    """Each family's (column, item, membership coding) triples, in file order."""
    families: dict[str, list[tuple[str, str, str | None]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            column = (row["variable"], row["item"], row["coding"] or None)
            families.setdefault(row["family"], []).append(column)
    return {family: tuple(columns) for family, columns in families.items()}


ITEM_COLUMNS = _item_columns(CODEBOOK)
WVS6 = Layout(_wvs6_admin, ITEM_COLUMNS["wvs6"])
WVS7 = Layout(_wvs7_admin, ITEM_COLUMNS["wvs7"])
EVS = Layout(_evs_admin, ITEM_COLUMNS["evs"])
JOINT = Layout(_joint_admin, ITEM_COLUMNS["joint"])


@dataclass(frozen=True)
class SurveyFile:
    path: str
    label: str
    layout: Layout
    fmt: Format = field(default_factory=Format)


FILES = {
    "wvs6_sav": SurveyFile("wvs6/WV6_Data_Spss_v20180912.sav", "WVS Wave 6 2010-2014", WVS6),
    "wvs6_dta": SurveyFile("wvs6/WV6_Data_stata_v20201117.dta", "WVS Wave 6 2010-2014", WVS6),
    "wvs6_csv": SurveyFile(
        "wvs6/WV6_Data_csv_v20201117.csv", "", WVS6, Format(csv_sep=";", csv_bom=True)
    ),
    "wvs7_sav": SurveyFile(
        "wvs7/WVS_Cross-National_Wave_7_spss_v5_0.sav", "WVS Wave 7 2017-2022", WVS7
    ),
    "wvs7_csv": SurveyFile("wvs7/WVS_Cross-National_Wave_7_csv_v5_0.csv", "", WVS7),
    "evs_dta": SurveyFile(
        "evs2017/ZA7500_v5-0-0.dta", "EVS 2017", EVS, Format(stata_extended=True)
    ),
    "joint_sav": SurveyFile("evs_wvs/ZA7505_v4-0-0.sav", "Joint EVS/WVS 2017-2022", JOINT),
}
