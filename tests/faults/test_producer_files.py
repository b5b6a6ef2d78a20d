"""Files as producers really ship them, end to end through the published release.

The sample landing zone carries the awkward cases on purpose (cross-national survey files, a
Windows-1251 ';' sheet with Russian text, a workbook whose first worksheet is blank or holds
instructions), so every refresh in the suite exercises them; here their outcome is asserted in the
published release. Reader-level details live in tests/ingestion and tests/surveys.
"""

from __future__ import annotations

import re


def test_cross_national_survey_files_are_loaded_and_outsiders_counted(published_warehouse):
    rejected = published_warehouse.query(
        "SELECT landing_file FROM metadata.landing_files WHERE status = 'rejected'"
    )
    assert rejected == []
    outsiders = published_warehouse.query(
        """SELECT landing_file, iso_alpha3, respondent_rows, respondents_loaded
           FROM metadata.survey_file_countries WHERE NOT in_programme ORDER BY ALL"""
    )
    files = {file for file, *_ in outsiders}
    assert any(file.startswith("surveys/wvs7/") for file in files)
    assert any(file.startswith("surveys/gwp/") for file in files)  # Gallup World Poll
    assert {"DEU", "USA"} <= {iso for _, iso, _, _ in outsiders}
    assert all(rows > 0 and loaded == 0 for _, _, rows, loaded in outsiders)
    programme = {
        gid
        for (gid,) in published_warehouse.query(
            "SELECT DISTINCT geography_id FROM marts.attitude_indicators"
        )
    }
    assert programme <= {
        gid
        for (gid,) in published_warehouse.query("SELECT geography_id FROM reference.geographies")
    }


def test_a_windows_1251_semicolon_sheet_keeps_its_russian_text(published_warehouse):
    summaries = published_warehouse.query(
        """SELECT e.summary FROM core.fct_restriction_events e
           WHERE e.source_file = 'restrictions/kaz_2020_2021.csv' AND e.summary IS NOT NULL"""
    )
    assert summaries, "the cp1251 sheet's events are published"
    assert all(re.search("[\u0400-\u04ff]", summary) for (summary,) in summaries)
    assert not any("\ufffd" in summary for (summary,) in summaries)  # no replacement characters


def test_workbooks_with_a_title_row_or_a_blank_first_sheet_are_loaded(published_warehouse):
    loaded = dict(
        published_warehouse.query(
            """SELECT landing_file, row_count FROM metadata.landing_files
               WHERE landing_file IN ('restrictions/kaz_2017_2018.xlsx',
                                      'restrictions/ukr_2017_2018.xlsx')"""
        )
    )
    assert set(loaded) == {"restrictions/kaz_2017_2018.xlsx", "restrictions/ukr_2017_2018.xlsx"}
    assert all(rows > 0 for rows in loaded.values())
