"""The NRC lexicon feature of the ``news`` scorer (analysis.sentiment.nrc).
Expected values were read by hand from ``nrclex/data/nrc_en.json`` (nrclex
4.1.0): ``tyranny``, ``jeopardize``, ``war`` negative; ``enrich``, ``save``
positive; ``vote`` both (so no polarity); ``tyrannies``, ``jeopardizes``,
``saving`` absent as written."""
import pytest

from analysis import sentiment as S
from analysis.sentiment import nrc as N


def test_polarities_read_from_the_bundled_lexicon():
    words, by_stem = N.nrc_polarities()
    assert words["tyranny"] == -1.0 and words["enrich"] == 1.0 and words["war"] == -1.0
    assert "vote" not in words  # marked both positive and negative
    assert "abacus" not in words  # an emotion (trust) but no polarity
    assert "tyrannies" not in words and by_stem["tyranny"] == -1.0


@pytest.mark.parametrize("term, want", [
    ("tyranny", -1.0), ("tyrannies", -1.0),      # as written; by stem
    ("jeopardizes", -1.0), ("enrich", 1.0), ("saving", 1.0),
    ("~enrich", -0.74), ("~tyrannies", 0.74),     # in a negation's scope: VADER's factor
    ("vote", 0.0), ("table", 0.0), ("1990", 0.0), ("", 0.0),
    ("of", 0.0),  # "offing" stems to "of": stems under three letters take no back-off
])
def test_term_valence(term, want):
    assert N.nrc_term_valence(term) == pytest.approx(want)


def test_nrc_features_sum_every_occurrence():
    got = N.nrc_features([
        ["The", "tyranny", "jeopardizes", "the", "war"],  # -1 -1 -1
        ["It", "will", "not", "enrich", "anyone"],                    # "not" then ~enrich: -0.74
        ["Tyranny", "and", "tyranny", "again"],                       # capitalised and repeated: -2
        [],
    ])
    assert got.tolist() == pytest.approx([-3.0, -0.74, -2.0, 0.0])


def test_a_model_with_the_nrc_feature_round_trips(tmp_path):
    feats = {k: 0.0 for k in S.NEWS_FEATURES} | {S.NRC_FEATURE: 0.5}
    m = S.NewsModel(0.1, feats, {}, 0.2)
    words = [["The", "tyranny", "of", "war"], ["They", "did", "not", "enrich", "it"]]
    F = S.news_features([" ".join(w) for w in words])
    assert m.predict_from_features(F, words) == pytest.approx([0.1 - 1.0, 0.1 - 0.37])
    path = tmp_path / "model.csv"
    m.to_csv(path, "a model with the NRC feature")
    assert "feature,nrc_sum,0.5" in path.read_text()
    again = S.NewsModel.from_csv(path)
    assert again.nrc_weight == 0.5
    assert again.predict_from_features(F, words) == pytest.approx(m.predict_from_features(F, words))
    assert S.NewsModel(0.1, {k: 0.0 for k in S.NEWS_FEATURES}, {}, 0.2).nrc_weight is None
