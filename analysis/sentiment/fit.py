"""Fitting the ``news`` scorer (used by ``benchmarks/sentiment_fit_news.py``,
never while scoring): the ridge regression on features and term indicators
(:func:`ridge`), the transfer lexicon learned on other rated domains
(:func:`fit_transfer_lexicon`), the news model itself (:func:`fit_news_model`),
and the neutral band that maximises three-class macro-F1 (:func:`best_band`)."""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np
import pandas as pd

from analysis.sentiment.features import NEWS_FEATURES, TRANSFER_FEATURE, news_features, term_sums, word_terms
from analysis.sentiment.news_model import NewsModel, human_labels
from analysis.sentiment.nrc import NRC_FEATURE, nrc_feature_column
from analysis.sentiment.opinion_words import OPINION_FEATURE, opinion_feature_column
from analysis.sentiment.stems import STEM_FEATURES, stem_feature_columns, stem_term

__all__ = ["ridge", "fit_transfer_lexicon", "fit_news_model", "macro_f1", "best_band"]

_WORD_RE = re.compile(r"^[a-z][a-z'\-]*$")


def _lexicon_vocabulary_ok(term: str) -> bool:
    return bool(_WORD_RE.match(term.lstrip("~"))) and len(term.lstrip("~")) >= 2


def _vocabulary(terms: Sequence[list[tuple[str, bool]]], groups: Sequence, min_groups: int) -> list[str]:
    """Terms written in lower case in at least ``min_groups`` distinct groups
    (which keeps names of people and countries out), sorted."""
    seen: dict[str, set] = {}
    for tt, grp in zip(terms, groups):
        for term, lower in tt:
            if lower:
                seen.setdefault(term, set()).add(grp)
    return sorted(w for w, s in seen.items() if len(s) >= min_groups and _lexicon_vocabulary_ok(w))


def _term_matrix(terms: Sequence[list[tuple[str, bool]]], vocab: Sequence[str]):
    """Sparse 0/1 matrix: row i has a 1 for each vocabulary term of text i."""
    from scipy import sparse

    ix = {w: j for j, w in enumerate(vocab)}
    rows, cols = [], []
    for i, tt in enumerate(terms):
        js = sorted({ix[t] for t, _ in tt if t in ix})
        rows += [i] * len(js)
        cols += js
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(terms), len(vocab)))


def ridge(F: np.ndarray, M, y: np.ndarray, domains: np.ndarray, *, feature_penalty: float,
           word_penalty: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ridge regression of ``y`` on standardised features ``F`` (penalty
    ``feature_penalty``) and 0/1 term indicators ``M`` (sparse, penalty
    ``word_penalty``), with one unpenalised intercept per domain code
    (0..k-1).  Returns (intercept per domain, feature weights on the raw
    scale, term weights).

    The normal equations are sparse (a term co-occurs with few others) and
    are solved by conjugate gradients with a diagonal preconditioner to a
    relative residual of 1e-13 (weights agree with a dense solve to about
    1e-11; a dense solve of the ~8,000 terms of the transfer lexicon would
    take minutes).  Deterministic: same input, same bits."""
    from scipy import sparse
    from scipy.sparse.linalg import cg

    k = int(domains.max()) + 1
    mu, sd = F.mean(0), F.std(0)
    sd[sd == 0] = 1.0
    D = sparse.csr_matrix((np.ones(len(y)), (np.arange(len(y)), domains)), shape=(len(y), k))
    Z = sparse.hstack([D, sparse.csr_matrix((F - mu) / sd), M], format="csr")
    penalty = np.r_[np.zeros(k), np.full(F.shape[1], feature_penalty), np.full(M.shape[1], word_penalty)]
    gram = (Z.T @ Z + sparse.diags(penalty)).tocsr()
    diagonal = gram.diagonal()
    if np.any(diagonal <= 0):
        raise ValueError("a domain without sentences, or a term that never occurs, in the ridge design")
    w, info = cg(gram, Z.T @ y, rtol=1e-13, atol=0.0, maxiter=20 * gram.shape[0], M=sparse.diags(1.0 / diagonal))
    if info != 0:
        raise RuntimeError(f"ridge regression did not converge ({info} iterations)")
    wf = w[k:k + F.shape[1]] / sd
    return w[:k] - float(mu @ wf), wf, w[k + F.shape[1]:]


def fit_transfer_lexicon(domains: Sequence[tuple[Sequence[str], Sequence[float], Sequence, Sequence[Sequence[str]]]], *,
                         min_groups: int = 3, feature_penalty: float = 10.0, word_penalty: float = 30.0,
                         features: Sequence[pd.DataFrame] | None = None,
                         stem_backoff: bool = True) -> dict[str, float]:
    """A term lexicon learned on human-rated sentences of *other* domains
    (tweets, movie and product reviews), for the ``news`` scorer's
    ``transfer_lexicon`` feature.

    ``domains``: one ``(texts, scores, groups, tokens)`` per domain, scores on
    the same -4..4 scale.  One ridge regression over all of them: each domain
    its own unpenalised intercept, the :func:`news_features` (standardised,
    ``feature_penalty``) and 0/1 indicators of the terms (:func:`word_terms`)
    written in lower case in at least ``min_groups`` groups (``word_penalty``);
    with ``stem_backoff`` the stem back-off features
    (:func:`analysis.sentiment.stems.stem_features`) join the features.
    Returns the term weights: what each term adds to a rating *beyond* what
    VADER and AFINN already say, as those domains' raters saw it.  The news
    model then learns, on news, how much of that to trust (one coefficient)."""
    Fs, terms, ys, groups, codes = [], [], [], [], []
    for d, (texts, scores, grp, tokens) in enumerate(domains):
        table = features[d] if features is not None else news_features(list(texts))
        F = table[list(NEWS_FEATURES)].to_numpy(dtype=float)
        Fs.append(np.column_stack([F, stem_feature_columns(table, tokens)]) if stem_backoff else F)
        terms += [word_terms(t) for t in tokens]
        ys.append(np.asarray(scores, dtype=float))
        groups += [f"{d}:{x}" for x in grp]
        codes.append(np.full(len(ys[-1]), d))
    vocab = _vocabulary(terms, groups, min_groups)
    _, _, ww = ridge(np.vstack(Fs), _term_matrix(terms, vocab), np.concatenate(ys), np.concatenate(codes),
                      feature_penalty=feature_penalty, word_penalty=word_penalty)
    return {v: float(x) for v, x in zip(vocab, ww) if abs(x) > 1e-6}


def fit_news_model(texts: Sequence[str], scores: Sequence[float], groups: Sequence, *,
                   tokens: Sequence[Sequence[str]], min_groups: int = 3,
                   feature_penalty: float = 10.0, word_penalty: float = 100.0,
                   neutral_band: float | None = None, features: pd.DataFrame | None = None,
                   transfer: dict[str, float] | None = None, stem_backoff: bool = True,
                   stem_terms: bool = True, nrc: bool = True, opinion: bool = True) -> NewsModel:
    """Fit the ``news`` scorer by ridge regression.

    ``texts``: sentences; ``scores``: mean human valence (-4..4); ``groups``:
    the unit that must never be split (editorial); ``tokens``: each text's word
    tokens *as written*.  A term (:func:`word_terms`) joins the learned
    vocabulary only if it was written in lower case (which keeps names of
    people and countries out, so the scorer cannot learn that "China" is
    negative) in at least ``min_groups`` different groups.  Features are
    standardised and penalised with ``feature_penalty``; term indicators (0/1,
    not scaled) with the larger ``word_penalty``, which shrinks rare
    terms to zero; the intercept is not penalised.  ``transfer``: a lexicon
    from :func:`fit_transfer_lexicon`; its per-sentence sum becomes one more
    feature (``transfer_lexicon``) whose weight is learned here, on news.
    ``stem_backoff``: add the stem back-off features
    (:func:`analysis.sentiment.stems.stem_features`); ``stem_terms``: learn
    weights for the inflectional stems of the terms (:func:`stem_term`) rather than
    the terms as written (a stem joins the vocabulary if one of its words was
    written in lower case in ``min_groups`` groups).  ``nrc``: add the NRC
    lexicon feature (:func:`analysis.sentiment.nrc.nrc_features`); ``opinion``: the
    Hu & Liu opinion-lexicon feature (:func:`analysis.sentiment.opinion_words.opinion_features`).
    ``neutral_band``: the ``|valence|`` below which a sentence
    is neutral; None picks the cut that maximises 3-class macro-F1 on the
    fitted values (the cross-validation passes a band chosen on out-of-fold
    predictions instead, which is less optimistic)."""
    y = np.asarray(scores, dtype=float)
    g = np.asarray(groups)
    if not (len(texts) == len(y) == len(g) == len(tokens)):
        raise ValueError("texts, scores, groups and tokens must have the same length")
    table = features if features is not None else news_features(texts)
    F = table[list(NEWS_FEATURES)].to_numpy(dtype=float)
    names = list(NEWS_FEATURES)
    if transfer:
        F = np.column_stack([F, term_sums(transfer, tokens)])
        names.append(TRANSFER_FEATURE)
    if stem_backoff:
        F = np.column_stack([F, stem_feature_columns(table, tokens)])
        names += list(STEM_FEATURES)
    terms = [word_terms(t) for t in tokens]
    if nrc:
        F = np.column_stack([F, nrc_feature_column(table, tokens, terms)])
        names.append(NRC_FEATURE)
    if opinion:
        F = np.column_stack([F, opinion_feature_column(table, tokens, terms)])
        names.append(OPINION_FEATURE)
    if stem_terms:
        terms = [[(stem_term(t), lower) for t, lower in tt] for tt in terms]
    vocab = _vocabulary(terms, g, min_groups)
    M = _term_matrix(terms, vocab)
    b0, wf, ww = ridge(F, M, y, np.zeros(len(y), dtype=int), feature_penalty=feature_penalty,
                        word_penalty=word_penalty)
    intercept = float(b0[0])
    band = neutral_band if neutral_band is not None else best_band(intercept + F @ wf + M @ ww, y)
    return NewsModel(intercept, dict(zip(names, wf)),
                     {v: float(x) for v, x in zip(vocab, ww) if abs(x) > 1e-6}, band,
                     meta={"n": len(y), "vocabulary": len(vocab)}, transfer_weights=transfer,
                     stem_terms=stem_terms)


def macro_f1(pred_labels: Sequence, true_labels: Sequence) -> float:
    """Unweighted mean of the per-class F1 over negative, neutral, positive."""
    p, t = np.asarray(pred_labels), np.asarray(true_labels)
    out = []
    for c in ("negative", "neutral", "positive"):
        tp = np.sum((p == c) & (t == c))
        denom = np.sum(p == c) + np.sum(t == c)
        out.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(out))


def best_band(pred: np.ndarray, y: np.ndarray) -> float:
    """The neutral band (0 to 0.6 in steps of 0.025) whose 3-class labels of
    ``pred`` best match the human labels of ``y`` (macro-F1)."""
    truth = human_labels(y)
    grid = np.round(np.arange(0.025, 0.61, 0.025), 3)
    f = [macro_f1(human_labels(pred, b), truth) for b in grid]
    return float(grid[int(np.argmax(f))])
