"""Sentence tone against human ratings of news sentences.

Gold: ``<shared>/benchmarks/sentiment/nyt_editorial_dev.tsv``, 2,601 New
York Times editorial sentences, each the mean of 20 human ratings on -4..+4
(Hutto & Gilbert 2014), read in place.  Each row is scored as one unit (the
quote-normalised text of its shared-segmentation Document).

Agreement: Pearson r and Spearman rho with the human mean, each with a 95%
interval from a cluster bootstrap over editorials (:func:`cluster_ci`,
1,000 draws, fixed seed), and 3-class macro-F1 (human neutral when
|mean| < 0.2, the paper's +-0.05 on the [-1, 1] scale).  The ``news``
scorer was fitted on this file, so its in-sample figure is refused here;
its cross-validated figure comes from ``benchmarks/sentiment_validation.py``.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.core.bootstrap import cluster_resamples, percentile_interval, seeded_generator
from analysis.evaluation.data import benchmark_file, cached_frames

__all__ = ["GOLD", "load_gold", "cluster_ci", "paired_gain_ci", "sign_labels", "sentiment_agreement",
           "vader_port_disagreement"]

GOLD = ("sentiment", "nyt_editorial_dev.tsv")


def load_gold(path=None) -> pd.DataFrame:
    """The rated sentences with ``editorial`` (number), ``unit`` (the
    quote-normalised text) and ``tokens`` (its words as written)."""
    import csv

    from analysis.core.text import segment

    df = pd.read_csv(path or benchmark_file(*GOLD), sep="\t", quoting=csv.QUOTE_NONE, dtype={"id": str})
    df["editorial"] = df["id"].str.split("_").str[0].astype(int)
    docs = [segment(t, f"nyt-{k}") for k, t in enumerate(df["text"])]
    df["unit"] = [d.quote_text for d in docs]
    df["tokens"] = [[d.quote_text[s:e] for (s, e), w in zip(d.tokens.tolist(), d.token_is_word) if w] for d in docs]
    return df


def _draws(groups, n_boot: int, seed: int):
    """Index arrays of ``n_boot`` cluster-bootstrap resamples of ``groups``."""
    return cluster_resamples(groups, n_boot, seeded_generator(seed))


def cluster_ci(x, y, groups, *, n_boot=1000, seed=None):
    """95% percentile intervals of Pearson r and Spearman rho, resampling
    the groups (editorials); ``seed`` defaults to the sentiment family's."""
    from scipy.stats import rankdata

    from analysis.sentiment import DEFAULT_SEED

    x, y = np.asarray(x, float), np.asarray(y, float)
    rs, rhos = [], []
    rx, ry = rankdata(x), rankdata(y)
    for idx in _draws(groups, n_boot, DEFAULT_SEED if seed is None else seed):
        rs.append(np.corrcoef(x[idx], y[idx])[0, 1])
        rhos.append(np.corrcoef(rankdata(rx[idx]), rankdata(ry[idx]))[0, 1])
    return percentile_interval(rs, alpha=0.025), percentile_interval(rhos, alpha=0.025)


def paired_gain_ci(a, b, y, groups, *, n_boot=1000, seed=None):
    """95% interval of r(a, y) - r(b, y) by a paired cluster bootstrap
    (the same groups in both scores of each draw)."""
    from analysis.sentiment import DEFAULT_SEED

    gains = [np.corrcoef(a[idx], y[idx])[0, 1] - np.corrcoef(b[idx], y[idx])[0, 1]
             for idx in _draws(groups, n_boot, DEFAULT_SEED if seed is None else seed)]
    return percentile_interval(gains, alpha=0.025)


def sign_labels(x, hi=1e-12, lo=-1e-12):
    """positive / neutral / negative by the sign of ``x`` (thresholds ``hi``, ``lo``)."""
    x = np.asarray(x, float)
    return np.where(x >= hi, "positive", np.where(x <= lo, "negative", "neutral"))


def sentiment_agreement(*, method: str = "vader", n_boot: int = 1000, cache: bool = True) -> dict:
    """Sentence tone against the mean of 20 human ratings (NYT editorials).

    Returns ``{"sentences": ..., "summary": ...}``: ``sentences`` has ``id``,
    ``editorial``, ``human_score`` (-4..4) and ``compound`` (the method's
    score, -1..1); ``summary`` one row with ``method``, ``n``, ``editorials``,
    Pearson ``r`` and its 95% interval ``r_low``/``r_high`` (cluster bootstrap
    over editorials, :func:`cluster_ci`), Spearman ``rho`` and 3-class
    ``macro_f1`` (human neutral when |mean| < 0.2).  The ``news`` method was
    fitted on this file: its figure here is in-sample and is refused.
    ``cache``: keep the result in the derived-table store."""
    if method == "news":
        raise ValueError("the news scorer was fitted on this benchmark: run benchmarks/sentiment_validation.py "
                         "for its cross-validated agreement; use method='vader', 'vader-nltk' or 'afinn' here")
    gold_path = benchmark_file(*GOLD)

    def build() -> dict[str, pd.DataFrame]:
        from scipy.stats import pearsonr, spearmanr

        from analysis import sentiment as S

        gold = load_gold(gold_path)
        words = [[w.lower() for w in t] for t in gold["tokens"]]
        sc = S.score_texts(list(gold["unit"]), method=method, words=words)
        y = gold["human_score"].to_numpy(float)
        x = sc["compound"].to_numpy(float)
        (rlo, rhi), _ = cluster_ci(x, y, gold["editorial"].to_numpy(), n_boot=n_boot)
        summary = pd.DataFrame([{
            "method": method, "n": len(gold), "editorials": int(gold["editorial"].nunique()),
            "r": float(pearsonr(x, y)[0]), "r_low": float(rlo), "r_high": float(rhi),
            "rho": float(spearmanr(x, y)[0]),
            "macro_f1": float(S.macro_f1(sc["label"].to_numpy(), S.human_labels(y))),
        }])
        sentences = pd.DataFrame({"id": gold["id"], "editorial": gold["editorial"], "human_score": y,
                                  "compound": x})
        return {"sentences": sentences, "summary": summary}

    return cached_frames("sentiment", params={"method": method, "n_boot": n_boot}, inputs=[gold_path],
                         build=build, cache=cache)


def vader_port_disagreement(articles: pd.DataFrame) -> dict:
    """How often NLTK's VADER port and vaderSentiment 3.3.2 disagree on the
    sentences of ``articles`` (``article_id``, ``text``), and how many of the
    differing sentences contain "no" (the cause found so far)."""
    from analysis import sentiment as S

    a = S.sentence_sentiment(articles, method="vader")
    b = S.sentence_sentiment(articles, method="vader-nltk")
    differ = (a["compound"] - b["compound"]).abs() > 1e-9
    bodies = dict(zip(articles["article_id"], articles["text"]))
    texts = [bodies[i][s:e] for i, s, e in zip(a["article_id"], a["start"], a["end"])]
    has_no = np.array([bool(re.search(r"\bno\b", t, re.I)) for t in texts])
    return {"articles": len(articles), "sentences": len(a), "compound_differs": float(differ.mean()),
            "compound_differs_n": int(differ.sum()), "label_differs": float((a["label"] != b["label"]).mean()),
            "no_in_differing": float(has_no[differ].mean()), "no_in_all": float(has_no.mean())}
