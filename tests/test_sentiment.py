"""Tests of analysis.sentiment.  Expected values were checked by reading the
seed article's sentences (the table is printed by
``python -m analysis sentiment seeds --text``)."""
from __future__ import annotations

import csv
import io
import json
import math
import re

import numpy as np
import pandas as pd
import pytest

from analysis import sentiment as S
from analysis.text import segment


@pytest.fixture(scope="module")
def seed_sentences(seed_articles):
    return S.sentence_sentiment(seed_articles)


def _sentence_of(seed_text, seed_sentences, fragment):
    pos = seed_text.index(fragment)
    row = seed_sentences[(seed_sentences["start"] <= pos) & (seed_sentences["end"] > pos)]
    assert len(row) == 1
    return row.iloc[0]


# --- sentence scores ---------------------------------------------------------


def test_sentence_table_follows_the_contract(seed_sentences, seed_doc):
    assert list(seed_sentences.columns) == S.SENTENCE_COLUMNS
    assert len(seed_sentences) == seed_doc.n_sentences == 36
    assert seed_sentences["sentence"].tolist() == list(range(1, 37))
    # offsets are the shared segmentation's, not a re-split
    assert seed_sentences[["start", "end"]].to_numpy().tolist() == seed_doc.sentences.tolist()
    assert seed_sentences["paragraph"].tolist() == (seed_doc.sentence_paragraph + 1).tolist()
    assert np.allclose(seed_sentences[["pos", "neu", "neg"]].sum(axis=1), 1.0, atol=0.002)
    assert set(seed_sentences["label"]) == {"positive", "neutral", "negative"}


def test_vader_scores_of_seed_sentences(seed_text, seed_sentences):
    # "... the two Michael who were released, very positive news."
    row = _sentence_of(seed_text, seed_sentences, "very positive news")
    assert row["compound"] == pytest.approx(0.5984, abs=1e-4) and row["label"] == "positive"
    # detention, torture: strongly negative
    row = _sentence_of(seed_text, seed_sentences, "under torture")
    assert row["compound"] == pytest.approx(-0.9476, abs=1e-4) and row["label"] == "negative"
    # the lede carries no lexicon word ("urged ... to release" is neutral to VADER)
    assert seed_sentences.iloc[0]["compound"] == 0.0 and seed_sentences.iloc[0]["label"] == "neutral"


def test_quote_marks_are_normalised_before_scoring(seed_text, seed_sentences):
    # VADER strips only ASCII punctuation: with the curly quote left in place
    # "“Confidence" is not found in the lexicon and the sentence scores 0.
    raw = S.score_texts(["“Confidence is gone with China,” he said."])
    assert raw["compound"].iloc[0] == 0.0
    row = _sentence_of(seed_text, seed_sentences, "Confidence is gone with China")
    assert row["compound"] == pytest.approx(0.5106, abs=1e-4)  # a known VADER miss: "gone" carries no valence


def test_nltk_port_differs_on_no_no(seed_articles, seed_text, seed_sentences):
    nltk_table = S.sentence_sentiment(seed_articles, method="vader-nltk")
    assert nltk_table[["start", "end"]].equals(seed_sentences[["start", "end"]])
    # "... but again, there was no no negotiation on this call": NLTK's port
    # scores the repeated "no" as negative, vaderSentiment 3.3.2 does not.
    pos = seed_text.index("there was no no negotiation")
    k = int(np.flatnonzero((seed_sentences["start"] <= pos) & (seed_sentences["end"] > pos))[0])
    assert seed_sentences["compound"].iloc[k] == pytest.approx(0.4371, abs=1e-4)
    assert nltk_table["compound"].iloc[k] == pytest.approx(-0.7190, abs=1e-4)
    differ = (nltk_table["compound"] - seed_sentences["compound"]).abs() > 1e-9
    assert differ[differ].index.tolist() == [7, 20, 29, 32]  # 4 of 36 sentences


def test_afinn_and_news_methods(seed_articles, seed_text):
    af = S.sentence_sentiment(seed_articles, method="afinn")
    row = _sentence_of(seed_text, af, "very positive news")
    # AFINN: positive +2 -> compound 2 / sqrt(4 + 15)
    assert row["compound"] == pytest.approx(2 / math.sqrt(19), abs=1e-9)
    news = S.sentence_sentiment(seed_articles, method="news")
    assert list(news.columns) == S.SENTENCE_COLUMNS + ["valence"]
    assert np.allclose(news["compound"], np.clip(news["valence"] / 4, -1, 1))
    row = _sentence_of(seed_text, news, "under torture")
    assert row["valence"] < -1.5 and row["label"] == "negative"
    row = _sentence_of(seed_text, news, "we are proud of the courage")
    assert row["valence"] > 1.0 and row["label"] == "positive"
    band = S.load_news_model().neutral_band
    assert ((news["valence"].abs() < band) == (news["label"] == "neutral")).all()


def test_bad_method_lists_allowed_values(seed_articles):
    with pytest.raises(ValueError, match="vader, vader-nltk, afinn, news"):
        S.sentence_sentiment(seed_articles, method="textblob")


def test_empty_input_gives_empty_table():
    out = S.sentence_sentiment([])
    assert len(out) == 0 and list(out.columns) == S.SENTENCE_COLUMNS


# --- aggregates --------------------------------------------------------------


def _toy(compounds, article="a", paragraphs=None):
    n = len(compounds)
    comp = np.asarray(compounds, dtype=float)
    return pd.DataFrame({
        "article_id": article,
        "paragraph": paragraphs or [1] * n,
        "sentence": np.arange(1, n + 1),
        "compound": comp,
        "label": np.where(comp >= 0.05, "positive", np.where(comp <= -0.05, "negative", "neutral")),
        "method": "vader",
    })


def test_aggregate_means_and_shares():
    toy = _toy([0.5, -0.5, 0.0, 1.0], paragraphs=[1, 1, 2, 2])
    art = S.aggregate_sentiment(toy, level="article")
    assert len(art) == 1
    r = art.iloc[0]
    assert r["n_sentences"] == 4 and r["mean_compound"] == pytest.approx(0.25)
    assert (r["share_positive"], r["share_negative"], r["share_neutral"]) == (0.5, 0.25, 0.25)
    assert -0.5 <= r["mean_compound_low"] < 0.25 < r["mean_compound_high"] <= 1.0
    par = S.aggregate_sentiment(toy, level="paragraph")
    assert par["mean_compound"].tolist() == pytest.approx([0.0, 0.5])


def test_bootstrap_is_reproducible_and_order_independent():
    toy = pd.concat([_toy([0.1, 0.4, -0.3, 0.8, 0.2], "a"), _toy([-0.6, -0.2, 0.3], "b")])
    first = S.aggregate_sentiment(toy, level="article")
    again = S.aggregate_sentiment(toy.iloc[::-1], level="article").sort_values("article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(first, again)
    lo, hi = S.bootstrap_mean_ci([1.0, 2.0, 3.0, 4.0], n_boot=4000, key="x")
    assert 1.0 <= lo < 2.5 < hi <= 4.0
    assert S.bootstrap_mean_ci([1.0, 2.0, 3.0, 4.0], n_boot=4000, key="x") == (lo, hi)
    # a single value (or a single cluster) has no interval
    assert all(math.isnan(x) for x in S.bootstrap_mean_ci([0.3]))
    assert all(math.isnan(x) for x in S.bootstrap_mean_ci([0.3, 0.5], clusters=["a", "a"]))


def test_cluster_bootstrap_resamples_articles():
    # two articles, every sentence of one article alike: the cluster interval
    # spans the two article means, the naive one is much narrower
    vals = [0.0] * 10 + [1.0] * 10
    cl = ["a"] * 10 + ["b"] * 10
    lo, hi = S.bootstrap_mean_ci(vals, clusters=cl, n_boot=2000, key="c")
    assert lo == 0.0 and hi == 1.0
    lo2, hi2 = S.bootstrap_mean_ci(vals, n_boot=2000, key="c")
    assert 0.2 < lo2 < hi2 < 0.8


def test_corpus_level_and_tone_arc():
    toy = pd.concat([_toy([0.5, 0.5, -0.5, -0.5], "a"), _toy([0.2, 0.2, -0.2, -0.2], "b")])
    corp = S.aggregate_sentiment(toy, level="corpus")
    assert corp.iloc[0]["n_articles"] == 2 and corp.iloc[0]["mean_compound"] == pytest.approx(0.0)
    arc = S.tone_arc(toy, bins=2)
    assert arc["position_bin"].tolist() == [1, 2]
    assert arc["mean_compound"].tolist() == pytest.approx([0.35, -0.35])
    assert arc["n_articles"].tolist() == [2, 2]


def test_aggregate_rejects_bad_level(seed_sentences):
    with pytest.raises(ValueError, match="paragraph, article, corpus"):
        S.aggregate_sentiment(seed_sentences, level="document")


# --- targeted sentiment ------------------------------------------------------


def _mentions(text, items):
    rows = []
    for actor, side, surface, context in items:
        s = text.index(context) + context.index(surface)
        rows.append({"article_id": "000_48a317448381530b", "actor_id": actor, "name": actor, "kind": "country"
                     if actor in ("china", "canada") else "person", "side": side, "surface": surface,
                     "start": s, "end": s + len(surface)})
    return pd.DataFrame(rows)


def test_targeted_sentiment_by_sentence(seed_articles, seed_text, seed_sentences):
    m = _mentions(seed_text, [
        ("china", "China", "China", "Confidence is gone with China"),
        ("china", "China", "China", "the fingerprints are on China"),
        ("garneau", "Canada", "Garneau", "Marc Garneau, used"),
        ("garneau", "Canada", "Garneau", "said Garneau"),
    ])
    out = S.targeted_sentiment(seed_articles, m)
    china = out.set_index("actor_id").loc["china"]
    assert china["n_mentions"] == 2 and china["n_units"] == 2
    assert china["mean_compound"] == pytest.approx((0.5106 + 0.0) / 2, abs=1e-4)
    assert china["side"] == "China" and china["window"] == "sentence"
    gar = out.set_index("actor_id").loc["garneau"]
    # Garneau is named in sentence 13 (his UN speech, 0.6705) and in sentence
    # 15, which ends his quote: '... we are proud of the courage ...”said Garneau.' (0.9460)
    assert seed_sentences.iloc[12]["compound"] == pytest.approx(0.6705, abs=1e-4)
    assert gar["mean_compound"] == pytest.approx((0.6705 + 0.9460) / 2, abs=1e-4)
    # same sentence mentioned twice counts once
    twice = pd.concat([m.iloc[[0]], m.iloc[[0]]])
    one = S.targeted_sentiment(seed_articles, twice).iloc[0]
    assert one["n_mentions"] == 2 and one["n_units"] == 1


def test_targeted_window_and_exclusive(seed_articles, seed_text):
    m = _mentions(seed_text, [("china", "China", "China", "are on China"),
                              ("canada", "Canada", "Canada", "Canada has respected")])
    m.loc[1, ["start", "end"]] = m.loc[0, ["start", "end"]].to_numpy()  # same sentence for both
    both = S.targeted_sentiment(seed_articles, m)
    assert len(both) == 2
    assert len(S.targeted_sentiment(seed_articles, m, exclusive=True)) == 0
    # two words either side of "torture", scored on their own
    pos = seed_text.index("torture, in detention")
    t = pd.DataFrame([{"article_id": "000_48a317448381530b", "actor_id": "x", "start": pos, "end": pos + 7}])
    u = S.targeted_sentiment(seed_articles, t, window=2, units=True)
    assert seed_text[u.start[0]:u.end[0]] == "but under torture, in detention"
    assert u["compound"].iloc[0] < -0.5
    with pytest.raises(ValueError, match="'sentence', 'paragraph' or a number"):
        S.targeted_sentiment(seed_articles, t, window="clause")
    with pytest.raises(ValueError, match="lacks column"):
        S.targeted_sentiment(seed_articles, t.drop(columns=["end"]))


def test_targeted_corpus_level(seed_articles, seed_text):
    m = _mentions(seed_text, [("china", "China", "China", "Confidence is gone with China"),
                              ("china", "China", "China", "are on China")])
    out = S.targeted_sentiment(seed_articles, m, level="corpus")
    r = out.iloc[0]
    assert r["actor_id"] == "china" and r["n_articles"] == 1 and r["n_units"] == 2
    assert math.isnan(r["mean_compound_low"])  # one article: no cluster interval


# --- voice ---------------------------------------------------------------------


def _quotes(text):
    g_start = text.index("“Canada has respected")
    g_end = text.index("”said Garneau") if "”said Garneau" in text else text.index("said Garneau")
    h_start = text.index("“hostage diplomacy.”") + 1
    return pd.DataFrame([
        {"article_id": "000_48a317448381530b", "quote_id": 1, "kind": "direct", "start": g_start, "end": g_end,
         "speaker_name": "Marc Garneau", "speaker_actor_id": "garneau", "side": "Canada"},
        {"article_id": "000_48a317448381530b", "quote_id": 2, "kind": "partial", "start": h_start,
         "end": h_start + len("hostage diplomacy."), "speaker_name": "Irwin Cotler", "speaker_actor_id": "cotler",
         "side": "Canada"},
    ])


def test_sentence_voices_and_sentiment_by_voice(seed_articles, seed_text, seed_sentences):
    q = _quotes(seed_text)
    v = S.sentence_voices(seed_sentences, q)
    quoted = v[v["voice"] == "quoted"]
    # Garneau's direct quote is sentences 14 and 15; the partial quote
    # "hostage diplomacy" is a small part of sentence 17, which stays narrative
    assert quoted["sentence"].tolist() == [14, 15]
    assert set(quoted["side"]) == {"Canada"} and set(quoted["speaker_name"]) == {"Marc Garneau"}
    assert v.loc[v["sentence"] == 17, "voice"].item() == "narrative"
    by = S.sentiment_by_voice(seed_sentences, q, by="side").set_index(["voice", "side"])
    assert by.loc[("quoted", "Canada"), "n_sentences"] == 2
    assert by.loc[("quoted", "Canada"), "mean_compound"] == pytest.approx((0.7269 + 0.9460) / 2, abs=1e-4)
    narr = by.loc[("narrative", "narration")]
    assert narr["n_sentences"] == 34
    others = seed_sentences[~seed_sentences["sentence"].isin([14, 15])]["compound"].mean()
    assert narr["mean_compound"] == pytest.approx(others)
    # indirect quotes count only when asked for
    with pytest.raises(ValueError, match="kinds must be among"):
        S.sentence_voices(seed_sentences, q, kinds=("reported",))
    with pytest.raises(ValueError, match="by must be one of"):
        S.sentiment_by_voice(seed_sentences, q, by="gender")


# --- command line --------------------------------------------------------------


def test_cli_prints_json_lines(capsys):
    from analysis.cli import main

    from tests.conftest import SEEDS

    assert main(["sentiment", str(SEEDS), "--level", "article", "--method", "vader"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["article_id"] == "000_48a317448381530b" and rec["n_sentences"] == 36
    assert rec["share_positive"] == pytest.approx(0.5)
    assert main(["sentiment", str(SEEDS), "--level", "sentence", "--text"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert len(recs) == 36 and recs[6]["text"].endswith("very positive news.")


# --- validation against human ratings (needs ../shared) ------------------------------


@pytest.fixture(scope="module")
def gold(shared_dir):
    path = shared_dir / "benchmarks" / "sentiment" / "nyt_editorial_dev.tsv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype={"id": str})


@pytest.mark.needs_shared
def test_vader_reaches_the_reference_correlation(gold):
    from scipy.stats import pearsonr

    texts = [segment(t).quote_text for t in gold["text"]]
    r = pearsonr(S.score_texts(texts)["compound"], gold["human_score"])[0]
    assert r == pytest.approx(0.517, abs=0.002)
    r_nltk = pearsonr(S.score_texts(texts, method="vader-nltk")["compound"], gold["human_score"])[0]
    assert r_nltk == pytest.approx(0.505, abs=0.002)
    assert r > r_nltk  # hence the default


@pytest.mark.needs_shared
def test_news_model_file_is_reproducible(gold):
    """Refitting with the hyper-parameters stated in the file header gives the committed weights."""
    header = S.data_path(S.NEWS_MODEL_FILE).read_text().split("kind,term,weight")[0]
    wp = float(re.search(r"word penalty ([\d.]+)", header).group(1))
    mg = int(re.search(r"in >= (\d+) editorials", header).group(1))
    tokens = []
    for t in gold["text"]:
        d = segment(t)
        tokens.append([d.quote_text[s:e] for (s, e), w in zip(d.tokens.tolist(), d.token_is_word) if w])
    saved = S.load_news_model()
    model = S.fit_news_model(list(gold["text"]), gold["human_score"], gold["id"].str.split("_").str[0],
                             tokens=tokens, min_groups=mg, word_penalty=wp, neutral_band=saved.neutral_band)
    assert model.neutral_band == saved.neutral_band
    assert model.intercept == pytest.approx(saved.intercept, abs=1e-6)
    for k in S.NEWS_FEATURES:
        assert model.feature_weights[k] == pytest.approx(saved.feature_weights[k], rel=1e-6, abs=1e-8)
    assert set(model.word_weights) == set(saved.word_weights)
    assert max(abs(model.word_weights[w] - saved.word_weights[w]) for w in saved.word_weights) < 1e-6
    # no proper noun entered the learned vocabulary
    assert not {"china", "bush", "reagan", "america"} & set(saved.word_weights)


def test_word_terms_mark_negation_and_case():
    terms = S.word_terms(["China", "did", "not", "help", "the", "poor", "Canadians", "at", "all"])
    assert [t for t, _ in terms] == ["china", "did", "not", "~help", "~the", "~poor", "canadians", "at", "all"]
    assert [lower for _, lower in terms] == [False, True, True, True, True, True, False, True, True]
    assert [t for t, _ in S.word_terms(["There", "was", "no", "good", "news"])] == ["there", "was", "no", "~good", "~news"]
    assert [t for t, _ in S.word_terms(["don’t", "like"])] == ["don't", "~like"]


def test_fit_news_model_learns_a_word_and_ignores_names():
    # a toy set: "dreadful" makes the rating negative, "Xland" is a capitalised
    # name that co-occurs with it but must not enter the vocabulary
    texts, scores, groups, tokens = [], [], [], []
    for i in range(40):
        bad = i % 2 == 0
        words = (["Xland", "had", "a", "dreadful", "week"] if bad else ["Xland", "had", "a", "quiet", "week"])
        texts.append(" ".join(words) + ".")
        tokens.append(words)
        scores.append(-2.0 if bad else 0.0)
        groups.append(f"e{i // 2 if i < 20 else i}")
    m = S.fit_news_model(texts, scores, groups, tokens=tokens, min_groups=3, word_penalty=1.0)
    assert "xland" not in m.word_weights
    assert m.word_weights["dreadful"] < m.word_weights.get("quiet", 0.0)
    pred = m.predict(texts[:2], tokens[:2])
    assert pred[0] < -1.0 and pred[1] > -1.0


def test_grouped_folds_keep_groups_together():
    groups = [f"e{i // 3}" for i in range(60)]
    folds = S.grouped_folds(groups, n_folds=10)
    df = pd.DataFrame({"g": groups, "f": folds})
    assert (df.groupby("g")["f"].nunique() == 1).all()
    assert sorted(df["f"].unique()) == list(range(10))
    with pytest.raises(ValueError, match="at least 10 groups"):
        S.grouped_folds(["a", "b"], n_folds=10)


def test_empty_mentions_and_quotes(seed_articles, seed_sentences):
    empty = pd.DataFrame(columns=["article_id", "actor_id", "name", "kind", "side", "start", "end"])
    out = S.targeted_sentiment(seed_articles, empty)
    assert len(out) == 0 and "mean_compound" in out.columns
    q = pd.DataFrame(columns=["article_id", "quote_id", "kind", "start", "end", "speaker_name", "side"])
    by = S.sentiment_by_voice(seed_sentences, q)
    assert by[["voice", "side", "n_sentences"]].values.tolist() == [["narrative", "narration", 36]]


def test_plot_helpers_return_what_they_draw(seed_sentences):
    import matplotlib.pyplot as plt

    from analysis.plots import sentiment as P

    paragraphs = S.aggregate_sentiment(seed_sentences, level="paragraph", n_boot=200)
    fig, data = P.paragraph_arc(seed_sentences, paragraphs)
    assert len(data) == 36 and data["paragraph"].max() == 26
    # paragraph 11 holds Garneau's two quoted sentences: (0.7269 + 0.9460) / 2
    assert data.loc[data["paragraph"] == 11, "paragraph_mean"].iloc[0] == pytest.approx(0.83645, abs=1e-4)
    plt.close(fig)
    voices = pd.DataFrame({"voice": ["narrative", "quoted"], "side": ["narration", "China"], "n_sentences": [3, 2],
                           "mean_compound": [0.1, -0.2], "mean_compound_low": [0.0, float("nan")],
                           "mean_compound_high": [0.2, float("nan")], "method": "vader"})
    fig, data = P.voice_tone(voices)
    assert data["label"].tolist() == ["Quoted: China (2)", "Narrative voice (3)"]  # narration drawn on top
    plt.close(fig)


def test_bootstrap_n_boot_zero_and_negative():
    import math

    from analysis.sentiment import bootstrap_mean_ci

    lo, hi = bootstrap_mean_ci([0.1, 0.5, -0.2], n_boot=0)
    assert math.isnan(lo) and math.isnan(hi)
    with pytest.raises(ValueError, match="n_boot"):
        bootstrap_mean_ci([0.1, 0.5], n_boot=-1)
