"""Tests of analysis.sentiment.  Expected values were checked by reading the
seed article's sentences (the table is printed by
``python -m analysis sentiment seeds --text``)."""
from __future__ import annotations

import csv
import json
import math
import re

import numpy as np
import pandas as pd
import pytest

from analysis import sentiment as S
from analysis.core.resources import data_path
from analysis.sentiment.fit import ridge
from analysis.core.text import segment


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
    # values of the committed model (news stems, stem back-off, NRC and opinion sums + transfer lexicon), read off the seed's sentences
    row = _sentence_of(seed_text, news, "under torture")
    assert row["valence"] == pytest.approx(-1.4486, abs=1e-4) and row["label"] == "negative"
    row = _sentence_of(seed_text, news, "we are proud of the courage")
    assert row["valence"] == pytest.approx(1.4509, abs=1e-4) and row["label"] == "positive"
    row = _sentence_of(seed_text, news, "very positive news")
    assert row["valence"] == pytest.approx(0.6508, abs=1e-4) and row["label"] == "positive"
    band = S.load_news_model().neutral_band
    assert ((news["valence"].abs() < band) == (news["label"] == "neutral")).all()


def test_bad_method_lists_allowed_values(seed_articles):
    with pytest.raises(ValueError, match="vader, vader-nltk, afinn, news"):
        S.sentence_sentiment(seed_articles, method="textblob")


def test_empty_input_gives_empty_table():
    out = S.sentence_sentiment([])
    assert len(out) == 0 and list(out.columns) == S.SENTENCE_COLUMNS


# --- the VADER port (analysis.sentiment.vader) against vaderSentiment 3.3.2 ------------


@pytest.fixture(scope="module")
def vader_pair():
    """(port, reference, reference with the valence sums): the sums as the
    ``news`` features took them from vaderSentiment's ``score_valence``."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.core.resources import vader_lexicon_path
    from analysis.sentiment.vader import Vader

    class WithSums(SentimentIntensityAnalyzer):
        def score_valence(self, sentiments, text):
            out = super().score_valence(sentiments, text)
            s = [float(x) for x in sentiments] or [0.0]
            pos = [x for x in s if x > 0]
            neg = [x for x in s if x < 0]
            out.update(_sum=sum(s), _pos_sum=sum(pos), _neg_sum=sum(neg), _n_pos=len(pos), _n_neg=len(neg),
                       _max=max(s), _min=min(s), _n_items=len(sentiments))
            return out

    lexicon = str(vader_lexicon_path())
    return Vader(), SentimentIntensityAnalyzer(lexicon_file=lexicon), WithSums(lexicon_file=lexicon)


def _exact(d: dict) -> list:
    """Keys in order, value types and reprs: tells 0 from 0.0 and 0.0 from -0.0."""
    return [(k, type(v).__name__, repr(v)) for k, v in d.items()]


def _port_differences(pair, texts) -> list[str]:
    port, ref, ref_sums = pair
    return [t for t in texts if _exact(port.polarity_scores(t)) != _exact(ref.polarity_scores(t))
            or _exact(port.polarity_scores_with_sums(t)) != _exact(ref_sums.polarity_scores(t))]


def _doc_sentences(docs, bodies=None) -> list[str]:
    """Each sentence as sentence_sentiment scores it (quote-normalised) and as written."""
    out = []
    for d in docs:
        for s, e in d.sentences.tolist():
            out.append(d.quote_text[s:e])
            if bodies is not None:
                out.append(bodies[str(d.article_id)][s:e])
    return out


def test_vader_port_equals_vadersentiment_on_the_seed(vader_pair, seed_articles):
    from analysis.core.text import segment_articles

    bodies = dict(zip(seed_articles["article_id"].astype(str), seed_articles["text"]))
    texts = _doc_sentences(segment_articles(seed_articles), bodies)
    assert len(texts) == 72
    assert _port_differences(vader_pair, texts) == []
    assert _port_differences(vader_pair, [seed_articles["text"].iloc[0]]) == []  # the whole article too


VADER_EDGE_CASES = {
    "empty and blank": ["", " ", "\n\t ", ".", "!!!", "a"],
    "emoji and emoticons": ["I ❤ it", "I ❤it", "love💘love", "😁", " 😁 ", "😁😁 good", "great 🇬🇧 flag", "© 2004 good",
                            "®", "good :)", ":) :(", "Make sure you :) or :D today!", "sad :-( but ok <3",
                            "Catch utf-8 emoji such as 💘 and 💋 and 😁"],
    "punctuation stripping": ["'Brilliant'", "''lively", "(good)", "\"Confidence is gone,\" he said.",
                              "“Confidence is gone,” he said.", "don’t like it", "good.\tbad", "good\u00a0bad",
                              "--good--", "ok!", ":-D!"],
    "caps differential": ["GOOD", "This is GOOD", "VERY GOOD", "very GOOD", "VERY good", "NOT BAD", "Today SUX!",
                          "US UK BBC good", "A I good", "BAD news for the EU", "İYİ good", "ΣΟΦΟΣ good",
                          "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!"],
    "boosters and dampeners": ["very good", "very very very good", "extremely bad", "barely bad", "so so good",
                               "kinda good", "kind of good", "kind good", "good kind of", "KIND OF GOOD",
                               "sort of good", "just enough good", "most very really good", "hardly very bad",
                               "deeply troubling", "not very good", "Extremely good!"],
    "negation": ["not good", "isn't good", "no good", "no no good", "no, or good", "no problem or good",
                 "no way or great", "no way nor great", "not at all good", "never good", "without good",
                 "nope, never good", "uh-uh good", "ain't bad", "it's not bad at all", "Not bad at all", "no",
                 "no no", "good no", "no good good", "NO GOOD", "none of it good",
                 "there was no no negotiation on this call"],
    "never and without doubt": ["never so good", "never this good", "never really good", "never so very good",
                                "it was so good", "this is so good", "without doubt good",
                                "without any doubt good", "without a doubt, excellent", "never this so good"],
    "least": ["least good", "at least good", "the very least good", "not least good", "least", "at least",
              "Roger Dodger is one of the least compelling variations on this theme."],
    "special idioms": ["the shit", "this is the shit", "it was the bomb", "he is a bad ass", "he is bad ass man",
                       "yeah right that is great", "kiss of death for them", "a cake to die for", "his beating heart",
                       "at the bus stop good", "it is kind of the shit", "she sort of loves it", "just enough love"],
    "but": ["good but bad", "bad but good", "good, but bad but good", "good good but good good", "good but",
            "but good", "nice great but ugly nice", "but but good bad", "good but kind of bad",
            "love hate love but love hate", "Today only kinda sux! But I'll get by, lol", "BUT it is good",
            # the loop's list.index() finds an earlier equal value: 2.8 / 2 == 1.4 (agreeing),
            # -2.2 / 2 == -1.1 (alarms), 1.8 * 1.5 == 2.7 (happy)
            "a win, but agreeing is hard", "fear but alarms", "but nice and happy", "nice but nice happy"],
    "! and ? emphasis": ["good!", "good!!", "good!!!!!!", "good?", "good??", "good???", "good????", "bad!!!",
                         "bad??", "good?!?!", "? good ?", "neutral words only!!!"],
}


@pytest.mark.parametrize("family", sorted(VADER_EDGE_CASES))
def test_vader_port_reproduces_every_rule(vader_pair, family):
    assert _port_differences(vader_pair, VADER_EDGE_CASES[family]) == []


def test_vader_port_on_random_sentences(vader_pair):
    """Random word salads of lexicon words, boosters, negations, rule words,
    capitals, punctuation, emojis and repeated words (the "but" rule's
    ``list.index`` quirk); 100,000+ of them were checked when the port was
    written."""
    import random

    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES

    port = vader_pair[0]
    rng = random.Random(20261128)
    pools = [sorted(port.lexicon), sorted(BOOSTER_DICT), NEGATE, [w for k in SPECIAL_CASES for w in k.split()],
             ["no", "not", "never", "so", "this", "without", "doubt", "kind", "of", "sort", "least", "at", "very",
              "or", "nor", "but", "isn't", "the", "US", "said"],
             sorted(k for k in port.emojis if len(k) == 1)[:200] + [":)", ":(", ":D", "<3", "©"]]
    texts = []
    for _ in range(3000):
        words = []
        for _ in range(rng.choice([1, 3, 6, 12, 25])):
            w = rng.choice(words) if words and rng.random() < 0.08 else rng.choice(rng.choice(pools))
            w = rng.choice([w, w, w, w.upper(), w.capitalize()])
            words.append(rng.choice(["", "", "", "\"", "("]) + w + rng.choice(["", "", "", ",", ".", "!", "??", "'"]))
        texts.append(" ".join(words))
    assert _port_differences(vader_pair, texts) == []


@pytest.mark.needs_shared
def test_vader_port_on_corpus_sentences(vader_pair, shared_dir):
    """Every sentence of the Huawei corpus and of the NYT editorials (as
    scored and as written) and every 20th sentence of the first 500 BBC
    articles."""
    from analysis import load_corpus
    from analysis.core.text import segment_articles

    texts = []
    for rel, every, head in (("corpora/huawei_uk_5g_2019_2022/huawei_uk_5g.jsonl", 1, None),
                             ("corpora/bbc_news_2004_2005/bbc_news.jsonl", 20, 500)):
        path = shared_dir / rel
        if not path.exists():
            pytest.skip(f"{path} is absent")
        articles = load_corpus(path).head(head) if head else load_corpus(path)
        bodies = dict(zip(articles["article_id"].astype(str), articles["text"]))
        texts += _doc_sentences(segment_articles(articles), bodies)[::every]
    gold = shared_dir / "benchmarks" / "sentiment" / "nyt_editorial_dev.tsv"
    if gold.exists():
        raw = pd.read_csv(gold, sep="\t", quoting=csv.QUOTE_NONE, dtype={"id": str})["text"].tolist()
        texts += raw + [segment(t).quote_text for t in raw]
    assert len(texts) > 5000
    assert _port_differences(vader_pair, texts) == []


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


def _header_value(pattern: str) -> float:
    header = data_path(S.NEWS_MODEL_FILE).read_text().split("kind,term,weight")[0]
    return float(re.search(pattern, header.replace("\n# ", " ")).group(1))


def _gold_tokens(gold):
    tokens = []
    for t in gold["text"]:
        d = segment(t)
        tokens.append([d.quote_text[s:e] for (s, e), w in zip(d.tokens.tolist(), d.token_is_word) if w])
    return tokens


def test_news_model_file_loads_with_its_transfer_lexicon():
    m = S.load_news_model()
    assert (len(m.word_weights), len(m.transfer_weights)) == (1767, 7961)
    assert m.neutral_band == 0.125
    assert m.transfer_coefficient == pytest.approx(0.31624069, abs=1e-8)
    assert m.nrc_weight == pytest.approx(0.04200601, abs=1e-9)  # NRC lexicon sum (analysis.sentiment.nrc)
    assert m.opinion_weight == pytest.approx(0.18389661, abs=1e-9)  # Hu & Liu sum (analysis.sentiment.opinion_words)
    # news terms are stems (one weight for save / saved / saving), with the two stem back-off features
    assert m.stem_terms and set(m.stem_feature_weights) == set(S.STEM_FEATURES)
    assert "save" in m.word_weights and not {"saved", "saving", "saves"} & set(m.word_weights)
    # the transfer lexicon is what reviewers and tweeters added beyond VADER/AFINN
    assert m.transfer_weights["terrible"] < 0 < m.transfer_weights["wonderful"]
    assert m.transfer_weights["~good"] < 0  # "not good"
    # two sentences scored by hand from the file's weights (checked once, fixed here)
    # (NRC: war, terrible, failure -1 each; wonderful, gift +1 each; Hu & Liu: terrible, failure -1 each;
    # wonderful +1, gift +1 by the stem of the listed "gifted")
    for text, want in (("The war was a terrible failure.", -1.54578), ("The new park is a wonderful gift to the city.", 1.29920)):
        d = segment(text)
        assert m.predict([d.quote_text], [S.sentence_words(d, 0)])[0] == pytest.approx(want, abs=1e-5)
    # no proper noun entered either learned vocabulary
    assert not {"china", "bush", "reagan", "america"} & (set(m.word_weights) | set(m.transfer_weights))


def test_news_model_file_rows_are_checked(tmp_path):
    m = S.NewsModel(0.1, {k: 0.0 for k in S.NEWS_FEATURES}, {"good": 0.5}, 0.2)
    path = tmp_path / "model.csv"
    m.to_csv(path, "a model without a transfer lexicon")
    old = S.NewsModel.from_csv(path)  # the format before the transfer lexicon still loads
    assert (old.transfer_weights, old.transfer_coefficient, old.word_weights) == ({}, 0.0, {"good": 0.5})
    path.write_text(path.read_text() + "lexicon,bad,-1\n")
    with pytest.raises(ValueError, match=r"model\.csv: unknown row kind\(s\) \['lexicon'\]"):
        S.NewsModel.from_csv(path)
    with pytest.raises(ValueError, match="transfer_lexicon"):
        S.NewsModel(0.1, {k: 0.0 for k in S.NEWS_FEATURES}, {}, 0.2, transfer_weights={"good": 1.0})


@pytest.mark.needs_shared
def test_news_model_file_is_reproducible(gold):
    """Refitting the news part with the hyper-parameters stated in the file
    header and the file's own transfer lexicon gives the committed weights."""
    wp = _header_value(r"word penalty ([\d.]+) on 0/1 term indicators")
    mg = int(_header_value(r"in >= (\d+) editorials"))
    saved = S.load_news_model()
    model = S.fit_news_model(list(gold["text"]), gold["human_score"], gold["id"].str.split("_").str[0],
                             tokens=_gold_tokens(gold), min_groups=mg, word_penalty=wp,
                             neutral_band=saved.neutral_band, transfer=saved.transfer_weights)
    assert model.neutral_band == saved.neutral_band
    assert model.intercept == pytest.approx(saved.intercept, abs=1e-6)
    for k in S.NEWS_FEATURES:
        assert model.feature_weights[k] == pytest.approx(saved.feature_weights[k], rel=1e-6, abs=1e-8)
    assert model.transfer_coefficient == pytest.approx(saved.transfer_coefficient, rel=1e-6)
    for k in S.STEM_FEATURES:
        assert model.stem_feature_weights[k] == pytest.approx(saved.stem_feature_weights[k], rel=1e-6)
    assert model.nrc_weight == pytest.approx(saved.nrc_weight, rel=1e-6)
    assert model.opinion_weight == pytest.approx(saved.opinion_weight, rel=1e-6)
    assert set(model.word_weights) == set(saved.word_weights)
    assert max(abs(model.word_weights[w] - saved.word_weights[w]) for w in saved.word_weights) < 1e-6


@pytest.mark.needs_shared
def test_transfer_lexicon_is_reproducible(shared_dir):
    """The committed transfer lexicon is what the other rated domains give
    (refitted with the penalty stated in the file header; about a minute)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "sentiment_fit_news.py"
    spec = importlib.util.spec_from_file_location("sentiment_fit_news", path)
    fit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit)
    domains = fit.load_other_domains(shared_dir / "benchmarks" / "sentiment" / "other_domains")
    assert [len(domains[n][0]) for n in fit.OTHER_DOMAINS] == [4200, 10605, 3708]  # the README's counts
    tp = _header_value(r"term indicators with word penalty ([\d.]+)")
    lexicon = fit.transfer_lexicons(domains, list(fit.OTHER_DOMAINS))[tp]
    saved = S.load_news_model().transfer_weights
    assert set(lexicon) == set(saved)
    assert max(abs(lexicon[w] - saved[w]) for w in saved) < 1e-6


def test_ridge_by_conjugate_gradients_matches_a_dense_solve():
    """The sparse iterative solve against the plain normal equations."""
    from scipy import sparse

    rng = np.random.default_rng(7)
    for n, n_terms, k in ((60, 15, 1), (200, 40, 3)):
        F = rng.normal(size=(n, 4)) * [1.0, 3.0, 0.1, 2.0] + [0.0, 1.0, -2.0, 5.0]
        M = sparse.csr_matrix((rng.random((n, n_terms)) < 0.15).astype(float))
        domains = np.arange(n) % k
        y = rng.normal(size=n) + domains
        b0, wf, ww = ridge(F, M, y, domains, feature_penalty=10.0, word_penalty=3.0)
        Zf = (F - F.mean(0)) / F.std(0)
        Z = np.column_stack([np.eye(k)[domains], Zf, M.toarray()])
        pen = np.r_[np.zeros(k), np.full(4, 10.0), np.full(n_terms, 3.0)]
        w = np.linalg.solve(Z.T @ Z + np.diag(pen), Z.T @ y)
        assert np.allclose(ww, w[k + 4:], atol=1e-9)
        assert np.allclose(wf, w[k:k + 4] / F.std(0), atol=1e-9)
        pred = b0[domains] + F @ wf + M @ ww
        assert np.allclose(pred, Z @ w, atol=1e-9)


def test_fit_transfer_lexicon_learns_words_across_domains():
    # two toy domains rated on different baselines: the made-up "blorp" (in
    # no lexicon, so the VADER/AFINN features cannot explain it) lowers a
    # rating by 2 in both, the domain intercepts absorb the baselines; a
    # capitalised name and a term seen in fewer than 3 groups stay out
    domains = []
    for base in (0.0, 1.5):
        texts, scores, groups, tokens = [], [], [], []
        for i in range(30):
            words = ["Xland", "was", "blorp" if i % 2 else "flim"] + (["rare"] if i < 2 and base == 0 else [])
            texts.append(" ".join(words) + ".")
            tokens.append(words)
            scores.append(base - (2.0 if i % 2 else 0.0))
            groups.append(f"g{i}")
        domains.append((texts, scores, groups, tokens))
    lex = S.fit_transfer_lexicon(domains, word_penalty=1.0)
    assert "xland" not in lex and "rare" not in lex
    assert lex["blorp"] - lex["flim"] == pytest.approx(-2.0, abs=0.15)


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


def test_selection_prefers_the_smoother_model_within_the_tolerance():
    # a toy set where "dreadful" lowers the rating by 2 and "glum" by 0.1:
    # a weak word penalty fits both and wins on r; a penalty of 1000 shrinks
    # them but stays within a tolerance of 1 (and not within 0)
    texts, scores, groups, tokens = [], [], [], []
    for i in range(60):
        words = ["It", "was", "a", ["dreadful", "quiet", "glum"][i % 3], "week"]
        texts.append(" ".join(words) + ".")
        tokens.append(words)
        scores.append([-2.0, 0.0, -0.1][i % 3] + 0.05 * ((i * 7) % 5 - 2))
        groups.append(f"e{i // 3}")
    F = S.news_features(texts)
    grid = {"min_groups": (3,), "word_penalty": (1.0, 1000.0)}
    best = S.select_news_params(texts, scores, groups, tokens=tokens, features=F, grid=grid, tolerance=0.0)
    assert best["word_penalty"] == 1.0 and best["r"] == best["best_r"]
    smooth = S.select_news_params(texts, scores, groups, tokens=tokens, features=F, grid=grid, tolerance=1.0)
    assert smooth["word_penalty"] == 1000.0 and smooth["best_r"] == best["best_r"]
    assert smooth["r"] < best["r"]
    assert S.SELECTION_TOLERANCE == 0.003


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


def test_plot_helpers_return_what_they_draw(seed_sentences, seed_articles):
    import matplotlib.pyplot as plt

    from analysis.presentation.plots import sentiment as P

    def title(f):
        return "".join(f.axes[0].get_title(loc=where) for where in ("left", "center", "right"))

    paragraphs = S.aggregate_sentiment(seed_sentences, level="paragraph", n_boot=200)
    fig, data = P.paragraph_arc(seed_sentences, paragraphs)
    assert len(data) == 36 and data["paragraph"].max() == 26
    assert title(fig) == "Tone paragraph by paragraph: article 000_48a317448381530b"
    plt.close(fig)
    # a reader's name for the seed: no headline, so outlet and the date of its publication note
    seed = seed_articles.iloc[0]
    assert P.article_label(seed) == "The Canadian Press, 2021-09-27"
    assert P.article_label({"title": " Two Michaels freed ", "outlet": "CP"}) == "Two Michaels freed"
    assert P.article_label({"article_id": "a1", "title": None, "outlet": None}) == "article a1"
    fig, data = P.paragraph_arc(seed_sentences, paragraphs, label=P.article_label(seed))
    assert title(fig) == "Tone paragraph by paragraph: The Canadian Press, 2021-09-27"
    plt.close(fig)
    # paragraph 11 holds Garneau's two quoted sentences: (0.7269 + 0.9460) / 2
    assert data.loc[data["paragraph"] == 11, "paragraph_mean"].iloc[0] == pytest.approx(0.83645, abs=1e-4)
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


def test_news_scores_do_not_depend_on_the_hash_seed():
    # the word part of the news model once summed over a set of terms, whose
    # order (and so the last bit of the sum: ...995, ...998, ...993 here)
    # changed with PYTHONHASHSEED
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = ("from analysis import sentiment as S; from analysis.core.text import segment; "
            "d = segment('He deserves it despite the development, did difficult dime dinner direction "
            "directly design develop deserved determined.'); "
            "m = S.load_news_model(); w = [S.sentence_words(d, 0)]; "
            "print(repr(float(m.word_part(w)[0])), repr(float(m.predict([d.quote_text], w)[0])))")
    outs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.append(subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                                   text=True, check=True).stdout)
    word_part, valence = map(float, outs[0].split())
    assert word_part == pytest.approx(0.005706, abs=1e-6)  # the news stems' share (committed model)
    assert valence == pytest.approx(-0.022570, abs=1e-6)  # with features, stem back-off, NRC and opinion sums, transfer lexicon
    assert outs[0] == outs[1] == outs[2]
