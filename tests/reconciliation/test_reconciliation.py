"""Reconciliation of a report's printed figures with the marts (issue 10): the Kazakhstan seed
against the sample release (verdict counts, the report's slips flagged), the reader of landed
report CSVs, and a landed report reconciled without editing any seed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ingestion.errors import ContractViolation
from ingestion.printed_figures import REQUIRED_COLUMNS, FigureReference, read_printed_figures
from ingestion.reference import SEEDS_DIR

SEED = SEEDS_DIR / "reconciliation" / "report_printed_figures.csv"
KEY = ("report_id", "figure_id", "geography_id", "measure", "dimension_1", "dimension_2")
HEADER = ",".join(REQUIRED_COLUMNS) + "\n"
GOOD_ROW = "kgz_2023,table_2,Kyrgyz Republic,restriction_events,all,all,312,312,0,count,total\n"

# Verdicts of the Kazakhstan report's figures about Kazakhstan on the sample release (scale 1).
KAZ_VERDICTS = {"exact": 195, "within_rounding": 119, "differs": 8, "not_computed": 4}


def _seed_rows() -> list[dict[str, str]]:
    with SEED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the reader of landing/reports/ -----------------------------------------------------------


@pytest.fixture(scope="module")
def ref() -> FigureReference:
    return FigureReference.from_seeds()


def _read(tmp_path: Path, ref: FigureReference, *rows: str):
    path = tmp_path / "kgz_2023.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return read_printed_figures(path, ref)["printed_figures"]


def _issues(tmp_path: Path, ref: FigureReference, *rows: str) -> list[tuple]:
    with pytest.raises(ContractViolation) as caught:
        _read(tmp_path, ref, *rows)
    return [(i.file, i.row, i.column, i.message) for i in caught.value.issues]


def test_the_seed_itself_is_a_valid_report_csv(ref):
    frame = read_printed_figures(SEED, ref)["printed_figures"]
    assert len(frame) == len(_seed_rows())
    assert set(frame["report_id"]) == {"kaz_2023"}


def test_reader_resolves_the_geography_and_keeps_empty_dimensions(tmp_path, ref):
    frame = _read(
        tmp_path,
        ref,
        GOOD_ROW,
        "kgz_2023,text_3_1,KGZ,russian_project_headlines,projects,,165,165,0,count,\n",
        'kgz_2023,table_5,KGZ,attitude_change_pp,evs_wvs_2017,confidence_parliament,"-.2.5%",,,'
        "points,unreadable as printed\n",
    )
    assert frame["geography_id"].tolist() == ["KGZ", "KGZ", "KGZ"]
    assert frame["geography_as_coded"].tolist()[0] == "Kyrgyz Republic"
    assert frame["dimension_2"].tolist()[1] == ""
    assert frame["printed_value"].isna().tolist() == [False, False, True]
    assert frame["printed_text"].tolist()[2] == "-.2.5%"


def test_unknown_measure_is_rejected_with_file_row_and_column(tmp_path, ref):
    issues = _issues(
        tmp_path,
        ref,
        GOOD_ROW,
        "kgz_2023,table_2,KGZ,restrictions_total,all,all,312,312,0,count,\n",
    )
    assert len(issues) == 1
    file, row, column, message = issues[0]
    assert (file, row, column) == ("kgz_2023.csv", 3, "measure")
    assert "'restrictions_total' is not a measure of the seed report_measure_definitions" in message


def test_non_numeric_printed_value_is_rejected_with_file_row_and_column(tmp_path, ref):
    issues = _issues(
        tmp_path,
        ref,
        "kgz_2023,table_5,KGZ,attitude_change_pp,evs_wvs_2017,confidence_parliament,"
        '"-.2.5%","-.2.5",1,points,\n',
    )
    assert [(f, r, c) for f, r, c, _ in issues] == [("kgz_2023.csv", 2, "printed_value")]
    assert "'-.2.5' is not a number" in issues[0][3]


def test_other_contract_breaches_each_name_their_column(tmp_path, ref):
    issues = _issues(
        tmp_path,
        ref,
        "kgz_2023,table_2,Narnia,restriction_events,all,all,312,312,0.5,percent,\n",
        GOOD_ROW,
        GOOD_ROW,
    )
    columns = {(row, column) for _, row, column, _ in issues}
    assert {(2, "geography_id"), (2, "printed_precision"), (2, "unit")} <= columns
    assert (4, "dimension_2") in columns  # the duplicate key, naming the first row
    assert any("first on row 3" in message for *_, message in issues)


def test_missing_column_rejects_the_file(tmp_path, ref):
    path = tmp_path / "short.csv"
    path.write_text("report_id,figure_id,geography_id,measure\nr,f,KAZ,restriction_events\n")
    with pytest.raises(ContractViolation):
        read_printed_figures(path, ref)


# --- the Kazakhstan seed against the published release ----------------------------------------


def _reconciliation(warehouse, where: str = "true"):
    return warehouse.query(
        f"SELECT * FROM marts.report_reconciliation WHERE {where} "
        "ORDER BY report_id, figure_id, measure, dimension_1, dimension_2"
    )


def test_every_seed_row_has_one_reconciliation_row(published_warehouse):
    seed = {tuple(row[c] for c in KEY) for row in _seed_rows()}
    rows = published_warehouse.query(
        "SELECT report_id, figure_id, geography_id, measure, dimension_1, dimension_2 "
        "FROM marts.report_reconciliation WHERE figures_source = 'seed'"
    )
    assert len(rows) == len(seed)
    assert {tuple(row) for row in rows} == seed


def test_kazakhstan_verdict_counts(published_warehouse):
    counts = dict(
        published_warehouse.query(
            "SELECT verdict, count(*) FROM marts.report_reconciliation "
            "WHERE report_id = 'kaz_2023' AND geography_id = 'KAZ' GROUP BY verdict"
        )
    )
    assert counts == KAZ_VERDICTS


def _figure(warehouse, measure: str, dimension_1: str, dimension_2: str, figure_id: str):
    rows = warehouse.query(
        "SELECT printed_text, printed_value, computed_value, verdict, note, verdict_note "
        "FROM marts.report_reconciliation WHERE report_id = 'kaz_2023' AND measure = ? "
        "AND dimension_1 = ? AND dimension_2 = ? AND figure_id = ?",
        [measure, dimension_1, dimension_2, figure_id],
    )
    assert len(rows) == 1, (measure, dimension_1, dimension_2, figure_id)
    names = ("text", "printed", "computed", "verdict", "note", "why")
    return dict(zip(names, rows[0], strict=True))


@pytest.mark.parametrize(
    ("measure", "dimension_1", "dimension_2", "figure_id", "printed", "computed", "says"),
    [
        (  # the Embassy in Nur-Sultan [5] among channels "with fewer than 5 projects"
            "folded_group_members_literal_rule",
            "channel",
            "Other Russian Organizations",
            "figure_12",
            30,
            29,
            "Embassy in Nur-Sultan [5]",
        ),
        (
            "attitude_share_pct",
            "evs_wvs_2017",
            "confidence_press",
            "text_2_2_press",
            56,
            59.2,
            "Table 5 prints 59%",
        ),
        (
            "attitude_change_pp",
            "evs_wvs_2017",
            "member_labour_union",
            "text_2_2_membership_each",
            5,
            7.0,
            "5 percentage points each",
        ),
        (
            "attitude_change_pp",
            "evs_wvs_2017",
            "member_sport",
            "text_2_2_membership_each",
            5,
            3.6,
            "5 percentage points each",
        ),
        ("media_event_neutral_share_pct", "all", "", "figure_14", 93, 92.3, "48/52 = 92.3%"),
    ],
)
def test_known_slips_are_flagged_as_differences(
    published_warehouse, measure, dimension_1, dimension_2, figure_id, printed, computed, says
):
    figure = _figure(published_warehouse, measure, dimension_1, dimension_2, figure_id)
    assert figure["verdict"] == "differs"
    assert figure["printed"] == printed
    assert figure["computed"] == pytest.approx(computed, abs=0.05)
    assert "report slip" in figure["note"] and says in figure["note"]
    assert figure["why"].startswith(f"printed {figure['text']}, published")


def test_unreadable_table_5_change_keeps_its_printed_text(published_warehouse):
    figure = _figure(
        published_warehouse,
        "attitude_change_pp",
        "evs_wvs_2017",
        "confidence_parliament",
        "table_5",
    )
    assert figure["text"] == "-.2.5%"
    assert figure["printed"] is None
    assert figure["verdict"] == "differs"
    assert figure["computed"] == pytest.approx(-2.5, abs=0.05)
    assert "report slip" in figure["note"] and "not a number" in figure["why"]


def test_the_art_groups_change_is_within_rounding_of_the_texts_five_points(published_warehouse):
    figure = _figure(
        published_warehouse,
        "attitude_change_pp",
        "evs_wvs_2017",
        "member_art",
        "text_2_2_membership_each",
    )
    assert figure["verdict"] == "within_rounding"


def test_everything_that_differs_says_why(published_warehouse):
    rows = published_warehouse.query(
        "SELECT figure_id, measure, note, verdict_note FROM marts.report_reconciliation "
        "WHERE report_id = 'kaz_2023' AND verdict IN ('differs', 'not_computed')"
    )
    assert rows
    for figure_id, measure, note, verdict_note in rows:
        assert note and verdict_note, (figure_id, measure)


def test_report_measures_cover_every_geography(published_warehouse):
    rows = published_warehouse.query(
        "SELECT count(DISTINCT geography_id) FROM marts.report_measures"
    )
    assert rows[0][0] == 24


# --- another report, landed ----------------------------------------------------------------------


def test_a_landed_report_is_reconciled_without_editing_seeds(scratch_warehouse):
    reports = scratch_warehouse.landing_dir / "reports"
    reports.mkdir()
    (reports / "kgz_2023.csv").write_text(
        HEADER
        + "kgz_2023,text_3_1,Kyrgyz Republic,russian_project_headlines,projects,,165,165,0,count,"
        "projects\n"
        "kgz_2023,text_3_1_rank,KGZ,russian_projects_regional_ranking,rank_in_region,,2nd,2,0,"
        "count,second in the region\n"
        "kgz_2023,table_x,KGZ,restriction_events,all,2016,12,12,0,count,before the window\n",
        encoding="utf-8",
    )
    (reports / "bad.csv").write_text(
        HEADER + "bad,t,KGZ,no_such_measure,,,1,1,0,count,\n", encoding="utf-8"
    )
    result = scratch_warehouse.refresh()
    assert result.success
    rows = scratch_warehouse.query(
        "SELECT figure_id, verdict, source_file, source_row FROM marts.report_reconciliation "
        "WHERE figures_source = 'landing' ORDER BY figure_id"
    )
    assert [(f, v, r) for f, v, _, r in rows] == [
        ("table_x", "not_computed", 4),
        ("text_3_1", "exact", 2),
        ("text_3_1_rank", "exact", 3),
    ]
    assert all(source_file.endswith("kgz_2023.csv") for _, _, source_file, _ in rows)
    logged = scratch_warehouse.query(
        "SELECT row_number, column_name, message FROM load_log "
        "WHERE outcome = 'rejected' AND file = 'reports/bad.csv'",
        database=scratch_warehouse.raw_db,
    )
    assert [(row, column) for row, column, _ in logged] == [(2, "measure")]
