#!/usr/bin/env python3
"""Write the ``iso_countries`` reference seed from the maintained ``pycountry`` package.

Every ISO 3166-1 country with its alpha-2, alpha-3 and numeric code and English names, so survey
files that ship every surveyed country in one file (WVS, EVS, the joint EVS/WVS file, Gallup)
are recognised country by country. The pipeline reads only the checked-in seed, never pycountry:
re-run this script after upgrading pycountry (a dev dependency) and review the diff.

    .venv/bin/python scripts/generate_iso_countries.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import pycountry

SEED = Path(__file__).resolve().parents[1] / "dbt_project/seeds/reference/iso_countries.csv"
COLUMNS = (
    "iso_alpha2",
    "iso_alpha3",
    "iso_numeric",
    "country_name",
    "common_name",
    "official_name",
)


def render() -> str:
    """The seed's text: one row per country by alpha-3, numeric codes without zero padding."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        writer.writerow(
            (
                country.alpha_2,
                country.alpha_3,
                int(country.numeric),
                country.name,
                getattr(country, "common_name", ""),
                getattr(country, "official_name", ""),
            )
        )
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the seed differs from pycountry"
    )
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = SEED.read_text(encoding="utf-8") if SEED.exists() else ""
        if current != text:
            print(f"{SEED} is not what pycountry {pycountry.__version__} gives", file=sys.stderr)
            return 1
        return 0
    SEED.write_text(text, encoding="utf-8")
    print(
        f"wrote {text.count(chr(10)) - 1} countries to {SEED} (pycountry {pycountry.__version__})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
