"""Reading a corpus as a stream, and screening each body before it is scored.

:func:`iter_articles` yields one record per article (parsed by
:mod:`analysis.core.corpus` itself, JSON Lines line by line, so memory does not
grow with the corpus) or one problem per record that cannot be read;
:func:`screen_text` says why a body cannot be scored meaningfully.  A
problem is a row of ``summary.skipped`` (:func:`problem_row`,
:data:`SKIPPED_COLUMNS`).  :func:`count_records` and :func:`corpus_bytes`
size a corpus without parsing it.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Iterator

import pandas as pd

from analysis.core import corpus as _corpus

__all__ = ["screen_text", "iter_articles", "problem_row", "count_records", "corpus_bytes", "SKIPPED_COLUMNS"]

SKIPPED_COLUMNS = ["article_id", "source_path", "line", "stage", "reason"]


def screen_text(text: str, *, max_chars: int | None = None, max_paragraph_chars: int | None = 20_000,
                max_unpunctuated_chars: int = 2_000) -> str | None:
    """Why a body cannot be scored meaningfully, or None when it can.

    Rules, in order (limits are keyword options of :func:`run`):

    * **empty**: no letter or digit at all;
    * **too long** (only when a researcher sets ``max_chars``): more than
      ``max_chars`` characters.  Off by default: every family's time grows
      linearly with the length of a document (``benchmarks/length_scaling.py``:
      a 3 MB article is scored by all four in seconds), so a long transcript
      or report is measured, not skipped; set it (200,000 characters is about
      33,000 words; the longest BBC article has 4,428) to keep such documents
      out of a corpus on purpose;
    * **one huge paragraph**: a line longer than ``max_paragraph_chars``
      (20,000 characters, about 3,300 words; None turns the rule off), such
      as a 5 MB file on one line or a scraped page without paragraph breaks.
      Kept on by default because the quote family attributes each quotation
      against every speech frame of its paragraph: linear in the length of
      a document, but quadratic in the length of one paragraph (measured:
      a 1.5 MB one-paragraph article takes the quote family 47 s, 168x its
      150 KB time; see ``docs/performance.md``);
    * **no sentence punctuation**: a stretch of more than
      ``max_unpunctuated_chars`` characters (2,000, over 300 words) with no
      ``.``, ``!``, ``?``, ``…`` and no line break, where sentences cannot be
      found and every sentence-level number would be meaningless.
    """
    if not re.search(r"[^\W_]", text):
        return "empty: no letters or digits in the body"
    if max_chars is not None and len(text) > max_chars:
        return f"too long: {len(text):,} characters (limit {max_chars:,})"
    if max_paragraph_chars is not None:
        longest = max((len(line) for line in text.split("\n")), default=0)
        if longest > max_paragraph_chars:
            return f"pathological: one paragraph of {longest:,} characters (limit {max_paragraph_chars:,})"
    # anchored at the start of a stretch (lookbehind), so the search is linear in the text
    m = re.search(r"(?<![^.!?…。！？\n])[^.!?…。！？\n]{%d,}" % (max_unpunctuated_chars + 1), text)
    if m:
        return (f"pathological: {len(m.group()):,} characters without sentence-ending punctuation "
                f"(limit {max_unpunctuated_chars:,})")
    return None


def problem_row(path, line, problem, article_id=None, stage="read") -> dict:
    """One row of ``summary.skipped`` (:data:`SKIPPED_COLUMNS`)."""
    return {"article_id": article_id, "source_path": str(path) if path is not None else None,
            "line": line, "stage": stage, "reason": problem}


def iter_articles(corpus: str | Path | pd.DataFrame) -> Iterator[tuple[dict | None, dict | None]]:
    """Stream a corpus: ``(record, None)`` for each article, ``(None, problem)``
    for each record that cannot be read.

    ``corpus`` is what :func:`analysis.load_corpus` reads (a file or a folder
    of ``.txt``, ``.jsonl``, ``.json``, ``.csv``) or an articles table.  Each
    record is parsed by :mod:`analysis.core.corpus` itself (its per-format readers
    and :func:`~analysis.core.corpus.normalise_record`), so a record has the same ``article_id``,
    metadata and body as in ``load_corpus``; JSON Lines files are read line by
    line, one file at a time, so memory does not grow with the corpus.
    ``content_hash`` and ``n_*`` counts follow ``load_corpus``;
    ``duplicate_of`` and repeated ids are settled by :func:`run`, which sees
    the whole stream.  A problem is a dict with ``source_path``, ``line``,
    ``stage`` and ``reason``.
    """
    if isinstance(corpus, pd.DataFrame):
        missing = {"article_id", "text"} - set(corpus.columns)
        if missing:
            raise ValueError(f"articles table lacks column(s) {sorted(missing)}")
        for rec in corpus.to_dict("records"):
            rec["article_id"] = str(rec["article_id"])
            if not isinstance(rec.get("text"), str):
                yield None, problem_row(rec.get("source_path"), None, "text is not a string", rec["article_id"])
                continue
            yield rec, None
        return
    path = Path(corpus)
    if path.is_file() and path.suffix.lower() not in _corpus.SUPPORTED_SUFFIXES:
        raise _corpus.CorpusError(path, f"unsupported file type {path.suffix or '(none)'}; "
                                        f"use one of {', '.join(_corpus.SUPPORTED_SUFFIXES)}")
    for f in _corpus.corpus_files(path):
        k = 0
        for line, item, problem in _file_records(f):
            if problem is not None:
                yield None, problem
                continue
            try:
                rec = _corpus.normalise_record(f, line, item, k)
            except _corpus.CorpusError as exc:
                yield None, problem_row(exc.path, exc.line, exc.problem)
                continue
            finally:
                k += 1
            rec["source_path"] = str(f)
            rec["_line"] = line
            rec.update(_corpus.body_counts(rec["text"]))
            rec["article_id"] = str(rec["article_id"])
            yield rec, None


def _file_records(f: Path):
    """(line, item, problem) for every record of one file, through
    :mod:`analysis.core.corpus`'s own reader for its format (JSON Lines stream
    line by line); a file-level error is one problem, a bad record another."""
    try:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            for line, item in _corpus.file_records(f):
                if isinstance(item, _corpus.CorpusError):
                    yield line, None, problem_row(item.path, item.line, item.problem)
                else:
                    yield line, item, None
    except _corpus.CorpusError as exc:
        yield exc.line, None, problem_row(exc.path, exc.line, exc.problem)


def corpus_bytes(corpus) -> int:
    """Bytes of the corpus files (what ``engine="auto"`` goes by without a count)."""
    path = Path(corpus)
    return sum(f.stat().st_size for f in _corpus.corpus_files(path))


def count_records(corpus) -> int | None:
    """Quick count for the progress bar (None when it would mean parsing)."""
    if isinstance(corpus, pd.DataFrame):
        return len(corpus)
    files = _corpus.corpus_files(corpus)
    total = 0
    for f in files:
        suffix = f.suffix.lower()
        if suffix == ".txt":
            total += 1
        elif suffix == ".jsonl":
            with open(f, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            return None
    return total

