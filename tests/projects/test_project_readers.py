"""Registry and project sheet readers: aliases, scopes, unresolved names, and reloading a sheet
once the registry gains the alias it lacked."""

from __future__ import annotations

import duckdb
import pytest

from ingestion.errors import ContractViolation
from ingestion.landing import sync_source
from ingestion.landing_state import current_rejections
from ingestion.projects import PROJECTS, ProjectReference, read_project_sheet
from ingestion.reference import ReferenceData
from ingestion.registry import REGISTRY, RegistryIndexes

ORGANISATIONS = (
    "org_id,name,aliases,org_type,country,place\n"
    'kaz-old-oral,Old Oral Museum,"Old Uralsk Folk Museum of Local Lore|Cultural and Educational '
    'Foundation ""Old Uralsk""",cso_ngo,KAZ,Oral\n'
    "kaz-rcc,Russian Cultural Center,,cso_ngo,Kazakhstan,Almaty\n"
    "kgz-rcc,Russian Cultural Center,,cso_ngo,KGZ,Bishkek\n"
    "kaz-slav-1,Slavic Center,,cso_ngo,KAZ,Almaty\n"
    "kaz-slav-2,Slavic Centre,Slavic Center,cso_ngo,KAZ,Oral\n"
)
ENTITIES = """entity_id,name,aliases,entity_type,parent
mfa,Ministry of Foreign Affairs,,ministry,
rs,Rossotrudnichestvo,Federal Agency for the CIS,agency,mfa
emb-nur,Embassy in Nur-Sultan,Embassy in Nut-Sultan|Embassy in Astana,embassy,mfa
"""
PLACES = """place_id;name;aliases;country;admin1;latitude;longitude
kaz-oral;Oral;Uralsk;KAZ;West Kazakhstan Region;51,2333;51,3667
kaz-nur;Nur-Sultan;Astana;KAZ;Nur-Sultan City;51.1694;71.4491
"""
HEADER = (
    "project_id,country,title,start_date,date_estimated,russian_entities,recipients,places,"
    "support_kind,themes,beneficiary_kind,source_ans,source_urls\n"
)
DELIVERED = "KAZINF0020180913ee9d0002t"


@pytest.fixture
def landing(tmp_path):
    root = tmp_path / "landing"
    (root / "registry").mkdir(parents=True)
    (root / "projects").mkdir()
    (root / "registry" / "organisations_kaz.csv").write_text(ORGANISATIONS, encoding="utf-8")
    (root / "registry" / "russian_entities.csv").write_text(ENTITIES, encoding="utf-8")
    (root / "registry" / "places.csv").write_text(PLACES, encoding="utf-8")
    return root


def _reference(landing, raw) -> ProjectReference:
    sync_source(REGISTRY, landing, raw, batch_id="registry")
    with duckdb.connect(str(raw), read_only=True) as con:
        registries = RegistryIndexes.from_raw(con)
    return ProjectReference(ReferenceData.from_seeds(), registries, frozenset({DELIVERED}))


def _sheet(landing, *rows: str, name: str = "kaz_2018.csv"):
    path = landing / "projects" / name
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_registry_reads_aliases_keys_and_decimal_commas(landing, tmp_path):
    raw = tmp_path / "raw.duckdb"
    result = sync_source(REGISTRY, landing, raw, batch_id="b1")
    assert result.rejected == {}
    with duckdb.connect(str(raw), read_only=True) as con:
        oral = con.execute(
            "SELECT latitude, longitude, admin1 FROM registry_entries WHERE entry_id = 'kaz-oral'"
        ).fetchone()
        keys = con.execute(
            "SELECT name_key FROM registry_names WHERE entry_id = 'kaz-old-oral' ORDER BY 1"
        ).fetchall()
        geography = con.execute(
            "SELECT geography_id FROM registry_entries WHERE entry_id = 'kaz-rcc'"
        ).fetchone()
    assert oral == (51.2333, 51.3667, "West Kazakhstan Region")
    assert [k for (k,) in keys] == [
        'cultural and educational foundation "old uralsk"',
        "old oral museum",
        "old uralsk folk museum of local lore",
    ]
    assert geography == ("KAZ",)  # "Kazakhstan" resolved through the geography aliases


def test_registry_rejects_unknown_type_bad_coordinate_and_file_name(landing, tmp_path):
    (landing / "registry" / "places.csv").write_text(
        PLACES.replace("51.1694", "north"), encoding="utf-8"
    )
    (landing / "registry" / "russian_entities.csv").write_text(
        ENTITIES.replace(",fund", ",fund").replace("embassy,mfa", "embasy,mfa"), encoding="utf-8"
    )
    (landing / "registry" / "people.csv").write_text("id,name\n1,x\n", encoding="utf-8")
    result = sync_source(REGISTRY, landing, tmp_path / "raw.duckdb", batch_id="b1")
    messages = {file: [str(issue) for issue in issues] for file, issues in result.rejected.items()}
    assert messages["registry/places.csv"] == [
        "places.csv, row 3, column 'latitude': 'north' is not a number of decimal degrees"
    ]
    assert messages["registry/russian_entities.csv"] == [
        "russian_entities.csv, row 4, column 'entity_type': 'embasy' is not in the vocabulary "
        "(agency, consulate, embassy, fund, ministry, other, regional_government, university)"
    ]
    assert messages["registry/people.csv"][0].startswith(
        "people.csv: not a registry file name: name it organisations*, russian_entities*, places*"
    )


def test_sheet_names_resolve_through_aliases_quotes_and_case(landing, tmp_path):
    ref = _reference(landing, tmp_path / "raw.duckdb")
    path = _sheet(
        landing,
        f"p1,KAZ,Memory Road,2020-01,true,ROSSOTRUDNICHESTVO | Embassy in Nut-Sultan,"
        f"Cultural and Educational Foundation «Old  Uralsk»|russian cultural center,"
        f"Uralsk,cooperation,youth|wwii_commemoration,civic_actor,{DELIVERED},",
    )
    frames = read_project_sheet(path, ref)
    links = frames["project_links"]
    resolved = links[links.link_kind != "theme"][["link_kind", "position", "value"]]
    assert resolved.values.tolist() == [
        ["russian_entity", 1, "rs"],
        ["russian_entity", 2, "emb-nur"],
        ["recipient", 1, "kaz-old-oral"],
        ["recipient", 2, "kaz-rcc"],  # the KAZ one: organisations resolve within the country
        ["place", 1, "kaz-oral"],
        ["source_an", 1, DELIVERED],
    ]
    record = frames["project_records"].iloc[0]
    assert (str(record.start_date), record.start_date_precision, record.date_estimated) == (
        "2020-01-01",
        "month",
        True,
    )


def test_unresolved_ambiguous_and_undelivered_names_reject_the_sheet(landing, tmp_path):
    ref = _reference(landing, tmp_path / "raw.duckdb")
    path = _sheet(
        landing,
        "p1,KAZ,Quiz,2018-03-02,,Rossotrudnichestvo,Old Oral Musuem,Oral,in_kind,,civic_actor,"
        "KAZINF0020180913ee9d0009x,",
        "p2,KAZ,Concert,2018-04-02,,Rossotrudnichestvo,Slavic Center,Astana,in_kind,,civic_actor,,"
        "https://example.kz/a",
    )
    with pytest.raises(ContractViolation) as raised:
        read_project_sheet(path, ref)
    assert [str(issue) for issue in raised.value.issues] == [
        "kaz_2018.csv, row 2, column 'recipients': unknown organisation 'Old Oral Musuem' in KAZ "
        "(did you mean 'Old Oral Museum', 'Old Uralsk Folk Museum of Local Lore'?)",
        "kaz_2018.csv, row 2, column 'source_ans': accession number KAZINF0020180913ee9d0009x was "
        "never delivered in a loaded factiva/ file",
        "kaz_2018.csv, row 3, column 'recipients': ambiguous organisation 'Slavic Center' in KAZ: "
        "2 entries match (kaz-slav-1 'Slavic Center'; kaz-slav-2 'Slavic Centre')",
    ]


def test_a_rejected_sheet_loads_once_the_registry_gains_the_alias(landing, tmp_path):
    """The sheet is not touched: the registry change alone makes the next sync read it again."""
    raw = tmp_path / "raw.duckdb"
    _sheet(
        landing,
        "p1,KAZ,Quiz,2018-03-02,,Rossotrudnichestvo,Uralsk Museum,Oral,in_kind,,civic_actor,,"
        "https://example.kz/a",
    )
    sync_source(REGISTRY, landing, raw, batch_id="b1")
    first = sync_source(PROJECTS, landing, raw, batch_id="b1")
    assert [str(i) for i in first.rejected["projects/kaz_2018.csv"]] == [
        "kaz_2018.csv, row 2, column 'recipients': unknown organisation 'Uralsk Museum' in KAZ "
        "(did you mean 'Old Uralsk Folk Museum of Local Lore'?)"
    ]
    assert current_rejections(raw)[0][:3] == ("projects/kaz_2018.csv", 2, "recipients")

    registry = landing / "registry" / "organisations_kaz.csv"
    registry.write_text(
        registry.read_text().replace(
            "Old Uralsk Folk Museum", "Uralsk Museum|Old Uralsk Folk Museum"
        )
    )
    assert not sync_source(PROJECTS, landing, raw, batch_id="b2").changed  # registry not synced
    sync_source(REGISTRY, landing, raw, batch_id="b3")
    third = sync_source(PROJECTS, landing, raw, batch_id="b3")
    assert third.loaded == ["projects/kaz_2018.csv"] and third.rejected == {}
    with duckdb.connect(str(raw), read_only=True) as con:
        recipients = con.execute(
            "SELECT value, name_as_coded FROM project_links WHERE link_kind = 'recipient'"
        ).fetchall()
    assert recipients == [("kaz-old-oral", "Uralsk Museum")]
    assert current_rejections(raw) == []
