"""The cached reading of a polarity word list (sentiment/polarity_lists.py)
against the plain sum, for both lists the news scorer reads."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.sentiment as S
from analysis.sentiment import nrc as N
from analysis.sentiment import opinion_words as O


def _plain_sum(polarity_list, words):
    """The plain reading of the feature, without the term cache."""
    lexicon, by_stem = polarity_list.polarities()
    total = 0.0
    for term, _ in S.word_terms(words):
        word = term.lstrip("~")
        value = lexicon.get(word, by_stem.get(S.stem_term(word), 0.0) if word.isalpha() else 0.0)
        total += -0.74 * value if term.startswith("~") else value
    return total


# words each list holds as written, by stem only, not at all, negators, capitals, short stems
_VOCABULARY = {
    "nrc": ["tyranny", "tyrannies", "enrich", "saving", "not", "no", "war", "vote",
            "The", "Save", "x1", "nice", "of", "offing", "'s", "don't"],
    "opinion": ["toll", "tolls", "sensible", "blundered", "not", "no", "war", "envious",
                "The", "Concern", "x1", "nice", "of", "offing", "'s", "don't"],
}
_LISTS = {"nrc": N.NRC, "opinion": O.OPINION}


@pytest.mark.parametrize("name", sorted(_LISTS))
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_cached_term_valences_match_the_plain_sum(name, data):
    texts = data.draw(st.lists(st.lists(st.sampled_from(_VOCABULARY[name]), max_size=12), max_size=4))
    polarity_list = _LISTS[name]
    assert polarity_list.features(texts).tolist() == pytest.approx([_plain_sum(polarity_list, ws) for ws in texts])
