"""The per-word and per-group fast paths added for issue 21 (CPU in one process) answer
exactly as the plain definitions they stand in for."""
from __future__ import annotations

import itertools
import math
import unicodedata

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.core import bootstrap as boot
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


# ---------------------------------------------------------------------------
# the saddlepoint bisection of analysis.core.bootstrap, as written before it
# gathered by one owner index instead of np.repeat (kept here as the plain version)

def _plain_saddlepoint_limits(y, offsets, sizes, alpha):
    g = len(sizes)
    offsets = np.concatenate([offsets, offsets + len(y)])
    y = np.concatenate([y, y])
    sizes = np.concatenate([sizes, sizes])
    n = sizes.astype(float)

    def tilt(xi):
        a = np.repeat(xi, sizes) * y
        top = np.maximum.reduceat(a, offsets)
        e = np.exp(a - np.repeat(top, sizes))
        z = np.add.reduceat(e, offsets)
        ey = e * y
        mu = np.add.reduceat(ey, offsets) / z
        m2 = np.add.reduceat(ey * y, offsets) / z
        k = np.log(z / n) + top
        var = np.maximum(m2 - mu * mu, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            w = np.sign(xi) * np.sqrt(np.maximum(2 * n * (xi * mu - k), 0.0))
            u = xi * np.sqrt(n * var)
            cdf = boot.ndtr(w) + np.exp(-0.5 * w * w) / math.sqrt(2 * math.pi) * (1 / w - 1 / u)
        return mu, cdf

    lower = np.arange(2 * g) < g
    target = np.where(lower, alpha, 1 - alpha)
    near = np.zeros(2 * g)
    far = np.where(lower, -1.0, 1.0) * 40.0 / np.sqrt(n)
    for _ in range(boot._BISECTIONS):
        mid = (near + far) / 2
        _, cdf = tilt(mid)
        past = np.where(lower, cdf < target, cdf > target)
        far = np.where(past, mid, far)
        near = np.where(past, near, mid)
    mu, _ = tilt((near + far) / 2)
    return mu[:g], mu[g:]


_GROUP = st.lists(st.floats(-1, 1, allow_nan=False, width=32), min_size=2, max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(_GROUP, min_size=1, max_size=6), st.sampled_from([0.025, 0.05, 0.005]))
def test_saddlepoint_limits_equal_plain_version_to_the_bit(groups, alpha):
    sizes = np.array([len(g) for g in groups], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    x = np.concatenate([np.array(g, dtype=float) for g in groups])
    # standardised per group, as mean_intervals hands them over (a constant group: zeros)
    owner = np.repeat(np.arange(len(sizes)), sizes)
    mean = np.add.reduceat(x, offsets) / sizes
    sd = np.sqrt(np.add.reduceat((x - mean[owner]) ** 2, offsets) / sizes)
    y = np.where(sd[owner] > 0, (x - mean[owner]) / np.where(sd[owner] > 0, sd[owner], 1.0), 0.0)
    fast = boot._saddlepoint_limits(y, offsets, sizes, alpha)
    plain = _plain_saddlepoint_limits(y, offsets, sizes, alpha)
    assert fast[0].tobytes() == plain[0].tobytes() and fast[1].tobytes() == plain[1].tobytes()


def test_saddlepoint_limits_by_hand():
    # one symmetric group -1, 0, 1 (standardised: +-1.2247): limits symmetric around 0
    y = np.array([-1.0, 0.0, 1.0]) / math.sqrt(2 / 3)
    lo, hi = boot._saddlepoint_limits(y, np.array([0]), np.array([3]), 0.025)
    assert lo[0] < 0 < hi[0] and math.isclose(lo[0], -hi[0], rel_tol=1e-9)
    assert -math.sqrt(1.5) < lo[0]  # a mean never leaves the range of the values
