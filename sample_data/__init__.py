"""Deterministic sample landing data in the sources' real formats.

Real microdata and Factiva text are licensed, so the project ships this generator. It never imports
the pipeline (``ingestion``, ``orchestration``, dbt seeds): the pipeline must compute every figure
from the files, exactly as it would from real deliveries.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

DEFAULT_SEED = 20230401


def generate_all(landing_dir: Path, *, scale: int = 1, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every sample source below ``landing_dir`` and return the files written.

    Two forked processes: one writes the restriction sheets and the surveys while this one writes
    the projects and then the media, and both render Factiva article bodies for those. The sources
    share no files, each draws from its own seeded streams and rendered records are written in
    their order, so the bytes do not depend on which process finishes first.
    """
    from sample_data import media, projects

    landing_dir = Path(landing_dir)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        independent = pool.submit(_restrictions_and_surveys, landing_dir, scale, seed)
        # registry/, projects/ and the factiva/ article store the projects cite
        written = projects.generate(landing_dir, scale=scale, seed=seed, executor=pool)
        # media/, keywords/ and the TASS/Sputnik/RT deliveries they code, after projects' factiva/
        written += media.generate(landing_dir, scale=scale, seed=seed, executor=pool)
        return independent.result() + written


def _restrictions_and_surveys(landing_dir: Path, scale: int, seed: int) -> list[Path]:
    from sample_data import restrictions, surveys

    written = restrictions.generate(landing_dir, scale=scale, seed=seed)
    return written + surveys.generate(landing_dir, scale=scale, seed=seed)
