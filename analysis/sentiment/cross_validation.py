"""Honest evaluation of the ``news`` scorer (used by
``benchmarks/sentiment_*.py``): folds that keep whole groups (editorials)
together, hyper-parameters chosen by an inner grouped cross-validation
(:func:`select_news_params`), and nested out-of-fold predictions
(:func:`cross_validated_news`)."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from analysis.sentiment.aggregates import DEFAULT_SEED
from analysis.sentiment.features import news_features
from analysis.sentiment.fit import best_band, fit_news_model
from analysis.sentiment.news_model import human_labels
from analysis.sentiment.nrc import NRC_FEATURE, nrc_features
from analysis.sentiment.opinion_words import OPINION_FEATURE, opinion_features
from analysis.sentiment.stems import STEM_FEATURES, stem_features

__all__ = ["grouped_folds", "NEWS_GRID", "TRANSFER_PENALTIES", "SELECTION_TOLERANCE", "select_news_params",
           "cross_validated_news"]

def grouped_folds(groups: Sequence, *, n_folds: int = 10, seed: int = DEFAULT_SEED) -> np.ndarray:
    """Fold number (0..n_folds-1) of each item, whole groups per fold: the
    distinct groups are sorted, shuffled with ``seed`` and dealt round-robin."""
    g = pd.Series(list(groups)).astype(str)
    uniq = np.array(sorted(g.unique()))
    if len(uniq) < n_folds:
        raise ValueError(f"need at least {n_folds} groups for {n_folds} folds, got {len(uniq)}")
    perm = np.random.default_rng(seed).permutation(uniq)
    fold_of = {u: i % n_folds for i, u in enumerate(perm)}
    return g.map(fold_of).to_numpy()


#: hyper-parameters searched (min_groups was always 3 in a first, wider search over (3, 5))
NEWS_GRID = {"min_groups": (3,), "word_penalty": (30.0, 100.0, 300.0)}
#: word penalties of the candidate transfer lexicons (:func:`fit_transfer_lexicon`)
TRANSFER_PENALTIES = (30.0, 100.0)
#: r within which :func:`select_news_params` prefers the more strongly regularised candidate: about
#: one standard error of the difference in r between neighbouring penalties (paired editorial
#: bootstrap on the NYT dev half, e.g. word penalty 100 against 30: -0.000 [-0.006, +0.005])
SELECTION_TOLERANCE = 0.003


def select_news_params(texts, scores, groups, *, tokens, features: pd.DataFrame, n_folds: int = 5,
                       grid: dict | None = None, seed: int = DEFAULT_SEED,
                       transfers: dict | None = None, tolerance: float = SELECTION_TOLERANCE) -> dict:
    """Choose ``min_groups``, ``word_penalty`` and (when candidate transfer
    lexicons are given, keyed by their own word penalty) ``transfer_penalty``
    by grouped cross-validation (Pearson r of out-of-fold predictions), and
    the neutral band on those out-of-fold predictions.

    ``tolerance``: among the candidates whose r is within ``tolerance`` of the
    best, the most strongly regularised is taken (largest word penalty, then
    largest transfer penalty, then largest ``min_groups``), in the spirit of
    the one-standard-error rule: differences in r this small are noise, and
    the smoother model is the safer bet out of sample.  0 takes the best r.
    Returns ``min_groups``, ``word_penalty``, ``transfer_penalty`` (None
    without transfer lexicons), ``neutral_band``, ``r`` (of the chosen
    candidate) and ``best_r``."""
    grid = grid or NEWS_GRID
    y, g = np.asarray(scores, dtype=float), np.asarray(groups)
    folds = grouped_folds(g, n_folds=n_folds, seed=seed + 1)
    candidates = []
    for tp in (sorted(transfers) if transfers else [None]):
        lexicon = transfers[tp] if tp is not None else None
        for mg in grid["min_groups"]:
            for wp in grid["word_penalty"]:
                p = np.zeros(len(y))
                for j in range(n_folds):
                    a, b = np.flatnonzero(folds != j), np.flatnonzero(folds == j)
                    m = fit_news_model([texts[i] for i in a], y[a], g[a], tokens=[tokens[i] for i in a],
                                       min_groups=mg, word_penalty=wp, neutral_band=0.2, features=features.iloc[a],
                                       transfer=lexicon)
                    p[b] = m.predict_from_features(features.iloc[b], [tokens[i] for i in b])
                candidates.append(({"min_groups": mg, "word_penalty": wp, "transfer_penalty": tp,
                                    "r": float(np.corrcoef(p, y)[0, 1])}, p))
    best_r = max(c["r"] for c, _ in candidates)
    near = [(c, p) for c, p in candidates if c["r"] >= best_r - tolerance]
    chosen, p = max(near, key=lambda cp: (cp[0]["word_penalty"], cp[0]["transfer_penalty"] or 0.0,
                                          cp[0]["min_groups"]))
    return {**chosen, "neutral_band": best_band(p, y), "best_r": best_r}


def cross_validated_news(texts: Sequence[str], scores: Sequence[float], groups: Sequence, *,
                         tokens: Sequence[Sequence[str]], n_folds: int = 10, inner_folds: int = 5,
                         grid: dict | None = None, seed: int = DEFAULT_SEED,
                         features: pd.DataFrame | None = None, transfers: dict | None = None,
                         tolerance: float = SELECTION_TOLERANCE, progress=None) -> dict:
    """Honest out-of-fold predictions of the ``news`` scorer.

    Outer loop: ``n_folds`` folds by group (editorial).  Inside each outer
    training part, :func:`select_news_params` chooses the hyper-parameters
    (and which of the candidate ``transfers`` lexicons to use, if any) and the
    neutral band by an inner grouped cross-validation; the model is refitted
    on the whole training part and predicts the held-out fold.  Nothing of a
    held-out editorial is seen while fitting what predicts it (the transfer
    lexicons are fitted on other domains only, never on news).  Returns
    ``valence`` (out-of-fold predictions), ``label`` (each fold's own band),
    ``fold`` and the chosen ``params`` per fold."""
    y = np.asarray(scores, dtype=float)
    g = np.asarray(groups)
    texts = list(texts)
    F = (features if features is not None else news_features(texts)).reset_index(drop=True)
    if not set(STEM_FEATURES) <= set(F.columns):  # once, not in every fit
        F = pd.concat([F, pd.DataFrame(stem_features(tokens), columns=list(STEM_FEATURES))], axis=1)
    if NRC_FEATURE not in F.columns:
        F = F.assign(**{NRC_FEATURE: nrc_features(tokens)})
    if OPINION_FEATURE not in F.columns:
        F = F.assign(**{OPINION_FEATURE: opinion_features(tokens)})
    folds = grouped_folds(g, n_folds=n_folds, seed=seed)
    pred = np.zeros(len(y))
    labels = np.empty(len(y), dtype=object)
    chosen = []
    for k in range(n_folds):
        tr, te = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        best = select_news_params([texts[i] for i in tr], y[tr], g[tr], tokens=[tokens[i] for i in tr],
                                  features=F.iloc[tr], n_folds=inner_folds, grid=grid, seed=seed,
                                  transfers=transfers, tolerance=tolerance)
        chosen.append(best)
        lexicon = transfers[best["transfer_penalty"]] if best["transfer_penalty"] is not None else None
        model = fit_news_model([texts[i] for i in tr], y[tr], g[tr], tokens=[tokens[i] for i in tr],
                               min_groups=best["min_groups"], word_penalty=best["word_penalty"],
                               neutral_band=best["neutral_band"], features=F.iloc[tr], transfer=lexicon)
        pred[te] = model.predict_from_features(F.iloc[te], [tokens[i] for i in te])
        labels[te] = human_labels(pred[te], model.neutral_band)
        if progress:
            progress(k, best)
    return {"valence": pred, "label": labels, "fold": folds, "params": chosen}
