"""Respondent-level building blocks shared by every survey generator.

Country-level targets are hit *exactly* (to a small fraction of a percentage point) rather than in
expectation: weights are drawn first, then answers are handed to respondents so that the weighted
share of each answer group equals its target. That keeps the published Kazakhstan figures stable at
their printed rounding for every seed, which sampling noise would not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def rng_for(seed: int, *tags: int | str) -> np.random.Generator:
    """One independent stream per (seed, tags), so adding a sample never shifts another's data."""
    keys = [seed] + [
        tag if isinstance(tag, int) else int.from_bytes(hashlib.blake2b(tag.encode()).digest()[:4])
        for tag in tags
    ]
    return np.random.default_rng(keys)


def make_weights(rng: np.random.Generator, n: int, sigma: float = 0.3) -> np.ndarray:
    """Design-like weights: positive, mean 1, rounded to 6 decimals.

    The rounding happens before calibration, so every format (including CSV text) carries exactly
    the weights the targets were computed with.
    """
    w = np.clip(np.exp(rng.normal(0.0, sigma, n)), 0.2, 4.0)
    return np.round(w / w.mean(), 6)


@dataclass(frozen=True)
class AnswerScale:
    """Answer codes grouped the way estimates collapse them.

    Only group totals are calibrated (e.g. "a great deal" + "quite a lot"); the split inside a group
    is random with the given probabilities.
    """

    groups: tuple[tuple[int, ...], ...]
    split: tuple[tuple[float, ...], ...]
    labels: dict[int, str]


@dataclass(frozen=True)
class Missingness:
    """Item non-response: a per-item rate drawn from `rate`, spread over `codes` by `probs`."""

    codes: tuple[int, ...]
    probs: tuple[float, ...]
    rate: tuple[float, float]
    labels: dict[int, str]


def _pick_weight(
    rng: np.random.Generator, w: np.ndarray, pool: np.ndarray, target: float
) -> np.ndarray:
    """Respondents from `pool` whose weights sum to `target`, to about half the smallest weight."""
    order = rng.permutation(pool)
    cum = np.cumsum(w[order])
    k = int(np.searchsorted(cum, target, side="right"))
    chosen, rest = order[:k], order[k:]
    residual = target - (cum[k - 1] if k else 0.0)
    if rest.size:
        best = rest[np.argmin(np.abs(w[rest] - residual))]
        if abs(w[best] - residual) < residual:
            chosen = np.append(chosen, best)
    return chosen


def simulate_item(
    rng: np.random.Generator,
    w: np.ndarray,
    cumulative: Sequence[float],
    scale: AnswerScale,
    missing: Missingness | None,
) -> np.ndarray:
    """Codes for one item whose weighted group shares among valid answers equal the targets.

    `cumulative` holds the cumulative percentage at each boundary between consecutive groups
    (one fewer than the number of groups).
    """
    n = w.size
    codes = np.zeros(n, dtype=np.int64)
    pool = np.arange(n)
    if missing is not None:
        n_missing = round(n * rng.uniform(*missing.rate))
        gone = rng.choice(n, size=n_missing, replace=False)
        codes[gone] = rng.choice(missing.codes, size=n_missing, p=missing.probs)
        pool = np.setdiff1d(pool, gone)
    total = w[pool].sum()
    bounds = [0.0, *cumulative, 100.0]
    for g, (group, probs) in enumerate(zip(scale.groups, scale.split, strict=True)):
        if g == len(scale.groups) - 1:
            members = pool
        else:
            members = _pick_weight(rng, w, pool, (bounds[g + 1] - bounds[g]) / 100.0 * total)
            pool = np.setdiff1d(pool, members)
        codes[members] = rng.choice(group, size=members.size, p=probs)
    return codes


def fit_mean(values: np.ndarray, target: float, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Shift `values` by one common amount, clipped to [lo, hi], until their mean is `target`.

    Used to place the non-Kazakh countries so a regional mean the report quotes holds exactly while
    each country keeps its own position relative to the others.
    """
    if not np.mean(lo) <= target <= np.mean(hi):
        raise ValueError(f"cannot reach a mean of {target} within the bounds")
    low, high = -100.0, 100.0  # the mean of the clipped values is monotone in the shift
    for _ in range(100):
        mid = (low + high) / 2
        if np.clip(values + mid, lo, hi).mean() < target:
            low = mid
        else:
            high = mid
    return np.clip(values + (low + high) / 2, lo, hi)


def replicate(values: np.ndarray, scale: int) -> np.ndarray:
    """Stack the scale-1 sample `scale` times, which keeps every weighted share identical."""
    return np.tile(values, scale)
