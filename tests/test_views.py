"""analysis.presentation.views: the highlighted article view and the ipywidgets picker."""
from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis.presentation.figures import SIDE_COLORS
from analysis.presentation.views import ArticlePicker, article_html, article_metrics, article_picker


class _Collector(HTMLParser):
    """Text inside elements carrying ``data-quote-id`` / ``data-actor-id``,
    per id, and a check that tags are well nested."""

    VOID = {"br", "img", "meta", "hr", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.quotes: dict[str, str] = {}
        self.actors: dict[str, list[str]] = {}
        self.titles: dict[str, str] = {}
        self.text = []
        self.in_text = 0
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag in self.VOID:
            return
        a = dict(attrs)
        self.stack.append((tag, a))
        if "data-quote-id" in a:
            self.titles[a["data-quote-id"]] = a.get("title", "")
        if a.get("class") == "av-text":
            self.in_text = len(self.stack)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"badly nested </{tag}>"
        if self.in_text == len(self.stack):
            self.in_text = 0
        self.stack.pop()

    def handle_data(self, data):
        if self.in_text:
            self.text.append(data)
        seen_actor = False
        for _, a in self.stack:
            if "data-quote-id" in a:
                self.quotes[a["data-quote-id"]] = self.quotes.get(a["data-quote-id"], "") + data
        for _, a in reversed(self.stack):
            if "data-actor-id" in a and not seen_actor:
                self.actors.setdefault(a["data-actor-id"], []).append(data)
                seen_actor = True


def _parse(page: str) -> _Collector:
    c = _Collector()
    c.feed(page)
    c.close()
    assert not c.stack, "unclosed tags"
    return c


BODY = 'Ann Lee said "the <b>plan</b> & the budget are fine." Officials in Beijing disagreed.'


def _quotes():
    start = BODY.index("the <b>")
    end = BODY.index('fine."') + len("fine.")
    return pd.DataFrame([{
        "article_id": "text", "quote_id": "text-q1", "kind": "direct", "start": start, "end": end,
        "speaker_name": "Ann Lee", "side": "Canada", "speaker_kind": "person",
        "attribution": "explicit", "cue": "said",
    }])


def _mentions():
    return pd.DataFrame([
        {"article_id": "text", "actor_id": "ann_lee", "name": "Ann Lee", "side": "Canada", "kind": "person",
         "match": "name", "start": 0, "end": 7},
        {"article_id": "text", "actor_id": "beijing", "name": "China", "side": "China", "kind": "country",
         "match": "name", "start": BODY.index("Beijing"), "end": BODY.index("Beijing") + 7},
    ])


def test_text_is_escaped_and_kept_whole():
    page = article_html(BODY, quotes=_quotes(), mentions=_mentions(), compute=False)
    assert "<b>plan</b>" not in page and "&lt;b&gt;plan&lt;/b&gt;" in page
    assert "&amp; the budget" in page
    c = _parse(page)
    assert c.scripts == 0
    assert "".join(c.text) == BODY  # every character, once, in order


def test_quote_marked_with_speaker_kind_and_side_colour():
    page = article_html(BODY, quotes=_quotes(), mentions=_mentions(), compute=False)
    c = _parse(page)
    assert c.quotes["text-q1"] == "the <b>plan</b> & the budget are fine."
    assert c.titles["text-q1"] == "direct quote · speaker: Ann Lee (Canada, person) · attribution: explicit · cue: said"
    assert 'data-speaker="Ann Lee"' in page and 'data-kind="direct"' in page
    assert "background:rgba(213,94,0,0.30)" in page  # Canada's vermillion #D55E00
    assert c.actors == {"ann_lee": ["Ann Lee"], "beijing": ["Beijing"]}
    assert f"box-shadow:inset 0 -0.2em 0 {SIDE_COLORS['China']}" in page
    assert 'title="China · China · country · match: name"' in page


def test_crossing_spans_are_split_and_well_nested():
    body = "Alpha Beta Gamma Delta"
    quotes = pd.DataFrame([{"article_id": "text", "quote_id": "q", "kind": "indirect", "start": 6, "end": 16,
                            "speaker_name": None, "side": None}])
    mentions = pd.DataFrame([{"article_id": "text", "actor_id": "ab", "name": "AB", "side": "other",
                              "start": 0, "end": 10}])
    c = _parse(article_html(body, quotes=quotes, mentions=mentions, compute=False))
    assert c.quotes["q"] == "Beta Gamma"
    assert "".join(c.actors["ab"]) == "Alpha Beta"
    assert "".join(c.text) == body
    assert "speaker: no speaker found" in c.titles["q"]


def test_rows_of_other_articles_and_bad_offsets_are_ignored():
    quotes = pd.concat([_quotes(), _quotes().assign(article_id="other", quote_id="x")])
    bad = _quotes().assign(quote_id="bad", start=5, end=10_000)
    c = _parse(article_html(BODY, quotes=pd.concat([quotes, bad]), mentions=None, compute=False))
    assert set(c.quotes) == {"text-q1"}


def test_every_quote_of_the_seed_is_marked(seed_doc):
    pytest.importorskip("analysis.sourcing")
    pytest.importorskip("analysis.actors")
    from analysis.presentation.views import article_tables

    tables = article_tables(seed_doc)
    quotes = tables["quotes"]
    page = article_html(seed_doc, quotes=quotes, mentions=tables["mentions"], compute=False)
    c = _parse(page)
    assert "".join(c.text) == seed_doc.text
    assert len(quotes) > 10
    for q in quotes.itertuples(index=False):
        assert c.quotes.get(q.quote_id) == seed_doc.text[q.start:q.end], q.quote_id
    # Jen Psaki's direct quote opens "He spoke of the two individuals" (paragraph 7 of the seed)
    psaki = quotes[quotes["text"].str.startswith("He spoke of the two individuals")].iloc[0]
    assert psaki["kind"] == "direct"
    title = c.titles[psaki["quote_id"]]
    assert "direct quote" in title and "Psaki" in title and "United States" in title


def test_article_metrics_of_the_seed(seed_doc):
    m = article_metrics(seed_doc, quotes=None, mentions=None).set_index("metric")["value"]
    # counts of the shared segmentation, stated in the README: 880 words, 36 sentences, 26 paragraphs
    assert (m["words"], m["sentences"], m["paragraphs"]) == (880, 36, 26)
    assert isinstance(m["words"], int)
    if "flesch_reading_ease" in m:
        assert 0 < m["flesch_reading_ease"] < 100
    assert "quotes" not in m  # no quotes table given: no quote counts invented


def test_article_metrics_counts_quotes_and_mentions_by_side():
    m = article_metrics(BODY, quotes=_quotes(), mentions=_mentions()).set_index("metric")["value"]
    assert m["quotes"] == 1 and m["quotes_canada"] == 1
    assert m["mentions_canada"] == 1 and m["mentions_china"] == 1


def _two_articles():
    other = "Second story. Nothing quoted here."
    articles = pd.DataFrame({"article_id": ["text", "b"], "text": [BODY, other],
                             "date": ["2021-01-01", "2021-01-02"], "title": ["First", "Second"]})
    return articles


def test_picker_updates_without_a_widget_frontend():
    pytest.importorskip("ipywidgets")
    picker = article_picker(_two_articles(), quotes=_quotes(), mentions=_mentions())
    assert isinstance(picker, ArticlePicker)
    assert [v for _, v in picker.dropdown.options] == ["text", "b"]
    assert picker.dropdown.options[0][0] == "text · 2021-01-01 · First"
    first = picker.html.value
    assert 'data-quote-id="text-q1"' in first and "<h3" in first and ">words<" in first
    page = picker.update("b")
    assert page == picker.html.value and picker.dropdown.value == "b"
    assert "Nothing quoted here." in page and "data-quote-id" not in page
    picker.dropdown.value = "text"  # the observer fires as if a user picked it
    assert 'data-quote-id="text-q1"' in picker.html.value
    with pytest.raises(KeyError, match="choose one of"):
        picker.update("nope")


def test_picker_computes_tables_per_article(seed_articles):
    pytest.importorskip("ipywidgets")
    pytest.importorskip("analysis.sourcing")
    picker = ArticlePicker(seed_articles)
    aid = seed_articles["article_id"].iloc[0]
    assert aid in picker._cache and picker._cache[aid]["quotes"] is not None
    assert "av-quote" in picker.html.value and "mentions_china" in picker.html.value


def test_bad_inputs_name_the_problem():
    with pytest.raises(TypeError, match="Document, a body string or an articles table"):
        article_html(42)
    with pytest.raises(ValueError, match="name one with article_id"):
        article_html(_two_articles(), compute=False)
    with pytest.raises(KeyError):
        article_html(_two_articles(), article_id="zzz", compute=False)
    pytest.importorskip("ipywidgets")
    with pytest.raises(ValueError, match="non-empty articles table"):
        ArticlePicker(pd.DataFrame())
