"""Deterministic sample landing data in the sources' real formats.

Real microdata and Factiva text are licensed, so the project ships this generator. It never imports
the pipeline (``ingestion``, ``orchestration``, dbt seeds): the pipeline must compute every figure
from the files, exactly as it would from real deliveries.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_SEED = 20230401


def generate_all(landing_dir: Path, *, scale: int = 1, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every sample source below ``landing_dir`` and return the files written."""
    from sample_data import media, projects, restrictions, surveys

    landing_dir = Path(landing_dir)
    written: list[Path] = []
    written += restrictions.generate(landing_dir, scale=scale, seed=seed)
    written += surveys.generate(landing_dir, scale=scale, seed=seed)
    # registry/, projects/ and the factiva/ article store the projects cite
    written += projects.generate(landing_dir, scale=scale, seed=seed)
    # media/, keywords/ and the TASS/Sputnik/RT deliveries they code, after the projects' factiva/
    written += media.generate(landing_dir, scale=scale, seed=seed)
    return written
