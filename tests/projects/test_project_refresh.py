"""The projects barometer through whole refreshes: a sheet naming an unknown organisation, and a
later Factiva delivery that deletes and replaces articles."""

from __future__ import annotations

import csv
import io
import json

HEADER = (
    "project_id,country,title,start_date,date_estimated,russian_entities,recipients,places,"
    "support_kind,themes,beneficiary_kind,source_ans,source_urls"
)
LATE_PROJECT = (
    "KAZ-LATE-0001,KAZ,Exhibition on the history of the Ural Cossacks,2019-05-14,,"
    "Rossotrudnichestvo,Uralsk Museum of Local History,Oral,in_kind,cossack_culture,civic_actor,,"
    "https://example.kz/news/ural-cossacks"
)


def _kaz_headline(warehouse) -> tuple:
    return warehouse.query(
        "SELECT projects, organisations FROM marts.russian_project_headlines "
        "WHERE geography_id = 'KAZ'"
    )[0]


def _registry_file_naming(landing_dir, name: str):
    """The CSV organisations registry file that lists ``name`` (the sample splits per country)."""
    for path in sorted((landing_dir / "registry").glob("organisations*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        if any(row.get("name") == name for row in csv.DictReader(io.StringIO(text))):
            return path
    raise AssertionError(f"no organisations CSV lists {name}")


def test_unknown_recipient_rejects_the_sheet_until_the_registry_gains_the_alias(
    scratch_warehouse,
):
    published_before = scratch_warehouse.published_sha256()
    sheet = scratch_warehouse.landing_dir / "projects" / "kaz_late_additions.csv"
    sheet.write_text(f"{HEADER}\n{LATE_PROJECT}\n", encoding="utf-8")

    rejected = scratch_warehouse.refresh()

    assert rejected.success  # the rest of the landing zone stays publishable
    assert scratch_warehouse.published_sha256() == published_before
    logged = scratch_warehouse.query(
        "SELECT row_number, column_name, message FROM load_log "
        "WHERE outcome = 'rejected' AND file = 'projects/kaz_late_additions.csv'",
        database=scratch_warehouse.raw_db,
    )
    assert len(logged) == 1
    row, column, message = logged[0]
    assert (row, column) == (2, "recipients")
    assert message.startswith("unknown organisation 'Uralsk Museum of Local History' in KAZ")

    registry = _registry_file_naming(scratch_warehouse.landing_dir, "Old Oral Museum")
    rows = list(csv.DictReader(io.StringIO(registry.read_text(encoding="utf-8-sig"))))
    for entry in rows:
        if entry["name"] == "Old Oral Museum":
            aliases = [entry["aliases"], "Uralsk Museum of Local History"]
            entry["aliases"] = "|".join(filter(None, aliases))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    registry.write_text(out.getvalue(), encoding="utf-8")

    loaded = scratch_warehouse.refresh()  # the sheet itself is untouched

    assert loaded.success
    assert scratch_warehouse.published_sha256() != published_before
    assert _kaz_headline(scratch_warehouse) == (250, 150)
    assert scratch_warehouse.query(
        "SELECT status FROM landing_files WHERE file = 'projects/kaz_late_additions.csv'",
        database=scratch_warehouse.raw_db,
    ) == [("loaded",)]
    assert scratch_warehouse.query(
        "SELECT project_count FROM marts.russian_project_recipients "
        "WHERE geography_id = 'KAZ' AND recipient_label = 'Old Oral Museum'"
    ) == [(41,)]


def _single_source_project(warehouse) -> tuple[str, str, str]:
    """An in-window Kazakh project citing one current article (cited by no other project) and
    no URL: (project, accession number, title)."""
    return warehouse.query(
        """WITH single AS (
               SELECT project_id FROM marts.russian_project_provenance
               WHERE geography_id = 'KAZ' AND in_window GROUP BY project_id
               HAVING count(*) = 1 AND bool_and(source_kind = 'factiva')
                  AND bool_and(article_status = 'current')),
             cited_once AS (
               SELECT an FROM marts.russian_project_provenance WHERE an IS NOT NULL
               GROUP BY an HAVING count(DISTINCT project_id) = 1)
           SELECT project_id, an, article_title FROM marts.russian_project_provenance
           WHERE project_id IN (SELECT project_id FROM single)
             AND an IN (SELECT an FROM cited_once)
           ORDER BY project_id LIMIT 1"""
    )[0]


def test_a_later_delivery_deletes_and_replaces_articles(scratch_warehouse):
    project, deleted_an, _ = _single_source_project(scratch_warehouse)
    other_project, replaced_an, old_title = scratch_warehouse.query(
        """SELECT project_id, an, article_title FROM marts.russian_project_provenance
           WHERE geography_id = 'KAZ' AND source_kind = 'factiva' AND article_status = 'current'
             AND an <> ? ORDER BY an LIMIT 1""",
        [deleted_an],
    )[0]
    orphaned_before = scratch_warehouse.query(
        "SELECT projects_sources_all_deleted FROM marts.russian_project_data_quality "
        "WHERE geography_id = 'KAZ'"
    )[0][0]
    millis = "4070908800000"  # 2099-01-01, later than any sample delivery
    records = [
        {"an": deleted_an, "action": "del", "modification_datetime": millis},
        {
            "an": replaced_an,
            "action": "rep",
            "modification_datetime": millis,
            "publication_datetime": "1546300800000",
            "title": "Corrected: " + old_title,
            "source_code": "KAZINF",
            "source_name": "Kazinform",
            "body": "Corrected text.",
        },
    ]
    delivery = scratch_warehouse.landing_dir / "factiva" / "2099-01-01_update-0001.jsonl"
    delivery.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    result = scratch_warehouse.refresh()

    assert result.success
    assert scratch_warehouse.query(
        "SELECT article_status, deleted_in_file FROM core.dim_factiva_article WHERE an = ?",
        [deleted_an],
    ) == [("deleted", "factiva/2099-01-01_update-0001.jsonl")]
    history = scratch_warehouse.query(
        "SELECT action, source_file FROM core.fct_factiva_article_records WHERE an = ? "
        "ORDER BY modification_datetime",
        [deleted_an],
    )
    assert history[-1] == ("del", "factiva/2099-01-01_update-0001.jsonl")
    assert len(history) >= 2  # the deleted version stays queryable
    assert scratch_warehouse.query(
        "SELECT sources_all_deleted FROM core.fct_russian_projects WHERE project_id = ?", [project]
    ) == [(True,)]
    assert scratch_warehouse.query(
        "SELECT projects_sources_all_deleted FROM marts.russian_project_data_quality "
        "WHERE geography_id = 'KAZ'"
    ) == [(orphaned_before + 1,)]
    assert _kaz_headline(scratch_warehouse)[0] == 249  # flagged, still counted
    assert scratch_warehouse.query(
        "SELECT DISTINCT article_title FROM marts.russian_project_provenance WHERE an = ?",
        [replaced_an],
    ) == [("Corrected: " + old_title,)]
    assert other_project != project
