"""Cross-national files: every country recognised, only the programme's loaded, the rest counted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ingestion.errors import ContractViolation, Issue
from ingestion.reference import SEEDS_DIR, read_seed
from ingestion.surveys import SurveyReference, read_survey_file
from ingestion.surveys.countries import norm_code
from tests.surveys.builders import cab_labels, crosswalk_labels, write_sav, write_xlsx, wvs6_frame

REFERENCE = SurveyReference.from_seeds()
WVS6_PROGRAMME = {51: "ARM", 31: "AZE", 112: "BLR", 268: "GEO", 398: "KAZ", 417: "KGZ", 804: "UKR"}
GERMANS = 5
SURVEY_MARTS = sorted(
    p.stem for p in (SEEDS_DIR.parent / "models" / "marts" / "surveys").glob("*.sql")
)


def _issues(path: Path) -> list[Issue]:
    with pytest.raises(ContractViolation) as caught:
        read_survey_file(path, REFERENCE)
    return caught.value.issues


def _wvs6_with_germany(folder: Path, name: str, **overrides) -> Path:
    """Two respondents per programme country of WVS-6, then the German sample, as WVS ships."""
    countries = [code for code in WVS6_PROGRAMME for _ in range(2)] + [276] * GERMANS
    n = len(countries)
    frame = wvs6_frame(n, V2=countries, V3=list(range(1, n + 1)), **overrides)
    return write_sav(folder / "wvs6" / name, frame, crosswalk_labels("wvs6"))


def _gallup(folder: Path, name: str, wp5: list[int]) -> Path:
    n = len(wp5)
    frame = pd.DataFrame(
        {
            "WPID_RANDOM": np.arange(100_000_001, 100_000_001 + n),
            "WP5": wp5,
            "YEAR_WAVE": [2015] * n,
            "wgt": [1.0] * n,
        }
        | {variable: [1] * n for variable in crosswalk_labels("gwp")}
    ).astype(float)
    return write_sav(folder / "gwp" / name, frame, crosswalk_labels("gwp"))


def test_a_wvs6_file_with_germany_loads_only_the_programme_countries(tmp_path):
    path = _wvs6_with_germany(tmp_path / "surveys", "WV6_Data_Spss.sav")

    tables = read_survey_file(path, REFERENCE)

    people = tables["survey_respondents"]
    assert sorted(set(people["geography_id"])) == sorted(WVS6_PROGRAMME.values())
    assert len(people) == 14 and people["source_row"].max() == 14
    assert set(tables["survey_answers"]["source_row"]) == set(range(1, 15))
    countries = tables["survey_file_countries"].set_index("country_as_coded")
    germany = countries.loc["276"]
    assert (
        germany["survey_family"],
        germany["country_code_system"],
        germany["iso_alpha3"],
        germany["country_name"],
        bool(germany["in_programme"]),
        germany["respondent_rows"],
    ) == ("wvs6", "iso_numeric", "DEU", "Germany", False, GERMANS)
    assert pd.isna(germany["geography_id"])
    programme = countries[countries["in_programme"]]
    assert dict(zip(programme.index, programme["geography_id"], strict=True)) == {
        str(code): geography for code, geography in WVS6_PROGRAMME.items()
    }
    assert programme["respondent_rows"].tolist() == [2] * 7
    assert countries["respondent_rows"].sum() == 14 + GERMANS


def test_rows_of_other_countries_are_set_aside_unchecked(tmp_path):
    """A German row with a weight of 0 is not the programme's concern: the file is accepted."""
    weights = [1.0] * 14 + [0.0] * GERMANS
    path = _wvs6_with_germany(tmp_path / "surveys", "german_weights.sav", V258=weights)

    people = read_survey_file(path, REFERENCE)["survey_respondents"]

    assert len(people) == 14


def test_a_file_of_other_countries_only_is_accepted_with_no_respondents(tmp_path):
    frame = wvs6_frame(3, V2=[840, 840, 392])
    path = write_sav(
        tmp_path / "surveys" / "wvs6" / "elsewhere.sav", frame, crosswalk_labels("wvs6")
    )

    tables = read_survey_file(path, REFERENCE)

    assert tables["survey_respondents"].empty and tables["survey_answers"].empty
    countries = tables["survey_file_countries"]
    assert countries[
        ["country_as_coded", "iso_alpha3", "in_programme", "respondent_rows"]
    ].values.tolist() == [
        ["392", "JPN", False, 1],
        ["840", "USA", False, 2],
    ]


def test_a_code_that_is_no_country_rejects_the_file_naming_file_row_and_variable(tmp_path):
    countries = [398, 276, 999, 398]
    path = write_sav(
        tmp_path / "surveys" / "wvs6" / "WV6_bad_country.sav",
        wvs6_frame(4, V2=countries),
        crosswalk_labels("wvs6"),
    )

    issues = _issues(path)

    assert issues == [
        Issue(
            "WV6_bad_country.sav",
            "unknown iso_numeric country code 999 "
            "(not in the iso_countries, geographies or geography_aliases seed)",
            row=3,
            column="V2",
        )
    ]


def test_an_empty_country_code_is_named_as_such(tmp_path):
    path = write_sav(
        tmp_path / "surveys" / "wvs6" / "WV6_empty_country.sav",
        wvs6_frame(2, V2=[398, np.nan]),
        crosswalk_labels("wvs6"),
    )

    issues = _issues(path)

    assert [(i.row, i.column, i.message) for i in issues] == [(2, "V2", "country code is empty")]


def test_gallup_other_countries_are_set_aside_and_an_unknown_wp5_code_rejects(tmp_path):
    folder = tmp_path / "surveys"
    accepted = read_survey_file(_gallup(folder, "GWP_2015.sav", [73, 14, 14, 29]), REFERENCE)
    assert accepted["survey_respondents"]["geography_id"].tolist() == ["KAZ"]
    countries = accepted["survey_file_countries"]
    assert countries[
        ["country_as_coded", "country_code_system", "iso_alpha3", "in_programme", "respondent_rows"]
    ].values.tolist() == [
        ["73", "gallup_wp5", "KAZ", True, 1],
        ["14", "gallup_wp5", "DEU", False, 2],
        ["29", "gallup_wp5", "JPN", False, 1],
    ]

    issues = _issues(_gallup(folder, "GWP_2015_bad.sav", [73, 999, 73]))

    assert issues == [
        Issue(
            "GWP_2015_bad.sav",
            "WP5 code 999 is not a known Gallup WP5 country code (add it to gallup_wp5_countries)",
            row=2,
            column="WP5",
        )
    ]


def test_gallup_northern_cyprus_has_no_iso_code_and_is_counted_and_set_aside(tmp_path):
    """WP5 202 is Gallup's Northern Cyprus (no ISO 3166-1 code): recognised, not a rejection."""
    path = _gallup(tmp_path / "surveys", "GWP_2016.sav", [73, 202, 202, 14])

    tables = read_survey_file(path, REFERENCE)

    assert tables["survey_respondents"]["geography_id"].tolist() == ["KAZ"]
    countries = tables["survey_file_countries"].set_index("country_as_coded")
    cyprus = countries.loc["202"]
    assert (
        cyprus["country_code_system"],
        cyprus["country_name"],
        bool(cyprus["in_programme"]),
        cyprus["respondent_rows"],
    ) == ("gallup_wp5", "Northern Cyprus", False, 2)
    assert pd.isna(cyprus["iso_alpha3"]) and pd.isna(cyprus["geography_id"])
    assert countries["respondent_rows"].sum() == 4


def test_wvs_codes_beyond_iso_are_recognised_and_a_programme_one_is_loaded(tmp_path):
    """909 Northern Ireland is no ISO country: counted and set aside. 915 is Kosovo, a programme
    geography without an ISO code: its rows are loaded as XKX."""
    path = write_sav(
        tmp_path / "surveys" / "wvs6" / "WV6_beyond_iso.sav",
        wvs6_frame(5, V2=[398, 909, 909, 915, 197], V3=list(range(1, 6))),
        crosswalk_labels("wvs6"),
    )

    tables = read_survey_file(path, REFERENCE)

    people = tables["survey_respondents"]
    assert people[["source_row", "geography_id"]].values.tolist() == [[1, "KAZ"], [4, "XKX"]]
    countries = tables["survey_file_countries"]
    assert countries[
        ["country_as_coded", "iso_alpha3", "country_name", "in_programme", "respondent_rows"]
    ].astype(object).where(countries.notna(), None).values.tolist() == [
        ["398", "KAZ", "Kazakhstan", True, 1],
        ["915", "XKX", "Kosovo", True, 1],
        ["197", None, "Northern Cyprus", False, 1],
        ["909", None, "Northern Ireland", False, 2],
    ]


def test_many_distinct_unknown_codes_are_named_up_to_a_cap(tmp_path):
    codes = [950 + i for i in range(14)]  # no country: ISO numeric codes stop at 894
    path = write_sav(
        tmp_path / "surveys" / "wvs6" / "WV6_garbage.sav",
        wvs6_frame(14, V2=codes, V3=list(range(1, 15))),
        crosswalk_labels("wvs6"),
    )

    issues = _issues(path)

    assert [i.row for i in issues] == list(range(1, 15))
    assert "unknown iso_numeric country code 959 " in issues[9].message
    assert {i.message for i in issues[10:]} == {
        "unknown iso_numeric country code (not in the iso_countries, geographies or "
        "geography_aliases seed)"
    }


def _cab_w3(countries: list[int]) -> pd.DataFrame:
    n = len(countries)
    return pd.DataFrame(
        {"ID": range(1, n + 1), "CNTRY": countries, "wt": [1.0] * n}
        | {e.source_variable: [1] * n for e in REFERENCE.crosswalk if e.wave == "3"}
    )


def test_cab_value_labels_resolve_other_countries_and_reject_what_is_no_country(tmp_path):
    labels = cab_labels("3")
    labels["CNTRY"] = {**labels["CNTRY"], 6: "Afghanistan", 7: "Atlantis"}
    folder = tmp_path / "surveys" / "cab"

    issues = _issues(write_xlsx(folder / "CAB_W3_Kyrgyzstan.xlsx", _cab_w3([2, 6, 7]), labels))

    assert [(i.row, i.column, i.message) for i in issues] == [
        (
            3,
            "CNTRY",
            "country code 7 has no value label naming a country "
            "(iso_countries, geographies or geography_aliases seed)",
        ),
        (2, "CNTRY", "country does not match the file name, which names Kyrgyzstan (KGZ)"),
    ]


# --- the seeds that drive it ------------------------------------------------------------------


def test_iso_countries_seed_is_what_the_generator_writes_from_pycountry():
    pytest.importorskip("pycountry")
    from scripts.generate_iso_countries import SEED, render

    assert SEED.read_text(encoding="utf-8") == render()
    rows = read_seed("iso_countries")
    assert len(rows) >= 249
    namibia = next(row for row in rows if row["iso_alpha3"] == "NAM")
    assert (namibia["iso_alpha2"], namibia["iso_numeric"]) == ("NA", "516")


def test_programme_codes_agree_with_iso_and_gallup_seeds():
    iso = {row["iso_alpha3"]: row for row in read_seed("iso_countries")}
    wp5 = {row["gallup_wp5"]: row["iso_alpha3"] for row in read_seed("gallup_wp5_countries")}
    for geography in read_seed("geographies"):
        gid = geography["geography_id"]
        if geography["gallup_wp5"]:
            assert wp5[geography["gallup_wp5"]] == gid, gid
        if geography["geography_kind"] == "country" and gid != "XKX":  # Kosovo: no ISO code
            assert (iso[gid]["iso_numeric"], iso[gid]["iso_alpha2"]) == (
                geography["iso_numeric"],
                geography["iso_alpha2"],
            ), gid
    assert set(wp5.values()) - set(iso) == {"XKX"}


def test_gallup_codes_are_the_published_ones_for_every_programme_country():
    """Gallup's own country ids (FAIR-NHH/BSRI data/WP_countryids.csv), written out here: a
    wrong code would read another country's respondents as the programme's."""
    published = {
        "ALB": 83, "ARM": 88, "AZE": 90, "BLR": 71, "BIH": 97, "GEO": 72, "KAZ": 73, "XKX": 198,
        "KGZ": 74, "MDA": 75, "MNE": 154, "MKD": 145, "SRB": 173, "TJK": 185, "TKM": 191,
        "UKR": 77, "UZB": 195,
    }  # fmt: skip
    countries = [g for g in read_seed("geographies") if g["geography_kind"] == "country"]
    assert {g["geography_id"]: int(g["gallup_wp5"]) for g in countries} == published
    assert {g["gallup_wp5_verified"] for g in countries} == {"true"}
    wp5 = {int(row["gallup_wp5"]): row["iso_alpha3"] for row in read_seed("gallup_wp5_countries")}
    assert {code: wp5[code] for code in (1, 5, 12, 18, 47, 84, 89, 146, 158)} == {
        1: "USA", 5: "SAU", 12: "GBR", 18: "ITA", 47: "AUS", 84: "DZA", 89: "AUT", 146: "MYS",
        158: "NIC",
    }  # fmt: skip
    resolved = REFERENCE.countries.lookup("gallup_wp5", None)
    assert {code: resolved[str(code)].key for code in published.values()} == {
        code: gid for gid, code in published.items()
    }


def test_producer_codes_are_sourced_and_add_only_codes_no_other_seed_resolves():
    """A producer code another seed already resolves would be ignored by the reader; one that
    names a country must name a known one."""
    rows = read_seed("producer_country_codes")
    assert {(row["code_system"], row["code"]) for row in rows} >= {
        ("gallup_wp5", "202"),
        ("iso_numeric", "909"),
        ("iso_numeric", "915"),
    }
    iso = {row["iso_alpha3"]: row for row in read_seed("iso_countries")}
    geographies = {g["geography_id"]: g for g in read_seed("geographies")}
    taken = {
        "iso_numeric": {row["iso_numeric"] for row in iso.values()}
        | {g["iso_numeric"] for g in geographies.values()},
        "gallup_wp5": {row["gallup_wp5"] for row in read_seed("gallup_wp5_countries")}
        | {g["gallup_wp5"] for g in geographies.values()},
    }
    for row in rows:
        assert row["source"].strip() and row["country_name"].strip(), row
        assert row["code"] == norm_code(row["code"]), row
        assert row["code"] not in taken.get(row["code_system"], set()), row
        assert not row["iso_alpha3"] or row["iso_alpha3"] in iso | geographies, row
    resolved = REFERENCE.countries.lookup("iso_numeric", None)
    assert (resolved["909"].iso_alpha3, resolved["909"].in_programme) == (None, False)
    assert resolved["915"].geography_id == "XKX"
    assert REFERENCE.countries.lookup("gallup_wp5", None)["202"].name == "Northern Cyprus"


def test_no_country_name_resolves_to_two_countries():
    owners: dict[str, set[str]] = {}
    for row in read_seed("iso_countries"):
        for column in ("country_name", "common_name", "official_name"):
            if row[column]:
                owners.setdefault(norm_code(row[column]), set()).add(row["iso_alpha3"])
    for row in read_seed("geography_aliases"):
        owners.setdefault(norm_code(row["alias"]), set()).add(row["geography_id"])
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}


# --- the published sample warehouse -----------------------------------------------------------


def test_published_file_countries_list_other_countries_with_their_rows(published_warehouse):
    rows = published_warehouse.query(
        "SELECT landing_file, country_as_coded, iso_alpha3, country_name, in_programme, "
        "geography_id, respondent_rows, respondents_loaded FROM metadata.survey_file_countries"
    )
    by_key = {(file, code): rest for file, code, *rest in rows}
    assert by_key["surveys/wvs6/WV6_Data_Spss_v20180912.sav", "276"] == [
        "DEU", "Germany", False, None, 500, 0,
    ]  # fmt: skip
    assert by_key["surveys/wvs6/WV6_Data_Spss_v20180912.sav", "398"] == [
        "KAZ", "Kazakhstan", True, "KAZ", 1500, 1500,
    ]  # fmt: skip
    assert by_key["surveys/gwp/GWP_2018.dta", "14"] == ["DEU", "Germany", False, None, 500, 0]
    assert by_key["surveys/evs_wvs/ZA7505_v4-0-0.sav", "276"][-2] == 1000  # EVS + WVS samples
    outside = {
        (file.split("/")[1], iso)
        for (file, _), (iso, _, inside, *_) in by_key.items()
        if not inside
    }
    for family in ("wvs6", "wvs7", "evs2017", "evs_wvs", "gwp"):
        assert len({iso for fam, iso in outside if fam == family}) >= 3, family
    assert not any(fam == "cab" for fam, _ in outside)
    [(loaded, raw)] = published_warehouse.query(
        "SELECT (SELECT sum(respondents_loaded) FROM metadata.survey_file_countries), "
        "(SELECT sum(n_respondents) FROM core.dim_survey_sample)"
    )
    assert loaded == raw


def test_no_country_outside_the_programme_reaches_a_survey_mart(published_warehouse):
    programme = {
        gid
        for (gid,) in published_warehouse.query("SELECT geography_id FROM reference.geographies")
    }
    others = {
        iso
        for (iso,) in published_warehouse.query(
            "SELECT DISTINCT iso_alpha3 FROM metadata.survey_file_countries WHERE NOT in_programme"
        )
    }
    assert {"DEU", "USA", "JPN", "BRA", "TUR", "NGA"} <= others
    assert len(SURVEY_MARTS) >= 8
    tables = [f"marts.{name}" for name in SURVEY_MARTS] + [
        "core.dim_survey_sample",
        "core.dim_survey_respondent",
        "core.fct_survey_responses",
    ]
    for table in tables:
        columns = {
            name
            for (name,) in published_warehouse.query(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema || '.' || table_name = ?",
                [table],
            )
        }
        if "geography_id" not in columns:
            continue
        found = {
            gid
            for (gid,) in published_warehouse.query(f"SELECT DISTINCT geography_id FROM {table}")
        }
        assert found and found <= programme, table
        assert not found & others, table
