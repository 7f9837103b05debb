"""Interactive views for JupyterLab: one article with its actors and quotes
highlighted in side colours, and a small picker to browse a corpus.

:func:`article_html` returns the article as an HTML string:

* **quotes** (rows of :func:`analysis.sourcing.extract_quotes`) are shaded in
  the colour of the speaker's side (:func:`analysis.presentation.figures.side_color`):
  *direct* quotes filled, *partial* quotes filled and outlined with a dotted
  line, *indirect* quotes (the reporter's paraphrase) lightly filled and
  underlined with a dashed line.  A partial quote inside an indirect one is
  drawn inside it;
* **mentions** (rows of :func:`analysis.actors.find_mentions`) are bold with a
  thick underline in the actor's side colour (light grey for discovered names
  that have no side);
* hovering shows the speaker, side, kind, attribution and cue of a quote, or
  the actor, side, kind and match type of a mention (the ``title``
  attribute, so it needs no script); the same facts are in ``data-``
  attributes for tests and styling.

The text is HTML-escaped, so markup in an article is shown, never run.
Spans that cross (a mention that starts before a quote and ends inside it)
are split at the crossing, so the HTML is always well nested; every piece
keeps its ``data-quote-id`` / ``data-actor-id``.

:func:`article_view` wraps the string in :class:`IPython.display.HTML`;
:func:`article_metrics` gives the article's numbers (length, readability,
tone, quotes and mentions by side) as a tidy table; :class:`ArticlePicker`
(:func:`article_picker`) is an ``ipywidgets`` dropdown over a corpus that shows
the chosen article's metrics and highlighted text.  Families that are not
installed are left out of the view rather than failing it.
"""
from __future__ import annotations

import heapq
import html
from typing import Any, Iterable

import pandas as pd

from analysis.presentation.figures import SIDE_COLORS, SIDE_ORDER, side_color
from analysis.core.text import Document, segment, segment_articles

__all__ = [
    "article_html",
    "html_view",
    "article_view",
    "article_metrics",
    "article_tables",
    "ArticlePicker",
    "article_picker",
    "QUOTE_STYLES",
]

# How each quote kind is drawn: (fill opacity, extra CSS).  Direct quotes are
# the speaker's own words (strong fill); partial quotes are short quoted
# phrases (fill plus a dotted outline); indirect quotes are paraphrase (light
# fill, dashed underline).
QUOTE_STYLES = {
    "direct": (0.30, ""),
    "partial": (0.30, "outline:1px dotted {color};outline-offset:0;"),
    "indirect": (0.10, "border-bottom:1.5px dashed {color};"),
}
_ALLOWED_KINDS = tuple(QUOTE_STYLES)


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha:.2f})"


def _side(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _text(value: Any, default: str = "") -> str:
    side = _side(value)
    return default if side is None or side == "" else side


def _quote_tag(q: dict) -> tuple[str, str]:
    kind = _text(q.get("kind"), "direct")
    side = _side(q.get("side"))
    color = side_color(side)
    alpha, extra = QUOTE_STYLES.get(kind, QUOTE_STYLES["direct"])
    speaker = _text(q.get("speaker_name")) or _text(q.get("speaker")) or "no speaker found"
    details = [f"{kind} quote", f"speaker: {speaker}"]
    if side:
        details[-1] += f" ({side}" + (f", {_text(q.get('speaker_kind'))}" if _text(q.get("speaker_kind")) else "") + ")"
    if _text(q.get("attribution")):
        details.append(f"attribution: {_text(q.get('attribution'))}")
    if _text(q.get("cue")):
        details.append(f"cue: {_text(q.get('cue'))}")
    title = " · ".join(details)
    style = f"background:{_rgba(color, alpha)};border-radius:2px;" + extra.format(color=color)
    attrs = {
        "class": f"av-quote av-{kind}",
        "data-quote-id": _text(q.get("quote_id")),
        "data-kind": kind,
        "data-speaker": speaker,
        "data-side": side or "unknown",
        "title": title,
        "style": style,
    }
    return _open("span", attrs), "</span>"


def _mention_tag(m: dict) -> tuple[str, str]:
    side = _side(m.get("side"))
    color = side_color(side)
    name = _text(m.get("name")) or _text(m.get("surface"))
    bits = [name, side or "no side (not in the codebook)"]
    if _text(m.get("kind")):
        bits.append(_text(m.get("kind")))
    if _text(m.get("match")):
        bits.append(f"match: {_text(m.get('match'))}")
    attrs = {
        "class": "av-mention",
        "data-actor-id": _text(m.get("actor_id")),
        "data-side": side or "unknown",
        "title": " · ".join(bits),
        "style": f"font-weight:600;box-shadow:inset 0 -0.2em 0 {color};",
    }
    return _open("mark", {**attrs, "style": attrs["style"] + "background:none;color:inherit;"}), "</mark>"


def _open(tag: str, attrs: dict) -> str:
    parts = " ".join(f'{k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items() if v != "")
    return f"<{tag} {parts}>"


def _nest(text: str, spans: list[tuple], lo: int, hi: int) -> str:
    """Render ``text[lo:hi]`` with ``spans`` = ``(start, end, layer, seq, open, close)``
    inside it as well-nested HTML; a span that runs past its parent's end is
    split there and continues as a sibling."""
    heap = [(s, -e, layer, seq, e, o, c) for s, e, layer, seq, o, c in spans if e > s]
    heapq.heapify(heap)
    out, pos = [], lo
    while heap:
        s, _, layer, seq, e, o, c = heapq.heappop(heap)
        s = max(s, pos)
        if s >= e:
            continue
        children = []
        while heap and heap[0][0] < e:
            cs, _, cl, cseq, ce, co, cc = heapq.heappop(heap)
            if ce <= e:
                children.append((cs, ce, cl, cseq, co, cc))
            else:  # crosses the parent's end: the part inside is a child, the rest a later sibling
                children.append((cs, e, cl, cseq, co, cc))
                heapq.heappush(heap, (e, -ce, cl, cseq, ce, co, cc))
        out.append(html.escape(text[pos:s]))
        out.append(o + _nest(text, children, s, e) + c)
        pos = e
    out.append(html.escape(text[pos:hi]))
    return "".join(out)


def _rows(table: pd.DataFrame | None, article_id: str | None) -> list[dict]:
    if table is None or not len(table):
        return []
    if article_id is not None and "article_id" in table.columns:
        table = table[table["article_id"].astype(str) == str(article_id)]
    return table.to_dict("records")


def _legend(sides: Iterable[str]) -> str:
    items = []
    for side in sides:
        color = SIDE_COLORS.get(side, SIDE_COLORS["other"])
        label = "no side" if side == "unknown" else side
        items.append(
            f'<span style="display:inline-block;margin-right:0.9em">'
            f'<span style="display:inline-block;width:0.9em;height:0.9em;background:{color};'
            f'vertical-align:-0.1em;margin-right:0.3em;border-radius:2px"></span>{html.escape(label)}</span>'
        )
    grey = SIDE_COLORS["other"]
    kinds = (
        f'<span style="background:{_rgba(grey, 0.30)};margin-right:0.6em">direct quote</span>'
        f'<span style="background:{_rgba(grey, 0.30)};outline:1px dotted {grey};margin-right:0.6em">partial quote</span>'
        f'<span style="background:{_rgba(grey, 0.10)};border-bottom:1.5px dashed {grey};margin-right:0.6em">'
        f"indirect quote (paraphrase)</span>"
        f'<span style="font-weight:600;box-shadow:inset 0 -0.2em 0 {grey}">actor mention</span>'
    )
    return (
        '<div class="av-legend" style="font-size:0.85em;color:#333;margin:0.3em 0 0.6em 0;line-height:1.8">'
        f"{''.join(items)}<br>{kinds} <em style=\"color:#666\">(hover for speaker, kind and match)</em></div>"
    )


def _as_document(article, article_id: str | None = None) -> Document:
    if isinstance(article, Document):
        return article
    if isinstance(article, str):
        return segment(article, article_id or "text")
    if isinstance(article, pd.Series):
        return segment(article["text"], str(article["article_id"]))
    if isinstance(article, pd.DataFrame):
        docs = segment_articles(article)
        if article_id is None:
            if len(docs) != 1:
                raise ValueError(f"the articles table has {len(docs)} rows: name one with article_id=")
            return docs[0]
        for d in docs:
            if d.article_id == str(article_id):
                return d
        raise KeyError(f"article_id {article_id!r} is not in the table")
    raise TypeError(f"article must be a Document, a body string or an articles table, not {type(article).__name__}")


def article_tables(doc: Document, *, codebook=None) -> dict[str, pd.DataFrame]:
    """``{"quotes": ..., "mentions": ...}`` for one article from the sourcing and
    actors families, linked both ways as :func:`analysis.measure` links them
    (:func:`analysis.links.link`: ``in_quote``/``quote_id`` on the mentions,
    ``speaker_mention_start`` on the quotes)."""
    from analysis.actors import find_mentions
    from analysis.links import link
    from analysis.sourcing import extract_quotes

    mentions = find_mentions([doc], codebook=codebook)
    mentions.attrs = {}
    quotes = extract_quotes([doc], codebook=codebook, mentions=mentions)
    mentions, quotes = link(mentions, quotes)
    return {"quotes": quotes, "mentions": mentions}


def article_html(article, *, article_id: str | None = None, quotes: pd.DataFrame | None = None,
                 mentions: pd.DataFrame | None = None, compute: bool = True, codebook=None,
                 title: str | None = None, metrics: pd.DataFrame | None = None,
                 legend: bool = True) -> str:
    """The article as an HTML string with quotes and actor mentions highlighted.

    ``article``: a :class:`~analysis.core.text.Document`, a body string, an articles
    row or table (then ``article_id`` picks the article).  ``quotes`` and
    ``mentions``: that article's rows (other articles' rows are ignored);
    when both are None and ``compute`` is true they are computed with
    :func:`article_tables`.  ``metrics``: a table from :func:`article_metrics`
    shown above the text.  Offsets are into ``doc.text``: ``text[start:end]``
    of each row is what gets marked."""
    doc = _as_document(article, article_id)
    if quotes is None and mentions is None and compute:
        tables = article_tables(doc, codebook=codebook)
        quotes, mentions = tables["quotes"], tables["mentions"]
    text = doc.text
    spans: list[tuple] = []
    seq = 0
    for q in _rows(quotes, doc.article_id):
        s, e = int(q["start"]), int(q["end"])
        if 0 <= s < e <= len(text):
            o, c = _quote_tag(q)
            spans.append((s, e, 0, seq, o, c))
            seq += 1
    sides_seen = set()
    for m in _rows(mentions, doc.article_id):
        s, e = int(m["start"]), int(m["end"])
        if 0 <= s < e <= len(text):
            o, c = _mention_tag(m)
            spans.append((s, e, 1, seq, o, c))
            seq += 1
            sides_seen.add(_side(m.get("side")) or "unknown")
    for q in _rows(quotes, doc.article_id):
        sides_seen.add(_side(q.get("side")) or "unknown")
    body = _nest(text, spans, 0, len(text))
    head = ""
    if title:
        head += f'<h3 style="margin:0.2em 0">{html.escape(title)}</h3>'
    if metrics is not None and len(metrics):
        head += _metrics_html(metrics)
    if legend and spans:
        order = [s for s in SIDE_ORDER + ["unknown"] if s in sides_seen]
        head += _legend(order)
    return (
        f'<div class="av-article" data-article-id="{html.escape(doc.article_id, quote=True)}" '
        'style="font-family:Georgia,serif;font-size:15px;line-height:1.6;max-width:46em">'
        f'{head}<div class="av-text" style="white-space:pre-wrap">{body}</div></div>'
    )


def article_view(article, **options):
    """:func:`article_html` as an :class:`IPython.display.HTML` object, for the
    last line of a notebook cell."""
    from IPython.display import HTML

    return HTML(article_html(article, **options))


def article_metrics(article, *, article_id: str | None = None, quotes: pd.DataFrame | None = None,
                    mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's numbers, one row per metric: ``article_id``, ``metric``,
    ``value``, ``meaning``.

    Words, sentences and paragraphs come from the shared segmentation; Flesch
    Reading Ease and Flesch–Kincaid Grade from :func:`analysis.readability.readability`
    (higher ease / lower grade = easier); mean sentence tone from
    :func:`analysis.sentiment.aggregate_sentiment` (VADER compound, -1..1,
    higher = warmer); quotes per side from ``quotes`` and mentions per side
    from ``mentions`` (adjectives such as *Chinese* not counted, as in
    :func:`analysis.actors.actor_frequency`)."""
    doc = _as_document(article, article_id)
    aid = doc.article_id
    rows = [
        (aid, "words", doc.n_words, "word tokens in the body"),
        (aid, "sentences", doc.n_sentences, "sentences (shared segmentation)"),
        (aid, "paragraphs", doc.n_paragraphs, "paragraphs (non-blank lines)"),
    ]
    from analysis.readability import readability

    r = readability([doc]).iloc[0]
    rows.append((aid, "flesch_reading_ease", round(float(r["flesch_reading_ease"]), 1),
                 "Flesch Reading Ease, 0-100, higher = easier"))
    rows.append((aid, "flesch_kincaid_grade", round(float(r["flesch_kincaid_grade"]), 1),
                 "Flesch-Kincaid grade: US school years needed, lower = easier"))
    try:
        from analysis.sentiment import aggregate_sentiment, sentence_sentiment

        agg = aggregate_sentiment(sentence_sentiment([doc]), level="article", n_boot=200).iloc[0]
        rows.append((aid, "mean_compound", round(float(agg["mean_compound"]), 3),
                     "mean VADER compound of the sentences, -1..1, higher = warmer tone"))
    except (ValueError, TypeError):  # an article without sentences has no tone
        pass
    q = _rows(quotes, aid)
    if quotes is not None:
        rows.append((aid, "quotes", len(q), "direct, partial and indirect quotes"))
        counts = pd.Series([_side(r.get("side")) or "unknown" for r in q], dtype=object).value_counts()
        for side in [s for s in SIDE_ORDER + ["unknown"] if s in counts.index]:
            rows.append((aid, f"quotes_{_snake(side)}", int(counts[side]), f"quotes whose speaker is on the {side} side"
                         if side != "unknown" else "quotes whose speaker has no side"))
    m = _rows(mentions, aid)
    if mentions is not None:
        m = [r for r in m if _text(r.get("match")) != "adjective"]
        counts = pd.Series([_side(r.get("side")) or "unknown" for r in m], dtype=object).value_counts()
        for side in [s for s in SIDE_ORDER + ["unknown"] if s in counts.index]:
            rows.append((aid, f"mentions_{_snake(side)}", int(counts[side]),
                         f"mentions of {side} actors (adjectives not counted)" if side != "unknown"
                         else "mentions of names outside the codebook (no side)"))
    out = pd.DataFrame(rows, columns=["article_id", "metric", "value", "meaning"])
    out["value"] = pd.Series([r[2] for r in rows], dtype=object)  # counts stay integers
    return out


def _snake(s: str) -> str:
    return "_".join(s.lower().split())


def _metrics_html(metrics: pd.DataFrame) -> str:
    cells = "".join(
        f'<tr><td style="padding:1px 10px 1px 0;text-align:left">{html.escape(str(r.metric))}</td>'
        f'<td style="padding:1px 10px 1px 0;text-align:right"><strong>{html.escape(_fmt(r.value))}</strong></td>'
        f'<td style="padding:1px 0;color:#555;text-align:left">{html.escape(str(r.meaning))}</td></tr>'
        for r in metrics.itertuples(index=False)
    )
    return (
        '<table class="av-metrics" style="font-family:sans-serif;font-size:12px;border-collapse:collapse;'
        f'margin:0.3em 0 0.6em 0">{cells}</table>'
    )


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


class ArticlePicker:
    """A dropdown over the articles of a corpus that shows the chosen
    article's metrics and highlighted text.

    ``articles``: the table from :func:`analysis.load_corpus`.  ``quotes`` and
    ``mentions``: corpus tables when already computed (e.g. by the pipeline);
    otherwise each article's are computed when it is first shown, and kept.
    ``widget`` is the ``ipywidgets.VBox`` to display (the picker displays
    itself as the last line of a cell); :meth:`update` shows an article by id
    and returns its HTML, so the view also works (and is tested) without a
    widget front end."""

    def __init__(self, articles: pd.DataFrame, *, quotes: pd.DataFrame | None = None,
                 mentions: pd.DataFrame | None = None, codebook=None, compute: bool = True):
        import ipywidgets as widgets

        if not isinstance(articles, pd.DataFrame) or not len(articles):
            raise ValueError("ArticlePicker needs a non-empty articles table from load_corpus")
        self.articles = articles.reset_index(drop=True)
        self.quotes, self.mentions = quotes, mentions
        self.codebook, self.compute = codebook, compute
        self._cache: dict[str, dict] = {}
        self.dropdown = widgets.Dropdown(options=self._options(), description="Article",
                                         layout=widgets.Layout(width="95%"))
        self.html = widgets.HTML(value="")
        self.widget = widgets.VBox([self.dropdown, self.html])
        self.dropdown.observe(self._on_change, names="value")
        self.update(self.dropdown.value)

    def _options(self) -> list[tuple[str, str]]:
        out = []
        for r in self.articles.itertuples(index=False):
            aid = str(r.article_id)
            bits = [aid]
            for field in ("date", "outlet", "title"):
                v = getattr(r, field, None)
                if isinstance(v, str) and v:
                    bits.append(v if field != "title" else (v[:70] + "…" if len(v) > 70 else v))
            out.append((" · ".join(bits), aid))
        return out

    def _tables(self, doc: Document) -> dict:
        if doc.article_id not in self._cache:
            quotes, mentions = self.quotes, self.mentions
            if quotes is None and mentions is None and self.compute:
                t = article_tables(doc, codebook=self.codebook)
                quotes, mentions = t["quotes"], t["mentions"]
            self._cache[doc.article_id] = {"quotes": quotes, "mentions": mentions}
        return self._cache[doc.article_id]

    def update(self, article_id: str) -> str:
        """Show ``article_id`` (metrics and highlighted text); returns the HTML."""
        row = self.articles[self.articles["article_id"].astype(str) == str(article_id)]
        if not len(row):
            raise KeyError(f"article_id {article_id!r} is not in this corpus; "
                           f"choose one of {[a for _, a in self._options()][:10]}")
        doc = _as_document(row.iloc[0])
        t = self._tables(doc)
        metrics = article_metrics(doc, quotes=t["quotes"], mentions=t["mentions"])
        title = row.iloc[0].get("title") if "title" in row.columns else None
        title = title if isinstance(title, str) and title else f"Article {doc.article_id}"
        self.html.value = article_html(doc, quotes=t["quotes"], mentions=t["mentions"], compute=False,
                                       title=title, metrics=metrics)
        if self.dropdown.value != doc.article_id:
            self.dropdown.value = doc.article_id
        return self.html.value

    def _on_change(self, change) -> None:
        if change.get("new") is not None:
            self.update(change["new"])

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def article_picker(articles: pd.DataFrame, **options) -> ArticlePicker:
    """An :class:`ArticlePicker` for ``articles``; display it as the last line
    of a JupyterLab cell."""
    return ArticlePicker(articles, **options)


def html_view(doc, quotes: pd.DataFrame | None = None, *, as_string: bool = False, title: str | None = None):
    """The article with every quote highlighted in its speaker's side colour
    and the speaker, kind, attribution and cue shown on hover.

    ``doc`` is a :class:`~analysis.core.text.Document` or a body string; ``quotes``
    its rows of :func:`analysis.sourcing.extract_quotes` (computed when None).  Returns an
    :class:`IPython.display.HTML` object for JupyterLab (the string with
    ``as_string=True``).  The rendering is :func:`article_html`
    with quotes only (one visual language for every article view): direct
    quotes filled, partial quotes filled and dotted, indirect quotes dashed
    underneath; a partial quote inside an indirect one is drawn inside it."""
    from analysis.sourcing import extract_quotes

    d = segment_articles(doc)[0]
    q = extract_quotes([d]) if quotes is None else quotes
    page = article_html(d, quotes=q, mentions=None, compute=False, title=title)
    if as_string:
        return page
    from IPython.display import HTML

    return HTML(page)
