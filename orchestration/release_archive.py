"""Past releases kept on disk (``releases/<release_id>.duckdb`` beside the published file), so an
operator can compare releases and roll back to one.

Each release is kept as it is published: a hard link of the published file (no copy, no space),
or a copy where the filesystem has no hard links. Keeping is best effort: a full disk or a
refused link leaves that release out of the archive with a warning and never fails or changes
the publish. Retention keeps the current release and the newest ``CIVIC_KEEP_RELEASES`` (default
5) others. A kept release shares its file with the published one while it is current: the
published file is read-only for analysts (``civic query``), never written in place.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

KEEP_ENV = "CIVIC_KEEP_RELEASES"
DEFAULT_KEEP = 5
# '20261202T065603Z-1a2b3c4d': publication time first, so names sort by age.
RELEASE_ID = re.compile(r"^\d{8}T\d{6}Z-[A-Za-z0-9_-]{1,8}$")
TEMPORARY_SUFFIX = ".tmp"


def archive_dir(published_db: Path) -> Path:
    return published_db.parent / "releases"


def kept_path(published_db: Path, release_id: str) -> Path:
    if not RELEASE_ID.match(release_id):  # never a path outside the archive
        raise ValueError(f"not a release id: {release_id!r}")
    return archive_dir(published_db) / f"{release_id}.duckdb"


def kept_release_ids(published_db: Path) -> list[str]:
    """Releases kept on disk, oldest first."""
    folder = archive_dir(published_db)
    if not folder.is_dir():
        return []
    return sorted(
        path.stem
        for path in folder.glob("*.duckdb")
        if RELEASE_ID.match(path.stem) and path.is_file()
    )


def keep_count() -> int:
    """How many releases besides the current one stay on disk (``$CIVIC_KEEP_RELEASES``)."""
    text = os.environ.get(KEEP_ENV, str(DEFAULT_KEEP))
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0:
        raise ValueError(f"{KEEP_ENV} must be a whole number >= 0, not {text!r}")
    return count


def keep(published_db: Path, release_id: str) -> tuple[list[str], list[str]]:
    """Keep the (just published) release and prune the archive; return warnings and the pruned
    release ids. Never raises an OS error: the release is already published, and it stays
    published whatever happens here."""
    warnings, removed = [], []
    try:
        link_or_copy(published_db, kept_path(published_db, release_id))
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        warnings.append(
            f"Release {release_id} is published but not kept for rollback "
            f"({archive_dir(published_db)}): {reason}"
        )
    try:
        removed = prune(published_db, current_id=release_id, keep=keep_count())
    except (OSError, ValueError) as error:
        warnings.append(f"Past releases not pruned: {error}")
    return warnings, removed


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` the same content as ``source`` atomically: a hard link, or a copy (fsynced)
    where links are impossible; a half-written copy is removed, never left under the name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + TEMPORARY_SUFFIX)
    temporary.unlink(missing_ok=True)
    try:
        try:
            os.link(source, temporary)
        except OSError as error:
            if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
                raise
            shutil.copyfile(source, temporary)
            fsync(temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    fsync(target.parent)


def prune(published_db: Path, *, current_id: str | None, keep: int) -> list[str]:
    """Remove kept releases beyond the newest ``keep`` besides the current one (never the
    current), and temporary files a killed process left; return the removed release ids."""
    folder = archive_dir(published_db)
    if not folder.is_dir():
        return []
    for leftover in folder.glob(f"*{TEMPORARY_SUFFIX}"):
        leftover.unlink(missing_ok=True)
    past = [rid for rid in kept_release_ids(published_db) if rid != current_id]
    removed = past[: max(len(past) - keep, 0)]
    for release_id in removed:
        kept_path(published_db, release_id).unlink(missing_ok=True)
    if removed:
        fsync(folder)
    return removed


def fsync(path: Path) -> None:
    """Flush a file's or a directory's (names) changes to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
