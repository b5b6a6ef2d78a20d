"""Survey microdata in the producers' real file formats (see docs/sample-data-surveys.md).

WVS, EVS, the joint EVS/WVS file, the Gallup World Poll and the Central Asia Barometer are
licensed, so the project ships look-alikes: real variable names, codes, value labels, missing-value
conventions and weights, with Kazakhstan (and the regional comparisons the report quotes) calibrated
to the printed figures.
"""

from __future__ import annotations

from pathlib import Path

from sample_data.surveys import cab, gallup, values


def generate(landing_dir: Path, *, scale: int = 1, seed: int) -> list[Path]:
    """Write every survey file below ``landing_dir / "surveys"`` and return their paths.

    ``scale`` stacks the scale-1 sample that many times with fresh respondent ids, so every
    weighted estimate is identical at any scale.
    """
    if scale < 1:
        raise ValueError("scale must be a positive integer")
    surveys_dir = Path(landing_dir) / "surveys"
    written: list[Path] = []
    for module in (values, gallup, cab):
        written += module.generate(surveys_dir, scale=scale, seed=seed)
    return written
