"""Encoding and delimiter of delimited text files as the region's researchers really save them.

Excel in Russian and most European locales saves "CSV" as Windows-1251/1250 text separated by
``;``; "CSV UTF-8" adds a BOM; "Unicode text" is UTF-16 with tabs. Coding sheets and survey CSVs
share this detection so that a file is either read correctly or rejected with a fix, never
decoded into mojibake.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ingestion.errors import ContractViolation, Issue

DELIMITERS = (",", ";", "\t")
# The Windows ("ANSI") code pages of the region's Office locales: Cyrillic (Russian, Ukrainian,
# Belarusian, Central Asian, Macedonian, Serbian), Central European (Albanian, Bosnian,
# Montenegrin, Serbian Latin), Western, Turkish/Azerbaijani. Other legacy encodings are rare
# enough that a re-save is the better answer than a riskier guess.
LEGACY_CODEPAGES = ("cp1251", "cp1250", "cp1252", "cp1254")
# A different reading of the bytes must be at least this much messier (charset-normalizer's
# "chaos", the share of implausible characters) for the best reading to count as confident.
CONFIDENCE_MARGIN = 0.05
MAX_CHAOS = 0.1
EVIDENCE_BYTES = 64 * 1024  # non-ASCII lines handed to the detector
SNIFF_BYTES = 64 * 1024
SNIFF_RECORDS = 50
_CHUNK = 1 << 20
_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
RESAVE = "re-save the file as UTF-8 (Excel: Save As > 'CSV UTF-8 (Comma delimited)')"


@dataclass(frozen=True)
class CsvFormat:
    """How to open a delimited text file: ``path.open(encoding=...)`` + ``csv`` or pandas ``sep``.

    ``encoding`` is a Python codec name that also drops a byte-order mark (``utf-8-sig``,
    ``utf-16``), so a reader never sees the BOM glued to the first column name.
    """

    encoding: str
    delimiter: str


def detect_csv_format(path: Path) -> CsvFormat:
    """The file's encoding (see ``detect_encoding``) and its delimiter (``,``, ``;`` or tab).

    Raises ContractViolation (naming the file and the fix) when the encoding cannot be told.
    """
    encoding = detect_encoding(path)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return CsvFormat(encoding, sniff_delimiter(decoder.decode(head, final=False)))


def detect_encoding(path: Path) -> str:
    """A byte-order mark decides; else strict UTF-8 over the whole file (the fast, usual case);
    else a Windows code page, only when charset-normalizer's readings of the bytes agree.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if encoding == "utf-8-sig":
                bad = _first_invalid_utf8(path)
                if bad is not None:
                    raise _violation(path, f"starts as UTF-8 but byte {bad} is not UTF-8")
            return encoding
    bad = _first_invalid_utf8(path)
    return "utf-8" if bad is None else _legacy_encoding(path, bad)


def _first_invalid_utf8(path: Path) -> int | None:
    """Offset of the first byte that breaks strict UTF-8, streaming so big files stay cheap."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
                offset += len(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            return offset + error.start - len(decoder.getstate()[0])
    return None


def _legacy_encoding(path: Path, bad: int) -> str:
    """A Windows code page that reads the file's non-ASCII lines as text, or a rejection."""
    lines = _non_ascii_lines(path)
    if any(_is_utf8(line) for line in lines):
        raise _violation(path, f"mixes UTF-8 with another encoding (byte {bad} is not UTF-8)")
    evidence = b"".join(lines)
    matches = list(
        from_bytes(
            evidence,
            cp_isolation=list(LEGACY_CODEPAGES),
            threshold=MAX_CHAOS,
            enable_fallback=False,
        )
    )
    if not matches:
        raise _violation(path, "is not UTF-8 and no Windows code page reads it as text")
    best, text = matches[0], evidence.decode(matches[0].encoding)
    rivals = [
        match.encoding
        for match in matches[1:]
        if match.chaos < best.chaos + CONFIDENCE_MARGIN and evidence.decode(match.encoding) != text
    ]
    if rivals:
        guesses = " or ".join(sorted([best.encoding, *rivals]))
        raise _violation(path, f"is not UTF-8 and its encoding cannot be told ({guesses}?)")
    return best.encoding


def _non_ascii_lines(path: Path) -> list[bytes]:
    """The evidence: ASCII lines read the same in every candidate encoding, so skip them."""
    lines, size = [], 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.isascii():
                lines.append(line)
                size += len(line)
                if size >= EVIDENCE_BYTES:
                    break
    return lines


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _violation(path: Path, problem: str) -> ContractViolation:
    return ContractViolation([Issue(path.name, f"text {problem}: {RESAVE}")])


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most consistent columns.

    Parsed with ``csv`` (quotes respected) under each candidate; a candidate scores the number
    of records sharing its most common field count times (that count - 1), so a title line or
    commas inside a ``;``-separated summary do not win. Ties keep the order of DELIMITERS.
    """
    if "\n" in text:
        text = text[: text.rindex("\n") + 1]  # the sample may end inside a record
    best, best_score = DELIMITERS[0], 0
    for delimiter in DELIMITERS:
        try:
            records = csv.reader(io.StringIO(text), delimiter=delimiter)
            widths = Counter(
                len(record)
                for record in itertools.islice(records, SNIFF_RECORDS)
                if any(cell.strip() for cell in record)
            )
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        score = count * (width - 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best
