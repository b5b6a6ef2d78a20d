"""What is in the landing zone: a source's files, their hashes, and files that are no data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ingestion.hashing import file_digest as file_hash

if TYPE_CHECKING:
    from ingestion.landing import LandingSource

# Files that office software and macOS leave beside real ones: never data, never a rejection.
_NOT_DATA = {
    "~$": "Excel owner file (written while the workbook is open in Excel)",
    ".~lock.": "LibreOffice lock file (written while the file is open)",
    "._": "macOS metadata file (AppleDouble, written when copying from a Mac)",
}


def skip_reason(path: Path) -> str | None:
    """Why a landing file is not data (office lock files, macOS metadata), or None."""
    return next((why for prefix, why in _NOT_DATA.items() if path.name.startswith(prefix)), None)


def iter_landing_files(source: LandingSource, landing_dir: Path) -> Iterator[Path]:
    """The source's files below the landing directory, in a stable order (lock files included:
    ``skip_reason`` sets them aside)."""
    folder = landing_dir / source.directory
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in source.suffixes:
                yield path


def scan_landing(source: LandingSource, landing_dir: Path) -> dict[str, str]:
    """Hash every data file of the source: relative path (posix) -> sha256."""
    return {
        path.relative_to(landing_dir).as_posix(): file_hash(path)
        for path in iter_landing_files(source, landing_dir)
        if skip_reason(path) is None
    }


def skipped_files(source: LandingSource, landing_dir: Path) -> dict[str, tuple[str, str]]:
    """Files set aside as not data: relative path -> (reason, content hash)."""
    return {
        path.relative_to(landing_dir).as_posix(): (reason, file_hash(path))
        for path in iter_landing_files(source, landing_dir)
        if (reason := skip_reason(path)) is not None
    }
