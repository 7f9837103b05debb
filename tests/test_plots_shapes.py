"""The tables and plot functions the notebooks call, on every shape of corpus
a researcher may bring: one article without quotes or names, two articles
from two outlets, articles without dates or outlets, and a corpus mixing
all of these (``tests/data/shapes_corpus.jsonl``, written for these tests).

Every plot either draws (a figure is saved) or says in one sentence why there
is nothing to draw (:class:`analysis.presentation.figures.NothingToDraw`); nothing else
may be raised.  The expected outcome of each case was checked by reading the
four small articles: only ``shape-quotes`` has quotes (Mayor Linda Okafor,
Councillor James Whitfield, the transit authority) and no article names an
actor of the seed codebook."""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import load_corpus, synthesis
from analysis import sentiment as S
from analysis.actors import actor_frequency, cooccurrence, expand_groups, find_mentions
from analysis.actors.codebook import load_codebook
from analysis.presentation.figures import NothingToDraw, draw
from analysis.presentation.plots import actors as actor_plots
from analysis.presentation.plots import corpus as corpus_plots
from analysis.presentation.plots import readability as readability_plots
from analysis.presentation.plots import sentiment as sentiment_plots
from analysis.presentation.plots import sourcing as sourcing_plots
from analysis.presentation.plots import synthesis as synthesis_plots
from analysis.readability import pool, readability
from analysis.sourcing import extract_quotes, quote_positions, sourcing_balance, voice_directness
from analysis.core.text import paragraph_table, segment_articles

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "shapes_corpus.jsonl"
ROWS = {r["id"]: r for r in map(json.loads, SHAPES_FILE.read_text(encoding="utf-8").splitlines())}

SHAPES = {
    "one article, no quotes, no names": ["shape-plain"],
    "two articles, two outlets": ["shape-quotes", "shape-names"],
    "no dates, no outlets": ["shape-plain", "shape-quotes"],
    "every shape at once": list(ROWS),
}


def _write(tmp: Path, ids: list[str], *, strip_meta: bool) -> Path:
    path = tmp / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in ids:
            row = dict(ROWS[i])
            if strip_meta:
                row.pop("date", None), row.pop("outlet", None)
            fh.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="module", params=list(SHAPES))
def tables(request, tmp_path_factory) -> dict:
    """Every table the notebooks compute, for one shape of corpus."""
    tmp = tmp_path_factory.mktemp("shape")
    articles = load_corpus(_write(tmp, SHAPES[request.param], strip_meta=request.param.startswith("no dates")))
    docs = segment_articles(articles)
    quotes = extract_quotes(docs)
    mentions = find_mentions(docs, quotes=quotes)
    coded = mentions[mentions["match"] != "discovered"]
    sentences = S.sentence_sentiment(docs)
    by_article = readability(docs, level="article")
    paragraphs = S.aggregate_sentiment(sentences, level="paragraph", n_boot=0)
    return {
        "shape": request.param, "articles": articles, "docs": docs, "quotes": quotes, "mentions": mentions,
        "coded": coded, "sentences": sentences, "by_article": by_article, "paragraph_tone": paragraphs,
        "outdir": tmp / "figures",
    }


def _case(tables: dict, name: str, plot, *args, **kwargs) -> str:
    """'drawn' or the one-sentence reason; any other exception fails the test.
    (Saving is :func:`draw`'s job, tested below; here the figure is closed.)"""
    try:
        fig, data = plot(*args, **kwargs)
    except NothingToDraw as reason:
        text = str(reason)
        assert text.endswith(".") and len(text.split(". ")) == 1, f"not one sentence: {text!r}"
        return text
    plt.close(fig)
    assert isinstance(data, pd.DataFrame) and len(data) > 0
    return "drawn"


def test_draw_saves_or_explains(tmp_path, capsys):
    paragraphs = paragraph_table(segment_articles(load_corpus(SHAPES_FILE)))
    saved = draw("lengths", corpus_plots.paragraph_lengths, paragraphs, outdir=tmp_path, caption="c")
    assert Path(saved["png"]).stat().st_size > 1000 and Path(saved["csv"]).exists()
    assert draw("nothing", corpus_plots.paragraph_lengths, paragraphs.iloc[:0], outdir=tmp_path) is None
    assert capsys.readouterr().out.strip() == (
        "No figure 'nothing': The corpus has no paragraph with words in it.")
    assert not list(tmp_path.glob("nothing.*"))


def test_corpus_plots(tables):
    paragraphs = paragraph_table(tables["docs"])
    assert _case(tables, "p", corpus_plots.paragraph_lengths, paragraphs) == "drawn"
    assert _case(tables, "d", corpus_plots.paragraph_length_distribution, paragraphs) == "drawn"
    arts = tables["articles"]
    if arts["date"].notna().any():
        assert _case(tables, "t", corpus_plots.articles_over_time, arts) == "drawn"
    scored = arts.assign(flesch_kincaid_grade=tables["by_article"]["flesch_kincaid_grade"].to_numpy(),
                         mean_compound=S.aggregate_sentiment(tables["sentences"], level="article",
                                                             n_boot=0)["mean_compound"].to_numpy())
    outcome = _case(tables, "o", corpus_plots.outlet_profile, scored)
    # only "every shape" has an outlet with two articles (Valley Courier)
    if tables["shape"] == "every shape at once":
        assert outcome == "drawn"
    else:
        assert "outlet" in outcome.lower() or "no article has an outlet" in outcome.lower()


def test_readability_plots(tables):
    by_article = tables["by_article"]
    assert _case(tables, "g", readability_plots.grade_levels, by_article) == "drawn"
    docs = tables["docs"]
    first = by_article["article_id"].iloc[0]
    by_paragraph = readability(docs, level="paragraph")
    assert _case(tables, "pg", readability_plots.paragraph_grades, by_paragraph, article_id=first,
                 index="flesch_kincaid_grade",
                 article_value=float(by_article["flesch_kincaid_grade"].iloc[0])) == "drawn"
    pooled = pool(readability(docs, level="article", quotes=tables["quotes"]), by="voice")
    outcome = _case(tables, "v", readability_plots.voice_grades, pooled)
    assert (outcome == "drawn") == (len(tables["quotes"]) > 0)


def test_sentiment_plots(tables):
    sentences, docs = tables["sentences"], tables["docs"]
    if len(docs) == 1:
        assert _case(tables, "arc", sentiment_plots.paragraph_arc, sentences, tables["paragraph_tone"],
                     label="one") == "drawn"
    else:
        assert _case(tables, "arc", sentiment_plots.corpus_arc, S.tone_arc(sentences, bins=10, n_boot=0)) == "drawn"
    coded = tables["coded"]
    targeted = S.targeted_sentiment(docs, coded, level="corpus", n_boot=0)
    assert "No actor" in _case(tables, "at", sentiment_plots.actor_tone, targeted)
    voices = S.sentiment_by_voice(sentences, tables["quotes"], by="side", n_boot=0)
    outcome = _case(tables, "vt", sentiment_plots.voice_tone, voices)
    assert (outcome == "drawn") == (len(tables["quotes"]) > 0)


def test_actor_plots(tables):
    coded, articles = tables["coded"], tables["articles"]
    assert coded.empty, "no article of these shapes names an actor of the seed codebook"
    freq = actor_frequency(coded, articles, level="corpus")
    assert _case(tables, "m", actor_plots.mentions_by_actor, freq) == "No codebook actor is mentioned in the corpus."
    assert "No codebook actor" in _case(tables, "ds", actor_plots.dispersion_strip, coded)
    co = cooccurrence(expand_groups(coded, load_codebook()), unit="paragraph")
    assert "No two actors" in _case(tables, "co", actor_plots.cooccurrence_matrix, co)


def test_sourcing_plots(tables):
    quotes, docs = tables["quotes"], tables["docs"]
    has_quotes = len(quotes) > 0
    balance = sourcing_balance(quotes, by="side", n_boot=0)
    assert (_case(tables, "sv", sourcing_plots.share_of_voice, balance) == "drawn") == has_quotes
    direct = voice_directness(quotes, by="side")
    assert (_case(tables, "dp", sourcing_plots.directness, direct) == "drawn") == has_quotes
    positions = quote_positions(quotes, docs)
    assert (_case(tables, "qp", sourcing_plots.positions, positions) == "drawn") == has_quotes


def test_synthesis_plots(tables):
    quotes, mentions, docs = tables["quotes"], tables["mentions"], tables["docs"]
    heard = synthesis.voice_and_mentions(mentions, quotes)
    _case(tables, "hm", synthesis_plots.heard_and_mentioned, heard)
    tone = synthesis.tone_by_voice(docs, quotes, mentions, sentences=tables["sentences"], n_boot=0)
    _case(tables, "tv", synthesis_plots.tone_by_voice, tone)
    ease = synthesis.readability_by_voice(docs, quotes)
    _case(tables, "rv", synthesis_plots.readability_by_voice, ease)
    prominence = synthesis.prominence_and_voice(mentions, quotes, docs)
    outcome = _case(tables, "pv", synthesis_plots.prominence_and_voice, prominence)
    assert outcome != "drawn" or not prominence.empty


def test_shape_corpus_is_what_the_cases_assume():
    articles = load_corpus(SHAPES_FILE)
    assert list(articles["article_id"]) == ["shape-quotes", "shape-names", "shape-plain", "shape-short"]
    assert articles["outlet"].isna().tolist() == [False, False, True, False]
    assert articles["date"].isna().tolist() == [False, False, True, True]
    quotes = extract_quotes(segment_articles(articles))
    assert set(quotes["article_id"]) == {"shape-quotes"}
    assert isinstance(quotes, pd.DataFrame)


def test_unattributed_voice_is_drawn_as_an_outline():
    # quotes without a speaker are white (as in share_of_voice): their bars need a visible
    # outline, or the row shows its label and no bar (seen on the Huawei/UK report)
    table = pd.DataFrame({"side": ["unknown", "unattributed"], "direct_words": [30, 10],
                          "paraphrased_words": [20, 5], "direct_share": [0.6, 10 / 15]})
    fig, data = sourcing_plots.directness(table)
    unattributed = [p for p in fig.axes[0].patches if round(p.get_y() + p.get_height() / 2) == 1]  # row 1
    assert [p.get_width() for p in unattributed] == [10, 5]
    for p in unattributed:
        assert p.get_edgecolor()[:3] == pytest.approx((0x88 / 255,) * 3)
    plt.close(fig)


def test_actors_sharing_a_name_get_their_kind_in_the_label():
    # two actors named Huawei (an organisation; a person in a few articles), one named Ofcom
    freq = pd.DataFrame({"actor_id": ["a1", "a2", "a3"], "name": ["Huawei", "Huawei", "Ofcom"],
                         "kind": ["organisation", "person", "organisation"], "side": ["China", "China", None],
                         "mentions": [679, 20, 12]})
    fig, data = actor_plots.mentions_by_actor(freq)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    assert labels == ["Huawei (organisation)", "Huawei (person)", "Ofcom"]
    assert list(data["name"]) == ["Huawei", "Huawei", "Ofcom"]  # the CSV keeps the names as they are
