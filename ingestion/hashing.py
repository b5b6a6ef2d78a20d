"""The one way the warehouse fingerprints files: a landing file, a reader, the dbt project, code.

Every fingerprint is SHA-256 over each file's path (relative to a base folder, so a moved checkout
keeps its fingerprints) and content, in path order: a changed, added, removed or renamed file
changes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

_BLOCK = 1 << 20


def file_digest(path: Path) -> str:
    """SHA-256 of one file's content, read in blocks (landing files can be gigabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def files_digest(files: Iterable[Path], base: Path, *, salt: str = "") -> str:
    """SHA-256 over ``salt`` and each file's path below ``base`` and content, in path order."""
    digest = hashlib.sha256(salt.encode())
    for path in sorted(files):
        digest.update(path.relative_to(base).as_posix().encode())
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(_BLOCK), b""):
                digest.update(block)
    return digest.hexdigest()


def tree_files(root: Path, suffixes: Iterable[str], *, skip: Iterable[str] = ()) -> list[Path]:
    """Files below ``root`` (or ``root`` itself) with one of ``suffixes``, none inside a folder
    named in ``skip`` (build output, caches)."""
    if root.is_file():
        return [root]
    wanted, skipped = set(suffixes), {"__pycache__", *skip}
    return [
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix in wanted
        and not skipped.intersection(path.relative_to(root).parts)
    ]
