"""Load news articles from files into one tidy table, one row per article.

:func:`load_corpus` reads a file or a folder (recursively) of

* ``.txt``: one article per file, in the wire layout of the seed: an optional
  header line ``date YYYY-MM-DD <lede>``, the body in paragraphs, and closing
  metadata lines (publication note, ``with files from ...``, byline);
* ``.jsonl`` / ``.json``: one article per JSON object (a JSON Lines file, or a
  JSON array / single object), body in ``text`` (or ``body``/``content``);
* ``.csv``: one article per row, body in a ``text`` (or ``body``/``content``)
  column.

Metadata fields a record carries (``id``, ``date``, ``title``, ``outlet``,
``byline`` ...) are used as given; missing ones are read from the text where
the wire layout states them.  Inputs are only ever opened for reading.

Bad input raises :class:`CorpusError` naming the file (and line); loading a
folder collects those errors in ``articles.attrs["problems"]`` (a DataFrame
with ``source_path``, ``line``, ``problem``) and loads the rest.

The steps live in one module each: :mod:`analysis.core.corpus_formats` (which
files, decoding, one reader per format, :class:`CorpusError`),
:mod:`analysis.core.wire_layout` (body and metadata of a wire text) and
:mod:`analysis.core.corpus_records` (one record made an article, its
counts).  This module gathers the articles into the table; the names callers
import from it are re-exported here.
"""
from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pandas as pd

from analysis.core.corpus_formats import (  # noqa: F401  (re-exported: callers import them from here)
    SUPPORTED_SUFFIXES,
    TEXT_FIELDS,
    CorpusError,
    EncodingWarning,
    corpus_files,
    file_records,
    load_text,
)
from analysis.core.corpus_records import body_counts, normalise_record
from analysis.core.wire_layout import MONTHS, parse_wire_text, split_dateline  # noqa: F401  (re-exported)

__all__ = [
    "load_corpus",
    "load_text",
    "parse_wire_text",
    "CorpusError",
    "EncodingWarning",
    "SUPPORTED_SUFFIXES",
    "ARTICLE_COLUMNS",
    "corpus_hash",
]

ARTICLE_COLUMNS = [
    "article_id",
    "source_path",
    "date",
    "dateline",
    "title",
    "outlet",
    "byline",
    "contributors",
    "published_note",
    "published_date",
    "text",
    "n_chars",
    "n_paragraphs",
    "n_words",
    "content_hash",
    "duplicate_of",
]
# Extra fields a record may carry are kept after these columns.


def load_corpus(path: str | Path, *, on_error: str = "report") -> pd.DataFrame:
    """Load articles from a file or a folder (searched recursively).

    Returns one row per article with the columns in :data:`ARTICLE_COLUMNS`
    (plus any extra fields the records carry):

    ``article_id``
        The record's own ``id`` when it has one, else the file name stem
        (``-N`` appended with the line or row number for multi-record files).
    ``text``
        The body only: no header line, dateline or closing metadata.
    ``n_chars``, ``n_paragraphs``, ``n_words``
        Characters, non-blank lines and white-space separated words of the body.
    ``content_hash``
        SHA-256 (16 hex digits) of the body with white space folded and lower
        case; equal hashes mean the same article.
    ``duplicate_of``
        ``article_id`` of the first earlier article with the same
        ``content_hash``, else ``None``: drop these rows for statistics.

    ``on_error="report"`` (default) loads what it can from a folder and lists
    the bad files in ``articles.attrs["problems"]``; a single bad file still
    raises :class:`CorpusError`.  ``on_error="raise"`` raises at the first bad file.
    """
    if on_error not in {"report", "raise"}:
        raise ValueError(f"on_error must be 'report' or 'raise', not {on_error!r}")
    path = Path(path)
    files = corpus_files(path)
    single = path.is_file()
    if single and path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise CorpusError(path, f"unsupported file type {path.suffix or '(none)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}")
    rows: list[dict] = []
    problems: list[dict] = []
    for f in files:
        # each reader is iterated here, in load_corpus itself, so that the
        # stack levels of its warnings point at load_corpus's caller
        file_rows: list[dict] = []
        try:
            for k, (line, item) in enumerate(file_records(f)):
                rec = _article_or_problem(f, line, item, k, on_error, problems)
                if rec is not None:
                    file_rows.append(rec)
        except CorpusError as exc:
            if single or on_error == "raise":
                raise
            problems.append(_problem(exc))
            continue
        rows.extend(file_rows)
    if single and not rows and problems:
        p = problems[0]
        raise CorpusError(p["source_path"], p["problem"], p["line"])
    df = _article_table(rows, path)
    df.attrs["problems"] = pd.DataFrame(problems, columns=["source_path", "line", "problem"])
    df.attrs["source"] = str(path)
    if problems:
        warnings.warn(
            f"{len(problems)} bad file(s) or record(s) skipped under {path}; "
            "see articles.attrs['problems']",
            stacklevel=2,
        )
    return df


def _article_or_problem(f: Path, line: int | None, item: dict | CorpusError, k: int, on_error: str,
                        problems: list[dict]) -> dict | None:
    """The article of one record of ``f``; a bad record is added to
    ``problems`` (None returned) or, ``on_error="raise"``, raised."""
    try:
        if isinstance(item, CorpusError):
            raise item
        rec = normalise_record(f, line, item, k)
    except CorpusError as exc:
        if on_error == "raise":
            raise
        problems.append(_problem(exc))
        return None
    rec["source_path"] = str(f)
    return rec


def _problem(exc: CorpusError) -> dict:
    """One row of ``articles.attrs["problems"]``."""
    return {"source_path": exc.path, "line": exc.line, "problem": exc.problem}


def _article_table(rows: list[dict], path: Path) -> pd.DataFrame:
    """The articles table of ``rows``: the :data:`ARTICLE_COLUMNS` first (None
    where no record has one), ids checked unique, the body counts, duplicates
    flagged; extra fields after."""
    df = pd.DataFrame(rows)
    for col in ARTICLE_COLUMNS:
        if col not in df.columns:
            df[col] = None
    if len(df):
        df["article_id"] = df["article_id"].astype(str)
        dup_ids = df["article_id"][df["article_id"].duplicated()].unique()
        if len(dup_ids):
            raise CorpusError(
                path, f"article_id values repeat across records: {', '.join(map(str, dup_ids[:5]))}"
            )
        counts = pd.DataFrame([body_counts(t) for t in df["text"]], index=df.index)
        for col in counts.columns:
            df[col] = counts[col]
        first = df.groupby("content_hash", sort=False)["article_id"].transform("first")
        df["duplicate_of"] = first.where(first != df["article_id"], None)
    extra = [c for c in df.columns if c not in ARTICLE_COLUMNS]
    return df[ARTICLE_COLUMNS + extra].reset_index(drop=True)


def corpus_hash(articles: pd.DataFrame) -> str:
    """A short hash of the corpus content (article ids and bodies), for provenance."""
    h = hashlib.sha256()
    for aid, text in sorted(zip(articles["article_id"], articles["text"])):
        h.update(str(aid).encode() + b"\x00" + text.encode("utf-8") + b"\x01")
    return h.hexdigest()[:16]
