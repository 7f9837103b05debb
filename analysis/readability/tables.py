"""The readability tables: :func:`readability` (one row per article,
paragraph or sentence, optionally split by voice), :func:`readability_levels`
(several levels from one counting pass), :func:`pool` (groups of units, indices
recomputed from summed counts) and :func:`readability_scores` (one text as a
dict).  Counts come from :class:`analysis.readability.counting.Batch`, indices
from :mod:`analysis.readability.formulas`; the NaN rules (documented in
:mod:`analysis.readability`) are applied here, on whole columns."""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd

from analysis.readability.counting import LEVELS, Batch, quote_spans
from analysis.readability.formulas import COUNT_COLUMNS, INDEX_COLUMNS, indices_from_counts, ratio
from analysis.core.text import Document, segment_articles

__all__ = ["readability", "readability_levels", "readability_scores", "pool"]


def readability_levels(
    docs: pd.DataFrame | Iterable[Document] | str,
    levels: Iterable[str] = LEVELS,
    *,
    quotes: pd.DataFrame | None = None,
    voice_level: str = "article",
    quote_kinds: Iterable[str] | None = ("direct", "partial"),
    min_words: int = 3,
    max_sentence_words: int | None = 150,
    smog_min_sentences: int = 30,
    numbers: str = "one",
) -> dict[str, pd.DataFrame]:
    """Readability tables of several levels from one counting pass.

    Returns ``{level: table}`` for each of ``levels`` (each table exactly
    ``readability(docs, level=level, ...)``), and with ``quotes`` also
    ``"voice"``: the units of ``voice_level`` split by voice (exactly
    ``readability(docs, level=voice_level, quotes=quotes, ...)``).  The
    word tokens of all documents are looked up and summed once, for every
    table together, so asking for four tables costs little more than one.
    Options as in :func:`readability`."""
    levels = [levels] if isinstance(levels, str) else list(levels)
    for level in [*levels, voice_level]:
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, got {min_words}")
    if numbers not in ("one", "read_aloud"):
        raise ValueError(f"numbers must be 'one' or 'read_aloud', not {numbers!r}")
    documents = segment_articles(docs)
    spans = quote_spans(quotes, quote_kinds) if quotes is not None else None
    empty = not documents
    if empty:  # count an empty text for the columns and dtypes, then keep no row
        documents = segment_articles("")
    batch = Batch(documents, numbers, spans)
    wanted = [(level, level, False) for level in levels]
    if quotes is not None:
        wanted.append(("voice", voice_level, True))
    out = {}
    for name, level, voiced in wanted:
        cols = batch.counts(level, voiced)
        if empty:
            cols = {k: v[:0] for k, v in cols.items()}
        out[name] = _finish(cols, voiced, min_words, max_sentence_words, smog_min_sentences)
    return out


def readability(
    docs: pd.DataFrame | Iterable[Document] | str,
    *,
    level: str = "article",
    quotes: pd.DataFrame | None = None,
    quote_kinds: Iterable[str] | None = ("direct", "partial"),
    min_words: int = 3,
    max_sentence_words: int | None = 150,
    smog_min_sentences: int = 30,
    numbers: str = "one",
) -> pd.DataFrame:
    """Readability counts and indices, one row per unit.

    ``docs``: an articles table, Documents or one body string.
    ``level``: ``"article"``, ``"paragraph"`` or ``"sentence"``.
    ``quotes``: a quote table (``article_id``, ``start``, ``end``, ``kind``);
    when given, rows are split by ``voice`` (``quoted`` / ``narrative``), see
    the :mod:`analysis.readability` docstring; ``quote_kinds`` says which kinds count as quoted.
    ``min_words``, ``max_sentence_words``, ``smog_min_sentences``: the NaN
    rules in the :mod:`analysis.readability` docstring.  ``numbers``: ``"one"`` (default) counts
    a numeral (``17``, ``2018``, ``1,000``) as one syllable;
    ``"read_aloud"`` counts its syllables as spoken (``2018`` = 4), Flesch's
    1948 instruction (see "Numbers" in the :mod:`analysis.readability` docstring).

    Columns: ``article_id``, ``paragraph`` (paragraph and sentence levels),
    ``sentence`` (sentence level), ``start``/``end`` (character span of a
    paragraph or sentence), ``voice`` (with quotes), the counts in
    :data:`COUNT_COLUMNS` (integers, except ``sentences`` for voice rows),
    ``words_per_sentence``, ``syllables_per_word``, then the indices in
    :data:`INDEX_COLUMNS`.  Several levels of the same documents:
    :func:`readability_levels` counts once for all of them.
    """
    options = dict(quote_kinds=quote_kinds, min_words=min_words, max_sentence_words=max_sentence_words,
                   smog_min_sentences=smog_min_sentences, numbers=numbers)
    if quotes is None:
        return readability_levels(docs, (level,), **options)[level]
    return readability_levels(docs, (), quotes=quotes, voice_level=level, **options)["voice"]


def _finish(table: pd.DataFrame | dict, voiced: bool, min_words: int, max_sentence_words, smog_min_sentences,
            float_sentences: bool | None = None) -> pd.DataFrame:
    """The output table from key and count columns (a DataFrame or a dict of
    arrays): counts as integers, ratios, indices with the NaN rules; whole
    columns at once."""
    keys = [c for c in ("article_id", "paragraph", "sentence", "start", "end") if c in table]
    if voiced:
        keys.append("voice")
    if float_sentences is None:
        float_sentences = voiced
    out = {k: np.asarray(table[k]) for k in keys}
    for c in COUNT_COLUMNS:
        v = np.asarray(table[c])
        out[c] = v if float_sentences and c == "sentences" else np.rint(v.astype(float)).astype(np.int64)
    idx = indices_from_counts(out)
    bad = (out["words"] < min_words) | (out["sentences"] <= 0)
    if max_sentence_words is not None:
        bad |= out["longest_sentence_words"] > max_sentence_words
    for k in INDEX_COLUMNS:
        idx[k] = np.where(bad, np.nan, idx[k])
    idx["smog_index"] = np.where(out["sentences"] < smog_min_sentences, np.nan, idx["smog_index"])
    out["words_per_sentence"] = ratio(out["words"], out["sentences"])
    out["syllables_per_word"] = ratio(out["syllables"], out["words"])
    out.update(idx)
    return pd.DataFrame(out)


def pool(table: pd.DataFrame, *, by: str | list[str] | None = None, min_words: int = 3,
         max_sentence_words: int | None = 150, smog_min_sentences: int = 30) -> pd.DataFrame:
    """Readability of groups of units (``by``: column(s) such as ``"voice"``;
    ``None`` pools everything) from a :func:`readability` table: counts are
    summed and every index recomputed from the sums (never an average of
    indices), with the same NaN rules.  ``longest_sentence_words`` is the
    maximum.  Spache's unique unfamiliar words are summed over the units, so
    a word unfamiliar in two articles counts twice in the pool."""
    by = [by] if isinstance(by, str) else list(by or [])
    missing = set(by) - set(table.columns)
    if missing:
        raise ValueError(f"cannot pool by {sorted(missing)}: the table has {list(table.columns)}")
    sums = [c for c in COUNT_COLUMNS if c != "longest_sentence_words"]
    if by:
        g = table.groupby(by, sort=True)
        pooled = g[sums].sum().join(g["longest_sentence_words"].max()).join(g.size().rename("units")).reset_index()
    else:
        pooled = pd.DataFrame([{**table[sums].sum().to_dict(),
                                "longest_sentence_words": table["longest_sentence_words"].max(),
                                "units": len(table)}])
    fractional = bool(np.any(np.abs(pooled["sentences"] - np.round(pooled["sentences"])) > 1e-9))
    out = _finish(pooled.assign(article_id="(pooled)"), False, min_words, max_sentence_words, smog_min_sentences,
                  float_sentences=fractional or table["sentences"].dtype.kind == "f")
    out = out.drop(columns="article_id")
    out.insert(0, "units", pooled["units"].to_numpy())
    for i, c in enumerate(by):
        out.insert(i, c, pooled[c].to_numpy())
    return out


def readability_scores(text: str, **options) -> dict:
    """Counts and indices of one text as a dict (the article-level row of
    :func:`readability` for ``text``; same keyword options)."""
    if not isinstance(text, str):
        raise TypeError(f"readability_scores() needs a str, got {type(text).__name__}")
    row = readability(text, level="article", **options).iloc[0].drop("article_id")
    out = {}
    for k, v in row.items():
        v = v.item() if hasattr(v, "item") else v
        out[k] = None if isinstance(v, float) and math.isnan(v) else v
    return out
