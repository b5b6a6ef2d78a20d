"""Section 3.1 and annex 5.3 of the Kazakhstan report, read from the published project marts.

Expected figures are retyped from the report (and ../shared/reference/kazakhstan-targets.md),
never computed from the sample generator.
"""

from __future__ import annotations

# The annex's folded groups: member name as printed -> bracketed count (no bracket: 1).
OTHER_RUSSIAN_ORGANIZATIONS = {
    "National Audit Office": 1,
    "Open Youth University of the city of Tomsk": 2,
    "Russian Writers' Union": 3,
    "Embassy in Nur-Sultan": 5,  # printed "Embassy in Nut-Sultan [5]"
    "Law enforcement - unspecified": 1,
    "State Memorial Museum of Defense and the Siege of Leningrad": 4,
    "Consulate General in Oskemen": 3,  # printed "Consulate General in Ostmen [3]"
    "Altai Territory Directorate": 2,
    "Moscow Government": 1,
    "Commonwealth of Peoples of Eurasia": 1,
    "Moscow State University": 2,
    "Orenburg State University": 1,
    "Investigative Committee of the Russian Federation": 1,
    "Gorchakov Fund": 2,
    "Ministry of Education and Science": 4,
    "Russian Committee of the UNESCO Information for All Program": 3,
    "Russian Humanitarian Mission": 1,
    "St. Petersburg House of Music": 2,
    "Center for Modern Educational Technologies": 1,
    "Ombudsman for Human Rights": 1,
    "State Duma": 1,
    "Moscow House of Compatriots": 1,
    "Moscow Center for International Cooperation": 1,
}
OTHER_COMPATRIOT_UNIONS = {
    "Russian Compatriots of Aktobe": 2,
    "Russian Compatriots of Mangystau": 2,
    "Russian Compatriots of W Kazakh": 2,
    "Semirechenskoe Cossack Host": 1,
    "Youth Council of Russian Compatriots of Kazakhstan": 2,
}
FOLDED_GROUP_SIZES = {
    ("channel", "Other Russian Organizations"): 30,
    ("recipient", "Other CSO/NGO"): 91,
    ("recipient", "Other Government"): 15,
    ("recipient", "Other Churches"): 9,
    ("recipient", "Other Compatriot Unions"): 5,
    ("recipient", "Other Schools"): 10,
    ("recipient", "Other Recipients"): 2,
}


def _one(warehouse, sql: str, params: list | None = None):
    rows = warehouse.query(sql, params)
    assert len(rows) == 1, rows
    return rows[0]


def test_headline_figures(published_warehouse):
    headline = _one(
        published_warehouse,
        """SELECT projects, organisations, channels, regulator_projects, round(regulator_share_pct)
           FROM marts.russian_project_headlines WHERE geography_id = 'KAZ'""",
    )
    assert headline == (249, 150, 34, 5, 2)


def test_cross_country_ranking(published_warehouse):
    ranking = published_warehouse.query(
        """SELECT geography_id, projects, rank_in_region
           FROM marts.russian_projects_regional_ranking
           ORDER BY rank_in_region, geography_id LIMIT 2"""
    )
    assert ranking == [("KAZ", 249, 1), ("KGZ", 165, 2)]  # 84 more; together over 400


def test_figure_11_years_rise_to_2019_and_drop_in_2021(published_warehouse):
    per_year = dict(
        published_warehouse.query(
            """SELECT year, sum(project_count) FROM marts.russian_projects_by_year
               WHERE geography_id = 'KAZ' GROUP BY year ORDER BY year"""
        )
    )
    assert sum(per_year.values()) == 249
    rising = [per_year[year] for year in range(2015, 2020)]
    assert rising == sorted(rising)
    assert per_year[2021] < per_year[2020] / 2


def test_figure_12_channels(published_warehouse):
    channels = {
        label: (projects, organisations)
        for label, projects, organisations in published_warehouse.query(
            """SELECT channel_label, project_count, recipient_org_count
               FROM marts.russian_project_channels WHERE geography_id = 'KAZ'"""
        )
    }
    assert channels["Rossotrudnichestvo"] == (167, 126)
    assert channels["Consulate General in Oral"][0] == 99
    assert channels["Other Russian Organizations"][0] > 0
    consular = _one(
        published_warehouse,
        """SELECT project_count FROM marts.russian_project_channel_groups
           WHERE geography_id = 'KAZ' AND channel_group = 'consular'""",
    )
    assert consular == (133,)


def test_oral_consulate_works_alone_or_with_rossotrudnichestvo(published_warehouse):
    rows = published_warehouse.query(
        """SELECT coalesce(other_entity_name, '(alone)'), projects_together, projects_alone
           FROM marts.russian_channel_cooccurrence
           WHERE geography_id = 'KAZ' AND entity_name = 'Consulate General in Oral'"""
    )
    together = {other: count for other, count, _ in rows}
    assert together["Rossotrudnichestvo"] == 33
    assert together["Representative Office of the Republic of Tatarstan"] == 2
    assert {alone for *_, alone in rows} == {66}


def test_annex_folded_lists_with_their_counts(published_warehouse):
    sizes = {
        (kind, label): count
        for kind, label, count in published_warehouse.query(
            """SELECT DISTINCT member_kind, group_label, group_member_count
               FROM marts.russian_project_folded_groups WHERE geography_id = 'KAZ'"""
        )
    }
    assert sizes == FOLDED_GROUP_SIZES
    for label, expected in (
        ("Other Russian Organizations", OTHER_RUSSIAN_ORGANIZATIONS),
        ("Other Compatriot Unions", OTHER_COMPATRIOT_UNIONS),
    ):
        members = dict(
            published_warehouse.query(
                """SELECT member_name, member_project_count FROM marts.russian_project_folded_groups
                   WHERE geography_id = 'KAZ' AND group_label = ?""",
                [label],
            )
        )
        assert {name: members.get(name) for name in expected} == expected


def test_the_embassy_slip_is_visible(published_warehouse):
    """The annex folds the Embassy (5 projects) into a group of channels "with fewer than 5"."""
    embassy = _one(
        published_warehouse,
        """SELECT member_project_count, is_folded, folds_under_literal_rule, folds_because
           FROM marts.russian_project_folded_groups
           WHERE geography_id = 'KAZ' AND member_name = 'Embassy in Nur-Sultan'""",
    )
    assert embassy[:3] == (5, True, False)
    assert "exactly" in embassy[3]


def test_recipients(published_warehouse):
    recipients = dict(
        published_warehouse.query(
            """SELECT recipient_label, project_count FROM marts.russian_project_recipients
               WHERE geography_id = 'KAZ'"""
        )
    )
    assert recipients["Old Oral Museum"] == 40
    assert recipients["Russian Cultural Center"] == 28
    assert recipients["Yesenzhanov Regional Library for Children and Youth"] == 15
    cso = _one(
        published_warehouse,
        """SELECT project_count, round(share_pct) FROM marts.russian_project_recipient_types
           WHERE geography_id = 'KAZ' AND org_type = 'cso_ngo'""",
    )
    assert cso == (229, 92)


def test_figure_13_places(published_warehouse):
    places = {
        name: (count, round(share))
        for name, count, share in published_warehouse.query(
            """SELECT name, project_count, share_pct FROM marts.russian_project_places
               WHERE geography_id = 'KAZ'"""
        )
    }
    assert places["Oral"] == (81, 33)
    assert places["Nur-Sultan"] == (58, 23)
    assert places["Almaty"] == (51, 20)
    located = published_warehouse.query(
        """SELECT count(*) FROM marts.russian_project_places
           WHERE geography_id = 'KAZ' AND (latitude IS NULL OR admin1 IS NULL)"""
    )
    assert located == [(0,)]


def test_themes(published_warehouse):
    themes = {
        theme: (count, round(share))
        for theme, count, share in published_warehouse.query(
            """SELECT theme, project_count, share_pct FROM marts.russian_project_themes
               WHERE geography_id = 'KAZ'"""
        )
    }
    assert themes["youth"] == (73, 29)
    assert themes["wwii_commemoration"] == (30, 12)
    assert themes["religion"] == (18, 7)


def test_the_articles_behind_a_count(published_warehouse):
    """The documented drill-down: the projects behind Rossotrudnichestvo's 167, with articles."""
    rows = published_warehouse.query(
        """SELECT p.project_id, p.an, p.article_title, p.outlet, p.publication_date, p.url
           FROM marts.russian_project_provenance AS p
           WHERE p.in_window AND p.project_id IN (
               SELECT b.project_id FROM core.bridge_project_russian_entities AS b
               JOIN core.dim_russian_entity AS e USING (entity_id)
               WHERE e.name = 'Rossotrudnichestvo')
             AND p.geography_id = 'KAZ'"""
    )
    assert len({row[0] for row in rows}) == 167
    articles = [row for row in rows if row[1] is not None]
    assert articles and all(title and outlet and url for _, _, title, outlet, _, url in articles)
