"""A word list of positive and negative words as one feature of the ``news``
scorer: the reading that the NRC lexicon (:mod:`analysis.sentiment.nrc`) and
the Hu & Liu opinion lexicon (:mod:`analysis.sentiment.opinion_words`) share.

Per sentence the feature is the sum over its words of their polarity: +1 a
positive word, -1 a negative one, 0 a word in neither list (or in both, which
the loader leaves out).  A word the list lacks as written takes the mean
polarity of the list's all-letter words with the same inflectional stem
(:func:`analysis.sentiment.stems.stem`: ``jeopardizes`` -> ``jeopardize``;
stems of at least :data:`MIN_STEM_LENGTH` letters), and a word in a
negation's scope (a ``~`` term of
:func:`analysis.sentiment.features.word_terms`) counts times VADER's negation
factor, as in the stem back-off features."""
from __future__ import annotations

import functools
from typing import Callable, Iterable, Sequence

import numpy as np

from analysis.sentiment.features import word_terms
from analysis.sentiment.stems import NEGATION_FACTOR, stem

__all__ = ["MIN_STEM_LENGTH", "PolarityList"]

#: shorter stems take no back-off: ``offing`` stems to ``of``, which would make "of" positive
MIN_STEM_LENGTH = 3


class PolarityList:
    """One polarity word list read as the feature column ``feature``;
    ``load_words`` returns {word: +1.0 or -1.0} (lower case), read once."""

    def __init__(self, feature: str, load_words: Callable[[], dict[str, float]]):
        self.feature = feature
        self._load_words = load_words
        self.polarities = functools.cache(self._polarities)
        self.term_valence = functools.lru_cache(maxsize=1 << 18)(self._term_valence)

    def _polarities(self) -> tuple[dict[str, float], dict[str, float]]:
        """({word: polarity}, {stem: mean polarity of the all-letter words
        with that stem}); stems shorter than :data:`MIN_STEM_LENGTH` left out."""
        words = self._load_words()
        by_stem: dict[str, list[float]] = {}
        for word, polarity in words.items():
            if word.isalpha() and len(stem(word)) >= MIN_STEM_LENGTH:
                by_stem.setdefault(stem(word), []).append(polarity)
        return words, {s: float(np.mean(v)) for s, v in by_stem.items()}

    def _term_valence(self, term: str) -> float:
        """Polarity of one term (:func:`word_terms`): the word's own, else its
        stem's, else 0; times :data:`NEGATION_FACTOR` for a ``~`` term."""
        negated = term.startswith("~")
        word = term[1:] if negated else term
        words, by_stem = self.polarities()
        value = words.get(word)
        if value is None:
            value = by_stem.get(stem(word), 0.0) if word.isalpha() else 0.0
        return NEGATION_FACTOR * value if negated else value

    def features_of_terms(self, terms: Sequence[Sequence[tuple[str, bool]]]) -> np.ndarray:
        """:meth:`features` from each text's :func:`word_terms` (computed once by the caller)."""
        return np.array([sum(self.term_valence(t) for t, _ in tt) for tt in terms], dtype=float)

    def features(self, words: Sequence[Iterable[str]]) -> np.ndarray:
        """For each text (its word tokens), the sum of the polarities of its
        words, every occurrence counted (:meth:`term_valence`)."""
        return self.features_of_terms([word_terms(ws) for ws in words])

    def feature_column(self, F, words: Sequence[Iterable[str]], terms=None) -> np.ndarray:
        """The :attr:`feature` column of the feature table ``F`` when it has
        it (computed once for a cross-validation), else :meth:`features` of
        ``words`` (or of their ``terms``, if given)."""
        if F is not None and self.feature in F.columns:
            return F[self.feature].to_numpy(dtype=float)
        return self.features_of_terms(terms) if terms is not None else self.features(words)
