"""The fitted ``news`` scorer: :class:`NewsModel` (a ridge-regression
combination of the VADER and AFINN features, their stem back-off features, a
transfer lexicon and learned news terms (word stems), read from and written to the plain file
``analysis/data/sentiment_news_model.csv``, and :func:`human_labels`, the
three-class labels of a valence on the raters' -4..4 scale.  Fitting lives in
:mod:`analysis.sentiment.fit`."""
from __future__ import annotations

import functools
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.core.resources import data_path
from analysis.sentiment.features import (
    NEWS_FEATURES,
    TRANSFER_FEATURE,
    distinct_terms,
    lexicon_sums,
    news_features,
    word_terms,
)
from analysis.sentiment.nrc import NRC_FEATURE, nrc_feature_column
from analysis.sentiment.opinion_words import OPINION_FEATURE, opinion_feature_column
from analysis.sentiment.stems import STEM_FEATURES, distinct_stems, stem_feature_columns

__all__ = ["NewsModel", "NEWS_MODEL_FILE", "load_news_model", "human_labels"]

class NewsModel:
    """Parameters of the ``news`` scorer: ``valence = intercept + features @ w
    + sum of the weights of the distinct terms (:func:`word_terms`) in the
    sentence``; with a transfer lexicon (learned on other rated domains by
    :func:`fit_transfer_lexicon`), one more feature, ``transfer_lexicon``: the
    sum of the transfer weights of the sentence's distinct terms.  When the
    feature weights include the stem back-off features (:data:`STEM_FEATURES`)
    they are added too; ``stem_terms``: the learned news terms are inflectional stems
    (:func:`analysis.sentiment.stems.stem_term`) rather than the terms as
    written (the transfer lexicon's terms are always as written).  A weight
    for :data:`~analysis.sentiment.nrc.NRC_FEATURE` adds that times the
    sentence's NRC lexicon sum (:func:`analysis.sentiment.nrc.nrc_features`), and one
    for :data:`~analysis.sentiment.opinion_words.OPINION_FEATURE` its Hu & Liu
    opinion-lexicon sum (:func:`analysis.sentiment.opinion_words.opinion_features`)."""

    def __init__(self, intercept: float, feature_weights: dict[str, float],
                 word_weights: dict[str, float], neutral_band: float, meta: dict | None = None,
                 transfer_weights: dict[str, float] | None = None, stem_terms: bool = False):
        missing = set(NEWS_FEATURES) - set(feature_weights)
        if transfer_weights and TRANSFER_FEATURE not in feature_weights:
            missing.add(TRANSFER_FEATURE)
        if set(STEM_FEATURES) & set(feature_weights):
            missing |= set(STEM_FEATURES) - set(feature_weights)
        if missing:
            raise ValueError(f"news model lacks feature weights for {sorted(missing)}")
        self.intercept = float(intercept)
        self.feature_weights = {k: float(feature_weights[k]) for k in NEWS_FEATURES}
        self.stem_feature_weights = {k: float(feature_weights[k]) for k in STEM_FEATURES if k in feature_weights}
        self.nrc_weight = float(feature_weights[NRC_FEATURE]) if NRC_FEATURE in feature_weights else None
        self.opinion_weight = float(feature_weights[OPINION_FEATURE]) if OPINION_FEATURE in feature_weights else None
        self.word_weights = {k: float(v) for k, v in word_weights.items()}
        self.stem_terms = bool(stem_terms)
        self.transfer_weights = {k: float(v) for k, v in (transfer_weights or {}).items()}
        self.transfer_coefficient = float(feature_weights[TRANSFER_FEATURE]) if self.transfer_weights else 0.0
        self.neutral_band = float(neutral_band)
        self.meta = dict(meta or {})

    def _news_terms(self, distinct: Sequence[list[str]]) -> Sequence[list[str]]:
        return [distinct_stems(d) for d in distinct] if self.stem_terms else distinct

    def predict_from_features(self, F: pd.DataFrame, words: Sequence[Iterable[str]]) -> np.ndarray:
        terms = [word_terms(ws) for ws in words]  # once for every lexicon and the stem features
        distinct = [list(dict.fromkeys(t for t, _ in tt)) for tt in terms]  # as distinct_terms
        w = np.array([self.feature_weights[k] for k in NEWS_FEATURES])
        out = (self.intercept + F[list(NEWS_FEATURES)].to_numpy(dtype=float) @ w
               + lexicon_sums(self.word_weights, self._news_terms(distinct)))
        if self.transfer_weights:
            out = out + self.transfer_coefficient * lexicon_sums(self.transfer_weights, distinct)
        if self.stem_feature_weights:
            out = out + stem_feature_columns(F, words, terms) @ np.array([self.stem_feature_weights[k] for k in STEM_FEATURES])
        if self.nrc_weight is not None:
            out = out + self.nrc_weight * nrc_feature_column(F, words, terms)
        if self.opinion_weight is not None:
            out = out + self.opinion_weight * opinion_feature_column(F, words, terms)
        return out

    def word_part(self, words: Sequence[Iterable[str]]) -> np.ndarray:
        """The learned terms' share of each prediction: the sum of the weights
        of the distinct terms (:func:`word_terms`, stemmed if the model's are)
        of each text."""
        return lexicon_sums(self.word_weights, self._news_terms([distinct_terms(ws) for ws in words]))

    def predict(self, texts: Sequence[str], words: Sequence[Iterable[str]]) -> np.ndarray:
        """Predicted mean human valence (-4..4 scale) for each text, given its
        word tokens (shared segmentation)."""
        if len(texts) == 0:
            return np.zeros(0)
        return self.predict_from_features(news_features(texts), words)

    def to_csv(self, path, header: str) -> None:
        lines = [("# " + ln).rstrip() for ln in header.strip().splitlines()]
        lines.append("kind,term,weight")
        lines.append(f"intercept,,{self.intercept:.8g}")
        lines.append(f"neutral_band,,{self.neutral_band:.8g}")
        for k in NEWS_FEATURES:
            lines.append(f"feature,{k},{self.feature_weights[k]:.8g}")
        if self.transfer_weights:
            lines.append(f"feature,{TRANSFER_FEATURE},{self.transfer_coefficient:.8g}")
        for k in STEM_FEATURES:
            if k in self.stem_feature_weights:
                lines.append(f"feature,{k},{self.stem_feature_weights[k]:.8g}")
        if self.nrc_weight is not None:
            lines.append(f"feature,{NRC_FEATURE},{self.nrc_weight:.8g}")
        if self.opinion_weight is not None:
            lines.append(f"feature,{OPINION_FEATURE},{self.opinion_weight:.8g}")
        if self.stem_terms:
            lines.append("setting,stem_terms,1")
        for k in sorted(self.word_weights):
            lines.append(f"word,{k},{self.word_weights[k]:.8g}")
        for k in sorted(self.transfer_weights):
            lines.append(f"transfer,{k},{self.transfer_weights[k]:.8g}")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")

    @classmethod
    def from_csv(cls, path) -> "NewsModel":
        df = pd.read_csv(path, comment="#", dtype={"kind": str, "term": str}, keep_default_na=False)
        unknown = set(df["kind"]) - {"intercept", "neutral_band", "feature", "word", "transfer", "setting"}
        if unknown:
            raise ValueError(f"{path}: unknown row kind(s) {sorted(unknown)}")
        get = lambda kind: df.loc[df["kind"] == kind]  # noqa: E731
        intercept = float(get("intercept")["weight"].iloc[0])
        band = float(get("neutral_band")["weight"].iloc[0])
        feats = dict(zip(get("feature")["term"], get("feature")["weight"].astype(float)))
        words = dict(zip(get("word")["term"], get("word")["weight"].astype(float)))
        transfer = dict(zip(get("transfer")["term"], get("transfer")["weight"].astype(float)))
        settings = dict(zip(get("setting")["term"], get("setting")["weight"].astype(float)))
        unknown = set(settings) - {"stem_terms"}
        if unknown:
            raise ValueError(f"{path}: unknown setting(s) {sorted(unknown)}")
        return cls(intercept, feats, words, band, transfer_weights=transfer,
                   stem_terms=bool(settings.get("stem_terms", 0)))


NEWS_MODEL_FILE = "sentiment_news_model.csv"


@functools.cache
def load_news_model() -> NewsModel:
    """The fitted ``news`` model from ``analysis/data/sentiment_news_model.csv``."""
    return NewsModel.from_csv(data_path(NEWS_MODEL_FILE))


def human_labels(scores: Sequence[float], band: float = 0.2) -> np.ndarray:
    """3-class labels of mean ratings on the -4..4 scale: neutral if |score| < band."""
    s = np.asarray(scores, dtype=float)
    return np.where(s >= band, "positive", np.where(s <= -band, "negative", "neutral"))
