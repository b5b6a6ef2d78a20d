"""The survey sample reproduces the Kazakhstan report when read back like real deliveries.

Files are read with pyreadstat/pandas only and estimated here with the report's definitions (see
docs/sample-data-surveys.md), independently of the generator's own code.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from sample_data import geographies, surveys
from sample_data.surveys import values as values_module

SEED = 20230401  # sample_data.SEED
ALPHA3 = {g.iso_numeric: g.code for g in geographies.COUNTRIES}
# Gallup's own country ids (WP5) as Gallup numbers them (published with replication data:
# FAIR-NHH/BSRI data/WP_countryids.csv), written out independently of the generator.
WP5 = {
    83: "ALB", 88: "ARM", 90: "AZE", 71: "BLR", 97: "BIH", 72: "GEO", 73: "KAZ", 198: "XKX",
    74: "KGZ", 75: "MDA", 154: "MNE", 145: "MKD", 173: "SRB", 185: "TJK", 191: "TKM", 77: "UKR",
    195: "UZB",
}  # fmt: skip
# Countries outside the programme each cross-national file holds as well (ISO 3166-1 numeric;
# Gallup WP5 1 United States, 8 Turkey, 13 France, 14 Germany, 29 Japan, 33 Brazil, 35 Nigeria),
# 500 rows each.
OTHER_COUNTRIES = {
    "wvs6/WV6_Data_Spss_v20180912.sav": (
        "V2",
        {276: "Germany", 840: "United States", 616: "Poland"},
    ),
    "wvs6/WV6_Data_stata_v20201117.dta": ("V2", {392: "Japan", 76: "Brazil", 752: "Sweden"}),
    "wvs6/WV6_Data_csv_v20201117.csv": ("V2", {792: "Turkey", 566: "Nigeria", 484: "Mexico"}),
    "wvs7/WVS_Cross-National_Wave_7_spss_v5_0.sav": (
        "B_COUNTRY",
        {276: "Germany", 840: "United States", 392: "Japan"},
    ),
    "wvs7/WVS_Cross-National_Wave_7_csv_v5_0.csv": (
        "B_COUNTRY",
        {76: "Brazil", 792: "Turkey", 566: "Nigeria"},
    ),
    "evs2017/ZA7500_v5-0-0.dta": ("country", {276: "Germany", 250: "France", 616: "Poland"}),
    "evs_wvs/ZA7505_v4-0-0.sav": (
        "cntry",
        {276: "Germany", 840: "United States", 566: "Nigeria", 250: "France"},
    ),
}
GALLUP_OTHERS = {
    1: "United States",
    8: "Turkey",
    13: "France",
    14: "Germany",
    29: "Japan",
    33: "Brazil",
    35: "Nigeria",
}
MEMBERSHIPS = (
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
ACTS = ("petition", "boycott", "demonstration", "strike")
CONFIDENCE = (
    "churches",
    "armed_forces",
    "press",
    "unions",
    "police",
    "courts",
    "government",
    "parties",
    "parliament",
    "civil_service",
    "environment",
)

# Codebooks as documented (concept -> variable), written out independently of the generator.
WVS6 = {
    "interest": "V84",
    **{f"act_{a}": f"V{85 + i}" for i, a in enumerate(ACTS)},
    **{f"mem_{m}": f"V{25 + i}" for i, m in enumerate(MEMBERSHIPS)},
    **dict(
        zip(
            [f"conf_{c}" for c in CONFIDENCE],
            [
                "V108",
                "V109",
                "V110",
                "V112",
                "V113",
                "V114",
                "V115",
                "V116",
                "V117",
                "V118",
                "V122",
            ],
            strict=True,
        )
    ),
}
WVS7 = {
    "interest": "Q199",
    **{f"act_{a}": f"Q{209 + i}" for i, a in enumerate(ACTS)},
    **dict(
        zip(
            [f"mem_{m}" for m in MEMBERSHIPS],
            ["Q94", "Q95", "Q96", "Q97", "Q98", "Q99", "Q100", "Q101", "Q102", "Q103", "Q105"],
            strict=True,
        )
    ),
    **dict(
        zip(
            [f"conf_{c}" for c in CONFIDENCE],
            ["Q64", "Q65", "Q66", "Q68", "Q69", "Q70", "Q71", "Q72", "Q73", "Q74", "Q79"],
            strict=True,
        )
    ),
}
EVS = {
    "interest": "v97",
    **{f"act_{a}": f"v{98 + i}" for i, a in enumerate(ACTS)},
    **dict(
        zip(
            [f"mem_{m}" for m in MEMBERSHIPS],
            ["v9", "v15", "v10", "v11", "v12", "v13", "v14", "v16", "v17", "v18", "v19"],
            strict=True,
        )
    ),
    **dict(
        zip(
            [f"conf_{c}" for c in CONFIDENCE],
            [
                "v115",
                "v116",
                "v118",
                "v119",
                "v120",
                "v127",
                "v131",
                "v130",
                "v121",
                "v122",
                "v129",
            ],
            strict=True,
        )
    ),
}
JOINT_SHARED = {
    "interest": "E023",
    **{f"act_{a}": f"E0{25 + i}" for i, a in enumerate(ACTS)},
    **dict(
        zip(
            [f"conf_{c}" for c in CONFIDENCE],
            [
                f"E069_{n}"
                for n in ["01", "02", "04", "05", "06", "17", "11", "12", "07", "08", "14"]
            ],
            strict=True,
        )
    ),
}
JOINT_WVS = {
    **JOINT_SHARED,
    **dict(
        zip(
            [f"mem_{m}" for m in MEMBERSHIPS],
            [
                "A098",
                "A099",
                "A100",
                "A101",
                "A102",
                "A103",
                "A104",
                "A105",
                "A106B",
                "A106C",
                "A106",
            ],
            strict=True,
        )
    ),
}
JOINT_EVS = {
    **JOINT_SHARED,
    **dict(
        zip(
            [f"mem_{m}" for m in MEMBERSHIPS],
            [
                "A065",
                "A074",
                "A066",
                "A067",
                "A068",
                "A071",
                "A072",
                "A077",
                "A075",
                "A076",
                "A079",
            ],
            strict=True,
        )
    ),
}
CAB = {  # wave -> (weight, television, radio, newspapers)
    2: ("WEIGHT", "Q23A", "Q23C", "Q23B"),
    3: ("wt", "M5_1", "M5_2", "M5_3"),
    4: ("Weight_final", "Q31_TV", "Q31_RADIO", "Q31_NEWSP"),
    5: ("W5_WEIGHT", "MED4_1", "MED4_3", "MED4_2"),
}

# Report figures: printed 2011, printed 2018, printed change, chosen 2011 / 2018 decimals.
TABLE4 = {
    "church": (8, 8, -0.6, 8.3, 7.7),
    "sport": (12, 15, 3.6, 11.8, 15.4),
    "art": (9, 14, 4.6, 9.2, 13.8),
    "union": (9, 16, 7.0, 8.8, 15.8),
    "party": (8, 11, 2.5, 8.2, 10.7),
    "environment": (4, 4, -0.5, 4.3, 3.8),
    "professional": (5, 7, 1.8, 5.2, 7.0),
    "humanitarian": (5, 9, 3.9, 4.9, 8.8),
    "consumer": (5, 6, 1.3, 4.8, 6.1),
    "selfhelp": (5, 5, -0.2, 5.1, 4.9),
    "other": (4, 4, -0.3, 4.1, 3.8),
}
TABLE5 = {
    "churches": (62, 79, 17.1, 62.0, 79.1),
    "armed_forces": (72, 81, 8.9, 72.2, 81.1),
    "press": (53, 59, 6.4, 52.8, 59.2),
    "unions": (44, 54, 10.0, 44.1, 54.1),
    "police": (50, 65, 14.8, 50.2, 65.0),
    "courts": (51, 63, 12.4, 50.8, 63.2),
    "government": (75, 69, -6.2, 75.1, 68.9),
    "parties": (55, 57, 2.2, 54.9, 57.1),
    "parliament": (67, 65, -2.5, 67.3, 64.8),
    "civil_service": (67, 66, -1.1, 66.9, 65.8),
    "environment": (58, 57, -0.5, 57.6, 57.1),
}


def read(path: Path) -> pd.DataFrame:
    """Read a delivery the way the pipeline would; declared missings come back as NaN."""
    if path.suffix == ".sav":
        return pyreadstat.read_sav(path)[0]
    if path.suffix == ".dta":
        return pyreadstat.read_dta(path)[0]
    if path.suffix == ".xlsx":
        return pd.read_excel(path, sheet_name="Data")
    header = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    return pd.read_csv(path, sep=";" if ";" in header else ",", encoding="utf-8-sig")


def share(x: pd.Series, w: pd.Series, yes: set[int], valid: set[int]) -> float:
    """Weighted percent of `yes` among answers in `valid` (everything else excluded)."""
    ok = x.isin(valid)
    return 100 * w[ok & x.isin(yes)].sum() / w[ok].sum()


def tidy(df: pd.DataFrame, country: str, weight: str, items: dict, binary: bool) -> pd.DataFrame:
    """The programme countries' rows (the files hold other countries too) in report concepts."""
    df = df[df[country].isin(ALPHA3)]
    out = pd.DataFrame({"country": df[country].map(ALPHA3), "weight": df[weight]})
    for concept, var in items.items():
        x = df[var]
        if concept.startswith("mem_"):
            x = x.map({0: 0, 1: 1} if binary else {0: 0, 1: 1, 2: 1})
        out[concept] = x
    return out


def estimates(frame: pd.DataFrame) -> dict[str, dict[str, float]]:
    result = {}
    for code, g in frame.groupby("country"):
        w = g["weight"]
        est = {"interest": share(g["interest"], w, {1, 2}, {1, 2, 3, 4})}
        for a in ACTS:
            for name, yes in (("done", {1}), ("might", {2}), ("never", {3}), ("dom", {1, 2})):
                est[f"{a}_{name}"] = share(g[f"act_{a}"], w, yes, {1, 2, 3})
        for m in MEMBERSHIPS:
            est[f"mem_{m}"] = share(g[f"mem_{m}"], w, {1}, {0, 1})
        for c in CONFIDENCE:
            est[f"conf_{c}"] = share(g[f"conf_{c}"], w, {1, 2}, {1, 2, 3, 4})
        result[code] = est
    return result


def regional(est: dict[str, dict[str, float]], key: str) -> float:
    return float(np.mean([e[key] for e in est.values()]))


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("landing")
    surveys.generate(root, seed=SEED)
    return root / "surveys"


@pytest.fixture(scope="module")
def wave6(landing: Path) -> pd.DataFrame:
    files = ["WV6_Data_Spss_v20180912.sav", "WV6_Data_stata_v20201117.dta"]
    files.append("WV6_Data_csv_v20201117.csv")
    frames = [read(landing / "wvs6" / f) for f in files]
    return pd.concat([tidy(f, "V2", "V258", WVS6, binary=False) for f in frames])


@pytest.fixture(scope="module")
def wave7(landing: Path) -> pd.DataFrame:
    """The 13-country 2017-2022 wave; Serbia's WVS sample beats its EVS sample in the joint file."""
    wvs7 = pd.concat(
        read(landing / "wvs7" / f)
        for f in (
            "WVS_Cross-National_Wave_7_spss_v5_0.sav",
            "WVS_Cross-National_Wave_7_csv_v5_0.csv",
        )
    )
    joint = read(landing / "evs_wvs" / "ZA7505_v4-0-0.sav")
    evs = read(landing / "evs2017" / "ZA7500_v5-0-0.dta")
    ranked = [
        tidy(wvs7, "B_COUNTRY", "W_WEIGHT", WVS7, binary=False),
        tidy(joint[joint.study == 2], "cntry", "gwght", JOINT_WVS, binary=False),
        tidy(evs, "country", "gweight", EVS, binary=True),
        tidy(joint[joint.study == 1], "cntry", "gwght", JOINT_EVS, binary=True),
    ]
    kept, seen = [], set()
    for frame in ranked:
        frame = frame[~frame.country.isin(seen)]
        seen |= set(frame.country)
        kept.append(frame)
    return pd.concat(kept)


@pytest.fixture(scope="module")
def est6(wave6: pd.DataFrame) -> dict:
    return estimates(wave6)


@pytest.fixture(scope="module")
def est7(wave7: pd.DataFrame) -> dict:
    return estimates(wave7)


@pytest.fixture(scope="module")
def gallup(landing: Path) -> pd.DataFrame:
    return pd.concat(read(p) for p in sorted((landing / "gwp").iterdir()))


def test_coverage_and_sample_sizes(wave6: pd.DataFrame, wave7: pd.DataFrame) -> None:
    assert set(wave6.country) == {"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "UKR"}
    assert set(wave7.country) == {
        *["ALB", "ARM", "AZE", "BLR", "BIH", "GEO", "KAZ", "KGZ", "MNE", "MKD", "SRB", "TJK", "UKR"]
    }
    assert (wave6.country == "KAZ").sum() == 1500
    assert (wave7.country == "KAZ").sum() == 1276
    for frame in (wave6, wave7):
        means = frame.groupby("country").weight.mean()
        assert (frame.weight > 0).all() and np.allclose(means, 1, atol=1e-4)


def test_kazakhstan_is_in_the_spss_files(landing: Path) -> None:
    wvs6 = read(landing / "wvs6" / "WV6_Data_Spss_v20180912.sav")
    wvs7 = read(landing / "wvs7" / "WVS_Cross-National_Wave_7_spss_v5_0.sav")
    assert set(wvs6.loc[wvs6.V2 == 398, "V262"]) == {2011}
    assert set(wvs7.loc[wvs7.B_COUNTRY == 398, "A_YEAR"]) == {2018}


def test_joint_file_holds_serbia_twice(landing: Path) -> None:
    joint = read(landing / "evs_wvs" / "ZA7505_v4-0-0.sav")
    serbia = joint[joint.cntry == 688]
    assert set(serbia.study) == {1, 2}
    assert set(serbia.cntry_y) == {6882017, 6882018}
    assert serbia.A098[serbia.study == 1].isna().all()  # -4 "not asked" is declared missing
    assert joint.id_cocas.is_unique


def test_table4_membership(est6: dict, est7: dict) -> None:
    for org, (p11, p18, change, t11, t18) in TABLE4.items():
        k11, k18 = est6["KAZ"][f"mem_{org}"], est7["KAZ"][f"mem_{org}"]
        assert abs(k11 - t11) < 0.02 and abs(k18 - t18) < 0.02, org
        assert (round(k11), round(k18), round(k18 - k11, 1)) == (p11, p18, change), org
    assert round(np.mean([est6["KAZ"][f"mem_{m}"] for m in MEMBERSHIPS])) == 7
    assert round(np.mean([est7["KAZ"][f"mem_{m}"] for m in MEMBERSHIPS])) == 9


def test_table5_confidence(est6: dict, est7: dict) -> None:
    for inst, (p11, p18, change, t11, t18) in TABLE5.items():
        k11, k18 = est6["KAZ"][f"conf_{inst}"], est7["KAZ"][f"conf_{inst}"]
        assert abs(k11 - t11) < 0.02 and abs(k18 - t18) < 0.02, inst
        assert (round(k11), round(k18), round(k18 - k11, 1)) == (p11, p18, change), inst


def test_interest_in_politics(est6: dict, est7: dict) -> None:
    k11, k18 = est6["KAZ"]["interest"], est7["KAZ"]["interest"]
    r11, r18 = regional(est6, "interest"), regional(est7, "interest")
    assert (round(k11), round(k18), round(k18 - k11)) == (44, 42, -2)
    assert abs(k11 - r11) <= 2.6
    assert round(r18 - r11) == -6
    assert max(est7, key=lambda c: est7[c]["interest"]) == "KAZ"


def test_political_action(est6: dict, est7: dict) -> None:
    kaz11, kaz18 = est6["KAZ"], est7["KAZ"]
    assert round(kaz11["demonstration_done"]) == 6
    assert round(kaz11["demonstration_might"]) == 18
    assert round(regional(est6, "demonstration_done") - kaz11["demonstration_done"]) == 2
    for act in ("petition", "boycott", "strike"):
        assert round(kaz11[f"{act}_done"]) in (1, 2)
    for est in (kaz11, kaz18):
        for act in ACTS:
            assert est[f"{act}_never"] > 50
            total = est[f"{act}_done"] + est[f"{act}_might"] + est[f"{act}_never"]
            assert total == pytest.approx(100)
    assert round(kaz18["petition_dom"] - kaz11["petition_dom"]) == 3
    assert round(regional(est7, "petition_dom") - regional(est6, "petition_dom")) == 13
    assert round(kaz18["demonstration_done"]) == 3
    assert round(kaz18["demonstration_done"] - kaz11["demonstration_done"]) == -3
    assert kaz18["strike_done"] < 1 and kaz18["boycott_done"] < 1


def test_regional_comparisons(est6: dict, est7: dict) -> None:
    assert len(est6) == 7 and len(est7) == 13
    assert round(regional(est6, "mem_union") - est6["KAZ"]["mem_union"]) == 4
    assert round(regional(est7, "mem_church") - est7["KAZ"]["mem_church"]) == 4
    assert round(regional(est6, "conf_unions")) == 41
    assert round(est6["KAZ"]["conf_unions"] - regional(est6, "conf_unions")) == 3
    political = ("parties", "parliament", "government", "civil_service")
    gaps = [est7["KAZ"][f"conf_{p}"] - regional(est7, f"conf_{p}") for p in political]
    assert round(np.mean(gaps)) == 25 and round(gaps[0]) == 32


def test_serbia_samples_differ(landing: Path) -> None:
    """Pooling Serbia's two samples would visibly change its figures."""
    joint = read(landing / "evs_wvs" / "ZA7505_v4-0-0.sav")
    serbia = joint[joint.cntry == 688]
    by_study = {
        study: estimates(
            tidy(g, "cntry", "gwght", JOINT_WVS if study == 2 else JOINT_EVS, study == 1)
        )
        for study, g in serbia.groupby("study")
    }
    gaps = [abs(by_study[1]["SRB"][k] - by_study[2]["SRB"][k]) for k in by_study[1]["SRB"]]
    assert np.mean(gaps) > 2


def test_item_missingness(landing: Path) -> None:
    raw, meta = pyreadstat.read_sav(
        landing / "wvs6" / "WV6_Data_Spss_v20180912.sav", user_missing=True
    )
    kaz = raw[raw.V2 == 398]
    for var in WVS6.values():
        rate = kaz[var].isin([-1, -2]).mean()
        assert 0.01 <= rate <= 0.05, var
    assert meta.missing_ranges["V84"] == [{"lo": -5.0, "hi": -1.0}]


def test_value_labels_and_missing_declarations(landing: Path) -> None:
    _, wvs6 = pyreadstat.read_sav(
        landing / "wvs6" / "WV6_Data_Spss_v20180912.sav", metadataonly=True
    )
    assert wvs6.variable_value_labels["V84"][1] == "Very interested"
    assert wvs6.variable_value_labels["V2"][398] == "Kazakhstan"
    assert wvs6.variable_value_labels["V28"] == {
        0: "Not a member",
        1: "Inactive member",
        2: "Active member",
        -1: "Don't know",
        -2: "No answer",
        -3: "Not applicable",
        -4: "Not asked in survey",
        -5: "Missing; Not available",
    }
    evs, evs_meta = pyreadstat.read_dta(
        landing / "evs2017" / "ZA7500_v5-0-0.dta", user_missing=True
    )
    assert evs_meta.variable_value_labels["v9"][1] == "Mentioned"
    assert evs_meta.variable_value_labels["v97"]["a"] == "Don't know"
    assert set(evs.v97.dropna().unique()) <= {1, 2, 3, 4, "a", "b"}
    assert "a" in set(evs.v97)
    dta6, dta6_meta = pyreadstat.read_dta(landing / "wvs6" / "WV6_Data_stata_v20201117.dta")
    assert dta6_meta.variable_value_labels["V84"][-1] == "Don't know"
    assert (dta6.V84 == -1).any()  # WVS-6 Stata build keeps the negative codes
    _, gwp = pyreadstat.read_dta(landing / "gwp" / "GWP_2018.dta", metadataonly=True)
    assert gwp.variable_value_labels["WP108"] == {1: "Yes", 2: "No", 3: "Don't know", 4: "Refused"}
    assert gwp.variable_value_labels["WP5"][73] == "Kazakhstan"
    _, cab = pyreadstat.read_sav(
        landing / "cab" / "CAB_W3_Kazakhstan.sav", metadataonly=True, user_missing=True
    )
    assert cab.variable_value_labels["M5_1"][98] == "Refused"
    assert {r["lo"] for r in cab.missing_ranges["M5_1"]} == {98, 99}
    codebook = pd.read_excel(landing / "cab" / "CAB_W2_Kazakhstan.xlsx", sheet_name="Codebook")
    assert "Strongly trust" in set(codebook.value_label)


def _index(g: pd.DataFrame) -> dict[str, float]:
    w = g["wgt"]
    parts = {v: 100 * w[g[v] == 1].sum() / w.sum() for v in ("WP108", "WP109", "WP110")}
    yes = sum((g[v] == 1).astype(float) for v in parts) / 3
    return {**parts, "index": 100 * (yes * w).sum() / w.sum()}


def test_gallup(gallup: pd.DataFrame) -> None:
    assert gallup.WPID_RANDOM.is_unique
    gallup = gallup[gallup.WP5.isin(WP5)]
    gallup = gallup.assign(country=gallup.WP5.map(WP5))
    sizes = gallup.groupby(["YEAR_WAVE", "country"]).size()
    assert sizes.between(1000, 1020).all() and sizes.xs("KAZ", level="country").eq(1000).all()
    per_year = gallup.groupby("YEAR_WAVE").country.agg(set)
    everyone = {g.code for g in geographies.COUNTRIES}
    assert per_year[2020] == everyone - {"ARM", "AZE", "BLR", "TKM"}
    assert per_year[2021] == everyone - {"AZE", "BLR", "MNE", "TKM"}
    assert all(per_year[y] == everyone for y in range(2010, 2020))

    est = {key: _index(g) for key, g in gallup.groupby(["country", "YEAR_WAVE"])}
    kaz = pd.DataFrame({y: est["KAZ", y] for y in range(2010, 2022)}).T
    assert set(kaz["index"].nlargest(3).index) == {2012, 2014, 2021}
    assert set(kaz["index"].nsmallest(2).index) == {2011, 2018}
    decade = kaz.loc[2010:2020].mean()
    assert round(decade["index"]) == 28
    assert [round(decade[v]) for v in ("WP108", "WP109", "WP110")] == [24, 18, 40]
    region = pd.DataFrame(
        {
            y: pd.DataFrame([e for (_, year), e in est.items() if year == y]).mean()
            for y in range(2010, 2021)
        }
    ).T.mean()
    assert round(region["index"]) == 29
    assert [round(region[v]) for v in ("WP108", "WP109")] == [25, 17]
    assert round(region["WP110"] - decade["WP110"]) == 3
    assert [round(kaz.loc[2021, v]) for v in ("WP110", "WP108", "WP109")] == [47, 39, 16]
    assert round(kaz.loc[2020, "WP108"]) == 29


def test_central_asia_barometer(landing: Path) -> None:
    files = sorted((landing / "cab").glob("CAB_W*_Kazakhstan.*"))
    assert len({p.suffix for p in files}) >= 2
    trust = []
    for path in files:
        wave = int(path.name.split("_")[1][1:])
        weight, *media = CAB[wave]
        df = read(path)
        assert len(df) == 1500
        valid = {1, 2, 3, 4}
        trust.append([share(df[m], df[weight], {1, 2}, valid) for m in media])
    tv, radio, papers = np.mean(trust, axis=0)
    assert (round(tv), round(radio), round(papers)) == (80, 57, 61)
    assert len(list((landing / "cab").iterdir())) == 18


def test_cross_national_files_hold_countries_outside_the_programme(landing: Path) -> None:
    for file, (variable, expected) in OTHER_COUNTRIES.items():
        path = landing / file
        df = read(path)
        other = df[~df[variable].isin(ALPHA3)]
        rows = dict.fromkeys(expected, 500)
        if "study" in df:
            rows[276] = 1000  # the joint file holds Germany's EVS and WVS samples
        assert other.groupby(variable).size().to_dict() == rows, file
        assert df[variable].isin(ALPHA3).any(), file
        if path.suffix in (".sav", ".dta"):
            labels = (pyreadstat.read_sav if path.suffix == ".sav" else pyreadstat.read_dta)(
                path, metadataonly=True
            )[1]
            assert {c: labels.variable_value_labels[variable][c] for c in expected} == expected
        weight = next(w for w in ("V258", "W_WEIGHT", "gweight", "gwght") if w in df)
        interest = next(v for v in ("V84", "Q199", "v97", "E023") if v in df)
        for code, g in other.groupby(variable):
            assert g[weight].mean() == pytest.approx(1, abs=1e-4), (file, code)
            answers = g[interest].dropna()
            assert set(answers) <= {1, 2, 3, 4, -1, -2}, (file, code)  # plausible, in the scale
            assert 15 < share(g[interest], g[weight], {1, 2}, {1, 2, 3, 4}) < 85, (file, code)
    wvs7 = read(landing / "wvs7" / "WVS_Cross-National_Wave_7_spss_v5_0.sav")
    assert set(wvs7.loc[wvs7.B_COUNTRY == 276, "B_COUNTRY_ALPHA"]) == {"DEU"}
    evs = read(landing / "evs2017" / "ZA7500_v5-0-0.dta")
    assert set(evs.loc[evs.country == 250, "c_abrv"]) == {"FR"}
    joint = read(landing / "evs_wvs" / "ZA7505_v4-0-0.sav")
    assert set(joint.loc[joint.cntry == 276, "study"]) == {1, 2}  # Germany in both studies


def test_gallup_files_hold_countries_outside_the_programme(landing: Path) -> None:
    for path in sorted((landing / "gwp").iterdir()):
        df = read(path)
        other = df[~df.WP5.isin(WP5)]
        assert other.groupby("WP5").size().to_dict() == dict.fromkeys(GALLUP_OTHERS, 500), path
        names = other.groupby("WP5").COUNTRYNEW.agg(set)
        assert {code: names[code] for code in GALLUP_OTHERS} == {
            code: {name} for code, name in GALLUP_OTHERS.items()
        }
        for code, g in other.groupby("WP5"):
            assert set(g.WP108) <= {1, 2, 3, 4}
            assert 2 <= 100 * g.wgt[g.WP108 == 1].sum() / g.wgt.sum() <= 95, (path, code)
    _, meta = pyreadstat.read_dta(landing / "gwp" / "GWP_2018.dta", metadataonly=True)
    labels = meta.variable_value_labels["WP5"]
    assert {code: labels[code] for code in (1, 14, 71, 77, 83, 173)} == {
        1: "United States",
        14: "Germany",
        71: "Belarus",
        77: "Ukraine",
        83: "Albania",
        173: "Serbia",
    }


def test_generator_states_the_published_gallup_country_ids() -> None:
    assert {g.gallup_wp5: g.code for g in geographies.COUNTRIES} == WP5


def test_scale_replicates_the_sample(tmp_path: Path, est6: dict) -> None:
    values_module.generate(tmp_path, scale=2, seed=SEED)
    df = read(tmp_path / "wvs6" / "WV6_Data_Spss_v20180912.sav")
    kaz = df[df.V2 == 398]
    assert len(kaz) == 3000 and kaz.V3.is_unique
    assert (df.V2 == 276).sum() == 1000  # countries outside the programme are scaled too
    scaled = estimates(tidy(df, "V2", "V258", WVS6, binary=False))["KAZ"]
    assert scaled == pytest.approx(est6["KAZ"])


def test_deterministic(tmp_path: Path, landing: Path) -> None:
    surveys.generate(tmp_path, seed=SEED)
    for first in sorted(landing.rglob("*.*")):
        second = tmp_path / "surveys" / first.relative_to(landing)
        if first.suffix == ".csv":
            assert first.read_bytes() == second.read_bytes()
        else:
            pd.testing.assert_frame_equal(read(first), read(second))
