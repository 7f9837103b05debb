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
added nothing beyond polarity on the dev half); stems and negation are read
as for every polarity list (:mod:`analysis.sentiment.polarity_lists`)."""
from __future__ import annotations

import json

from analysis.core.resources import package_files
from analysis.sentiment.polarity_lists import MIN_STEM_LENGTH, PolarityList

__all__ = ["NRC_FEATURE", "MIN_STEM_LENGTH", "NRC", "nrc_polarities", "nrc_term_valence", "nrc_features",
           "nrc_features_of_terms", "nrc_feature_column"]

#: the feature's column name in the news feature table and the model file
NRC_FEATURE = "nrc_sum"


def _nrc_words() -> dict[str, float]:
    """{word: +1.0 or -1.0} of the NRC Emotion Lexicon (``positive`` /
    ``negative`` labels; words with both or neither left out)."""
    path = package_files("nrclex", "nrclex", "The NRC Emotion Lexicon", "data", "nrc_en.json")[0]
    with open(path, encoding="utf-8") as fh:
        entries = json.load(fh)
    words = {}
    for word, labels in entries.items():
        polarity = ("positive" in labels) - ("negative" in labels)
        if polarity:
            words[word.lower()] = float(polarity)
    return words


NRC = PolarityList(NRC_FEATURE, _nrc_words)
nrc_polarities = NRC.polarities
nrc_term_valence = NRC.term_valence
nrc_features_of_terms = NRC.features_of_terms
nrc_features = NRC.features
nrc_feature_column = NRC.feature_column
