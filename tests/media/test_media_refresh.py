"""Media sheets through a whole refresh: a mention of an article never delivered, and one of an
article that is not from a Russian state outlet, each reject their sheet; nothing published
changes."""

from __future__ import annotations

HEADER = "mention_id,an,country,actor_name,actor_scope,actor_kind,actor_category,sentiment"
NEVER_DELIVERED = "TASS000020990101ee9d0001x"
IN_SCOPE = "(RUSTOD, SPTNK, TASS)"


def test_mentions_of_missing_or_non_state_articles_are_rejected(scratch_warehouse):
    published_before = scratch_warehouse.published_sha256()
    non_state = scratch_warehouse.query(
        """SELECT an FROM core.dim_factiva_article
           WHERE article_status = 'current' AND source_code NOT IN ('TASS', 'SPTNK', 'RUSTOD')
           ORDER BY an LIMIT 1"""
    )[0][0]
    media = scratch_warehouse.landing_dir / "media"
    (media / "kaz_late_missing.csv").write_text(
        f"{HEADER}\nKAZ-LATE-1,{NEVER_DELIVERED},KAZ,OSCE/ODIHR,external,intergovernmental,,"
        "neutral\n",
        encoding="utf-8",
    )
    (media / "kaz_late_outlet.csv").write_text(
        f"{HEADER}\nKAZ-LATE-2,{non_state},KAZ,Journalists,domestic,informal_group,media,neutral\n",
        encoding="utf-8",
    )

    result = scratch_warehouse.refresh()

    assert result.success  # the rest of the landing zone stays publishable
    assert scratch_warehouse.published_sha256() == published_before
    logged = dict(
        scratch_warehouse.query(
            """SELECT file, format('{} row {} column {}: {}', file, row_number, column_name,
                                  message)
               FROM load_log WHERE outcome = 'rejected' AND file LIKE 'media/kaz_late_%'""",
            database=scratch_warehouse.raw_db,
        )
    )
    assert logged["media/kaz_late_missing.csv"] == (
        f"media/kaz_late_missing.csv row 2 column an: accession number {NEVER_DELIVERED} was "
        "never delivered in a loaded factiva/ file"
    )
    outlet = logged["media/kaz_late_outlet.csv"]
    assert outlet.startswith(f"media/kaz_late_outlet.csv row 2 column an: article {non_state} is ")
    assert outlet.endswith(f"not a Russian state outlet in scope {IN_SCOPE}")
