"""World Values Survey wave 6, WVS wave 7, EVS 2017 and the joint EVS/WVS 2017-2022 file.

The report compares a "2011" wave (WVS-6, 7 countries) with a "2018" wave (13 countries whose
2017-2022 samples ship in three file families). Each file follows its producer's codebook; which
country sits in which file is chosen so every reader (SPSS, Stata, two CSV dialects, the joint file
with its EVS/WVS split) gets exercised. Country-level targets: Kazakhstan is fixed to the report,
the others are drawn around plausible centres and then shifted together so the regional means the
report quotes hold exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sample_data.surveys import others
from sample_data.surveys._engine import (
    AnswerScale,
    Missingness,
    fit_mean,
    make_weights,
    replicate,
    rng_for,
    simulate_item,
)
from sample_data.surveys._writers import Column, Format, stack, write_table

NOT_ASKED = -4
MISSING = Missingness(
    codes=(-1, -2),
    probs=(0.7, 0.3),
    rate=(0.01, 0.05),
    labels={
        -1: "Don't know",
        -2: "No answer",
        -3: "Not applicable",
        -4: "Not asked in survey",
        -5: "Missing; Not available",
    },
)
INTEREST = AnswerScale(
    ((1, 2), (3, 4)),
    ((0.3, 0.7), (0.55, 0.45)),
    {
        1: "Very interested",
        2: "Somewhat interested",
        3: "Not very interested",
        4: "Not at all interested",
    },
)
ACTION = AnswerScale(
    ((1,), (2,), (3,)),
    ((1.0,), (1.0,), (1.0,)),
    {1: "Have done", 2: "Might do", 3: "Would never do"},
)
ACTIVE = AnswerScale(
    ((1, 2), (0,)),
    ((0.55, 0.45), (1.0,)),
    {0: "Not a member", 1: "Inactive member", 2: "Active member"},
)
BINARY = AnswerScale(((1,), (0,)), ((1.0,), (1.0,)), {0: "Not mentioned", 1: "Mentioned"})
CONFIDENCE = AnswerScale(
    ((1, 2), (3, 4)),
    ((0.3, 0.7), (0.6, 0.4)),
    {1: "A great deal", 2: "Quite a lot", 3: "Not very much", 4: "None at all"},
)

TEXT = {
    "interest": "Interest in politics",
    "act_petition": "Signing a petition",
    "act_boycott": "Joining in boycotts",
    "act_demonstration": "Attending lawful/peaceful demonstrations",
    "act_strike": "Joining unofficial strikes",
    "mem_church": "Church or religious organization",
    "mem_sport": "Sport or recreational organization",
    "mem_art": "Art, music or educational organization",
    "mem_union": "Labour union",
    "mem_party": "Political party",
    "mem_environment": "Environmental organization",
    "mem_professional": "Professional association",
    "mem_humanitarian": "Humanitarian or charitable organization",
    "mem_consumer": "Consumer organization",
    "mem_selfhelp": "Self-help group, mutual aid group",
    "mem_other": "Other organization",
    "mem_women": "Women's group",
    "conf_churches": "The churches",
    "conf_armed_forces": "The armed forces",
    "conf_press": "The press",
    "conf_television": "Television",
    "conf_unions": "Labour unions",
    "conf_police": "The police",
    "conf_courts": "The courts",
    "conf_government": "The government",
    "conf_parties": "Political parties",
    "conf_parliament": "Parliament",
    "conf_civil_service": "The civil service",
    "conf_environment": "The environmental protection movement",
    "conf_charitable": "Charitable or humanitarian organizations",
}
CORE = tuple(k for k in TEXT if k not in {"mem_women", "conf_television", "conf_charitable"})
INSTRUMENT_ITEMS = {
    "wvs6": (*CORE, "conf_television"),
    "wvs7": (*CORE, "conf_television", "mem_women", "conf_charitable"),
    "evs": CORE,  # EVS 2017 has no television item
}
BINARY_MEMBERSHIP = {"evs"}  # EVS asks "do you belong to", without the active/inactive split


def _scale(item: str, binary: bool) -> AnswerScale:
    kind = item.split("_")[0]
    if kind == "mem":
        return BINARY if binary else ACTIVE
    return {"interest": INTEREST, "act": ACTION, "conf": CONFIDENCE}[kind]


def _label(item: str, binary: bool) -> str:
    kind = item.split("_")[0]
    prefix = {
        "interest": "",
        "act": "Political action: ",
        "mem": "Belong to: " if binary else "Active/Inactive membership: ",
        "conf": "Confidence: ",
    }[kind]
    return prefix + TEXT[item]


# --- Country-level targets (percent). Actions carry (have done, have done + might do). ---------

KAZ_MEMBERSHIP = {  # 2011, 2018: Table 4 at its printed rounding and printed one-decimal change
    "church": (8.3, 7.7),
    "sport": (11.8, 15.4),
    "art": (9.2, 13.8),
    "union": (8.8, 15.8),
    "party": (8.2, 10.7),
    "environment": (4.3, 3.8),
    "professional": (5.2, 7.0),
    "humanitarian": (4.9, 8.8),
    "consumer": (4.8, 6.1),
    "selfhelp": (5.1, 4.9),
    "other": (4.1, 3.8),
}
KAZ_CONFIDENCE = {  # 2011, 2018: Table 5
    "churches": (62.0, 79.1),
    "armed_forces": (72.2, 81.1),
    "press": (52.8, 59.2),
    "unions": (44.1, 54.1),
    "police": (50.2, 65.0),
    "courts": (50.8, 63.2),
    "government": (75.1, 68.9),
    "parties": (54.9, 57.1),
    "parliament": (67.3, 64.8),
    "civil_service": (66.9, 65.8),
    "environment": (57.6, 57.1),
}
KAZ_OTHER = {
    6: {
        "interest": (44.2,),
        "act_petition": (1.8, 15.8),
        "act_boycott": (1.2, 9.7),
        "act_demonstration": (6.1, 24.3),
        "act_strike": (1.4, 10.4),
        "conf_television": (63.5,),
    },
    7: {
        "interest": (41.9,),
        "act_petition": (2.1, 18.8),
        "act_boycott": (0.6, 7.6),
        "act_demonstration": (3.1, 18.1),
        "act_strike": (0.7, 7.2),
        "conf_television": (61.2,),
        "mem_women": (3.9,),
        "conf_charitable": (60.3,),
    },
}
KAZ_TARGETS = {
    wave: {
        **KAZ_OTHER[wave],
        **{f"mem_{k}": (v[column],) for k, v in KAZ_MEMBERSHIP.items()},
        **{f"conf_{k}": (v[column],) for k, v in KAZ_CONFIDENCE.items()},
    }
    for wave, column in ((6, 0), (7, 1))
}

CENTERS = {  # where the other countries are drawn around, before the regional fit
    6: {
        "interest": (42.8,),
        "act_petition": (6.0, 22.8),
        "act_boycott": (2.5, 14.0),
        "act_demonstration": (8.4, 28.0),
        "act_strike": (1.8, 11.0),
        "mem_church": (10.0,),
        "mem_sport": (9.5,),
        "mem_art": (8.0,),
        "mem_union": (13.5,),
        "mem_party": (7.0,),
        "mem_environment": (3.5,),
        "mem_professional": (5.5,),
        "mem_humanitarian": (5.0,),
        "mem_consumer": (3.0,),
        "mem_selfhelp": (4.0,),
        "mem_other": (3.5,),
        "conf_churches": (66.0,),
        "conf_armed_forces": (68.0,),
        "conf_press": (42.0,),
        "conf_television": (50.0,),
        "conf_unions": (40.6,),
        "conf_police": (45.0,),
        "conf_courts": (40.0,),
        "conf_government": (52.0,),
        "conf_parties": (28.0,),
        "conf_parliament": (40.0,),
        "conf_civil_service": (45.0,),
        "conf_environment": (55.0,),
    },
    7: {
        "interest": (36.6,),
        "act_petition": (12.0, 36.1),
        "act_boycott": (4.0, 17.0),
        "act_demonstration": (9.0, 30.0),
        "act_strike": (2.0, 12.0),
        "mem_church": (12.0,),
        "mem_sport": (11.0,),
        "mem_art": (9.0,),
        "mem_union": (11.0,),
        "mem_party": (7.5,),
        "mem_environment": (4.0,),
        "mem_professional": (6.5,),
        "mem_humanitarian": (8.0,),
        "mem_consumer": (3.5,),
        "mem_selfhelp": (4.5,),
        "mem_other": (4.0,),
        "mem_women": (4.0,),
        "conf_churches": (68.0,),
        "conf_armed_forces": (70.0,),
        "conf_press": (35.0,),
        "conf_television": (40.0,),
        "conf_unions": (33.0,),
        "conf_police": (52.0,),
        "conf_courts": (40.0,),
        "conf_government": (42.0,),
        "conf_parties": (22.3,),
        "conf_parliament": (40.1,),
        "conf_civil_service": (42.8,),
        "conf_environment": (52.0,),
        "conf_charitable": (50.0,),
    },
}
# Regional means (simple mean over the wave's countries, Kazakhstan included) the report quotes,
# keyed by (item, position in the target tuple).
REGIONAL = {
    6: {
        ("interest", 0): 43.0,  # KAZ 44.2: "on par", within the 2.6 error margin
        ("act_demonstration", 0): 8.1,  # KAZ 6.1: 2 pp below
        ("act_petition", 1): 21.8,  # rises 13 pp by the 2018 wave
        ("mem_union", 0): 12.8,  # KAZ 8.8: trails by 4 pp
        ("conf_unions", 0): 41.1,  # KAZ 44.1: 41%, +3 pp
    },
    7: {
        ("interest", 0): 37.0,  # 6 pp below the 2011 regional mean
        ("act_petition", 1): 34.8,
        ("mem_church", 0): 11.7,  # KAZ 7.7: trails by 4 pp
        ("conf_parties", 0): 25.0,  # KAZ 57.1: +32 pp
        ("conf_parliament", 0): 42.0,  # with government and civil service: +25 pp on average
        ("conf_government", 0): 44.1,
        ("conf_civil_service", 0): 44.6,
    },
}
KAZ_LEADS = {(7, "interest")}  # Kazakhstan has the region's highest value


# --- Samples and files ------------------------------------------------------------------------


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
                    _label(item, scale_binary),
                    data,
                    _scale(item, scale_binary).labels,
                    MISSING.labels,
                )
            )
        return out


def _items(mapping: dict[str, str], coding: str | None = None) -> ItemColumns:
    return tuple((name, item, coding) for item, name in mapping.items())


MEMBERSHIP_ORDER = (
    "church",
    "sport",
    "art",
    "union",
    "party",
    "environment",
    "professional",
    "humanitarian",
    "consumer",
    "selfhelp",
    "other",
)
ACTIONS = ("act_petition", "act_boycott", "act_demonstration", "act_strike")

WVS6 = Layout(
    _wvs6_admin,
    _items({f"mem_{m}": f"V{25 + i}" for i, m in enumerate(MEMBERSHIP_ORDER)}, "active")
    + _items({"interest": "V84", **{a: f"V{85 + i}" for i, a in enumerate(ACTIONS)}})
    + _items(
        {
            "conf_churches": "V108",
            "conf_armed_forces": "V109",
            "conf_press": "V110",
            "conf_television": "V111",
            "conf_unions": "V112",
            "conf_police": "V113",
            "conf_courts": "V114",
            "conf_government": "V115",
            "conf_parties": "V116",
            "conf_parliament": "V117",
            "conf_civil_service": "V118",
            "conf_environment": "V122",
        }
    ),
)
WVS7 = Layout(
    _wvs7_admin,
    _items(
        {
            "conf_churches": "Q64",
            "conf_armed_forces": "Q65",
            "conf_press": "Q66",
            "conf_television": "Q67",
            "conf_unions": "Q68",
            "conf_police": "Q69",
            "conf_courts": "Q70",
            "conf_government": "Q71",
            "conf_parties": "Q72",
            "conf_parliament": "Q73",
            "conf_civil_service": "Q74",
            "conf_environment": "Q79",
            "conf_charitable": "Q81",
        }
    )
    + _items(
        {
            **{f"mem_{m}": f"Q{94 + i}" for i, m in enumerate(MEMBERSHIP_ORDER[:10])},
            "mem_women": "Q104",
            "mem_other": "Q105",
        },
        "active",
    )
    + _items({"interest": "Q199", **{a: f"Q{209 + i}" for i, a in enumerate(ACTIONS)}}),
)
EVS = Layout(
    _evs_admin,
    _items(
        {
            "mem_church": "v9",
            "mem_art": "v10",
            "mem_union": "v11",
            "mem_party": "v12",
            "mem_environment": "v13",
            "mem_professional": "v14",
            "mem_sport": "v15",
            "mem_humanitarian": "v16",
            "mem_consumer": "v17",
            "mem_selfhelp": "v18",
            "mem_other": "v19",
        },
        "binary",
    )
    + _items({"interest": "v97", **{a: f"v{98 + i}" for i, a in enumerate(ACTIONS)}})
    + _items(
        {
            "conf_churches": "v115",
            "conf_armed_forces": "v116",
            "conf_press": "v118",
            "conf_unions": "v119",
            "conf_police": "v120",
            "conf_parliament": "v121",
            "conf_civil_service": "v122",
            "conf_courts": "v127",
            "conf_environment": "v129",
            "conf_parties": "v130",
            "conf_government": "v131",
        }
    ),
)
JOINT = Layout(
    _joint_admin,
    _items({"interest": "E023", **{a: f"E0{25 + i}" for i, a in enumerate(ACTIONS)}})
    + _items(
        {
            "mem_church": "A065",
            "mem_art": "A066",
            "mem_union": "A067",
            "mem_party": "A068",
            "mem_environment": "A071",
            "mem_professional": "A072",
            "mem_sport": "A074",
            "mem_consumer": "A075",
            "mem_selfhelp": "A076",
            "mem_humanitarian": "A077",
            "mem_other": "A079",
        },
        "binary",
    )
    + _items(
        {
            "mem_church": "A098",
            "mem_sport": "A099",
            "mem_art": "A100",
            "mem_union": "A101",
            "mem_party": "A102",
            "mem_environment": "A103",
            "mem_professional": "A104",
            "mem_humanitarian": "A105",
            "mem_other": "A106",
            "mem_consumer": "A106B",
            "mem_selfhelp": "A106C",
        },
        "active",
    )
    + _items(
        {
            "conf_churches": "E069_01",
            "conf_armed_forces": "E069_02",
            "conf_press": "E069_04",
            "conf_unions": "E069_05",
            "conf_police": "E069_06",
            "conf_parliament": "E069_07",
            "conf_civil_service": "E069_08",
            "conf_television": "E069_10",
            "conf_government": "E069_11",
            "conf_parties": "E069_12",
            "conf_environment": "E069_14",
            "conf_courts": "E069_17",
        }
    ),
)


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


# --- Generation -------------------------------------------------------------------------------


def _draw(rng: np.random.Generator, item: str, center: tuple[float, ...]) -> tuple[float, ...]:
    """A plausible country value around `center`: relative spread for rare acts and memberships."""
    kind = item.split("_")[0]
    if kind == "act":
        done = center[0] * np.exp(rng.normal(0, 0.3))
        return (done, done + (center[1] - center[0]) * np.exp(rng.normal(0, 0.2)))
    if kind == "mem":
        return (center[0] * np.exp(rng.normal(0, 0.3)),)
    return (float(np.clip(center[0] + rng.normal(0, 4 if kind == "interest" else 7), 2, 95)),)


def _bounds(
    item: str, k: int, values: list[tuple[float, ...]], wave: int, kaz: float
) -> tuple[np.ndarray, np.ndarray]:
    """Fit bounds keeping actions ordered (done <= done + might) and Kazakhstan's lead."""
    lo = np.full(len(values), 0.3)
    hi = np.full(len(values), 95.0)
    if item.startswith("act_"):
        if k == 0:
            hi = np.array([v[1] - 3.0 for v in values])
        else:
            lo = np.array([v[0] + 3.0 for v in values])
    if (wave, item) in KAZ_LEADS:
        hi = np.full(len(values), kaz - 1.0)
    return lo, hi


def targets(seed: int) -> dict[Sample, dict[str, tuple[float, ...]]]:
    """Country-level targets for every sample, the regional means fitted exactly; countries
    outside the programme drawn around the same centres, from their own streams, not fitted."""
    out: dict[Sample, dict[str, tuple[float, ...]]] = {}
    for s in OTHER_SAMPLES:
        rng = rng_for(seed, "other-profile", s.wave, s.country, s.instrument)
        out[s] = {i: _draw(rng, i, CENTERS[s.wave][i]) for i in INSTRUMENT_ITEMS[s.instrument]}
    for s in SAMPLES:
        if s.country == "KAZ":
            out[s] = dict(KAZ_TARGETS[s.wave])
            continue
        rng = rng_for(seed, "profile", s.wave, s.country, s.instrument)
        out[s] = {i: _draw(rng, i, CENTERS[s.wave][i]) for i in INSTRUMENT_ITEMS[s.instrument]}
    for wave, regional in REGIONAL.items():
        peers = [s for s in SAMPLES if s.wave == wave and s.regional and s.country != "KAZ"]
        kaz = out[next(s for s in SAMPLES if s.wave == wave and s.country == "KAZ")]
        n = len(peers) + 1
        for (item, k), target in regional.items():
            values = [out[s][item] for s in peers]
            lo, hi = _bounds(item, k, values, wave, kaz[item][k])
            fitted = fit_mean(
                np.array([v[k] for v in values]), (n * target - kaz[item][k]) / (n - 1), lo, hi
            )
            for s, v, new in zip(peers, values, fitted, strict=True):
                out[s][item] = (*v[:k], float(new), *v[k + 1 :])
    return out


def _simulate(
    s: Sample, target: dict[str, tuple[float, ...]], seed: int
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    rng = rng_for(seed, "respondents", s.wave, s.country, s.instrument)
    w = make_weights(rng, s.n)
    binary = s.instrument in BINARY_MEMBERSHIP
    answers = {
        item: simulate_item(rng, w, target[item], _scale(item, binary), MISSING)
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
