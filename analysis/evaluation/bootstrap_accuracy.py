"""How close the computed bootstrap intervals are to Monte Carlo ones.

:func:`analysis.sentiment.aggregate_sentiment` gives each paragraph and
article a percentile bootstrap interval of its mean sentence compound,
computed by :mod:`analysis.core.bootstrap` (exact enumeration up to a few
sentences, saddlepoint beyond) instead of drawn.  :func:`interval_accuracy`
takes real groups (sentence compounds by paragraph and by article), draws
many random resamples of each as the reference, and measures, as a share of
the reference interval's width, how far from it are (a) the computed limits
and (b) the limits of an ordinary 2,000-draw Monte Carlo bootstrap (what the
package used before); also the time of both for every group.
"""
from __future__ import annotations

import time

import numpy as np
import pandas as pd

from analysis.core.bootstrap import EXACT_MAX_N, draw_clusters, mean_intervals, percentile_interval, seeded_generator

__all__ = ["mc_limits", "interval_accuracy"]


def mc_limits(x: np.ndarray, draws: int, rng: np.random.Generator, alpha: float = 0.025) -> tuple[float, float]:
    """Percentile limits of the mean of ``x`` from ``draws`` Monte Carlo resamples."""
    n = len(x)
    chunk = max(1, 2_000_000 // n)
    # each value is its own cluster
    means = np.concatenate([x[draw_clusters(rng, n, min(chunk, draws - i))].mean(1)
                            for i in range(0, draws, chunk)])
    lo, hi = percentile_interval(means, alpha=alpha)
    return float(lo), float(hi)


def _distances(comp, groups, pick, lo, hi, draws, rng):
    """For the groups ``pick``: distance of the computed and of the 2,000-draw
    limits from the ``draws``-draw reference, as shares of its width."""
    err_c, err_m = [], []
    for i in pick:
        x = comp[groups[i]]
        rlo, rhi = mc_limits(x, draws, rng)
        w = rhi - rlo
        if w <= 0:
            continue
        mlo, mhi = mc_limits(x, 2000, rng)
        err_c.append(max(abs(lo[i] - rlo), abs(hi[i] - rhi)) / w)
        err_m.append(max(abs(mlo - rlo), abs(mhi - rhi)) / w)
    return np.array(err_c), np.array(err_m)


def interval_accuracy(sentences: pd.DataFrame, *, groups: int = 100, draws: int = 400_000,
                      seed: int = 20261128) -> list[dict]:
    """One dict per level (``paragraph``, ``article``) of ``sentences``
    (:func:`analysis.sentiment.sentence_sentiment` rows): ``level``,
    ``groups``, ``t_computed`` and ``t_mc`` (seconds for every group), and
    ``classes``: per size class (exact, saddlepoint) ``name``, ``n`` and the
    arrays ``computed`` and ``mc`` of distances (see :func:`_distances`) for
    up to ``groups`` random groups."""
    sentences = sentences.sort_values(["article_id", "sentence"], kind="stable")
    comp = sentences["compound"].to_numpy(float)
    rng = seeded_generator(seed)
    out = []
    for level, keys in (("paragraph", ["article_id", "paragraph"]), ("article", ["article_id"])):
        members = [v for v in sentences.groupby(keys, sort=False).indices.values()]
        sizes = np.array([len(v) for v in members])
        flat = np.concatenate([comp[v] for v in members])
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        t0 = time.perf_counter()
        lo, hi = mean_intervals(flat, offsets)
        t_computed = time.perf_counter() - t0
        t0 = time.perf_counter()
        for v in members:
            if len(v) > 1:
                mc_limits(comp[v], 2000, rng)
        res = {"level": level, "groups": len(members), "t_computed": t_computed,
               "t_mc": time.perf_counter() - t0, "classes": []}
        for name, sel in (("exact (n <= %d)" % EXACT_MAX_N, (sizes >= 2) & (sizes <= EXACT_MAX_N)),
                          ("saddlepoint (n > %d)" % EXACT_MAX_N, sizes > EXACT_MAX_N)):
            cand = [i for i in np.flatnonzero(sel) if np.ptp(comp[members[i]]) > 0]
            if not cand:
                continue
            pick = rng.choice(cand, size=min(groups, len(cand)), replace=False)
            err_c, err_m = _distances(comp, members, pick, lo, hi, draws, rng)
            res["classes"].append({"name": name, "n": len(err_c), "computed": err_c, "mc": err_m})
        out.append(res)
    return out
