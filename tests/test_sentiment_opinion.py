"""The Hu & Liu opinion-lexicon feature of the ``news`` scorer
(analysis.sentiment.opinion_words).  Expected values were read by hand from
``tidytextpy/dictionary/bing.csv`` (tidytextpy 1.0): 6,786 rows after the
``word,sentiment`` header, first ``2-faces,negative``, last ``zombie,negative``;
``tyranny``, ``toll``, ``concern``, ``blunder``, ``blunders`` negative;
``astonishing``, ``sensible``, ``courage`` positive; ``envious`` listed both
positive and negative; ``tyrannies``, ``tolls``, ``blundered``, ``war`` and
``vote`` absent."""
import pytest

from analysis import sentiment as S
from analysis.sentiment import opinion_words as O


def test_the_bundled_lists():
    lists = O.opinion_lexicon()
    assert (len(lists["positive"]), len(lists["negative"])) == (2005, 4781)
    assert {"astonishing", "sensible", "courage", "zippy"} <= lists["positive"]
    assert {"2-faces", "tyranny", "toll", "concern", "zombie"} <= lists["negative"]
    assert lists["positive"] & lists["negative"] == {"envious", "enviously", "enviousness"}


def test_polarities_read_from_the_bundled_lists():
    words, by_stem = O.opinion_polarities()
    assert len(words) == 6786 - 2 * 3  # the three words in both lists have no polarity
    assert words["tyranny"] == -1.0 and words["astonishing"] == 1.0 and words["toll"] == -1.0
    assert "envious" not in words and "war" not in words
    assert "tolls" not in words and by_stem["toll"] == -1.0


@pytest.mark.parametrize("term, want", [
    ("toll", -1.0), ("tolls", -1.0), ("blundered", -1.0),  # as written; by stem (blunder, blunders)
    ("sensible", 1.0), ("~sensible", -0.74), ("~tolls", 0.74),  # in a negation's scope: VADER's factor
    ("envious", 0.0), ("war", 0.0), ("vote", 0.0), ("1990", 0.0), ("", 0.0),
])
def test_term_valence(term, want):
    assert O.opinion_term_valence(term) == pytest.approx(want)


def test_opinion_features_sum_every_occurrence():
    got = O.opinion_features([
        ["The", "toll", "of", "the", "delays"],             # -1 -1
        ["It", "is", "not", "sensible"],                    # "not" then ~sensible: -0.74
        ["Astonishing", "and", "astonishing", "courage"],   # capitalised and repeated: +3
        [],
    ])
    assert got.tolist() == pytest.approx([-2.0, -0.74, 3.0, 0.0])


def test_a_model_with_the_opinion_feature_round_trips(tmp_path):
    feats = {k: 0.0 for k in S.NEWS_FEATURES} | {S.OPINION_FEATURE: 0.5}
    m = S.NewsModel(0.1, feats, {}, 0.2)
    words = [["The", "toll", "of", "delays"], ["It", "is", "not", "sensible"]]
    F = S.news_features([" ".join(w) for w in words])
    assert m.predict_from_features(F, words) == pytest.approx([0.1 - 1.0, 0.1 - 0.37])
    path = tmp_path / "model.csv"
    m.to_csv(path, "a model with the opinion feature")
    assert "feature,opinion_sum,0.5" in path.read_text()
    again = S.NewsModel.from_csv(path)
    assert again.opinion_weight == 0.5 and again.nrc_weight is None
    assert again.predict_from_features(F, words) == pytest.approx(m.predict_from_features(F, words))
