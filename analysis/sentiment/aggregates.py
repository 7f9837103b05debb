"""Tone of paragraphs, articles and the corpus from sentence scores, with
percentile bootstrap intervals: :func:`aggregate_sentiment`, :func:`tone_arc`
(tone by position in the article), :func:`bootstrap_mean_ci`, and
:func:`summarise`, the summary of one group that targeted tone and tone by
voice share.  Inside a paragraph or article the bootstrap distribution is
computed (:mod:`analysis.core.bootstrap`); over articles it is a cluster bootstrap
by Monte Carlo from a fixed seed."""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd

from analysis.core.bootstrap import (
    draw_clusters,
    mean_intervals,
    percentile_interval,
    seeded_generator,
    share_intervals,
)

__all__ = ["DEFAULT_SEED", "DEFAULT_N_BOOT", "AGGREGATE_VALUE_COLUMNS", "bootstrap_mean_ci", "summarise",
           "summarise_arrays", "check_sentences", "aggregate_sentiment", "tone_arc"]

DEFAULT_SEED = 20261128
DEFAULT_N_BOOT = 2000


def bootstrap_mean_ci(values: Sequence[float], *, clusters: Sequence | None = None,
                      n_boot: int = DEFAULT_N_BOOT, ci: float = 0.95, seed: int = DEFAULT_SEED,
                      key=None) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``values``.

    Without ``clusters`` the values are resampled with replacement, and the
    bootstrap distribution of the mean is computed rather than sampled
    (:func:`analysis.core.bootstrap.mean_intervals`, or
    :func:`~analysis.core.bootstrap.share_intervals` when every value is 0 or 1):
    no Monte Carlo error, and ``seed``/``key`` play no part.  With
    ``clusters`` (e.g. article ids) whole clusters are resampled and the mean
    is taken over all values of the drawn clusters (a cluster bootstrap, right
    when sentences of one article are not independent), by Monte Carlo with
    ``n_boot`` draws whose stream depends only on ``seed`` and ``key``.
    ``(nan, nan)`` when fewer than two values (or clusters) are available, or
    when ``n_boot=0`` (no interval wanted)."""
    x = np.asarray(values, dtype=float)
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no interval) or a positive number of draws, got {n_boot}")
    if n_boot == 0:
        return (math.nan, math.nan)
    if clusters is None:
        if len(x) < 2:
            return (math.nan, math.nan)
        if np.isin(x, (0.0, 1.0)).all():
            lo, hi = share_intervals(np.array([x.sum()]), np.array([len(x)]), ci)
        else:
            lo, hi = mean_intervals(x, np.array([0]), ci)
        return (float(lo[0]), float(hi[0]))
    # the stream depends only on the seed and the group's key
    rng = seeded_generator(seed, key)
    codes, uniq = pd.factorize(pd.Series(list(clusters)))
    k = len(uniq)
    if k < 2:
        return (math.nan, math.nan)
    sums = np.bincount(codes, weights=x, minlength=k)
    counts = np.bincount(codes, minlength=k).astype(float)
    draw = draw_clusters(rng, k, n_boot)
    means = sums[draw].sum(axis=1) / counts[draw].sum(axis=1)
    lo, hi = percentile_interval(means, ci)
    return (float(lo), float(hi))


_ORDER_COLUMNS = ("article_id", "paragraph", "sentence", "start", "end")


def summarise(group: pd.DataFrame, key, *, clusters: str | None, n_boot: int, ci: float, seed: int) -> dict:
    # a fixed order, so the draws do not depend on the order rows came in
    order = [c for c in _ORDER_COLUMNS if c in group.columns]
    if order:
        group = group.sort_values(order, kind="stable")
    cl = group[clusters].to_numpy() if clusters else None
    return summarise_arrays(group["compound"].to_numpy(dtype=float), group["label"].to_numpy(), cl, key,
                             n_boot=n_boot, ci=ci, seed=seed)


def summarise_arrays(comp: np.ndarray, labels: np.ndarray, cl, key, *, n_boot: int, ci: float,
                      seed: int) -> dict:
    lo, hi = bootstrap_mean_ci(comp, clusters=cl, n_boot=n_boot, ci=ci, seed=seed, key=(key, "compound"))
    out = {
        "n_sentences": int(len(comp)),
        "mean_compound": float(comp.mean()) if len(comp) else math.nan,
        "mean_compound_low": lo,
        "mean_compound_high": hi,
    }
    for lab in ("positive", "negative", "neutral"):
        ind = (labels == lab).astype(float)
        out[f"share_{lab}"] = float(ind.mean()) if len(ind) else math.nan
    for lab in ("negative", "positive"):
        ind = (labels == lab).astype(float)
        lo, hi = bootstrap_mean_ci(ind, clusters=cl, n_boot=n_boot, ci=ci, seed=seed, key=(key, lab))
        out[f"share_{lab}_low"], out[f"share_{lab}_high"] = lo, hi
    return out


AGGREGATE_VALUE_COLUMNS = [
    "n_sentences", "mean_compound", "mean_compound_low", "mean_compound_high",
    "share_positive", "share_negative", "share_neutral",
    "share_negative_low", "share_negative_high", "share_positive_low", "share_positive_high",
]


def check_sentences(sentences: pd.DataFrame) -> None:
    need = {"article_id", "paragraph", "sentence", "compound", "label"}
    if not isinstance(sentences, pd.DataFrame) or need - set(sentences.columns):
        missing = sorted(need - set(getattr(sentences, "columns", [])))
        raise ValueError(f"expected the table from sentence_sentiment(); missing column(s) {missing}")


def _aggregate_groups(sentences: pd.DataFrame, keys: list[str], *, n_boot: int, ci: float) -> pd.DataFrame:
    """Paragraph or article aggregates for all groups at once (vectorised);
    groups in order of first appearance, the intervals from
    :mod:`analysis.core.bootstrap` (computed, so no seed is involved)."""
    if n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no interval) or a positive number of draws, got {n_boot}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    if not len(sentences):
        return pd.DataFrame(columns=keys + AGGREGATE_VALUE_COLUMNS)
    group = sentences.groupby(keys, sort=False).ngroup().to_numpy()
    # rows by group, then in text order (the key columns are constant within a group)
    by = [c for c in _ORDER_COLUMNS if c in sentences.columns and c not in keys]
    if all(sentences[c].dtype.kind in "iub" for c in by):
        rows = np.lexsort([sentences[c].to_numpy() for c in reversed(by)] + [group])  # stable, as sort_values
        in_order = bool((rows[1:] > rows[:-1]).all())
        ordered = sentences if in_order else sentences.take(rows)
        g = group if in_order else group[rows]
    else:
        order = [c for c in _ORDER_COLUMNS if c in sentences.columns]
        ordered = sentences.assign(_group=group).sort_values(["_group"] + order, kind="stable")
        g = ordered["_group"].to_numpy()
    sizes = np.bincount(g)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    comp = ordered["compound"].to_numpy(dtype=float)
    labels = ordered["label"].to_numpy()
    n = sizes.astype(float)
    # the columns are collected first and made into one frame (inserting them
    # one by one into a DataFrame costs more than computing them, per batch)
    cols = {k: ordered[k].iloc[offsets].reset_index(drop=True) for k in keys}
    cols["n_sentences"] = sizes.astype(np.int64)
    # numpy's mean per group (pairwise summation), as for a single group
    cols["mean_compound"] = np.array([comp[a:a + k].mean() for a, k in zip(offsets.tolist(), sizes.tolist())],
                                     dtype=float)
    counts = {lab: np.bincount(g, weights=(labels == lab), minlength=len(sizes)) for lab in
              ("positive", "negative", "neutral")}
    nan = np.full(len(sizes), np.nan)
    cols["mean_compound_low"], cols["mean_compound_high"] = mean_intervals(comp, offsets, ci) if n_boot else (nan, nan)
    for lab in ("positive", "negative", "neutral"):
        cols[f"share_{lab}"] = counts[lab] / n
    for lab in ("negative", "positive"):
        cols[f"share_{lab}_low"], cols[f"share_{lab}_high"] = share_intervals(counts[lab], sizes, ci) if n_boot \
            else (nan, nan)
    return pd.DataFrame({c: cols[c] for c in keys + AGGREGATE_VALUE_COLUMNS})


def aggregate_sentiment(sentences: pd.DataFrame, *, level: str = "article", n_boot: int = DEFAULT_N_BOOT,
                        ci: float = 0.95, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Tone per paragraph, article or corpus from :func:`sentence_sentiment`.

    One row per ``(article_id, paragraph)``, per ``article_id`` or one row for
    the corpus, with ``n_sentences``; ``mean_compound`` (mean of the sentence
    compounds: -1..1, higher = more positive; this stays comparable between
    short and long texts, unlike the compound of a whole text, which
    saturates); ``share_positive`` / ``share_negative`` / ``share_neutral``
    (shares of sentences with each label, thresholds in the module docstring);
    and ``*_low`` / ``*_high`` percentile bootstrap limits at level ``ci``.
    Per paragraph or article the sentences are resampled and the bootstrap
    distribution is computed exactly or by saddlepoint
    (:mod:`analysis.core.bootstrap`; ``n_boot`` only switches intervals off when
    0); for the corpus whole articles are resampled (``n_boot`` Monte Carlo
    draws from ``seed``).  Intervals are NaN for a single sentence (or
    article).  ``method`` is carried over."""
    check_sentences(sentences)
    if level not in ("paragraph", "article", "corpus"):
        raise ValueError(f"level must be one of paragraph, article, corpus; got {level!r}")
    keys = {"paragraph": ["article_id", "paragraph"], "article": ["article_id"], "corpus": []}[level]
    method = sentences["method"].iloc[0] if "method" in sentences.columns and len(sentences) else None
    rows = []
    if level == "corpus":
        if len(sentences):
            s = summarise(sentences, "corpus", clusters="article_id", n_boot=n_boot, ci=ci, seed=seed)
            s["n_articles"] = int(sentences["article_id"].nunique())
            rows.append(s)
        out = pd.DataFrame(rows, columns=["n_articles"] + AGGREGATE_VALUE_COLUMNS)
    else:
        out = _aggregate_groups(sentences, keys, n_boot=n_boot, ci=ci)
    if method is not None:
        out["method"] = method
    return out


def tone_arc(sentences: pd.DataFrame, *, bins: int = 10, n_boot: int = DEFAULT_N_BOOT, ci: float = 0.95,
             seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Mean sentence compound by position in the article, for many articles.

    Each sentence gets a relative position ``(sentence - 0.5) / n_sentences``
    in (0, 1) and falls in one of ``bins`` equal bins (1 = the opening tenth
    when ``bins=10``).  One row per bin: ``position_bin``, ``position_mid``,
    ``n_sentences``, ``n_articles``, ``mean_compound`` with a cluster-bootstrap
    interval over articles (``mean_compound_low``/``_high``)."""
    check_sentences(sentences)
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    s = sentences[["article_id", "sentence", "compound", "label"]].copy()
    n = s.groupby("article_id")["sentence"].transform("max")
    rel = (s["sentence"] - 0.5) / n
    s["position_bin"] = np.minimum((rel * bins).astype(int) + 1, bins)
    rows = []
    for b, grp in s.groupby("position_bin"):
        comp = grp["compound"].to_numpy(dtype=float)
        lo, hi = bootstrap_mean_ci(comp, clusters=grp["article_id"].to_numpy(), n_boot=n_boot, ci=ci, seed=seed,
                                   key=("arc", int(b)))
        rows.append({"position_bin": int(b), "position_mid": (b - 0.5) / bins, "n_sentences": len(grp),
                     "n_articles": int(grp["article_id"].nunique()), "mean_compound": float(comp.mean()),
                     "mean_compound_low": lo, "mean_compound_high": hi})
    return pd.DataFrame(rows, columns=["position_bin", "position_mid", "n_sentences", "n_articles",
                                       "mean_compound", "mean_compound_low", "mean_compound_high"])
