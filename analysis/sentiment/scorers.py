"""Sentence tone: :func:`score_texts` scores given texts with one of the
:data:`METHODS` (see :mod:`analysis.sentiment` for each), and
:func:`sentence_sentiment` scores every sentence of the shared segmentation,
on its quote-normalised text."""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.sentiment.features import sentence_words
from analysis.sentiment.lexicons import afinn_scorer, compound_labels, normalise, vader_nltk_scorer, vader_scorer
from analysis.sentiment.news_model import human_labels, load_news_model
from analysis.core.text import segment_articles

__all__ = ["METHODS", "THRESHOLDS", "SENTENCE_COLUMNS", "check_method", "score_texts", "sentence_sentiment"]

METHODS = ("vader", "vader-nltk", "afinn", "news")
#: compound thresholds for the labels: positive if compound >= hi, negative if <= lo
THRESHOLDS = {"vader": (0.05, -0.05), "vader-nltk": (0.05, -0.05), "afinn": (1e-12, -1e-12)}
SENTENCE_COLUMNS = [
    "article_id", "paragraph", "sentence", "start", "end",
    "compound", "pos", "neu", "neg", "label", "method",
]


def check_method(method: str) -> str:
    """``method`` when it is one of :data:`METHODS`, else a ValueError listing them."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    return method


def score_texts(texts: Sequence[str], *, method: str = "vader",
                words: Sequence[Iterable[str]] | None = None) -> pd.DataFrame:
    """Score already segmented units (sentences) given as strings.

    Returns ``compound``, ``pos``, ``neu``, ``neg``, ``label`` (and
    ``valence`` for ``news``).  ``words`` (the word tokens of each text, from
    the shared segmentation) is needed by ``news`` and used by ``afinn`` for
    its shares; :func:`sentence_sentiment` passes them.
    Texts are scored as given: pass quote-normalised text (as
    :func:`sentence_sentiment` does) for news copy with curly quotes."""
    check_method(method)
    texts = list(texts)
    if method in ("vader", "vader-nltk"):
        scorer = vader_scorer().scores if method == "vader" else vader_nltk_scorer().polarity_scores
        rows = [scorer(t) for t in texts]
        df = pd.DataFrame({k: [r[k] for r in rows] for k in ("compound", "pos", "neu", "neg")}, dtype=float)
    elif method == "afinn":
        af = afinn_scorer()
        rows = []
        for k, t in enumerate(texts):
            a = np.asarray(af.scores_with_pattern(t), dtype=float)
            n = max(len(list(words[k])) if words is not None else len(af.split(t)), len(a), 1)
            n_pos, n_neg = int((a > 0).sum()), int((a < 0).sum())
            rows.append((normalise(float(a.sum())), n_pos / n, (n - n_pos - n_neg) / n, n_neg / n))
        df = pd.DataFrame(rows, columns=["compound", "pos", "neu", "neg"], dtype=float)
    else:
        model = load_news_model()
        if words is None:
            raise ValueError("method='news' needs the word tokens of each text (words=...)")
        valence = model.predict(texts, words)
        v = vader_scorer()
        rows = [v.scores(t) for t in texts]
        df = pd.DataFrame({k: [r[k] for r in rows] for k in ("pos", "neu", "neg")}, dtype=float)
        df.insert(0, "compound", np.clip(valence / 4.0, -1.0, 1.0) if len(texts) else np.zeros(0))
        df["valence"] = valence
        band = model.neutral_band
        df["label"] = human_labels(valence, band) if len(texts) else np.array([], dtype=object)
        return df
    hi, lo = THRESHOLDS[method]
    df["label"] = compound_labels(df["compound"].to_numpy(), hi, lo) if len(df) else np.array([], dtype=object)
    return df


def sentence_sentiment(docs, *, method: str = "vader") -> pd.DataFrame:
    """One row per sentence of the shared segmentation with its tone.

    Columns: ``article_id``, ``paragraph``, ``sentence`` (1-based, numbered
    through the article), ``start``, ``end`` (offsets into the body),
    ``compound`` (-1 most negative .. +1 most positive), ``pos``, ``neu``,
    ``neg`` (shares, sum 1), ``label`` (positive / neutral / negative by the
    method's thresholds, see the module docstring), ``method``; and
    ``valence`` (predicted mean human rating, -4..4) for ``news``.

    ``docs``: an articles table, a list of Documents or one body string."""
    check_method(method)
    documents = segment_articles(docs)
    texts, words = [], []
    aids, paras, sents, starts, ends = [], [], [], [], []
    for d in documents:
        qt = d.quote_text
        spans = d.sentences.tolist()
        aids += [d.article_id] * len(spans)
        paras += (d.sentence_paragraph + 1).tolist()
        sents += range(1, len(spans) + 1)
        for i, (s, e) in enumerate(spans):
            texts.append(qt[s:e])
            starts.append(s)
            ends.append(e)
            if method in ("news", "afinn"):
                words.append(sentence_words(d, i))
    cols = SENTENCE_COLUMNS + (["valence"] if method == "news" else [])
    if not texts:
        return pd.DataFrame(columns=cols)
    scores = score_texts(texts, method=method, words=words if method in ("news", "afinn") else None)
    data = {"article_id": aids, "paragraph": paras, "sentence": sents, "start": starts, "end": ends,
            **{c: scores[c].to_numpy() for c in scores.columns}, "method": method}
    return pd.DataFrame({c: data[c] for c in cols})  # one frame, not a column at a time
