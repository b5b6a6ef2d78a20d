"""Countries outside the programme that the cross-national files carry as well.

WVS, EVS, the joint EVS/WVS file and the Gallup World Poll ship every surveyed country in one
file. The sample puts a few real non-programme countries in each of those files, with their real
ISO 3166-1 numeric/alpha-2 codes and Gallup WP5 codes, so a reader must recognise them and set
them aside. Their answers are drawn around the same centres as the region's but never calibrated:
they enter no programme estimate, and their random streams are their own, so adding them leaves
every programme country's data unchanged.

The generator's own list, like ``sample_data.geographies``: it shares nothing with the pipeline.
"""

from __future__ import annotations

from sample_data import geographies
from sample_data.geographies import Geography

# ISO numeric and alpha-2 per ISO 3166-1. WP5 codes as Gallup's World Poll files number these
# countries (Gallup World Poll 2018 country ids, published with replication data: FAIR-NHH/BSRI
# data/WP_countryids.csv).
OTHERS: tuple[Geography, ...] = (
    Geography("DEU", "Germany", None, 276, "DE", 14),
    Geography("USA", "United States", None, 840, "US", 1),
    Geography("JPN", "Japan", None, 392, "JP", 29),
    Geography("BRA", "Brazil", None, 76, "BR", 33),
    Geography("TUR", "Turkey", None, 792, "TR", 8),
    Geography("NGA", "Nigeria", None, 566, "NG", 35),
    Geography("FRA", "France", None, 250, "FR", 13),
    Geography("POL", "Poland", None, 616, "PL", 19),
    Geography("SWE", "Sweden", None, 752, "SE", 23),
    Geography("MEX", "Mexico", None, 484, "MX", 34),
)
BY_CODE: dict[str, Geography] = {g.code: g for g in OTHERS}
N = 500  # respondents per non-programme country sample at scale 1
GALLUP = ("DEU", "FRA", "JPN", "BRA", "TUR", "NGA", "USA")  # in every Gallup year


def country(code: str) -> Geography:
    """A programme country or one of the others."""
    return geographies.BY_CODE.get(code) or BY_CODE[code]


def iso_labels() -> dict[int, str]:
    """ISO numeric -> English name for every country a WVS/EVS country variable labels."""
    return {g.iso_numeric: g.name for g in (*geographies.COUNTRIES, *OTHERS)}


def wp5_labels() -> dict[int, str]:
    """Gallup WP5 code -> English name for every country a Gallup file labels."""
    coded = [g for g in (*geographies.COUNTRIES, *OTHERS) if g.gallup_wp5]
    labels = {g.gallup_wp5: g.name for g in coded}
    if len(labels) != len(coded):
        raise ValueError("two countries share a Gallup WP5 code")
    return labels
