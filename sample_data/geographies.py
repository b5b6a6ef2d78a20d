"""The 24 geographies the sample covers, as the generator's own fixed list.

Kept apart from the pipeline's geography seed on purpose: the generator must not share code or
reference data with the pipeline it feeds. The codes are the producers': ISO 3166-1 numeric and
alpha-2 (WVS, EVS), and Gallup's own WP5 country ids as Gallup's World Poll files number them
(published with replication data, FAIR-NHH/BSRI data/WP_countryids.csv).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Geography:
    code: str  # ISO alpha-3, or the project's territory id
    name: str
    parent: str | None  # parent country for a territory
    iso_numeric: int | None
    iso_alpha2: str | None
    gallup_wp5: int | None  # Gallup World Poll country id (WP5), not ISO


COUNTRIES: tuple[Geography, ...] = (
    Geography("ALB", "Albania", None, 8, "AL", 83),
    Geography("ARM", "Armenia", None, 51, "AM", 88),
    Geography("AZE", "Azerbaijan", None, 31, "AZ", 90),
    Geography("BLR", "Belarus", None, 112, "BY", 71),
    Geography("BIH", "Bosnia and Herzegovina", None, 70, "BA", 97),
    Geography("GEO", "Georgia", None, 268, "GE", 72),
    Geography("KAZ", "Kazakhstan", None, 398, "KZ", 73),
    Geography("XKX", "Kosovo", None, 412, "XK", 198),
    Geography("KGZ", "Kyrgyz Republic", None, 417, "KG", 74),
    Geography("MDA", "Moldova", None, 498, "MD", 75),
    Geography("MNE", "Montenegro", None, 499, "ME", 154),
    Geography("MKD", "North Macedonia", None, 807, "MK", 145),
    Geography("SRB", "Serbia", None, 688, "RS", 173),
    Geography("TJK", "Tajikistan", None, 762, "TJ", 185),
    Geography("TKM", "Turkmenistan", None, 795, "TM", 191),
    Geography("UKR", "Ukraine", None, 804, "UA", 77),
    Geography("UZB", "Uzbekistan", None, 860, "UZ", 195),
)

TERRITORIES: tuple[Geography, ...] = (
    Geography("ABK", "Abkhazia", "GEO", None, None, None),
    Geography("SOS", "South Ossetia", "GEO", None, None, None),
    Geography("TRN", "Transnistria", "MDA", None, None, None),
    Geography("CRM", "Crimea", "UKR", None, None, None),
    Geography("DNR", "Donetsk", "UKR", None, None, None),
    Geography("LNR", "Luhansk", "UKR", None, None, None),
    Geography("NKR", "Nagorno-Karabakh", "AZE", None, None, None),
)

ALL: tuple[Geography, ...] = COUNTRIES + TERRITORIES
BY_CODE: dict[str, Geography] = {g.code: g for g in ALL}
