"""A survey file that breaks its contract is rejected whole; the published release is untouched."""

from __future__ import annotations

from tests.surveys.builders import crosswalk_labels, write_sav, wvs6_frame


def test_bad_sav_files_are_rejected_and_the_release_stays_byte_identical(scratch_warehouse):
    published_before = scratch_warehouse.published_sha256()
    folder = scratch_warehouse.landing_dir / "surveys" / "wvs6"
    labels = crosswalk_labels("wvs6")
    relabelled = {**labels, "V84": {1: "Very interested", 2: "Somewhat", 3: "Not interested"}}
    write_sav(folder / "WV6_relabelled.sav", wvs6_frame(V2=[31] * 4), relabelled)
    write_sav(
        folder / "WV6_renamed.sav", wvs6_frame(V2=[51] * 4).rename(columns={"V29": "V29A"}), labels
    )

    result = scratch_warehouse.refresh()

    assert result.success
    assert scratch_warehouse.published_sha256() == published_before
    logged = scratch_warehouse.query(
        "SELECT file, column_name, message FROM load_log WHERE outcome = 'rejected' ORDER BY file",
        database=scratch_warehouse.raw_db,
    )
    assert [(file, column) for file, column, _ in logged] == [
        ("surveys/wvs6/WV6_relabelled.sav", "V84"),
        ("surveys/wvs6/WV6_renamed.sav", "V29"),
    ]
    assert (
        "unexpected value labels (1=Very interested; 2=Somewhat; 3=Not interested)" in logged[0][2]
    )
    assert "required by the crosswalk for item 'member_political_party'" in logged[1][2]
    assert scratch_warehouse.query(
        "SELECT count(*) FROM survey_respondents WHERE source_file LIKE '%WV6_re%'",
        database=scratch_warehouse.raw_db,
    ) == [(0,)]
