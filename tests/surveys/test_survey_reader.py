"""The generic survey reader, on small files written in the producers' formats."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from ingestion.errors import ContractViolation
from ingestion.surveys import SurveyReference, read_survey_file
from ingestion.textfiles import CsvFormat, detect_csv_format
from tests.surveys.builders import cab_labels, crosswalk_labels, write_sav, write_xlsx, wvs6_frame

REFERENCE = SurveyReference.from_seeds()


def _kinds(series: pd.Series) -> list[str | None]:
    return [None if pd.isna(kind) else kind for kind in series]


def _issues(path: Path) -> list:
    with pytest.raises(ContractViolation) as caught:
        read_survey_file(path, REFERENCE)
    return caught.value.issues


def test_wvs6_sav_reads_respondents_answers_and_classified_missings(tmp_path):
    frame = wvs6_frame(V84=[1, 2, -1, -2])
    path = write_sav(tmp_path / "surveys" / "wvs6" / "wvs6.sav", frame, crosswalk_labels("wvs6"))

    tables = read_survey_file(path, REFERENCE)

    people = tables["survey_respondents"]
    assert people[
        ["survey_family", "wave", "study", "geography_id"]
    ].drop_duplicates().values.tolist() == [["wvs6", "6", "WVS", "KAZ"]]
    assert people["source_row"].tolist() == [1, 2, 3, 4]
    assert people["weight"].tolist() == pytest.approx([0.5, 0.833333, 1.166667, 1.5], abs=1e-6)
    interest = tables["survey_answers"].query("item_id == 'interest_politics'")
    assert interest["answer_code"].tolist() == [1, 2, -1, -2]
    assert _kinds(interest["missing_kind"]) == [None, None, "dont_know", "no_answer"]
    assert set(tables["survey_answers"]["item_id"]) == {
        e.item_id for e in REFERENCE.crosswalk if e.family == "wvs6"
    }


def test_unexpected_value_label_set_is_rejected_naming_the_variable(tmp_path):
    labels = crosswalk_labels("wvs6")
    labels["V84"] = {1: "Very interested", 2: "Somewhat interested", 3: "Not interested"}
    path = write_sav(tmp_path / "surveys" / "wvs6" / "relabelled.sav", wvs6_frame(), labels)

    issues = _issues(path)

    assert [(i.file, i.column) for i in issues] == [("relabelled.sav", "V84")]
    assert "unexpected value labels" in issues[0].message
    assert "3=Not interested" in issues[0].message


def test_missing_crosswalk_variable_is_rejected(tmp_path):
    frame = wvs6_frame().rename(columns={"V116": "V116X"})
    path = write_sav(tmp_path / "surveys" / "wvs6" / "renamed.sav", frame, crosswalk_labels("wvs6"))

    issues = _issues(path)

    assert [(i.column, i.row) for i in issues] == [("V116", None)]
    assert "required by the crosswalk for item 'confidence_political_parties'" in issues[0].message


def test_codes_weights_and_countries_outside_the_contract_name_their_rows(tmp_path):
    frame = wvs6_frame(V84=[1, 7, 2, 2], V258=[1.0, 1.0, 0.0, np.nan], V2=[398, 398, 398, 999])
    folder = tmp_path / "surveys" / "wvs6"
    path = write_sav(folder / "bad_rows.sav", frame, crosswalk_labels("wvs6"))

    issues = {(i.column, i.row): i.message for i in _issues(path)}

    assert "outside the domain of interest_4" in issues["V84", 2]
    assert "not a positive finite number" in issues["V258", 3]
    assert ("V258", 4) in issues
    assert "unknown iso_numeric country code" in issues["V2", 4]


def test_semicolon_csv_with_bom(tmp_path):
    frame = wvs6_frame(V2=[268, 268, 804, 804])
    path = tmp_path / "surveys" / "wvs6" / "wvs6.csv"
    path.parent.mkdir(parents=True)
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")

    people = read_survey_file(path, REFERENCE)["survey_respondents"]

    assert people["geography_id"].tolist() == ["GEO", "GEO", "UKR", "UKR"]


def test_windows_1251_semicolon_csv_reads_like_its_utf8_comma_twin(tmp_path):
    """Excel in a Russian locale saves "CSV" as Windows-1251 text separated by ';'."""
    frame = wvs6_frame(V2=[398, 398, 804, 804], V84=[1, 2, -1, 4])
    frame.insert(3, "region", ["Алматы", "Шымкент", "Київ", "Львів"])  # text the reader ignores
    twins = {}
    for name, encoding, sep in (("utf8", "utf-8", ","), ("cp1251", "cp1251", ";")):
        path = tmp_path / name / "surveys" / "wvs6" / "wvs6.csv"
        path.parent.mkdir(parents=True)
        frame.to_csv(path, sep=sep, index=False, encoding=encoding)
        twins[name] = path
    assert detect_csv_format(twins["cp1251"]) == CsvFormat("cp1251", ";")

    utf8, cp1251 = (read_survey_file(twins[name], REFERENCE) for name in ("utf8", "cp1251"))

    assert cp1251["survey_respondents"]["geography_id"].tolist() == ["KAZ", "KAZ", "UKR", "UKR"]
    for table in ("survey_respondents", "survey_answers", "survey_file_countries"):
        pd.testing.assert_frame_equal(cp1251[table], utf8[table])


def test_a_csv_whose_encoding_cannot_be_told_is_rejected_with_the_fix(tmp_path):
    path = tmp_path / "surveys" / "wvs6" / "wvs6.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(wvs6_frame().to_csv(index=False).encode() + b"\xff\xfe\xfd\n")

    issues = _issues(path)

    assert [i.file for i in issues] == ["wvs6.csv"]
    assert "re-save the file as UTF-8" in issues[0].message


def test_evs_stata_extended_missings_and_the_alternative_binary_coding(tmp_path):
    labels = crosswalk_labels("evs2017")
    for entry in REFERENCE.crosswalk:
        if entry.family == "evs2017" and entry.item_id.startswith("member_"):
            labels[entry.source_variable] = {1: "mentioned", 2: "not mentioned"}  # the 1/2 release
    frame = pd.DataFrame(
        {"country": [8, 8, 8], "id_cocas": [1, 2, 3], "year": [2018] * 3, "gweight": [1.0] * 3}
    )
    for variable in labels:
        frame[variable] = pd.Series([1, 2, 1], dtype=object)
    frame["v97"] = pd.Series([1, "a", "b"], dtype=object)
    path = tmp_path / "surveys" / "evs2017" / "evs.dta"
    path.parent.mkdir(parents=True)
    pyreadstat.write_dta(
        frame, str(path), variable_value_labels=labels, missing_user_values={"v97": ["a", "b"]}
    )

    answers = read_survey_file(path, REFERENCE)["survey_answers"]

    interest = answers.query("item_id == 'interest_politics'")
    assert _kinds(interest["missing_kind"]) == [None, "dont_know", "no_answer"]
    assert interest["answer_code"].isna().tolist() == [False, True, True]
    assert set(answers.query("item_id == 'member_church'")["scale_id"]) == {"belong_12"}


def test_joint_file_keeps_each_study_to_its_own_membership_block(tmp_path):
    labels = crosswalk_labels("evs_wvs")
    frame = pd.DataFrame(
        {
            "study": [1, 2],
            "cntry": [688, 688],
            "id_cocas": [1_688_000_001, 2_688_000_001],
            "year": [2018, 2017],
            "gwght": [1.0, 1.0],
        }
    )
    for variable in labels:
        frame[variable] = 1.0
    labels["study"] = {1: "EVS", 2: "WVS"}
    path = write_sav(tmp_path / "surveys" / "evs_wvs" / "joint.sav", frame.astype(float), labels)

    tables = read_survey_file(path, REFERENCE)

    assert tables["survey_respondents"]["study"].tolist() == ["EVS", "WVS"]
    church = tables["survey_answers"].query("item_id == 'member_church'")
    assert list(zip(church["source_row"], church["source_variable"], strict=True)) == [
        (1, "A065"),
        (2, "A098"),
    ]


def _cab_w3(countries: list[int], answers: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ID": range(1, len(answers) + 1),
            "CNTRY": countries,
            "wt": [1.0, 1.2, 0.8][: len(answers)],
        }
        | {e.source_variable: answers for e in REFERENCE.crosswalk if e.wave == "3"}
    )


def test_cab_xlsx_takes_wave_from_the_file_name_and_year_from_the_seed(tmp_path):
    path = write_xlsx(
        tmp_path / "surveys" / "cab" / "CAB_W3_Kyrgyzstan.xlsx",
        _cab_w3([2, 2, 2], [1, 98, 99]),
        cab_labels("3"),
    )

    tables = read_survey_file(path, REFERENCE)

    people = tables["survey_respondents"]
    assert set(
        zip(people["geography_id"], people["wave"], people["fieldwork_year"], strict=True)
    ) == {("KGZ", "3", 2018)}
    kinds = tables["survey_answers"].query("item_id == 'trust_radio'")["missing_kind"]
    assert _kinds(kinds) == [None, "no_answer", "dont_know"]


def test_cab_xlsx_codebook_with_a_reversed_trust_scale_is_rejected(tmp_path):
    labels = cab_labels("3")
    labels["M5_2"] = {
        1: "Strongly distrust",
        2: "Somewhat distrust",
        3: "Somewhat trust",
        4: "Strongly trust",
        98: "Refused",
        99: "Don't know",
    }
    path = write_xlsx(
        tmp_path / "surveys" / "cab" / "CAB_W3_Kyrgyzstan.xlsx",
        _cab_w3([2, 2, 2], [1, 2, 3]),
        labels,
    )

    issues = _issues(path)

    assert [(i.file, i.column) for i in issues] == [("CAB_W3_Kyrgyzstan.xlsx", "M5_2")]
    assert "unexpected value labels (1=Strongly distrust;" in issues[0].message
    assert "expected the labels of cab_trust_4" in issues[0].message


def test_cab_country_variable_must_match_the_file_name(tmp_path):
    path = write_xlsx(
        tmp_path / "surveys" / "cab" / "CAB_W3_Kyrgyzstan.xlsx",
        _cab_w3([2, 1, 2], [1, 2, 3]),  # row 2 is coded Kazakhstan
        cab_labels("3"),
    )

    issues = _issues(path)

    assert [(i.file, i.column, i.row) for i in issues] == [("CAB_W3_Kyrgyzstan.xlsx", "CNTRY", 2)]
    assert "does not match the file name, which names Kyrgyzstan (KGZ)" in issues[0].message


def test_a_code_too_large_for_an_integer_names_file_variable_and_row(tmp_path):
    frame = wvs6_frame(V84=[1, 3e9, 2, -3e9])
    path = write_sav(tmp_path / "surveys" / "wvs6" / "huge.sav", frame, crosswalk_labels("wvs6"))

    issues = [i for i in _issues(path) if "32-bit" in i.message]

    assert [(i.file, i.column, i.row) for i in issues] == [
        ("huge.sav", "V84", 2),
        ("huge.sav", "V84", 4),
    ]


def test_unregistered_wave_is_rejected(tmp_path):
    path = write_xlsx(
        tmp_path / "surveys" / "cab" / "CAB_W9_Kazakhstan.xlsx",
        pd.DataFrame({"ID": [1], "COUNTRY": [1], "WEIGHT": [1.0]}),
        {"COUNTRY": {1: "Kazakhstan"}},
    )

    issues = _issues(path)

    assert any("not registered in survey_waves" in i.message for i in issues)
