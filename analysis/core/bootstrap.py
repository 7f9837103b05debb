"""Percentile bootstrap intervals of means, computed rather than sampled.

The percentile bootstrap interval of a mean at level ``ci`` is
``[G^-1(a), G^-1(1 - a)]`` with ``a = (1 - ci) / 2``, where ``G`` is the
*bootstrap distribution*: the distribution of the mean of ``n`` values drawn
with replacement from the ``n`` observed values (Efron & Tibshirani 1993,
ch. 13).  Monte Carlo (``B`` random resamples) only estimates ``G``; for the
mean of one group of values ``G`` can be had without random draws, which is
faster by orders of magnitude and has no Monte Carlo error:

* **shares** (the mean of 0/1 values, ``k`` ones out of ``n``): ``G`` is
  exactly ``Binomial(n, k/n) / n``, so the limits are binomial quantiles;
* **means of n <= 7 values**: ``G`` is enumerated exactly: every one of the
  ``C(2n-1, n)`` distinct resamples (at most 1,716) with its multinomial
  probability (Fisher & Hall 1991, "Bootstrap algorithms for small samples");
* **means of n >= 8 values**: ``G`` is the Lugannani-Rice saddlepoint
  approximation of the resampled mean's distribution (Davison & Hinkley 1988,
  "Saddlepoint approximations in resampling methods", Biometrika 75:417-431;
  Davison & Hinkley 1997, *Bootstrap Methods*, sec. 9.5), whose relative error
  is O(n^-3/2).  Against 400,000 Monte Carlo resamples of real article and
  paragraph tone (``benchmarks/bootstrap_accuracy.py``) its limits differ by
  less than the Monte Carlo error of the usual 2,000-draw interval.

``G^-1(q)`` is the smallest value ``t`` with ``G(t) >= q`` (for the discrete
exact distributions) and the root of ``G(t) = q`` (saddlepoint).  Fewer than
two values give no interval (NaN), as with random resampling.

Everything is vectorised over many groups at once: a group is a run of
consecutive values, given by ``offsets`` (the start of each group in the flat
array, as for :func:`numpy.add.reduceat`).

Where a statistic has no computed distribution (a mean over clusters of
unequal size, a correlation, shares with a distinct-source count), the
package resamples by Monte Carlo with the primitives at the end of this
module, each caller keeping its own statistic:

* :func:`seeded_generator`: the random stream, from a seed and, optionally,
  the key of the group, so a group's interval does not depend on the others;
* :func:`draw_clusters`: which clusters (articles, editorials; or single
  values) each resample takes, drawn with replacement;
* :func:`cluster_resamples`: the row indices of each resample of clusters;
* :func:`cluster_weights`: how many times each cluster is drawn, within
  strata (a multinomial per stratum), for statistics that are weighted sums;
* :func:`percentile_interval`: the percentile limits of the replicates.
"""
from __future__ import annotations

import functools
import math
import zlib
from typing import Iterator, Sequence

import numpy as np

# Only numpy and math: scipy.special alone takes a third of a second to
# import, in every worker process, for three functions.

__all__ = ["mean_intervals", "share_intervals", "EXACT_MAX_N", "seeded_generator", "draw_clusters",
           "cluster_resamples", "cluster_weights", "percentile_interval"]

#: groups up to this size are enumerated exactly; larger ones use the saddlepoint
EXACT_MAX_N = 7
_BISECTIONS = 60


def _check_ci(ci: float) -> float:
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    return (1 - ci) / 2


def _binom_ppf(q: float, n: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Smallest ``k`` with ``P(Binomial(n, p) <= k) >= q`` (the quantile
    ``scipy.stats.binom.ppf`` gives, which a test checks on 16,000 cases)."""
    return _binom_ppfs((q,), n, p)[0]


def _binom_ppfs(qs: Sequence[float], n: np.ndarray, p: np.ndarray) -> list[np.ndarray]:
    """:func:`_binom_ppf` for each of ``qs``, from one CDF per group.

    The CDF is the running sum of the probabilities
    ``exp(lgamma(n+1) - lgamma(k+1) - lgamma(n-k+1) + k log p + (n-k) log(1-p))``;
    a CDF equal to ``q`` up to rounding (relative 1e-12, as for the exact
    limits) counts as reached.  Groups are taken in order of size, as many at
    a time as fit in a table of about a million probabilities (row ``i``
    holds group ``i``'s, padded with zeros after its ``n``: every number is the
    same whichever other groups share the table)."""
    n = np.asarray(n, dtype=float)
    p = np.asarray(p, dtype=float)
    outs = [np.zeros(n.shape) for _ in qs]
    if not n.size:
        return outs
    lgam = np.array([math.lgamma(k + 1) for k in range(int(n.max()) + 1)])
    reach = [q * (1 - 1e-12) for q in qs]
    order = np.argsort(n, kind="stable")
    a = 0
    while a < len(order):
        b = a + 1
        while b < len(order) and (b + 1 - a) * (int(n[order[b]]) + 1) <= 1_000_000:
            b += 1
        sel = order[a:b]
        m = n[sel].astype(np.int64)[:, None]
        width = int(m.max()) + 1
        k = np.arange(width)[None, :]
        pp = p[sel][:, None]
        inside = k <= m
        mk = np.where(inside, m - k, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            logpmf = (lgam[m] - lgam[np.minimum(k, m)] - lgam[mk]
                      + np.where(k > 0, k * np.log(pp), 0.0) + np.where(k < m, (m - k) * np.log1p(-pp), 0.0))
        pmf = np.where(inside, np.exp(logpmf), 0.0)
        cdf = np.cumsum(pmf, axis=1)
        mf = m[:, 0].astype(float)
        for out, r in zip(outs, reach):
            reached = (cdf >= r) & inside
            k_q = np.where(reached.any(axis=1), np.argmax(reached, axis=1), mf).astype(float)
            out[sel] = np.where(pp[:, 0] <= 0, 0.0, np.where(pp[:, 0] >= 1, mf, k_q))
        a = b
    return outs


_SQRT1_2 = math.sqrt(0.5)


def ndtr(x: np.ndarray) -> np.ndarray:
    """Standard normal CDF element-wise, computed as Cephes' ``ndtr``
    (scipy.special) does: ``1/2 + erf(x/sqrt 2)/2`` near 0 and from ``erfc``
    in the tails, where ``1 + erf`` would lose the digits (``math.erf`` and
    ``math.erfc``; NaN stays NaN)."""
    t = np.asarray(x, dtype=float) * _SQRT1_2
    a = np.abs(t)
    near = a < _SQRT1_2  # False for NaN, which erfc passes through
    out = np.empty(t.shape)
    out[near] = 0.5 + 0.5 * np.fromiter(map(math.erf, t[near].tolist()), float, int(near.sum()))
    far = ~near
    y = 0.5 * np.fromiter(map(math.erfc, a[far].tolist()), float, int(far.sum()))
    out[far] = np.where(t[far] > 0, 1.0 - y, y)
    return out


def share_intervals(k: np.ndarray, n: np.ndarray, ci: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap percentile limits of shares ``k / n`` (exact: binomial quantiles).

    ``k``: number of units with the property, ``n``: number of units, per
    group.  NaN where ``n < 2``."""
    alpha = _check_ci(ci)
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    ok = n >= 2
    lo = np.full(k.shape, np.nan)
    hi = np.full(k.shape, np.nan)
    if ok.any():
        nn, p = n[ok], k[ok] / n[ok]
        k_lo, k_hi = _binom_ppfs((alpha, 1 - alpha), nn, p)
        lo[ok], hi[ok] = k_lo / nn, k_hi / nn
    return lo, hi


@functools.cache
def _compositions(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every way of drawing ``n`` times from ``n`` items as counts (K, n), and
    the multinomial probability of each (K,)."""
    rows: list[tuple[int, ...]] = []

    def rec(prefix: list[int], left: int, slots: int):
        if slots == 1:
            rows.append(tuple(prefix + [left]))
            return
        for c in range(left, -1, -1):
            rec(prefix + [c], left - c, slots - 1)

    rec([], n, n)
    counts = np.array(rows, dtype=np.int64)
    logp = (math.lgamma(n + 1) - np.sum([[math.lgamma(c + 1) for c in r] for r in rows], axis=1)
            - n * math.log(n))
    return counts.astype(float), np.exp(logp)


def _exact_limits(x: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Limits for G groups of the same size n (x: (G, n)) by enumeration."""
    g, n = x.shape
    counts, prob = _compositions(n)
    # Each mean as a sum of n products added in order, not a matrix product:
    # BLAS picks its kernels by the shape of the whole product, so a group's
    # limits would change in the last bit with the other groups of its batch.
    cols = counts.T.copy()  # (n, K)
    means = x[:, :1] * cols[0]
    for j in range(1, n):
        means += x[:, j:j + 1] * cols[j]
    means /= n  # (G, K)
    order = np.argsort(means, axis=1, kind="stable")
    sorted_means = np.take_along_axis(means, order, axis=1)
    cum = np.cumsum(prob[order], axis=1)
    tol = 1e-12  # the probabilities are sums of floats; a tie at exactly alpha counts as reached
    i_lo = np.argmax(cum >= alpha - tol, axis=1)
    i_hi = np.argmax(cum >= 1 - alpha - tol, axis=1)
    rows = np.arange(g)
    return sorted_means[rows, i_lo], sorted_means[rows, i_hi]


def _saddlepoint_limits(y: np.ndarray, offsets: np.ndarray, sizes: np.ndarray,
                        alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Saddlepoint limits of the resampled mean of standardised values.

    ``y`` is flat, standardised per group (mean 0, population variance 1).
    For a tilt ``xi`` the resampled sum has cumulant generating function
    ``K(xi) = n log(mean_j exp(xi y_j))``; its saddlepoint is the tilted mean
    ``mu(xi)`` (times n) and Lugannani-Rice gives
    ``G = Phi(w) + phi(w) (1/w - 1/u)`` with ``w = sign(xi) sqrt(2 n (xi mu - k))``,
    ``u = xi sqrt(n var(xi))``.  ``G`` rises with ``xi``, so each limit is found
    by bisection on ``xi``; the limit is ``mu`` at that ``xi``.  Both limits
    of every group are found in one bisection over the groups taken twice
    (half the numpy calls; each number is computed as it would be alone)."""
    g = len(sizes)
    offsets = np.concatenate([offsets, offsets + len(y)])
    y = np.concatenate([y, y])
    sizes = np.concatenate([sizes, sizes])
    n = sizes.astype(float)
    owner = np.repeat(np.arange(2 * g), sizes)  # group of each value: v[owner] is np.repeat(v, sizes)
    two_n, sqrt_2pi = 2 * n, math.sqrt(2 * math.pi)

    def tilt(xi):
        a = xi[owner] * y
        top = np.maximum.reduceat(a, offsets)
        e = np.exp(a - top[owner])
        z = np.add.reduceat(e, offsets)
        ey = e * y
        mu = np.add.reduceat(ey, offsets) / z
        m2 = np.add.reduceat(ey * y, offsets) / z
        k = np.log(z / n) + top
        var = np.maximum(m2 - mu * mu, 0.0)
        w = np.sign(xi) * np.sqrt(np.maximum(two_n * (xi * mu - k), 0.0))
        u = xi * np.sqrt(n * var)
        cdf = ndtr(w) + np.exp(-0.5 * w * w) / sqrt_2pi * (1 / w - 1 / u)
        return mu, cdf

    # the first g rows seek the lower limit, the other g the upper one
    lower = np.arange(2 * g) < g
    target = np.where(lower, alpha, 1 - alpha)
    # the root lies between xi = 0 (G about 1/2) and a tilt far in the tail
    near = np.zeros(2 * g)
    far = np.where(lower, -1.0, 1.0) * 40.0 / np.sqrt(n)
    with np.errstate(invalid="ignore", divide="ignore"):  # once, not in every tilt
        for _ in range(_BISECTIONS):
            mid = (near + far) / 2
            _, cdf = tilt(mid)
            past = np.where(lower, cdf < target, cdf > target)
            far = np.where(past, mid, far)
            near = np.where(past, near, mid)
        mu, _ = tilt((near + far) / 2)
    return mu[:g], mu[g:]


def mean_intervals(values: np.ndarray, offsets: np.ndarray, ci: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap percentile limits of the mean of each group of ``values``.

    ``values``: flat float array, groups stored consecutively; ``offsets``:
    start of each group (increasing, first 0).  Returns ``(low, high)``, one
    entry per group; NaN for groups of fewer than two values (or with a NaN).
    Exact for groups of up to :data:`EXACT_MAX_N` values, saddlepoint beyond
    (see the module docstring)."""
    alpha = _check_ci(ci)
    x = np.asarray(values, dtype=float)
    offsets = np.asarray(offsets, dtype=np.int64)
    g = len(offsets)
    lo = np.full(g, np.nan)
    hi = np.full(g, np.nan)
    if not g:
        return lo, hi
    sizes = np.diff(np.append(offsets, len(x)))
    if (sizes < 0).any() or offsets[0] != 0:
        raise ValueError("offsets must start at 0 and increase")
    nonempty = sizes > 0
    sums = np.zeros(g)
    sums[nonempty] = np.add.reduceat(x, offsets[nonempty])
    mean = np.divide(sums, sizes, out=np.full(g, np.nan), where=sizes > 0)
    owner = np.repeat(np.arange(g), sizes)
    dev = x - mean[owner]
    sq = np.zeros(g)
    sq[nonempty] = np.add.reduceat(dev * dev, offsets[nonempty])
    sd = np.sqrt(np.divide(sq, sizes, out=np.zeros(g), where=sizes > 0))
    usable = (sizes >= 2) & np.isfinite(mean)
    # all values equal: every resample has the same mean
    flat = usable & (sd <= 1e-12 * np.maximum(np.abs(mean), 1.0))
    lo[flat] = hi[flat] = mean[flat]
    todo = usable & ~flat
    for n in range(2, EXACT_MAX_N + 1):
        sel = np.flatnonzero(todo & (sizes == n))
        if len(sel):
            xs = x[offsets[sel][:, None] + np.arange(n)]
            lo[sel], hi[sel] = _exact_limits(xs, alpha)
    big = np.flatnonzero(todo & (sizes > EXACT_MAX_N))
    if len(big):
        b_sizes = sizes[big]
        b_offsets = np.concatenate([[0], np.cumsum(b_sizes)[:-1]])
        b_owner = np.repeat(np.arange(len(big)), b_sizes)
        idx = np.arange(int(b_sizes.sum())) - b_offsets[b_owner] + offsets[big][b_owner]
        y = (x[idx] - mean[big][b_owner]) / sd[big][b_owner]
        y_lo, y_hi = _saddlepoint_limits(y, b_offsets, b_sizes, alpha)
        lo[big] = mean[big] + sd[big] * y_lo
        hi[big] = mean[big] + sd[big] * y_hi
    return lo, hi


# ---------------------------------------------------------------------------
# Monte Carlo resampling: the shared primitives


def seeded_generator(seed: int, key=None) -> np.random.Generator:
    """A numpy generator from ``seed`` alone (``key`` None) or from ``seed``
    and a group's ``key`` (any value with a stable ``repr``: its CRC-32 is
    the second word of the seed), so that a group's draws do not change when
    other groups are added or reordered."""
    if key is None:
        return np.random.default_rng(seed)
    return np.random.default_rng([int(seed), zlib.crc32(repr(key).encode("utf-8"))])


def draw_clusters(rng: np.random.Generator, n_clusters: int, n_draws: int | None = None) -> np.ndarray:
    """Cluster numbers ``0 .. n_clusters - 1`` drawn with replacement,
    ``n_clusters`` per resample: one resample (shape ``(n_clusters,)``) when
    ``n_draws`` is None, else ``n_draws`` of them in one call (shape
    ``(n_draws, n_clusters)``).  The two are different streams: numpy's
    bounded integers do not carry their buffer from one call to the next."""
    return rng.integers(0, n_clusters, n_clusters if n_draws is None else (n_draws, n_clusters))


def cluster_resamples(groups: Sequence, n_boot: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Row indices of ``n_boot`` cluster-bootstrap resamples: each draws as
    many clusters (the distinct values of ``groups``, in order of first
    appearance) as there are, with replacement (:func:`draw_clusters`, one
    call per resample), and takes every row of each drawn cluster."""
    import pandas as pd  # only here: the rest of the module needs numpy alone

    codes, uniq = pd.factorize(pd.Series(groups))
    members = [np.flatnonzero(codes == k) for k in range(len(uniq))]
    for _ in range(n_boot):
        yield np.concatenate([members[k] for k in draw_clusters(rng, len(uniq))])


def cluster_weights(rng: np.random.Generator, strata: Sequence[np.ndarray], n_clusters: int) -> np.ndarray:
    """One resample as weights: how many times each of ``n_clusters``
    clusters is drawn when each stratum (an array of cluster numbers) draws
    as many as it has, with replacement (a multinomial with equal
    probabilities per stratum, in the order of ``strata``)."""
    w = np.zeros(n_clusters)
    for members in strata:
        w[members] = rng.multinomial(len(members), np.full(len(members), 1.0 / len(members)))
    return w


def percentile_interval(replicates, ci: float = 0.95, *, axis: int | None = None,
                        alpha: float | None = None) -> np.ndarray:
    """The percentile bootstrap limits ``[low, high]`` of ``replicates``:
    the ``alpha`` and ``1 - alpha`` quantiles (numpy's linear
    interpolation), ``alpha = (1 - ci) / 2`` unless given (``alpha=0.025``
    is not bit for bit ``(1 - 0.95) / 2``)."""
    a = _check_ci(ci) if alpha is None else alpha
    return np.quantile(replicates, [a, 1 - a], axis=axis)
