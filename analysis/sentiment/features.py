"""What the ``news`` scorer reads of a sentence: its word tokens
(:func:`sentence_words`), its terms (:func:`word_terms`: lower-cased words, a
word within :data:`NEGATION_SCOPE` words after a negator marked ``~``), the
sentence features from VADER and AFINN (:func:`news_features`), and sums of
lexicon weights over distinct terms (:func:`term_sums`)."""
from __future__ import annotations

import math
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.sentiment.lexicons import afinn_scorer, vader_scorer
from analysis.core.text import Document

__all__ = ["NEGATORS", "NEGATION_SCOPE", "NEWS_FEATURES", "TRANSFER_FEATURE", "sentence_words", "word_terms",
           "news_features", "distinct_terms", "term_sums", "lexicon_sums"]

#: VADER's own negation words (vaderSentiment.NEGATE) plus "no"
NEGATORS = frozenset([
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
    "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
    "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't",
    "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
    "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont",
    "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite", "no",
])
NEGATION_SCOPE = 3


def sentence_words(doc: Document, i: int) -> list[str]:
    """Word tokens of sentence ``i`` as written (shared tokens, quotes normalised)."""
    qt = doc.quote_text
    idx = doc.sentence_tokens(i)
    return [qt[s:e] for s, e in doc.tokens[idx[doc.token_is_word[idx]]].tolist()]


def word_terms(words: Iterable[str]) -> list[tuple[str, bool]]:
    """The learned-lexicon terms of a sentence: each word token lower-cased
    (curly apostrophes straightened), prefixed with ``~`` when it follows a
    negator (:data:`NEGATORS`) within :data:`NEGATION_SCOPE` words, so "not
    good" gives ``not``, ``~good``.  Each term comes with whether the token was
    written in lower case (only those may join the vocabulary)."""
    out, scope = [], 0
    for w in words:
        low = w.lower().replace("’", "'")
        if low in NEGATORS:
            out.append((low, w.islower()))
            scope = NEGATION_SCOPE
            continue
        out.append((("~" + low) if scope > 0 else low, w.islower()))
        scope -= 1
    return out


NEWS_FEATURES = (
    "vader_compound", "vader_pos", "vader_neg", "vader_sum", "vader_pos_sum", "vader_neg_sum",
    "vader_n_pos", "vader_n_neg", "vader_max", "vader_min", "log_n_items",
    "afinn_sum", "afinn_pos_sum", "afinn_neg_sum",
    "vader_sum_tanh", "afinn_sum_tanh", "vader_compound_cubed", "vader_compound_sqrt",
)


def news_features(texts: Sequence[str]) -> pd.DataFrame:
    """The sentence features the ``news`` method combines, one row per text.

    ``vader_*`` come from vaderSentiment 3.3.2 (its compound, pos and neg and,
    before normalisation, the sum of word valences, the sums and counts of
    positive and negative valences, the largest and smallest valence);
    ``log_n_items`` is the log of VADER's word count (at least 1);
    ``afinn_*`` are the sum and the positive / negative sums of AFINN-165 word
    scores (AFINN's own phrase matcher); then four bends that let a linear
    model saturate or sharpen: ``tanh(vader_sum / 2)``, ``tanh(afinn_sum / 3)``,
    ``compound**3`` and ``sign(compound) * sqrt(|compound|)``."""
    v, af = vader_scorer(), afinn_scorer()
    rows = []
    for t in texts:
        sc = v(t)
        a = [float(x) for x in af.scores_with_pattern(t)]
        c = sc["compound"]
        a_sum = sum(a)
        rows.append((
            c, sc["pos"], sc["neg"], sc["_sum"], sc["_pos_sum"], sc["_neg_sum"],
            sc["_n_pos"], sc["_n_neg"], sc["_max"], sc["_min"], math.log(max(sc["_n_items"], 1)),
            a_sum, sum(x for x in a if x > 0), sum(x for x in a if x < 0),
            math.tanh(sc["_sum"] / 2), math.tanh(a_sum / 3), c ** 3, math.copysign(math.sqrt(abs(c)), c),
        ))
    return pd.DataFrame(rows, columns=list(NEWS_FEATURES), dtype=float)


#: the ``news`` feature fed by the transfer lexicon (:func:`fit_transfer_lexicon`)
TRANSFER_FEATURE = "transfer_lexicon"


def distinct_terms(words: Iterable[str]) -> list[str]:
    """The distinct terms (:func:`word_terms`) of one text in order of first
    appearance: a set's order changes with PYTHONHASHSEED, and so would the
    last bit of a sum over it."""
    return list(dict.fromkeys(t for t, _ in word_terms(words)))


def term_sums(lexicon: dict[str, float], words: Sequence[Iterable[str]]) -> np.ndarray:
    """For each text (its word tokens), the sum of the ``lexicon`` weights of
    its distinct terms (:func:`word_terms`); terms not in the lexicon add 0."""
    return lexicon_sums(lexicon, [distinct_terms(ws) for ws in words])


def lexicon_sums(lexicon: dict[str, float], distinct: Sequence[list[str]]) -> np.ndarray:
    """For each text's distinct terms, the sum of their ``lexicon`` weights."""
    return np.array([sum(lexicon.get(t, 0.0) for t in terms) for terms in distinct], dtype=float)
