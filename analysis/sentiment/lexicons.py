"""The sentence scorers that the methods build on: VADER (the port in
:mod:`analysis.sentiment.vader`, also returning the valence sums the ``news``
features need), NLTK's VADER port and AFINN-165, each loaded once per
process; VADER's normalisation and the compound-threshold labels."""
from __future__ import annotations

import functools
import math
import threading

import numpy as np

from analysis.core.resources import vader_lexicon_path
from analysis.sentiment.vader import Vader

__all__ = ["VaderWithSums", "vader_scorer", "vader_nltk_scorer", "afinn_scorer", "normalise", "compound_labels"]

class VaderWithSums:
    """VADER through :class:`analysis.sentiment.vader.Vader` (vaderSentiment 3.3.2's
    rules, the same floats bit for bit, several times faster), also returning
    the word valences' sums that the ``news`` features need (taken before
    rounding, as vaderSentiment's ``score_valence`` sees them)."""

    def __init__(self):
        self.analyser = Vader(lexicon_file=vader_lexicon_path())

    def __call__(self, text: str) -> dict:
        """Scores with the valence sums (for the ``news`` features)."""
        return self.analyser.polarity_scores_with_sums(text)

    def scores(self, text: str) -> dict:
        """vaderSentiment's own four scores, nothing added."""
        return self.analyser.polarity_scores(text)


@functools.cache
def vader_scorer() -> VaderWithSums:
    """The process's one VADER scorer (the lexicon is read once)."""
    return VaderWithSums()


_NLTK_LOCK = threading.Lock()


@functools.cache
def vader_nltk_scorer():
    """NLTK's port with the lexicon file shipped by ``vaderSentiment``.

    NLTK 3.10 refuses ``file:`` URLs in ``nltk.data.load``, so the folder that
    holds the ``vaderSentiment`` package is put on ``nltk.data.path`` for the
    duration of the one load (and removed again): nothing is downloaded and
    no ``nltk_data`` folder is needed."""
    import nltk.data
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    lexicon = vader_lexicon_path()
    root = str(lexicon.parent.parent)
    with _NLTK_LOCK:
        nltk.data.path.insert(0, root)
        try:
            return SentimentIntensityAnalyzer(lexicon_file=f"{lexicon.parent.name}/{lexicon.name}")
        finally:
            nltk.data.path.remove(root)


@functools.cache
def afinn_scorer():
    """The AFINN-165 scorer (``afinn`` package, English)."""
    from afinn import Afinn  # a pinned dependency; imported on first use only

    return Afinn(language="en")


def normalise(x: float, alpha: float = 15.0) -> float:
    """VADER's normalisation ``x / sqrt(x**2 + alpha)`` into (-1, 1)."""
    return x / math.sqrt(x * x + alpha)


def compound_labels(compound: np.ndarray, hi: float, lo: float) -> np.ndarray:
    """positive / neutral / negative: ``compound >= hi`` / between / ``<= lo``."""
    return np.where(compound >= hi, "positive", np.where(compound <= lo, "negative", "neutral"))
