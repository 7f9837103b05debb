"""The per-word fast paths added for issue 21 (CPU in one process) answer
exactly as the plain definitions they stand in for."""
from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.readability import syllables as syl

_LOWER = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz"), max_size=14)


@settings(max_examples=500, deadline=None)
@given(_LOWER)
def test_letter_features_equal_plain_features(word):
    assert syl._letter_features(word) == syl._features(word)


def test_letter_features_by_hand():
    # "yay": the initial y before a vowel is a consonant; one group "a", then "y$"
    assert syl._letter_features("yay") == syl._features("yay")
    assert syl._letter_features("yay")[:3] == ["c:ay", "c1:ay|$", "c2:yay|$"]
    assert syl._letter_features("")[-4:] == ["s3:^$", "s4:^$", "s5:^$", "b3:^$"]


def _plain_ascii_letters(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word)
    return "".join(c for c in folded if "a" <= c <= "z" or "A" <= c <= "Z").lower()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcXYZé'’-1 ıﬁÅ"), max_size=10))
def test_ascii_letters_fast_path_equals_plain(word):
    assert syl._ascii_letters(word) == _plain_ascii_letters(word)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghiklmnoprstuwyzAEKé'"), min_size=1, max_size=12))
def test_estimate_equals_the_plain_sum(word):
    table = syl.estimator_weights()
    w = _plain_ascii_letters(word)
    plain = 0 if not w else max(1, int(round(sum(map(table.get, syl._features(w), itertools.repeat(0.0))))))
    assert syl.estimate_syllables(word) == plain
    assert syl.estimate_syllables(word, weights=table) == plain
