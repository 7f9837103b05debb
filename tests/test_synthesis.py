"""analysis.synthesis: crossings of actors, sourcing, sentiment and readability."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import synthesis


def _mentions():
    rows = [
        # article a: lede names Ann (Canada) and Bo (China); Cy (Canada group) named later, never quoted
        ("a", "ann", "Ann", "person", "Canada", 1, 0, 3, "name"),
        ("a", "bo", "Bo", "person", "China", 1, 10, 12, "name"),
        ("a", "china", "China", "country", "China", 1, 20, 27, "adjective"),
        ("a", "cy", "Cy group", "group", "Canada", 2, 40, 48, "group"),
        ("a", "cy", "Cy group", "group", "Canada", 3, 60, 68, "group"),
        ("a", "cand:x", "X Corp", "organisation", None, 3, 70, 76, "discovered"),
        # article b: Bo first
        ("b", "bo", "Bo", "person", "China", 1, 0, 2, "surname"),
        ("b", "ann", "Ann", "person", "Canada", 2, 30, 33, "name"),
    ]
    m = pd.DataFrame(rows, columns=["article_id", "actor_id", "name", "kind", "side", "paragraph", "start", "end",
                                    "match"])
    return m.assign(sentence=m["paragraph"])


def _quotes():
    rows = [
        ("a", "a-q1", "direct", "Ann", "ann", "Canada", "person", 10, None),
        ("a", "a-q2", "indirect", "Ann", "ann", "Canada", "person", 8, None),
        ("a", "a-q3", "partial", "Ann", "ann", "Canada", "person", 3, "a-q2"),  # inside a-q2: counted once
        ("b", "b-q1", "direct", "Bo", "bo", "China", "person", 5, None),
        ("b", "b-q2", "direct", "Dee", "dee", "United States", "person", 7, None),  # never mentioned
        ("b", "b-q3", "direct", "someone", None, None, None, 4, None),  # unresolved speaker
    ]
    q = pd.DataFrame(rows, columns=["article_id", "quote_id", "kind", "speaker_name", "speaker_actor_id", "side",
                                    "speaker_kind", "n_words", "parent_quote_id"])
    return q.assign(start=range(0, 600, 100), end=range(50, 650, 100), text="x", attribution="explicit",
                    paragraph=1, sentence=1, speaker=q["speaker_name"], speaker_gender=None, cue="said",
                    confidence=1.0)


def test_voice_and_mentions_by_actor():
    t = synthesis.voice_and_mentions(_mentions(), _quotes()).set_index("actor_id")
    assert set(t.index) == {"ann", "bo", "cy", "dee"}  # no country, no discovered name, no unresolved speaker
    assert t.loc["ann", ["mentions", "quotes", "quoted_words"]].tolist() == [2, 2, 18]
    assert t.loc["cy", "status"] == "mentioned only" and t.loc["cy", "mentions"] == 2 and t.loc["cy", "quotes"] == 0
    assert t.loc["dee", "status"] == "quoted only" and np.isnan(t.loc["dee", "quotes_per_mention"])
    assert t.loc["bo", "quotes_per_mention"] == 0.5 and t.loc["bo", "articles_mentioned"] == 2
    assert t.loc["bo", "status"] == "quoted"


def test_voice_and_mentions_by_side_and_with_countries():
    s = synthesis.voice_and_mentions(_mentions(), _quotes(), by="side").set_index("side")
    assert list(s.index) == ["Canada", "China", "United States"]
    assert s.loc["Canada", ["actors", "actors_mentioned_only", "mentions", "quotes"]].tolist() == [2, 1, 4, 2]
    every = synthesis.voice_and_mentions(_mentions(), _quotes(), kinds=None)
    assert "china" not in set(every["actor_id"])  # its only mention is an adjective
    with pytest.raises(ValueError, match="'actor' or 'side'"):
        synthesis.voice_and_mentions(_mentions(), _quotes(), by="outlet")


def test_prominence_and_voice_counts_by_hand():
    p = synthesis.prominence_and_voice(_mentions(), _quotes()).set_index("side")
    # lede (paragraph 1) mentions, adjectives out: a: Ann, Bo; b: Bo  -> Canada 1/3, China 2/3
    assert p.loc["Canada", "lede_mentions"] == 1 and p.loc["China", "lede_mentions"] == 2
    assert p.loc["China", "lede_share"] == pytest.approx(2 / 3)
    # first side named: a -> Canada (Ann at 0), b -> China (Bo at 0)
    assert p.loc["Canada", "first_share"] == 0.5 and p.loc["China", "first_share"] == 0.5
    # mentions with a side, adjectives out: Canada 4 (Ann 2, Cy 2), China 2 (Bo 2)
    assert p.loc["Canada", "mention_share"] == pytest.approx(4 / 6)
    # quotes with a side, partial inside indirect counted once: Canada 2, China 1, United States 1
    assert p.loc["Canada", "quote_share"] == pytest.approx(0.5)
    assert p.loc["United States", "quote_share"] == pytest.approx(0.25)
    assert p["quote_share"].sum() == pytest.approx(1.0) and p["mention_share"].sum() == pytest.approx(1.0)


@pytest.fixture(scope="module")
def seed_tables(seed_articles):
    pytest.importorskip("analysis.sourcing")
    pytest.importorskip("analysis.actors")
    from analysis.actors import find_mentions
    from analysis.sourcing import extract_quotes
    from analysis.core.text import segment_articles

    docs = segment_articles(seed_articles)
    quotes = extract_quotes(docs)
    return docs, quotes, find_mentions(docs, quotes=quotes)


def test_seed_heard_and_talked_about(seed_tables):
    docs, quotes, mentions = seed_tables
    t = synthesis.voice_and_mentions(mentions, quotes).set_index("actor_id")
    # read in the seed: Cotler speaks in paragraphs 13, 14, 15, 24, 25 and 26
    assert t.loc["cotler", "quotes"] == 6
    # the detained men are named throughout and never quoted
    assert t.loc["kovrig", "status"] == "mentioned only" and t.loc["kovrig", "mentions"] >= 8
    assert t.loc["spavor", "status"] == "mentioned only"
    assert t.loc["psaki", "status"] == "quoted"


def test_seed_readability_by_voice_splits_every_word(seed_tables):
    pytest.importorskip("analysis.readability")
    docs, quotes, _ = seed_tables
    r = synthesis.readability_by_voice(docs, quotes)
    top = r[r["side"] == "all"].set_index("voice")
    assert top.loc["narrative", "words"] + top.loc["quoted", "words"] == 880  # the seed's 880 word tokens
    by_side = r[(r["voice"] == "quoted") & (r["side"] != "all")]
    assert by_side["words"].sum() <= top.loc["quoted", "words"]
    assert (r["few_words"] == (r["words"] < 100)).all()


def test_seed_tone_by_voice_covers_every_sentence(seed_tables):
    pytest.importorskip("analysis.sentiment")
    docs, quotes, mentions = seed_tables
    t = synthesis.tone_by_voice(docs, quotes, mentions, n_boot=200)
    narration = t[t["voice"] == "narration (all)"]["n_sentences"].sum()
    quoted = t[t["voice"] == "quoted"]["n_sentences"].sum()
    assert narration + quoted == 36  # the seed's 36 sentences, each in one voice
    about = t[t["voice"] == "narration about"].set_index("side")
    assert about["n_sentences"].max() <= narration
    assert t["mean_compound"].between(-1, 1).all()
