"""The media generator's accession-number scan finds what a regex scan of the text finds."""

from __future__ import annotations

import re

import pytest

from sample_data.media import _accession_numbers

FINDALL = re.compile(r"[A-Z0-9]{8}\d{8}e[0-9a-z]{3}\d{4}[a-z]").findall
TEXTS = [
    "KAZINF0020170101eccm0201d",
    '{"an": "TASS000020190312efci0042k", "body": "Более 345 человек, 20170101e"}',
    "xKAZINF0020170101eccm0201dKAZINF0020170101eccm0201d,RUSTOD0020210101ehb10007q",
    "1234567890123456789e1230000a 12345678e123 AAAAAAA12345678eabc1234a",
    "AAAAAAAA12345678e12x1234a KAZINF00201701011eccm0201d KAZINF0020170101eccm0201",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_as_regex_findall(text: str) -> None:
    assert _accession_numbers(("\ufeff" + text).encode()) == FINDALL(text)
