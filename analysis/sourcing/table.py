"""The quote table: :func:`extract_quotes` runs the steps of
:mod:`analysis.sourcing` on every article (quotation marks, attribution
frames, speakers, indirect content, attribution) and describes the speakers
with :func:`analysis.sourcing.speakers.describe_speakers`."""
from __future__ import annotations

import pandas as pd

from analysis.actors.codebook import codebook_for_article
from analysis.sourcing.attribute import carry_back, finish_rows, indirect_rows, quotation_rows
from analysis.sourcing.context import ArticleContext
from analysis.sourcing.frames import Frame, find_frames
from analysis.sourcing.indirect import indirect_content
from analysis.sourcing.intent_frames import with_intent_frames
from analysis.sourcing.linking import load_codebook_table
from analysis.sourcing.marks import classify_spans, find_quote_spans
from analysis.sourcing.resolve import SpeakerSeen, resolve_frame
from analysis.sourcing.speakers import describe_speakers
from analysis.core.text import Document, segment_articles

QUOTE_COLUMNS = [
    "article_id",
    "quote_id",
    "kind",
    "text",
    "start",
    "end",
    "paragraph",
    "sentence",
    "n_words",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_actor_id",
    "side",
    "speaker_kind",
    "speaker_gender",
    "speaker_gender_basis",
    "speaker_affiliation",
    "speaker_affiliation_start",
    "speaker_affiliation_end",
    "side_basis",
    "cue",
    "attribution",
    "confidence",
    "parent_quote_id",
    "irregular",
]
KINDS = ("direct", "partial", "indirect")
ATTRIBUTIONS = ("explicit", "pronoun", "carried-over", "none")


def article_quotes(doc: Document, codebook, resolved: dict | None = None) -> list[dict]:
    """The quote rows of one article (``resolved``: the memo of codebook
    lookups, shared by the articles of one call)."""
    ctx = ArticleContext(doc, codebook, resolved)
    spans = find_quote_spans(doc)
    ctx.mark_quotes(spans)
    classify_spans(ctx, spans)
    frames = with_intent_frames(ctx, find_frames(ctx))
    _find_indirect_contents(ctx, frames)
    history = _resolve_speakers(ctx, frames)
    rows = quotation_rows(ctx, spans, frames, history) + indirect_rows(ctx, frames)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    carry_back(ctx, rows)
    finish_rows(ctx, rows)
    return rows


def _resolve_speakers(ctx: ArticleContext, frames: list[Frame]) -> list[SpeakerSeen]:
    """Set each frame's paragraph and resolve its speaker, in text order
    (pronouns need the earlier speakers); returns the speakers seen."""
    history: list[SpeakerSeen] = []
    frames.sort(key=lambda f: f.cue_tok)
    sentence_paragraph = ctx.doc.sentence_paragraph.tolist() if frames else []
    for f in frames:
        f.paragraph = sentence_paragraph[f.sentence] if sentence_paragraph else 0
    previous = None
    for f in frames:
        if f.content is None and "stance" in f.tags:
            continue  # a stance cue with no content attributes nothing (and never a quotation)
        resolve_frame(ctx, f, history, previous)
        previous = f
    return history


def _find_indirect_contents(ctx: ArticleContext, frames: list[Frame]) -> None:
    """Set each frame's indirect content, sentence by sentence; a cue inside
    the content of an earlier cue (nested) gets none."""
    by_sentence: dict[int, list[Frame]] = {}
    for f in frames:
        by_sentence.setdefault(f.sentence, []).append(f)
    for fs in by_sentence.values():
        taken_until = -1
        for f in fs:
            if f.cue_tok <= taken_until:
                continue
            f.content = indirect_content(ctx, f, fs)
            if f.content is not None:
                taken_until = ctx.tok_at(f.content.end)


def extract_quotes(docs, *, codebook=None, mentions=None, sides=None) -> pd.DataFrame:
    """Every direct, partial and indirect quote in ``docs``, one row per quote.

    ``docs`` is an articles table (:func:`analysis.load_corpus`), a list of
    :class:`~analysis.core.text.Document` or one body string.  ``codebook`` is the
    actor table (a path or a table) used for every article; None: per article,
    :func:`analysis.actors.codebook.codebook_for_article` (the shipped codebook for
    the seed articles only, no codebook elsewhere).  Speakers are linked
    through :func:`analysis.actors.codebook.resolve_actor`, then described by
    :func:`analysis.sourcing.speakers.describe_speakers` against ``mentions`` (the
    articles' :func:`analysis.actors.find_mentions` table; None: found here)
    and ``sides`` (a sides file or :class:`analysis.actors.sides.Sides`; None: only
    codebook actors have a side).  ``mentions`` serves that description only
    (speaker kind, gender, affiliation, side, and an unknown speaker's link to
    a discovered mention): the quotes and their speakers' names are found
    from the text alone.

    Columns (see ``docs/data-dictionary.md``): ``article_id``, ``quote_id``
    (``<article_id>-q<n>`` in text order), ``kind`` (direct, partial,
    indirect), ``text`` (== ``body[start:end]``: the quoted words without the
    quotation marks, or the reported content), ``start``, ``end``,
    ``paragraph``, ``sentence`` (1-based, of the quote's start), ``n_words``,
    ``speaker`` (the subject as written, e.g. ``he``), ``speaker_start``,
    ``speaker_end``, ``speaker_name`` (codebook name, else the fullest name the
    article gives; for an unnamed speaker the noun phrase without article,
    e.g. ``senior officials``), ``speaker_actor_id``, ``side``,
    ``speaker_kind``, ``speaker_gender``, ``speaker_gender_basis``,
    ``speaker_affiliation`` (with ``speaker_affiliation_start``/``_end``),
    ``side_basis`` (see :mod:`analysis.sourcing.speakers`), ``cue`` (the cue word as written), ``attribution``
    (explicit, pronoun, carried-over, none), ``confidence`` (ordinal 0..1,
    see :mod:`analysis.sourcing`), ``parent_quote_id`` (for a partial quote inside
    an indirect one), ``irregular`` (how the quotation marks were irregular:
    unopened, open-as-close, unclosed, continued; empty when regular)."""
    documents = segment_articles(docs)
    given = load_codebook_table(codebook) if codebook is not None else None
    rows: list[dict] = []
    resolved: dict = {}  # (codebook, speaker name) -> codebook entry, shared by the articles
    for d in documents:
        cb = given if given is not None else codebook_for_article(d.article_id)
        rows.extend(article_quotes(d, cb, resolved.setdefault(id(cb), {})))
    if not rows:
        return describe_speakers(empty_quotes(), documents)
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    for col in ("start", "end", "paragraph", "sentence", "n_words"):
        df[col] = df[col].astype("int64")
    for col in ("speaker_start", "speaker_end"):
        df[col] = df[col].astype("Int64")
    df["confidence"] = df["confidence"].astype(float)
    df = describe_speakers(df.reset_index(drop=True), documents, mentions=mentions, codebook=codebook, sides=sides)
    return df[QUOTE_COLUMNS]


def empty_quotes() -> pd.DataFrame:
    """A quote table with no rows (the columns before :func:`describe_speakers`)."""
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in QUOTE_COLUMNS})
    for col in ("start", "end", "paragraph", "sentence", "n_words"):
        df[col] = df[col].astype("int64")
    df["confidence"] = df["confidence"].astype(float)
    return df


