"""Which country a survey row belongs to, for files that ship every surveyed country.

WVS, EVS, the joint EVS/WVS file and the Gallup World Poll put all their countries in one file.
A country code resolves, in this order, to
- a programme geography (``geographies`` seed and ``geography_aliases``, or a producer's own code
  that ``producer_country_codes`` gives its geography id, e.g. WVS/EVS 915 Kosovo): its rows are
  loaded;
- any other country (``iso_countries`` seed, every ISO 3166-1 country; ``gallup_wp5_countries``
  for Gallup's own numbering; ``producer_country_codes`` for the codes producers give samples
  that are no ISO 3166-1 country, e.g. WVS/EVS 909 Northern Ireland, Gallup 202 Northern Cyprus):
  its rows are counted per file in ``survey_file_countries`` and set aside, neither checked
  further nor loaded;
- nothing: the code is no country at all and the file is rejected, naming file, row and variable.

The rules are seeds, read once per refresh; nothing here knows a country by name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.reference import SEEDS_DIR, read_seed

FILE_COUNTRY_COLUMNS = {
    "survey_family": "VARCHAR NOT NULL",
    "country_as_coded": "VARCHAR NOT NULL",
    "country_code_system": "VARCHAR NOT NULL",
    "iso_alpha3": "VARCHAR",
    "country_name": "VARCHAR NOT NULL",
    "in_programme": "BOOLEAN NOT NULL",
    "geography_id": "VARCHAR",
    "respondent_rows": "BIGINT NOT NULL",
}
FROM_FILE_NAME = "file_name"  # code system recorded when the country comes from the file name
EMPTY_CODES = frozenset({"", "NAN", "NONE", "<NA>"})
UNKNOWN_CODES_NAMED = 10  # distinct unknown codes named per chunk; further ones share one message
_WHOLE_NUMBER = re.compile(r"-?\d+\.0+")

# code system -> geographies seed column (programme countries); "name" adds geography_aliases.
_PROGRAMME_COLUMNS = {
    "iso_numeric": "iso_numeric",
    "iso_alpha2": "iso_alpha2",
    "iso_alpha3": "geography_id",
    "gallup_wp5": "gallup_wp5",
    "name": "geography_name",
}
# code system -> iso_countries seed columns (any other country).
_ISO_COLUMNS = {
    "iso_numeric": ("iso_numeric",),
    "iso_alpha2": ("iso_alpha2",),
    "iso_alpha3": ("iso_alpha3",),
    "name": ("country_name", "common_name", "official_name"),
}


def norm_code(value: object) -> str:
    """A country code, id or wave as text: 398.0 and '398.0' -> '398', ' kz ' -> 'KZ'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip().upper()
    return text.split(".")[0] if _WHOLE_NUMBER.fullmatch(text) else text


def norm_codes(values: pd.Series) -> pd.Series:
    """``norm_code`` for a column, vectorised when the column holds whole numbers."""
    if pd.api.types.is_numeric_dtype(values) and (values.dropna() % 1 == 0).all():
        return values.astype("Int64").astype(str).str.upper()
    return values.map(norm_code)


@dataclass(frozen=True)
class Country:
    """A resolved country: in the programme when it has a geography_id."""

    iso_alpha3: str | None  # None: a programme territory or a producer's sample without ISO code
    name: str
    geography_id: str | None

    @property
    def in_programme(self) -> bool:
        return self.geography_id is not None

    @property
    def key(self) -> str:
        """The id the file-name check compares: geography_id, else ISO alpha-3."""
        return self.geography_id or self.iso_alpha3 or self.name


@dataclass(frozen=True)
class CountryReference:
    codes: dict[str, dict[str, Country]]  # code system -> normalised code -> country

    @classmethod
    def from_seeds(cls, seeds_dir: Path = SEEDS_DIR) -> CountryReference:
        codes: dict[str, dict[str, Country]] = {system: {} for system in _PROGRAMME_COLUMNS}
        programme: dict[str, Country] = {}
        for row in read_seed("geographies", seeds_dir):
            is_country = row["geography_kind"] == "country"
            country = Country(
                row["geography_id"] if is_country else None,
                row["geography_name"],
                row["geography_id"],
            )
            programme[row["geography_id"]] = country
            for system, column in _PROGRAMME_COLUMNS.items():
                if row[column]:
                    codes[system][norm_code(row[column])] = country
        for row in read_seed("geography_aliases", seeds_dir):
            codes["name"][norm_code(row["alias"])] = programme[row["geography_id"]]

        by_alpha3: dict[str, Country] = {}
        for row in read_seed("iso_countries", seeds_dir):
            alpha3 = row["iso_alpha3"]
            country = programme.get(alpha3) or Country(alpha3, row["country_name"], None)
            by_alpha3[alpha3] = country
            for system, columns in _ISO_COLUMNS.items():
                for column in columns:
                    if row[column]:
                        codes[system].setdefault(norm_code(row[column]), country)
        for row in read_seed("gallup_wp5_countries", seeds_dir):
            alpha3 = row["iso_alpha3"]
            country = (
                programme.get(alpha3)
                or by_alpha3.get(alpha3)
                or Country(alpha3, row["gallup_country_name"], None)
            )
            codes["gallup_wp5"].setdefault(norm_code(row["gallup_wp5"]), country)
        for row in read_seed("producer_country_codes", seeds_dir):
            if row["code_system"] not in codes:
                raise ValueError(
                    f"producer_country_codes: unknown code_system '{row['code_system']}' "
                    f"(one of {', '.join(codes)})"
                )
            alpha3 = row["iso_alpha3"]  # empty: a sample that is no ISO 3166-1 country
            known = (programme.get(alpha3) or by_alpha3.get(alpha3)) if alpha3 else None
            country = known or Country(alpha3 or None, row["country_name"], None)
            codes[row["code_system"]].setdefault(norm_code(row["code"]), country)
        return cls(codes)

    def by_name(self, name: str) -> Country | None:
        return self.codes["name"].get(norm_code(name))

    def lookup(
        self, code_system: str, value_labels: Mapping[object, str] | None
    ) -> dict[str, Country]:
        """Country code as coded -> country for one file's country variable. The ``value_label``
        system resolves each code through the file's own value label, read as a country name
        (CAB numbers its countries 1-5 and labels them by name)."""
        if code_system != "value_label":
            return self.codes.get(code_system, {})
        names = self.codes["name"]
        return {
            norm_code(code): names[norm_code(label)]
            for code, label in (value_labels or {}).items()
            if norm_code(label) in names
        }


def unknown_code_message(code_system: str, code: str | None) -> str:
    """The rejection for a country code that is no country at all (``code`` None: any further
    code beyond the ones named one by one)."""
    shown = "" if code is None else f" {code}"
    if code_system == "gallup_wp5":
        subject = f"WP5 code{shown}" if code is not None else "further WP5 codes"
        return f"{subject} is not a known Gallup WP5 country code (add it to gallup_wp5_countries)"
    seeds = "iso_countries, geographies or geography_aliases seed"
    if code_system == "value_label":
        return f"country code{shown} has no value label naming a country ({seeds})"
    if code_system == "name":
        return f"unknown country name{shown} (not in the {seeds})"
    return f"unknown {code_system} country code{shown} (not in the {seeds})"


def unknown_codes(
    as_coded: pd.Series, countries: pd.Series, code_system: str
) -> list[tuple[np.ndarray, str]]:
    """(row mask, message) for every row whose code is no country; empty codes say so."""
    problems: list[tuple[np.ndarray, str]] = []
    unknown = countries.isna().to_numpy()
    if not unknown.any():
        return problems
    codes = as_coded.to_numpy()
    empty = unknown & (pd.isna(codes) | np.isin(codes, list(EMPTY_CODES)))
    if empty.any():
        problems.append((empty, "country code is empty"))
    rest = unknown & ~empty
    named = pd.unique(codes[rest])[:UNKNOWN_CODES_NAMED]
    for code in named:
        problems.append((rest & (codes == code), unknown_code_message(code_system, code)))
    further = rest & ~np.isin(codes, named)
    if further.any():
        problems.append((further, unknown_code_message(code_system, None)))
    return problems


class CountryTally:
    """Rows per country code of one file, for every country resolved (in the programme or not)."""

    def __init__(self, family: str, code_system: str):
        self.family = family
        self.code_system = code_system
        self.rows: dict[str, int] = {}
        self.countries: dict[str, Country] = {}

    def add(self, as_coded: pd.Series, countries: pd.Series) -> None:
        known = countries.notna()
        codes, resolved = as_coded[known], countries[known]
        for code, count in codes.value_counts(sort=False).items():
            self.rows[code] = self.rows.get(code, 0) + int(count)
        first = ~codes.duplicated()
        for code, country in zip(codes[first], resolved[first], strict=True):
            self.countries.setdefault(code, country)

    def frame(self) -> pd.DataFrame:
        order = sorted(
            self.rows,
            key=lambda c: (not self.countries[c].in_programme, c.zfill(12) if c.isdigit() else c),
        )
        return pd.DataFrame(
            {
                "survey_family": self.family,
                "country_as_coded": order,
                "country_code_system": self.code_system,
                "iso_alpha3": [self.countries[c].iso_alpha3 for c in order],
                "country_name": [self.countries[c].name for c in order],
                "in_programme": [self.countries[c].in_programme for c in order],
                "geography_id": [self.countries[c].geography_id for c in order],
                "respondent_rows": [self.rows[c] for c in order],
            },
            columns=list(FILE_COUNTRY_COLUMNS),
        )
