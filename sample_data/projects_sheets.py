# ruff: noqa: RUF001
"""Writers for the registry lists and the project coding sheets, with the coders' noise.

Every written name resolves to exactly one registry entry after the contract's normalisation:
the noise only changes case, doubles spaces, swaps straight quotes for typographic ones and
hyphens for dashes, or writes an alias.
"""

from __future__ import annotations

import csv
import itertools
import random
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sample_data import xlsx

FIXED_TIME = datetime(2021, 9, 1, 9, 0, 0)  # workbook and zip timestamps, for stable bytes
CYRILLIC = re.compile("[А-Яа-яЁё]")
QUOTES = (("“", "”"), ("«", "»"), ("„", "“"))
DASHES = ("–", "—", "‑")


def spell(rng: random.Random, name: str, aliases: Sequence[str], *, russian: bool = False,
          cp1251: bool = False) -> str:  # fmt: skip
    """One written form of a registry name, as a coder types it."""
    cyrillic = [a for a in aliases if CYRILLIC.search(a)]
    latin = [a for a in aliases if not CYRILLIC.search(a)]
    if russian and cyrillic and rng.random() < 0.6:
        written = rng.choice(cyrillic)
    elif latin and rng.random() < 0.15:
        written = rng.choice(latin)
    else:
        written = name
    roll = rng.random()
    if roll < 0.04:
        written = written.upper()
    elif roll < 0.09:
        written = written.lower()
    elif roll < 0.15 and " " in written:
        written = written.replace(" ", "  ", 1)
    elif roll < 0.18:
        written = written + " "
    if '"' in written and rng.random() < 0.5:
        opening, closing = rng.choice(QUOTES)
        written = re.sub(r'"([^"]*)"', lambda m: f"{opening}{m.group(1)}{closing}", written)
    if "'" in written and rng.random() < 0.4:
        written = written.replace("'", "’")
    if "-" in written and rng.random() < 0.2:
        written = written.replace("-", rng.choice(DASHES[:2] if cp1251 else DASHES), 1)
    return written


def join(rng: random.Random, values: Sequence[str]) -> str:
    return rng.choice(("|", " | ", "|", "| ")).join(values)


def write_table(path: Path, header: Sequence[str], rows: list[list[Any]], layout: str,
                title: str = "") -> Path:  # fmt: skip
    """``layout``: csv, csv_bom, csv_bom_semicolon, csv_cp1251, xlsx or xlsx_titled."""
    if layout.startswith("xlsx"):
        _write_xlsx(path, header, rows, title if layout == "xlsx_titled" else "")
        return path
    encoding, delimiter = {
        "csv": ("utf-8", ","),
        "csv_bom": ("utf-8-sig", ","),
        "csv_bom_semicolon": ("utf-8-sig", ";"),
        "csv_cp1251": ("cp1251", ";"),
    }[layout]
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _write_xlsx(path: Path, header: Sequence[str], rows: list[list[Any]], title: str) -> None:
    top = [[title], header] if title else [header]
    cells = ([None if value == "" else value for value in row] for row in rows)
    xlsx.write_workbook(path, [("projects", itertools.chain(top, cells))], saved=FIXED_TIME,
                        creator="civic space coders")  # fmt: skip
