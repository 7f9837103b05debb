"""The NRC lexicon feature of the ``news`` scorer (:func:`nrc_features`): per
sentence, the sum over its words of their polarity in the NRC Emotion Lexicon
(Mohammad & Turney 2013, "Crowdsourcing a word-emotion association lexicon",
Computational Intelligence 29(3)), as bundled in the ``nrclex`` package
(``nrclex/data/nrc_en.json``; the lexicon is free for research use, cite the
paper).

Why: 31 % of the NYT editorial sentences hold no word that VADER or AFINN
lists, and the words that decide them (``tyranny``, ``jeopardize``,
``languish``, ``staggering``) are too rare to be learned from 2,601 rated
sentences.  The NRC lexicon was made by crowd raters over about 6,500 common
English words and covers many of them; 62 % of those lexicon-less sentences
have an NRC word.  Its weight is learned by the news regression like every
other feature.

A word's polarity is +1 if the lexicon marks it ``positive``, -1 if
``negative``, 0 if both or neither (its eight emotions are not used: they
added nothing beyond polarity on the dev half).  A word the lexicon lacks as
written takes the mean polarity of the lexicon's words with the same
inflectional stem (:func:`analysis.sentiment.stems.stem`: ``jeopardizes`` ->
``jeopardize``; stems of at least three letters), and a word in a negation's scope (a ``~`` term of
:func:`analysis.sentiment.features.word_terms`) counts times VADER's
negation factor, as in the stem back-off features."""
from __future__ import annotations

import functools
import json
from typing import Iterable, Sequence

import numpy as np

from analysis.core.resources import package_files
from analysis.sentiment.features import word_terms
from analysis.sentiment.stems import NEGATION_FACTOR, stem

__all__ = ["NRC_FEATURE", "nrc_polarities", "nrc_term_valence", "nrc_features", "nrc_features_of_terms",
           "nrc_feature_column"]

#: the feature's column name in the news feature table and the model file
NRC_FEATURE = "nrc_sum"
#: shorter stems take no back-off: ``offing`` stems to ``of``, which would make "of" positive
MIN_STEM_LENGTH = 3


@functools.cache
def nrc_polarities() -> tuple[dict[str, float], dict[str, float]]:
    """({word: polarity}, {stem: mean polarity of the all-letter words with
    that stem}) of the NRC Emotion Lexicon; words with no polarity (or both)
    are left out; stems shorter than :data:`MIN_STEM_LENGTH` too."""
    path = package_files("nrclex", "nrclex", "The NRC Emotion Lexicon", "data", "nrc_en.json")[0]
    with open(path, encoding="utf-8") as fh:
        entries = json.load(fh)
    words = {}
    for word, labels in entries.items():
        polarity = ("positive" in labels) - ("negative" in labels)
        if polarity:
            words[word.lower()] = float(polarity)
    by_stem: dict[str, list[float]] = {}
    for word, polarity in words.items():
        if word.isalpha() and len(stem(word)) >= MIN_STEM_LENGTH:
            by_stem.setdefault(stem(word), []).append(polarity)
    return words, {s: float(np.mean(v)) for s, v in by_stem.items()}


@functools.lru_cache(maxsize=1 << 18)
def nrc_term_valence(term: str) -> float:
    """NRC polarity of one term (:func:`word_terms`): the word's own, else its
    stem's, else 0; times :data:`NEGATION_FACTOR` for a ``~`` term."""
    negated = term.startswith("~")
    word = term[1:] if negated else term
    words, by_stem = nrc_polarities()
    value = words.get(word)
    if value is None:
        value = by_stem.get(stem(word), 0.0) if word.isalpha() else 0.0
    return NEGATION_FACTOR * value if negated else value


def nrc_features_of_terms(terms: Sequence[Sequence[tuple[str, bool]]]) -> np.ndarray:
    """:func:`nrc_features` from each text's :func:`word_terms` (computed once by the caller)."""
    return np.array([sum(nrc_term_valence(t) for t, _ in tt) for tt in terms], dtype=float)


def nrc_features(words: Sequence[Iterable[str]]) -> np.ndarray:
    """For each text (its word tokens), the sum of the NRC polarities of its
    words, every occurrence counted (:func:`nrc_term_valence`)."""
    return nrc_features_of_terms([word_terms(ws) for ws in words])


def nrc_feature_column(F, words: Sequence[Iterable[str]], terms=None) -> np.ndarray:
    """The :data:`NRC_FEATURE` column of the feature table ``F`` when it has
    it (computed once for a cross-validation), else :func:`nrc_features` of
    ``words`` (or of their ``terms``, if given)."""
    if F is not None and NRC_FEATURE in F.columns:
        return F[NRC_FEATURE].to_numpy(dtype=float)
    return nrc_features_of_terms(terms) if terms is not None else nrc_features(words)
