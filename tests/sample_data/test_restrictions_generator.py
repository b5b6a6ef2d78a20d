"""Read the generated restriction sheets back independently and check them against the report.

The expected numbers are retyped from the Kazakhstan country report, not imported from the
generator, so a wrong calibration table fails here instead of being echoed back.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from sample_data import restrictions, restrictions_events, restrictions_sheets
from sample_data.geographies import ALL

SEED = 20230401
CONTRACT_COLUMNS = [
    "event_id",
    "country",
    "event_date",
    "restriction_type",
    "harm",
    "status",
    "charge_link",
    "targets",
    "initiators",
    "initiator_country",
    "summary",
    "source_type",
    "source_ref",
]
TARGETS = {
    "media_journalist",
    "political_opposition",
    "formal_cso_ngo",
    "individual_activist",
    "other_community_group",
    "other",
}
INITIATORS = {"government", "domestic_non_government", "foreign_government", "unidentified"}
TABLE_2 = {
    "harassment_violence": {"2017": 43, "2018": 84, "2019": 129, "2020": 163, "2021": 12},
    "restrictive_legislation": {"2017": 9, "2018": 7, "2019": 4, "2020": 6},
    "state_legal_case": {"2017": 41, "2018": 36, "2019": 64, "2020": 98, "2021": 10},
}
TABLE_3 = {
    "media_journalist": 36,
    "political_opposition": 89,
    "formal_cso_ngo": 25,
    "individual_activist": 67,
    "other_community_group": 21,
    "other": 27,
}
FIGURE_3 = {
    "government": 380,
    "unidentified": 45,
    "domestic_non_government": 21,
    "foreign_government": 7,
}
FIGURE_4 = {
    ("harassment", "threatened"): 11,
    ("harassment", "acted_on"): 366,
    ("violence", "threatened"): 7,
    ("violence", "acted_on"): 47,
}


def read_sheets(paths: list[Path]) -> pd.DataFrame:
    """Every sheet as text, read by a consumer that knows the contract and how Excel saves CSVs
    (UTF-8 or Windows-1251, ',' or ';') and workbooks (header on the first worksheet having it)."""
    frames = []
    for path in paths:
        if path.suffix == ".xlsx":
            frame = _read_workbook(path)
        else:
            data = path.read_bytes()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1251")
            sep = ";" if ";" in text.split("\n", 1)[0] else ","
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=sep)
        assert list(frame.columns) == CONTRACT_COLUMNS, path.name
        frames.append(frame.assign(file=path.name))
    return pd.concat(frames, ignore_index=True)


def _read_workbook(path: Path) -> pd.DataFrame:
    for sheet in pd.read_excel(path, sheet_name=None, header=None, dtype=str).values():
        header = sheet.index[sheet[0].eq("event_id")] if len(sheet.columns) else []
        if len(header):
            body = sheet.loc[header[0] + 1 :].fillna("")
            return body.set_axis(list(sheet.loc[header[0]]), axis=1).reset_index(drop=True)
    raise AssertionError(f"{path.name}: no worksheet has the header")


def in_window(dates: pd.Series) -> pd.Series:
    """String comparison; the lower bound has no day so that a day-less ``2017-01`` is inside."""
    return (dates >= "2017-01") & (dates <= "2021-03-31")


def kazakhstan(sheets: pd.DataFrame) -> pd.DataFrame:
    return sheets[sheets["event_id"].str.startswith("KAZ-")]


def mentions(cells: pd.Series) -> Counter[str]:
    return Counter(value for cell in cells for value in cell.split("|"))


def digests(paths: list[Path]) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return restrictions.generate(tmp_path_factory.mktemp("landing"), seed=SEED)


@pytest.fixture(scope="module")
def sheets(written: list[Path]) -> pd.DataFrame:
    return read_sheets(written)


@pytest.fixture(scope="module")
def kaz_in_window(sheets: pd.DataFrame) -> pd.DataFrame:
    kaz = kazakhstan(sheets)
    return kaz[in_window(kaz["event_date"])]


def test_files_cover_every_geography_in_mixed_formats(written: list[Path]) -> None:
    assert all(path.parent.name == "restrictions" and path.exists() for path in written)
    assert {path.name.split("_")[0] for path in written} == {g.code.lower() for g in ALL}
    assert all(path.name == path.name.lower() for path in written)
    csvs = [path for path in written if path.suffix == ".csv"]
    with_bom = {path.read_bytes().startswith(b"\xef\xbb\xbf") for path in csvs}
    assert with_bom == {True, False}
    assert any(path.suffix == ".xlsx" for path in written)
    assert {"kaz_2017_2018.xlsx", "kaz_2019.csv", "kaz_2020_2021.csv"} <= {p.name for p in written}


def test_some_sheets_are_saved_the_way_the_regions_excel_saves_them(written: list[Path]) -> None:
    files = {path.name: path for path in written}
    russian = files["kaz_2020_2021.csv"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        russian.decode("utf-8")
    header, *lines = russian.decode("cp1251").splitlines()
    assert header == ";".join(CONTRACT_COLUMNS)
    assert all(re.search(";Казахстан: [\u0430-\u044f\u0451 ,:]+\\.;", line) for line in lines), (
        lines[:3]
    )

    european = files["srb_2020_2021.csv"].read_bytes()
    assert european.startswith(b"\xef\xbb\xbf" + ";".join(CONTRACT_COLUMNS).encode() + b"\r\n")

    titled = load_workbook(files["kaz_2017_2018.xlsx"], read_only=True)
    assert titled.sheetnames == ["Instructions", "restrictions"]
    top = list(titled["restrictions"].iter_rows(max_row=2, values_only=True))
    assert top[0][0] == "Restrictions of civic space actors: Kazakhstan, 2017-2018"
    assert list(top[1]) == CONTRACT_COLUMNS

    blank_first = load_workbook(files["ukr_2017_2018.xlsx"], read_only=True)
    assert blank_first.sheetnames == ["Sheet1", "restrictions"]
    assert list(blank_first["Sheet1"].iter_rows(values_only=True)) == []
    assert next(blank_first["restrictions"].iter_rows(values_only=True)) == tuple(CONTRACT_COLUMNS)


def test_saving_habits_change_bytes_not_coded_content(
    tmp_path: Path, sheets: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same seed without the saving habits: every coded cell equal, only summaries translated."""
    monkeypatch.setattr(restrictions, "SAVED_AS", {})
    plain = read_sheets(restrictions.generate(tmp_path, seed=SEED))
    coded = [c for c in CONTRACT_COLUMNS if c != "summary"]
    assert plain[coded].equals(sheets[coded])
    translated = sheets["file"] == "kaz_2020_2021.csv"
    assert plain.loc[~translated, "summary"].equals(sheets.loc[~translated, "summary"])
    assert (plain.loc[translated, "summary"] != sheets.loc[translated, "summary"]).all()


def test_phrasebooks_have_the_same_shape() -> None:
    """Same keys and choice counts, so a translated summary consumes the same random draws."""
    english, russian = restrictions_sheets.ENGLISH, restrictions_sheets.RUSSIAN
    assert {k: len(v) for k, v in russian.summaries.items()} == {
        k: len(v) for k, v in english.summaries.items()
    }
    assert {k: len(v) for k, v in russian.charges.items()} == {
        k: len(v) for k, v in english.charges.items()
    }
    assert len(russian.themes) == len(english.themes)
    assert russian.targets.keys() == english.targets.keys()
    assert russian.initiators.keys() == english.initiators.keys()


def test_rows_follow_the_contract(sheets: pd.DataFrame) -> None:
    assert sheets["event_id"].is_unique
    assert (sheets["event_id"].str[:3].nunique()) == len(ALL)
    assert sheets["event_date"].str.fullmatch(r"\d{4}-\d{2}(-\d{2})?").all()
    month_only = sheets["event_date"].str.len() == 7
    assert 0.03 < month_only.mean() < 0.07
    assert set(sheets["source_type"]) == {"civicus", "factiva", "other"}
    assert (sheets["source_ref"] != "").all()
    civicus = sheets.loc[sheets["source_type"] == "civicus", "source_ref"]
    assert civicus.str.fullmatch(
        r"https://monitor\.civicus\.org/newsfeed/\d{4}/\d\d/\d\d/[a-z0-9-]+/"
    ).all()
    factiva = sheets.loc[sheets["source_type"] == "factiva", "source_ref"]
    assert factiva.str.fullmatch(
        r"[A-Z0-9]{8}\d{8}e[0-9a-z]{3}\d{4}[a-z](\|[A-Z0-9]{8}\d{8}e[0-9a-z]{3}\d{4}[a-z])*"
    ).all()
    assert factiva.str.contains("|", regex=False).any()
    assert set(mentions(sheets["targets"])) == TARGETS
    assert set(mentions(sheets["initiators"])) == INITIATORS

    kind = sheets["restriction_type"]
    hv, leg, slc = (kind == t for t in restrictions_events.TYPES)
    assert (hv | leg | slc).all()
    assert set(sheets.loc[hv, "harm"]) == {"harassment", "violence"}
    assert set(sheets.loc[hv, "status"]) == {"threatened", "acted_on"}
    assert set(sheets.loc[leg, "status"]) == {"proposed", "passed"}
    assert set(sheets.loc[slc, "charge_link"]) == {"direct", "indirect"}
    assert (sheets.loc[~hv, "harm"] == "").all()
    assert (sheets.loc[slc, "status"] == "").all()
    assert (sheets.loc[~slc, "charge_link"] == "").all()
    assert (sheets.loc[leg | slc, "initiators"] == "government").all()
    foreign = sheets["initiators"].str.contains("foreign_government")
    assert sheets.loc[foreign, "initiator_country"].str.fullmatch(r"[A-Z]{3}").all()
    assert (sheets.loc[~foreign, "initiator_country"] == "").all()


def test_some_countries_are_names_or_aliases(sheets: pd.DataFrame) -> None:
    codes = {g.code for g in ALL}
    named = sheets[~sheets["country"].isin(codes)]
    assert 0 < len(named) < 0.1 * len(sheets)
    assert {"Kazakhstan", "Kyrgyzstan", "Bosnia-Herzegovina"} <= set(named["country"])
    coded = sheets[sheets["country"].isin(codes)]
    assert (coded["country"] == coded["event_id"].str[:3]).all()
    kaz = kazakhstan(sheets)
    assert set(kaz["country"]) <= {"KAZ", "Kazakhstan", "Republic of Kazakhstan"}


def test_kazakhstan_table_2(kaz_in_window: pd.DataFrame) -> None:
    cells = Counter(
        zip(kaz_in_window["restriction_type"], kaz_in_window["event_date"].str[:4], strict=True)
    )
    expected = {(t, year): n for t, years in TABLE_2.items() for year, n in years.items()}
    assert dict(cells) == expected
    assert len(kaz_in_window) == 706


def test_kazakhstan_figure_2(kaz_in_window: pd.DataFrame) -> None:
    hv = kaz_in_window[kaz_in_window["restriction_type"] == "harassment_violence"]
    ranked = mentions(hv["targets"]).most_common()
    assert ranked[0] == ("political_opposition", 190)
    assert round(100 * 190 / len(hv)) == 44
    assert ranked[1][0] == "media_journalist"
    assert hv["targets"].str.contains("|", regex=False).any()


def test_kazakhstan_table_3_and_figure_5(kaz_in_window: pd.DataFrame) -> None:
    cases = kaz_in_window[kaz_in_window["restriction_type"] == "state_legal_case"]
    assert len(cases) == 249
    assert mentions(cases["targets"]) == Counter(TABLE_3)
    assert cases["targets"].str.count(r"\|").value_counts().to_dict() == {0: 233, 1: 16}
    assert cases["charge_link"].value_counts().to_dict() == {"direct": 194, "indirect": 55}
    opposition = cases[cases["targets"].str.contains("political_opposition")]
    assert (opposition["charge_link"] == "direct").mean() > 0.85
    indirect_groups = mentions(cases.loc[cases["charge_link"] == "indirect", "targets"])
    assert len(indirect_groups) >= 5


def test_kazakhstan_figure_3_and_4(kaz_in_window: pd.DataFrame) -> None:
    hv = kaz_in_window[kaz_in_window["restriction_type"] == "harassment_violence"]
    assert mentions(hv["initiators"]) == Counter(FIGURE_3)
    assert (hv["initiators"].str.count(r"\|") == 1).sum() == 22
    foreign = hv[hv["initiators"].str.contains("foreign_government")]
    assert len(foreign) == 7 and foreign["initiator_country"].isin(["RUS", "CHN"]).all()
    assert Counter(zip(hv["harm"], hv["status"], strict=True)) == Counter(FIGURE_4)
    others = kaz_in_window[kaz_in_window["restriction_type"] != "harassment_violence"]
    assert (others["initiators"] == "government").all()


def test_kazakhstan_out_of_window_rows(sheets: pd.DataFrame) -> None:
    kaz = kazakhstan(sheets)
    outside = kaz.loc[~in_window(kaz["event_date"]), "event_date"].str[:7]
    assert sorted(outside) == ["2016-11", "2016-12", "2021-04"]


def test_other_geographies_have_plausible_volumes(sheets: pd.DataFrame) -> None:
    volume = sheets[in_window(sheets["event_date"])]["event_id"].str[:3].value_counts()
    assert volume.between(20, 900).all()
    assert volume["BLR"] > volume["MKD"] and volume["AZE"] > volume["XKX"]
    assert volume[["ABK", "SOS", "NKR", "TRN"]].max() < 50
    assert 3000 < len(sheets) < 8000


def test_same_seed_gives_identical_bytes(tmp_path: Path, written: list[Path]) -> None:
    first = restrictions.generate(tmp_path / "a", seed=SEED)
    second = restrictions.generate(tmp_path / "b", seed=SEED)
    assert digests(first) == digests(second) == digests(written)
    overwritten = restrictions.generate(tmp_path / "a", seed=SEED)
    assert digests(overwritten) == digests(first)
    other_seed = restrictions.generate(tmp_path / "c", seed=SEED + 1)
    assert digests(other_seed) != digests(first)


def test_scale_multiplies_kazakhstan_exactly(tmp_path: Path, sheets: pd.DataFrame) -> None:
    doubled = read_sheets(restrictions.generate(tmp_path, scale=2, seed=SEED))
    assert doubled["event_id"].is_unique
    assert all(re.fullmatch(r"[A-Z]{3}-\d{4}-\d{4}", i) for i in doubled["event_id"])
    kaz = kazakhstan(doubled)
    window = in_window(kaz["event_date"])
    assert (~window).sum() == 6
    cells = Counter(
        zip(kaz.loc[window, "restriction_type"], kaz.loc[window, "event_date"].str[:4], strict=True)
    )
    assert dict(cells) == {(t, y): 2 * n for t, years in TABLE_2.items() for y, n in years.items()}
    hv = kaz[window & (kaz["restriction_type"] == "harassment_violence")]
    assert mentions(hv["initiators"]) == Counter({k: 2 * n for k, n in FIGURE_3.items()})
    per_geo = doubled[in_window(doubled["event_date"])]["event_id"].str[:3].value_counts()
    single = sheets[in_window(sheets["event_date"])]["event_id"].str[:3].value_counts()
    assert per_geo.sort_index().equals(2 * single.sort_index())
