"""Readers for Russian state media coding sheets: actor mentions (media/) and keyword mentions
(keywords/), one row per mention in an article Factiva delivered.

A sheet codes articles by accession number; outlet and publication date come from the article,
never from the sheet. Every ``an`` must be an article of a loaded factiva/ file (its latest record
that is not a ``del``: an accession number only ever deleted was never delivered) from a Russian
state outlet of the ``russian_state_outlets`` seed; otherwise the sheet is rejected naming file,
row and column. A mention whose article was deleted later is kept (dbt flags it). Actor names
resolve through the ``media_actors`` seed (ingestion.names, the one resolver): a listed name or
alias gives its ``actor_id``, an unlisted name keeps ``actor_id`` NULL and is counted as coded.
Factiva deliveries are part of the signature, so a rejected sheet is read again when one changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from ingestion import coding, errors, names, reference, sheets, textfiles
from ingestion.coding import (
    Problem,
    UniqueKeys,
    check_vocabulary,
    geography,
    require,
    row_problems,
)
from ingestion.database import table_exists
from ingestion.errors import IssueLog, visible
from ingestion.landing import LandingSource
from ingestion.names import Entry, NameIndex, Unresolved, name_key
from ingestion.reference import SEEDS_DIR, ReferenceData, read_seed
from ingestion.sheets import read_sheet

MEDIA_REQUIRED = (
    "mention_id",
    "an",
    "country",
    "actor_name",
    "actor_scope",
    "actor_kind",
    "sentiment",
)
MEDIA_VOCABULARIES = ("actor_scope", "actor_kind", "actor_category", "sentiment")
KEYWORD_REQUIRED = ("an", "country", "keyword", "sentiment")
KEYWORD_VOCABULARIES = ("keyword", "sentiment")

MENTION_COLUMNS = {
    "mention_id": "VARCHAR NOT NULL",
    "an": "VARCHAR NOT NULL",
    "geography_id": "VARCHAR NOT NULL",
    "country_as_coded": "VARCHAR NOT NULL",
    "actor_name": "VARCHAR NOT NULL",
    "actor_id": "VARCHAR",
    "actor_key": "VARCHAR NOT NULL",
    "actor_scope": "VARCHAR NOT NULL",
    "actor_kind": "VARCHAR NOT NULL",
    "actor_category": "VARCHAR",
    "sentiment": "VARCHAR NOT NULL",
    "source_row": "INTEGER NOT NULL",
}
KEYWORD_COLUMNS = {
    "an": "VARCHAR NOT NULL",
    "geography_id": "VARCHAR NOT NULL",
    "country_as_coded": "VARCHAR NOT NULL",
    "keyword": "VARCHAR NOT NULL",
    "sentiment": "VARCHAR NOT NULL",
    "source_row": "INTEGER NOT NULL",
}

# Per accession number its latest record that is not a deletion (the article's outlet); the order
# is the current-article rule of dbt (int_factiva_article_versions): latest modification, then
# delivery order (file path), then position in the file.
_ARTICLES = """
SELECT an, source_code, source_name
FROM factiva_article_records
WHERE action <> 'del'
QUALIFY row_number() OVER (
    PARTITION BY an ORDER BY modification_datetime DESC, source_file DESC, source_row DESC
) = 1
"""


@dataclass(frozen=True)
class Article:
    source_code: str
    source_name: str


@dataclass(frozen=True)
class MediaReference:
    """What a media or keyword sheet is checked against: seeds, actors and delivered articles."""

    seeds: ReferenceData
    outlets: frozenset[str]  # russian_state_outlets.source_code
    actors: NameIndex
    articles: dict[str, Article]

    @classmethod
    def from_raw(cls, con: duckdb.DuckDBPyConnection) -> MediaReference:
        articles: dict[str, Article] = {}
        if table_exists(con, "factiva_article_records"):
            for an, code, name in con.execute(_ARTICLES).fetchall():
                articles[an] = Article(code or "", name or "")
        return cls.from_seeds(articles)

    @classmethod
    def from_seeds(
        cls, articles: dict[str, Article], seeds_dir: Path = SEEDS_DIR
    ) -> MediaReference:
        outlets = frozenset(
            row["source_code"] for row in read_seed("russian_state_outlets", seeds_dir)
        )
        return cls(ReferenceData.from_seeds(seeds_dir), outlets, actor_index(seeds_dir), articles)


def actor_index(seeds_dir: Path = SEEDS_DIR) -> NameIndex:
    """The media_actors seed as a NameIndex: canonical names and ``|``-separated aliases."""
    index = NameIndex("media actor")
    for row in read_seed("media_actors", seeds_dir):
        aliases = [alias for alias in row["aliases"].split("|") if alias.strip()]
        index.add(Entry(row["actor_id"], row["name"]), [row["name"], *aliases])
    return index


def resolve_actor(name: str, actors: NameIndex) -> str | None:
    """The actor_id of a listed name or alias; None for an actor the seed does not list."""
    try:
        return actors.resolve(name).entry_id
    except Unresolved:
        return None


def check_article(cells: dict[str, str], ref: MediaReference, problem: Problem) -> None:
    """The ``an`` names a delivered article of a Russian state outlet in scope."""
    an = cells.get("an", "")
    if not an:
        return
    article = ref.articles.get(an)
    if article is None:
        problem(
            "an", f"accession number {visible(an)} was never delivered in a loaded factiva/ file"
        )
    elif article.source_code not in ref.outlets:
        outlet = f"{visible(article.source_name)} ({visible(article.source_code)})"
        in_scope = ", ".join(sorted(ref.outlets))
        problem(
            "an", f"article {an} is from {outlet}, not a Russian state outlet in scope ({in_scope})"
        )


def read_media_sheet(path: Path, ref: MediaReference) -> dict[str, pd.DataFrame]:
    """Validate a media-mention sheet; return its mentions with actor names resolved."""
    sheet = read_sheet(path, required=MEDIA_REQUIRED)
    log = IssueLog(sheet.file, per_check=20)
    mention_ids = UniqueKeys("mention_id")
    records: list[dict[str, object]] = []
    for row, cells in sheet.records:
        problem = row_problems(log, row)
        mention_ids.check(row, cells, problem)
        require(cells, MEDIA_REQUIRED, problem)
        geography_id = geography(cells, ref.seeds, problem)
        for column in MEDIA_VOCABULARIES:
            check_vocabulary(column, cells.get(column, ""), ref.seeds, problem)
        check_article(cells, ref, problem)
        actor_name = cells["actor_name"]
        records.append(
            {
                "mention_id": cells["mention_id"],
                "an": cells["an"],
                "geography_id": geography_id,
                "country_as_coded": cells["country"],
                "actor_name": actor_name,
                "actor_id": resolve_actor(actor_name, ref.actors) if actor_name else None,
                "actor_key": name_key(actor_name),
                "actor_scope": cells["actor_scope"],
                "actor_kind": cells["actor_kind"],
                "actor_category": cells.get("actor_category") or None,
                "sentiment": cells["sentiment"],
                "source_row": row,
            }
        )
    log.raise_if_any()
    return {"media_mentions": pd.DataFrame.from_records(records, columns=list(MENTION_COLUMNS))}


def read_keyword_sheet(path: Path, ref: MediaReference) -> dict[str, pd.DataFrame]:
    """Validate a keyword-mention sheet: one row per keyword per article and country."""
    sheet = read_sheet(path, required=KEYWORD_REQUIRED)
    log = IssueLog(sheet.file, per_check=20)
    keys = UniqueKeys("an", "country", "keyword")
    records: list[dict[str, object]] = []
    for row, cells in sheet.records:
        problem = row_problems(log, row)
        require(cells, KEYWORD_REQUIRED, problem)
        geography_id = geography(cells, ref.seeds, problem)
        for column in KEYWORD_VOCABULARIES:
            check_vocabulary(column, cells.get(column, ""), ref.seeds, problem)
        check_article(cells, ref, problem)
        if geography_id is not None:
            keys.check(row, cells, problem, key=(cells["an"], geography_id, cells["keyword"]))
        records.append(
            {
                "an": cells["an"],
                "geography_id": geography_id,
                "country_as_coded": cells["country"],
                "keyword": cells["keyword"],
                "sentiment": cells["sentiment"],
                "source_row": row,
            }
        )
    log.raise_if_any()
    return {"keyword_mentions": pd.DataFrame.from_records(records, columns=list(KEYWORD_COLUMNS))}


_SIGNATURE = (
    Path(__file__),
    Path(coding.__file__),
    Path(errors.__file__),
    Path(names.__file__),
    Path(sheets.__file__),
    Path(textfiles.__file__),
    Path(reference.__file__),
    SEEDS_DIR / "reference",
    SEEDS_DIR / "media",
)

MEDIA = LandingSource(
    name="media",
    directory="media",
    suffixes=(".csv", ".xlsx"),
    tables={"media_mentions": MENTION_COLUMNS},
    key_columns=("mention_id",),
    load_reference=MediaReference.from_raw,
    read=read_media_sheet,
    signature_paths=_SIGNATURE,
    reads_sources=("factiva",),
)

KEYWORDS = LandingSource(
    name="keywords",
    directory="keywords",
    suffixes=(".csv", ".xlsx"),
    tables={"keyword_mentions": KEYWORD_COLUMNS},
    key_columns=("an", "geography_id", "keyword"),
    load_reference=MediaReference.from_raw,
    read=read_keyword_sheet,
    signature_paths=_SIGNATURE,
    reads_sources=("factiva",),
)
