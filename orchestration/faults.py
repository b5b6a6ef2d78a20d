"""Storage faults (a full disk, a read-only filesystem) as one line an operator can act on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from ingestion.database import storage_fault, storage_state


@contextmanager
def storage_faults_fail_the_step(
    step: str, where: Path, aftermath: str, cleanup: Callable[[], None] | None = None
) -> Iterator[None]:
    """Turn a storage fault inside the block into ``dg.Failure("<step> stopped: the disk is full
    (<where>); <aftermath>")``, after ``cleanup``; any other error passes unchanged. A fault is
    told by the error itself or, when a subprocess only reports an exit code (dbt), by the state
    of the filesystem holding ``where`` right after the failure."""
    try:
        yield
    except Exception as error:  # dagster-dbt's own errors are dg.Failure subclasses: judge them too
        fault = storage_fault(error) or storage_state(where)
        if fault is None:
            raise
        if cleanup is not None:
            cleanup()
        raise dg.Failure(f"{step} stopped: {fault} ({where}); {aftermath}") from None
