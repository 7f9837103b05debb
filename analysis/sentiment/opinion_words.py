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

Polarity: +1 a positive word, -1 a negative one, 0 a word in both lists
(``envious``, ``enviously``, ``enviousness``) or in neither; stems and
negation are read as for every polarity list
(:mod:`analysis.sentiment.polarity_lists`)."""
from __future__ import annotations

import csv
import functools

from analysis.core.resources import package_files
from analysis.sentiment.polarity_lists import PolarityList

__all__ = ["OPINION_FEATURE", "OPINION", "opinion_lexicon", "opinion_polarities", "opinion_term_valence",
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


def _opinion_words() -> dict[str, float]:
    """{word: +1.0 or -1.0}; words in both lists left out."""
    lists = opinion_lexicon()
    words = {w: 1.0 for w in sorted(lists["positive"] - lists["negative"])}
    words.update({w: -1.0 for w in sorted(lists["negative"] - lists["positive"])})
    return words


OPINION = PolarityList(OPINION_FEATURE, _opinion_words)
opinion_polarities = OPINION.polarities
opinion_term_valence = OPINION.term_valence
opinion_features_of_terms = OPINION.features_of_terms
opinion_features = OPINION.features
opinion_feature_column = OPINION.feature_column
