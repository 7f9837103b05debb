"""Stems of the ``news`` scorer (analysis.sentiment.stems): Porter stems of
the learned terms and the stem back-off features.  Expected values were
worked out by hand from the VADER (vaderSentiment 3.3.2) and AFINN-165 word
lists."""
import numpy as np
import pytest

from analysis import sentiment as S
from analysis.sentiment import stems as T


@pytest.mark.parametrize("term, want", [
    ("saving", "save"), ("saved", "save"), ("hoping", "hope"), ("hopping", "hop"), ("stopped", "stop"),
    ("related", "relate"), ("agreed", "agree"), ("feed", "feed"), ("criticizes", "criticize"),
    ("~criticized", "~criticize"), ("tyrannies", "tyranny"), ("ties", "tie"), ("caresses", "caress"),
    ("taxes", "tax"), ("crashes", "crash"), ("cats", "cat"), ("bus", "bus"), ("this", "this"),
    ("world's", "world"), ("workers'", "worker"),  # possessives
    ("criticism", "criticism"), ("hopeful", "hopeful"),  # derivational suffixes stay
])
def test_stem_term_removes_inflections_and_keeps_the_negation_mark(term, want):
    assert T.stem_term(term) == want


def test_distinct_stems_in_order_of_first_appearance():
    assert T.distinct_stems(["saved", "the", "saving", "~good", "~goods"]) == ["save", "the", "~good"]


def test_stem_valences_are_means_over_the_entries_with_that_stem():
    (vader_entries, vader), (afinn_entries, afinn) = T.stem_valences()
    assert "saving" not in vader_entries and "saving" not in afinn_entries
    assert vader["save"] == pytest.approx((2.2 + 1.8) / 2)  # VADER: save 2.2, saved 1.8
    assert afinn["save"] == pytest.approx((2 + 2 + 1) / 3)  # AFINN: save 2, saved 2, savings 1


def test_stem_features_back_off_only_for_words_the_lexicon_lacks():
    got = T.stem_features([
        ["They", "are", "saving", "money"],          # "saving" is in neither list as written
        ["They", "saved", "money"],                  # "saved" is in both: exact look-up already scores it
        ["They", "are", "not", "saving", "money"],   # in a negation's scope: times -0.74
        [],                                          # an empty text
    ])
    assert got.shape == (4, 2)
    assert got[0] == pytest.approx([2.0, 5 / 3])
    assert got[1] == pytest.approx([0.0, 0.0])
    assert got[2] == pytest.approx([-0.74 * 2.0, -0.74 * 5 / 3])
    assert got[3] == pytest.approx([0.0, 0.0])


def test_a_model_with_stemmed_terms_and_stem_features(tmp_path):
    """valence = intercept + stem-feature weights @ stem features + weights of the distinct stems."""
    feats = {k: 0.0 for k in S.NEWS_FEATURES} | {"vader_stem_sum": 0.5, "afinn_stem_sum": 0.0}
    m = S.NewsModel(0.1, feats, {"save": 0.25, "~criticize": -0.5}, 0.2, stem_terms=True)
    words = [["Saving", "and", "saved", "again"], ["They", "did", "not", "criticized", "it"]]
    F = S.news_features([" ".join(w) for w in words])
    # text 1: stem "save" once (0.25) + 0.5 * VADER back-off of "Saving" (2.0); text 2: "~criticize" (-0.5)
    assert m.predict_from_features(F, words) == pytest.approx([0.1 + 0.25 + 1.0, 0.1 - 0.5])
    assert m.word_part(words) == pytest.approx([0.25, -0.5])
    path = tmp_path / "model.csv"
    m.to_csv(path, "a stemmed model")
    assert "setting,stem_terms,1" in path.read_text()
    again = S.NewsModel.from_csv(path)
    assert again.stem_terms and again.stem_feature_weights == {"vader_stem_sum": 0.5, "afinn_stem_sum": 0.0}
    assert again.predict_from_features(F, words) == pytest.approx(m.predict_from_features(F, words))
    path.write_text(path.read_text() + "setting,lemmas,1\n")
    with pytest.raises(ValueError, match=r"unknown setting\(s\) \['lemmas'\]"):
        S.NewsModel.from_csv(path)
    with pytest.raises(ValueError, match="afinn_stem_sum"):
        S.NewsModel(0.1, {k: 0.0 for k in S.NEWS_FEATURES} | {"vader_stem_sum": 1.0}, {}, 0.2)


def test_fit_news_model_pools_word_forms_by_stem():
    """A word seen in three forms, each in too few editorials to be learned
    on its own, is learned as one stem."""
    rng = np.random.default_rng(3)
    texts, scores, groups, tokens = [], [], [], []
    forms = ["blunders", "blundered", "blundering"]
    for k in range(60):
        bad = k % 2 == 0
        words = ["The", "plan", forms[k % 3] if bad else "continued", "quietly"]
        texts.append(" ".join(words))
        tokens.append(words)
        scores.append((-1.5 if bad else 0.5) + rng.normal(0, 0.1))
        groups.append(f"ed{k // 2}" if bad else f"ed{k}")
    stemmed = S.fit_news_model(texts, scores, groups, tokens=tokens, min_groups=12, word_penalty=1.0)
    plain = S.fit_news_model(texts, scores, groups, tokens=tokens, min_groups=12, word_penalty=1.0,
                             stem_terms=False, stem_backoff=False)
    assert stemmed.stem_terms and stemmed.word_weights["blunder"] < -0.5
    assert not {"blunders", "blundered", "blundering"} & set(plain.word_weights)
