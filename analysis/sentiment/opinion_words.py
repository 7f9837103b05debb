"""The opinion-lexicon feature of the ``news`` scorer (:func:`opinion_features`):
per sentence, the sum over its words of their polarity in the opinion lexicon
of Hu & Liu (2004, "Mining and summarizing customer reviews", KDD-2004; Liu,
Hu & Cheng 2005, WWW-2005): 2,005 positive and 4,781 negative English words,
as bundled in the ``tidytextpy`` package (``tidytextpy/dictionary/bing.csv``,
the ``bing`` lexicon of R's tidytext, which ships it with the authors'
permission for research and commercial use with attribution; cite the paper).

Why: the list was made by hand from opinion writing and holds evaluative
words that VADER, AFINN and the NRC lexicon all lack (320 distinct words of
the NYT editorial dev half, such as ``concern``, ``toll``, ``delays``,
``sensible``, ``astonishing``); as one more sum it was the largest single gain
of the round-6 lexicons (docs/sentiment.md).

Polarity and reading as in :mod:`analysis.sentiment.nrc`: +1 a positive word,
-1 a negative one, 0 a word in both lists (``envious``, ``enviously``,
``enviousness``) or in neither; a word the list lacks as written takes the
mean polarity of the list's words with the same inflectional stem
(:func:`analysis.sentiment.stems.stem`, stems of at least three letters); a
word in a negation's scope (a ``~`` term of
:func:`analysis.sentiment.features.word_terms`) counts times VADER's negation
factor."""
from __future__ import annotations

import csv
import functools
from typing import Iterable, Sequence

import numpy as np

from analysis.core.resources import package_files
from analysis.sentiment.features import word_terms
from analysis.sentiment.nrc import MIN_STEM_LENGTH
from analysis.sentiment.stems import NEGATION_FACTOR, stem

__all__ = ["OPINION_FEATURE", "opinion_lexicon", "opinion_polarities", "opinion_term_valence",
           "opinion_features", "opinion_features_of_terms", "opinion_feature_column"]

#: the feature's column name in the news feature table and the model file
OPINION_FEATURE = "opinion_sum"


@functools.cache
def opinion_lexicon() -> dict[str, frozenset[str]]:
    """{"positive": words, "negative": words} of the Hu & Liu opinion lexicon,
    read from the installed ``tidytextpy`` package's ``dictionary/bing.csv``
    (columns ``word,sentiment``) without importing that package."""
    path = package_files("tidytextpy", "tidytextpy", "The Hu & Liu opinion lexicon", "dictionary", "bing.csv")[0]
    lists: dict[str, set[str]] = {"positive": set(), "negative": set()}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lists[row["sentiment"]].add(row["word"].lower())
    return {k: frozenset(v) for k, v in lists.items()}


@functools.cache
def opinion_polarities() -> tuple[dict[str, float], dict[str, float]]:
    """({word: polarity}, {stem: mean polarity of the all-letter words with
    that stem}) of the opinion lexicon; words in both lists are left out;
    stems shorter than :data:`~analysis.sentiment.nrc.MIN_STEM_LENGTH` too."""
    lists = opinion_lexicon()
    words = {w: 1.0 for w in lists["positive"] - lists["negative"]}
    words.update({w: -1.0 for w in lists["negative"] - lists["positive"]})
    by_stem: dict[str, list[float]] = {}
    for word in sorted(words):
        if word.isalpha() and len(stem(word)) >= MIN_STEM_LENGTH:
            by_stem.setdefault(stem(word), []).append(words[word])
    return words, {s: float(np.mean(v)) for s, v in by_stem.items()}


@functools.lru_cache(maxsize=1 << 18)
def opinion_term_valence(term: str) -> float:
    """Opinion-lexicon polarity of one term (:func:`word_terms`): the word's
    own, else its stem's, else 0; times :data:`NEGATION_FACTOR` for a ``~`` term."""
    negated = term.startswith("~")
    word = term[1:] if negated else term
    words, by_stem = opinion_polarities()
    value = words.get(word)
    if value is None:
        value = by_stem.get(stem(word), 0.0) if word.isalpha() else 0.0
    return NEGATION_FACTOR * value if negated else value


def opinion_features_of_terms(terms: Sequence[Sequence[tuple[str, bool]]]) -> np.ndarray:
    """:func:`opinion_features` from each text's :func:`word_terms` (computed once by the caller)."""
    return np.array([sum(opinion_term_valence(t) for t, _ in tt) for tt in terms], dtype=float)


def opinion_features(words: Sequence[Iterable[str]]) -> np.ndarray:
    """For each text (its word tokens), the sum of the opinion-lexicon
    polarities of its words, every occurrence counted (:func:`opinion_term_valence`)."""
    return opinion_features_of_terms([word_terms(ws) for ws in words])


def opinion_feature_column(F, words: Sequence[Iterable[str]], terms=None) -> np.ndarray:
    """The :data:`OPINION_FEATURE` column of the feature table ``F`` when it
    has it (computed once for a cross-validation), else :func:`opinion_features`
    of ``words`` (or of their ``terms``, if given)."""
    if F is not None and OPINION_FEATURE in F.columns:
        return F[OPINION_FEATURE].to_numpy(dtype=float)
    return opinion_features_of_terms(terms) if terms is not None else opinion_features(words)
