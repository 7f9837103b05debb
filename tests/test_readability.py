"""Readability: formula fidelity, counts on the seed, NaN rules, voices, CLI."""
from __future__ import annotations

import io
import json
import math
from contextlib import redirect_stdout

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import readability as R
from analysis.readability import COUNT_COLUMNS, INDEX_COLUMNS, readability, readability_scores
from analysis.readability.tokens import TOKENS, TokenFacts, token_facts, tokens_facts

# ---------------------------------------------------------------------------
# 1. Formula fidelity: the same counts give the published value.
# Counts: 100 words, 5 sentences (20 words a sentence), 150 syllables,
# 10 polysyllabic / complex / difficult / unfamiliar words, 480 letters,
# 500 characters.  Expected values worked out by hand from the published
# formulas (see each function's docstring for the source).

W, S, SYL, HARD, LET, CH = 100, 5, 150, 10, 480, 500

FIDELITY = [
    # (name, call, expected, tolerance, source)
    ("flesch_reading_ease", lambda: R.flesch_reading_ease(W, S, SYL), 206.835 - 1.015 * 20 - 84.6 * 1.5, 1e-9, "Flesch 1948"),
    ("flesch_reading_ease_literal", lambda: R.flesch_reading_ease(W, S, SYL), 59.635, 1e-9, "by hand"),
    ("flesch_kincaid_grade", lambda: R.flesch_kincaid_grade(W, S, SYL), 9.91, 1e-9, "Kincaid et al. 1975"),
    ("gunning_fog", lambda: R.gunning_fog(W, S, HARD), 12.0, 1e-9, "Gunning 1952: 0.4*(20+10)"),
    ("smog_index", lambda: R.smog_index(S, HARD), 1.0430 * math.sqrt(60) + 3.1291, 1e-9, "McLaughlin 1969"),
    ("smog_index_literal", lambda: R.smog_index(S, HARD), 11.208143, 1e-6, "by hand"),
    ("coleman_liau_index", lambda: R.coleman_liau_index(W, S, LET), 10.944, 1e-9, "Coleman & Liau 1975: 0.0588*480-0.296*5-15.8"),
    ("automated_readability_index", lambda: R.automated_readability_index(W, S, CH), 12.12, 1e-9, "Senter & Smith 1967"),
    ("dale_chall_above_5pct", lambda: R.dale_chall(W, S, HARD), 0.1579 * 10 + 0.0496 * 20 + 3.6365, 1e-9, "Dale & Chall 1948"),
    ("dale_chall_at_most_5pct", lambda: R.dale_chall(W, S, 4), 0.1579 * 4 + 0.0496 * 20, 1e-9, "no 3.6365 when PDW <= 5"),
    ("dale_chall_exactly_5pct", lambda: R.dale_chall(W, S, 5), 0.1579 * 5 + 0.0496 * 20, 1e-9, "the rule is PDW > 5"),
    ("linsear_write_r_above_20", lambda: R.linsear_write(W, S, HARD), 12.0, 1e-9, "r=(90+30)/5=24 -> 24/2"),
    ("linsear_write_r_at_most_20", lambda: R.linsear_write(W, 10, HARD), 5.0, 1e-9, "r=12 -> (12-2)/2"),
    ("spache_revised", lambda: R.spache(W, S, HARD), 3.899, 1e-9, "Spache 1974: 0.121*20+0.082*10+0.659"),
    ("spache_original", lambda: R.spache(W, S, HARD, version="original"), 4.519, 1e-9, "Spache 1953: 0.141*20+0.086*10+0.839"),
]


@pytest.mark.parametrize("name, call, expected, tol, source", FIDELITY, ids=[f[0] for f in FIDELITY])
def test_formula_matches_published_definition(name, call, expected, tol, source):
    assert call() == pytest.approx(expected, abs=tol), source


@pytest.mark.parametrize("fn, args", [
    (R.flesch_reading_ease, (0, 0, 0)), (R.flesch_kincaid_grade, (10, 0, 12)), (R.gunning_fog, (0, 1, 0)),
    (R.smog_index, (0, 3)), (R.coleman_liau_index, (0, 1, 5)), (R.automated_readability_index, (0, 1, 5)),
    (R.dale_chall, (0, 1, 0)), (R.linsear_write, (10, 0, 1)), (R.spache, (0, 1, 0)),
])
def test_formula_is_nan_when_a_ratio_is_undefined(fn, args):
    assert math.isnan(fn(*args))


def test_formulas_accept_arrays():
    out = R.flesch_kincaid_grade(np.array([100, 0]), np.array([5, 0]), np.array([150, 0]))
    assert out[0] == pytest.approx(9.91) and math.isnan(out[1])


def test_spache_version_error_lists_choices():
    with pytest.raises(ValueError, match="original.*revised"):
        R.spache(W, S, HARD, version="1953")


# ---------------------------------------------------------------------------
# 2. Fed textstat's own counts, our formulas give textstat's values, except
#    where we deliberately differ (named here).

TEXTS = [
    "The cat sat on the mat. It was a sunny day and the children played outside in the garden.",
    "Negotiations between the governments continued throughout the afternoon. Officials described the "
    "atmosphere as constructive, although significant disagreements remained unresolved. A spokesperson "
    "declined to comment on the details.",
    "Economic uncertainty has intensified considerably. Analysts anticipate additional volatility.",
]


@pytest.fixture(scope="module")
def ts():
    textstat = pytest.importorskip("textstat")
    import textstat.backend.counts._count_syllables as cs

    from analysis.core.resources import cmu_dictionary

    cmu = cmu_dictionary()
    cs.get_cmudict = lambda lang: cmu  # same CMU data, no nltk.download
    return textstat


def _ts_counts(text):
    from textstat.backend import counts as c

    lang = "en_US"
    return dict(
        words=c.count_words(text), sentences=c.count_sentences(text), syllables=c.count_syllables(text, lang),
        poly=c.count_polysyllable_words(text, lang), letters=c.count_letters(text),
        chars=c.count_chars(text, ignore_spaces=True), words_punct=c.count_words(text, rm_punctuation=False),
        dc_difficult=c.count_difficult_words(text, lang, syllable_threshold=0),
        fog_difficult=c.count_difficult_words(text, lang, syllable_threshold=3),
        spache_difficult=c.count_difficult_words(text, lang, syllable_threshold=2),
    )


@pytest.mark.parametrize("text", TEXTS, ids=["simple", "official", "short"])
def test_same_counts_give_textstats_values(ts, text):
    k = _ts_counts(text)
    w, s = k["words"], k["sentences"]
    same = {
        "flesch_reading_ease": (R.flesch_reading_ease(w, s, k["syllables"]), ts.flesch_reading_ease(text)),
        "flesch_kincaid_grade": (R.flesch_kincaid_grade(w, s, k["syllables"]), ts.flesch_kincaid_grade(text)),
        "smog_index": (R.smog_index(s, k["poly"]), ts.smog_index(text)),
        "gunning_fog": (R.gunning_fog(w, s, k["fog_difficult"]), ts.gunning_fog(text)),
        "dale_chall": (R.dale_chall(w, s, k["dc_difficult"]), ts.dale_chall_readability_score(text)),
        # texts under 100 words: textstat's 100-word sample is the whole text
        "linsear_write": (R.linsear_write(w, s, k["poly"]), ts.linsear_write_formula(text)),
        "spache_original": (R.spache(w, s, k["spache_difficult"], version="original"), ts.spache_readability(text)),
    }
    for name, (ours, theirs) in same.items():
        assert ours == pytest.approx(theirs, abs=1e-9), name
    # ARI: the published formula on textstat's counts, whose characters
    # include punctuation and whose word count for the character ratio keeps
    # punctuation-only tokens (ours: letters and digits of words only)
    assert ts.automated_readability_index(text) == pytest.approx(
        4.71 * k["chars"] / k["words_punct"] + 0.5 * w / s - 21.43, abs=1e-9)
    # Coleman-Liau: deliberate difference, published 0.0588 vs textstat's 0.058
    L = 100 * k["letters"] / w
    assert R.coleman_liau_index(w, s, k["letters"]) - ts.coleman_liau_index(text) == pytest.approx(0.0008 * L, abs=1e-9)


def test_textstat_v2_dale_chall_adjusts_on_the_raw_score(ts):
    """textstat's dale_chall_readability_score_v2 adds 3.6365 when the raw
    score exceeds 0.05, not when PDW exceeds 5 %: a text with no difficult
    word (PDW 0) gets the adjustment there, not in the published rule."""
    text = "The dog and the cat ran to the big red house. They ran and ran all day."
    k = _ts_counts(text)
    assert k["spache_difficult"] == 0
    ours = R.dale_chall(k["words"], k["sentences"], 0)
    assert ts.dale_chall_readability_score_v2(text) == pytest.approx(ours + 3.6365, abs=1e-9)


# ---------------------------------------------------------------------------
# 3. Counts on the seed article (checked by reading the text).


@pytest.fixture(scope="module")
def seed_sentences(seed_articles):
    return readability(seed_articles, level="sentence")


def test_seed_article_counts(seed_articles, seed_doc):
    row = readability(seed_articles).iloc[0]
    assert row["sentences"] == 36 == seed_doc.n_sentences
    assert row["words"] == 880 == seed_doc.n_words
    assert row["longest_sentence_words"] == 52  # "The Chinese Foreign Ministry confirmed on Monday ..."
    assert row["words_per_sentence"] == pytest.approx(880 / 36)
    assert row["flesch_reading_ease"] == pytest.approx(R.flesch_reading_ease(880, 36, row["syllables"]))
    assert np.isfinite(row["smog_index"])  # 36 >= 30 sentences


@pytest.mark.parametrize(
    "sentence, words, syl, poly",
    [
        # US(2) Pres-i-dent(3) Joe Bi-den(2) urged his Chi-nese(2) coun-ter-part(3) Xi Jin-ping(2) to
        # re-lease(2) Ca-na-di-ans(4) Mi-chael(2) Spa-vor(2) and Mi-chael(2) Kov-rig(2) in a
        # Sep-tem-ber(3) 9 phone call
        (1, 24, 42, 4),
        (19, 8, 14, 2),  # “I think this is a very important development.
        (20, 11, 17, 1),  # And I hope the shadow of hostage diplomacy(4) has been lifted.
        (23, 7, 10, 1),  # “Confidence(3) is gone with China,” he said.
        (32, 6, 8, 0),  # “I don’t believe that has happened.
    ],
)
def test_seed_sentence_counts_by_hand(seed_sentences, sentence, words, syl, poly):
    row = seed_sentences.set_index("sentence").loc[sentence]
    assert (row["words"], row["syllables"], row["polysyllabic_words"]) == (words, syl, poly)


def test_seed_sentence_23_difficult_words(seed_sentences):
    # of Confidence, is, gone, with, China, he, said only "confidence" is off
    # the Dale-Chall list ("china" is on it, as the dishes)
    assert seed_sentences.set_index("sentence").loc[23, "difficult_words"] == 1
    assert not R.is_familiar("Confidence") and R.is_familiar("China")


def test_levels_add_up(seed_articles, seed_sentences):
    art = readability(seed_articles)
    par = readability(seed_articles, level="paragraph")
    assert len(par) == 26 and len(seed_sentences) == 36
    assert list(seed_sentences["sentence"]) == list(range(1, 37))
    for col in ["sentences", "words", "syllables", "polysyllabic_words", "complex_words",
                "difficult_words", "characters", "letters"]:
        assert par[col].sum() == art[col].iloc[0] == seed_sentences[col].sum(), col
    assert par["longest_sentence_words"].max() == art["longest_sentence_words"].iloc[0]
    # unique-per-unit Spache counts cannot exceed the occurrences
    assert (seed_sentences["spache_unfamiliar_words"] <= seed_sentences["words"]).all()
    # keys join with the shared tables
    from analysis.core.text import sentence_table

    st = sentence_table(seed_articles)
    merged = seed_sentences.merge(st, on=["article_id", "paragraph", "sentence"], suffixes=("", "_t"))
    assert len(merged) == 36 and (merged["words"] == merged["n_words"]).all()
    assert (merged["start"] == merged["start_t"]).all()


def test_columns_and_types(seed_sentences):
    assert list(seed_sentences.columns[:5]) == ["article_id", "paragraph", "sentence", "start", "end"]
    for c in COUNT_COLUMNS:
        assert seed_sentences[c].dtype == np.int64, c
    for c in INDEX_COLUMNS:
        assert seed_sentences[c].dtype == float, c
    assert seed_sentences["smog_index"].isna().all()  # one sentence < 30


# ---------------------------------------------------------------------------
# 4. NaN, never a garbage number


def test_short_units_are_nan():
    one = readability_scores("Yes.")
    assert one["words"] == 1 and one["sentences"] == 1
    assert all(one[c] is None for c in INDEX_COLUMNS)
    three = readability_scores("The cat sat.")
    assert three["flesch_kincaid_grade"] == pytest.approx(R.flesch_kincaid_grade(3, 1, 3))


def test_unpunctuated_text_is_nan_not_minus_4995(ts):
    text = " ".join(["word"] * 5000)
    assert ts.flesch_reading_ease(text) < -4000  # textstat's garbage number
    row = readability(text).iloc[0]
    assert row["sentences"] == 1 and row["words"] == 5000
    assert row[INDEX_COLUMNS].isna().all()
    # the rule can be switched off, then the formula value comes back
    raw = readability(text, max_sentence_words=None).iloc[0]
    assert raw["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 5000 - 84.6)


def test_smog_needs_30_sentences():
    text = " ".join(["Governments negotiate agreements carefully."] * 29)
    assert math.isnan(readability(text).iloc[0]["smog_index"])
    text30 = text + " Governments negotiate agreements carefully."
    row = readability(text30).iloc[0]
    assert row["sentences"] == 30
    assert row["smog_index"] == pytest.approx(R.smog_index(30, row["polysyllabic_words"]))


def test_numerals_count_one_syllable_unless_read_aloud(seed_articles):
    # the seed has the numerals 1 and 2018 ("December 1, 2018"), 60 and 9 (twice):
    # read aloud 1 + 4 + 2 + 1 + 1 = 9 syllables, one each = 5
    one = readability(seed_articles).iloc[0]
    aloud = readability(seed_articles, numbers="read_aloud").iloc[0]
    assert aloud["syllables"] - one["syllables"] == 4
    assert one["words"] == aloud["words"] == 880
    with pytest.raises(ValueError, match="read_aloud"):
        readability(seed_articles, numbers="spoken")


def test_empty_input_gives_empty_table():
    out = readability(pd.DataFrame({"article_id": [], "text": []}))
    assert len(out) == 0 and "flesch_reading_ease" in out.columns


def test_us_abbreviation_does_not_split(ts):
    text = "The U.S. said no to the plan. It left the talks early."
    assert readability(text).iloc[0]["sentences"] == 2


# ---------------------------------------------------------------------------
# 5. Quoted versus narrative


def test_voice_split_with_a_hand_made_quote_table():
    text = "The minister said: “We will win this.” Then he left the room."
    start = text.index("We")
    end = text.index("this.") + len("this.")
    quotes = pd.DataFrame({"article_id": ["a"], "start": [start], "end": [end], "kind": ["direct"]})
    arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    out = readability(arts, quotes=quotes).set_index("voice")
    assert out.loc["quoted", "words"] == 4  # We will win this
    assert out.loc["narrative", "words"] == 8  # The minister said Then he left the room
    # sentence 1 has 7 words, 4 quoted: it counts 4/7 to quoted, 3/7 to narrative
    assert out.loc["quoted", "sentences"] == pytest.approx(4 / 7)
    assert out.loc["narrative", "sentences"] == pytest.approx(1 + 3 / 7)
    assert out.loc["quoted", "words_per_sentence"] == pytest.approx(7.0)
    # an indirect quote is the journalist's wording: narrative by default
    quotes["kind"] = "indirect"
    out = readability(arts, quotes=quotes)
    assert list(out["voice"]) == ["narrative"] and out["words"].iloc[0] == 12
    out = readability(arts, quotes=quotes, quote_kinds=["indirect"])
    assert set(out["voice"]) == {"narrative", "quoted"}
    sent = readability(arts, quotes=quotes, quote_kinds=None, level="sentence")
    assert list(zip(sent["sentence"], sent["voice"])) == [(1, "narrative"), (1, "quoted"), (2, "narrative")]


def test_voice_with_seed_quotes_if_available(seed_articles):
    sourcing = pytest.importorskip("analysis.sourcing")
    quotes = sourcing.extract_quotes(seed_articles)
    out = readability(seed_articles, quotes=quotes)
    assert set(out["voice"]) <= {"quoted", "narrative"}
    assert out["words"].sum() == 880
    assert out["sentences"].sum() == pytest.approx(36)


def test_bad_arguments_list_allowed_values(seed_articles):
    with pytest.raises(ValueError, match="article, paragraph, sentence"):
        readability(seed_articles, level="word")
    with pytest.raises(ValueError, match="start"):
        readability(seed_articles, quotes=pd.DataFrame({"article_id": ["x"]}))
    with pytest.raises(ValueError, match="direct"):
        readability(seed_articles, quotes=pd.DataFrame({"article_id": [], "start": [], "end": [], "kind": []}),
                    quote_kinds=["verbatim"])
    with pytest.raises(TypeError):
        readability(seed_articles, "sentence")  # options are keyword-only


# ---------------------------------------------------------------------------
# 6. Command line


def test_cli_prints_json_lines(seed_articles):
    from analysis.cli import main
    from tests.conftest import SEED_FILE

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["readability", str(SEED_FILE), "--level", "paragraph"])
    assert code == 0
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert len(rows) == 26
    assert {"article_id", "paragraph", "words", "syllables", "flesch_kincaid_grade", "smog_index"} <= set(rows[0])
    assert rows[0]["smog_index"] is None  # NaN becomes null
    assert sum(r["words"] for r in rows) == 880


# ---------------------------------------------------------------------------
# 7. Word rules and pooling


@pytest.mark.parametrize("word, familiar", [
    ("house", True), ("houses", True), ("house's", True), ("running", True), ("stopped", True),
    ("babies", True), ("happier", True), ("larger", True), ("largest", True), ("1,000", True),
    ("well-known", True), ("counterpart", False), ("Biden", False), ("negotiation", False),
])
def test_dale_chall_familiarity_rules(word, familiar):
    assert R.is_familiar(word) is familiar


def test_is_familiar_error_lists_lists():
    with pytest.raises(ValueError, match="dale_chall.*spache"):
        R.is_familiar("house", "ogden")


def test_fog_complex_word_rules():
    # 3+ syllables: "negotiations" (5) and "counterparts" (3) are complex;
    # "created" (3) is create (2) + -ed; "Canadians" is a proper noun mid-sentence;
    # "Saint-Jacques-Montreal" is hyphenated; "Negotiators" starts the sentence, so it counts
    text = "Negotiators met counterparts and created negotiations with Canadians in Saint-Jacques-Montreal today."
    row = readability(text).iloc[0]
    assert row["polysyllabic_words"] >= 5
    assert row["complex_words"] == 3  # Negotiators, counterparts, negotiations


def test_pool_sums_counts_and_recomputes(seed_articles):
    par = readability(seed_articles, level="paragraph")
    pooled = pool_all = R.pool(par)
    art = readability(seed_articles).iloc[0]
    assert pooled["units"].iloc[0] == 26
    for c in ["sentences", "words", "syllables", "difficult_words", "letters"]:
        assert pooled[c].iloc[0] == art[c]
    for c in INDEX_COLUMNS:  # same counts -> same indices (Spache's unique words differ by design)
        if c != "spache":
            assert pool_all[c].iloc[0] == pytest.approx(art[c], nan_ok=True)
    with pytest.raises(ValueError, match="cannot pool by"):
        R.pool(par, by="voice")


# ---------------------------------------------------------------------------
# 7. Several levels from one counting pass, and batches of documents

ANOTHER = (
    "OTTAWA \u2014 Prime Minister Justin Trudeau said on Monday that the talks with China would go on. "
    "\u201cWe are pleased with the progress,\u201d he told reporters. The U.S. declined to comment.\n\n"
    "Officials, who spoke on background, called the 2018 arrangement \u201ca good start\u201d. "
    "Negotiators kept creating negotiations; running commentaries followed.\n\n"
    "\u201cNo.\u201d"
)


def _quotes_of(arts: pd.DataFrame) -> pd.DataFrame:
    """Every \u201c...\u201d span as a direct quote (a hand-made quote table)."""
    import re

    rows = [(a, m.start() + 1, m.end() - 1, "direct")
            for a, t in zip(arts["article_id"], arts["text"]) for m in re.finditer("\u201c[^\u201d]*\u201d", t)]
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "kind"])


@pytest.fixture(scope="module")
def two_articles(seed_articles):
    arts = pd.concat([seed_articles[["article_id", "text"]],
                      pd.DataFrame({"article_id": ["another"], "text": [ANOTHER]})], ignore_index=True)
    return arts, _quotes_of(arts)


def test_levels_equal_separate_calls(two_articles):
    arts, quotes = two_articles
    assert len(quotes) >= 3
    for voice_level in R.LEVELS:
        tables = R.readability_levels(arts, quotes=quotes, voice_level=voice_level)
        assert list(tables) == ["article", "paragraph", "sentence", "voice"]
        for level in R.LEVELS:
            pd.testing.assert_frame_equal(tables[level], readability(arts, level=level), check_exact=True)
        pd.testing.assert_frame_equal(tables["voice"], readability(arts, level=voice_level, quotes=quotes),
                                      check_exact=True)
    only = R.readability_levels(arts, ["sentence"], numbers="read_aloud", min_words=1)
    assert list(only) == ["sentence"]
    pd.testing.assert_frame_equal(only["sentence"], readability(arts, level="sentence", numbers="read_aloud",
                                                                min_words=1), check_exact=True)
    with pytest.raises(ValueError, match="article, paragraph, sentence"):
        R.readability_levels(arts, ["article", "word"])
    with pytest.raises(ValueError, match="article, paragraph, sentence"):
        R.readability_levels(arts, quotes=quotes, voice_level="word")


def test_batch_equals_documents_one_by_one(two_articles):
    """Counting documents together must not leak between them: the batch's
    tables are the per-document tables one after another (also with the
    same article twice, an empty body and the token table reset)."""
    from analysis.core.text import segment

    arts, quotes = two_articles
    docs = [segment(t, a) for a, t in zip(arts["article_id"], arts["text"])]
    docs = [docs[1], docs[0], segment("", "empty"), docs[1]]
    for voiced in (None, quotes):
        for level in R.LEVELS:
            batch = readability(docs, level=level, quotes=voiced)
            one_by_one = pd.concat([readability([d], level=level, quotes=voiced) for d in docs], ignore_index=True)
            pd.testing.assert_frame_equal(batch, one_by_one, check_exact=True)
            TOKENS.reset()  # process-global token facts: a reset between calls changes nothing
            pd.testing.assert_frame_equal(readability(docs, level=level, quotes=voiced), batch, check_exact=True)
    assert readability(docs, quotes=quotes)["article_id"].tolist().count("another") == 4  # 2 copies x 2 voices


def test_empty_input_with_quotes_gives_empty_voice_table(two_articles):
    _, quotes = two_articles
    out = readability([], quotes=quotes)
    assert len(out) == 0 and list(out.columns[:2]) == ["article_id", "voice"]


# ---------------------------------------------------------------------------
# The hand-written fast path of the per-token facts equals the plain definition.

_WORDISH = st.one_of(
    st.sampled_from(["the", "The", "running", "created", "Biden's", "U.S.", "NATO", "US", "COVID-19", "2018",
                     "1,000", "76%", "well-known", "naïve", "don’t", "Saint-Jacques", "G7", "a", "I", "extraordinary",
                     "Beautifully", "ABC", "hello", "uses", "largest", "Ottawa", "xyzzy", "rhythms", "–", "’s"]),
    st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEZ'’-–0123456789.%é")), min_size=1,
            max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDISH, max_size=30))
def test_tokens_facts_fast_path_equals_plain_definition(tokens):
    fast = tokens_facts(tokens)
    assert fast == [token_facts(t) for t in tokens]
    assert all(isinstance(f, TokenFacts) for f in fast)
