"""One article from one raw record: the body, its metadata and its counts.

:func:`normalise_record` takes a record as a format reader of
:mod:`analysis.core.corpus_formats` yields it: the body from its first text
field, wire text parsed for the metadata the record lacks
(:mod:`analysis.core.wire_layout`), ``article_id`` settled, the date as ISO.
:func:`body_counts` gives the counts and the content hash of a body.  One
definition for :func:`analysis.core.corpus.load_corpus` and the streaming
reader of :mod:`analysis.pipeline`.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path

from analysis.core.corpus_formats import TEXT_FIELDS, CorpusError
from analysis.core.wire_layout import parse_wire_text, parse_written_date

__all__ = ["normalise_record", "body_counts"]


def normalise_record(path: Path, line: int | None, item: dict, index: int) -> dict:
    """One record of ``path`` as :func:`analysis.core.corpus.load_corpus`
    makes it: the body from the first text field, wire text parsed,
    ``article_id`` settled, date normalised; raises :class:`CorpusError` (no
    text, empty text)."""
    body_key = next((k for k in TEXT_FIELDS if isinstance(item.get(k), str)), None)
    if body_key is None:
        raise CorpusError(path, f"record has no text field (looked for {', '.join(TEXT_FIELDS)})", line)
    rec = {k: v for k, v in item.items() if k != body_key}
    raw = item[body_key].replace("\r\n", "\n").replace("\r", "\n")
    if not raw.strip():
        raise CorpusError(path, "record's text is empty", line)
    if path.suffix != ".txt" or "article_id" not in item:
        parsed = parse_wire_text(raw)
        for key, value in parsed.items():
            if key == "text":
                continue
            if rec.get(key) in (None, "") and value is not None:
                rec[key] = value
        rec["text"] = parsed["text"] or raw.strip()
    else:
        rec["text"] = raw
    if "article_id" not in rec or rec.get("article_id") in (None, ""):
        rid = item.get("id")
        if rid not in (None, ""):
            rec["article_id"] = str(rid)
        else:
            rec["article_id"] = path.stem if line is None and index == 0 else f"{path.stem}-{line or index + 1}"
    if str(rec.get("id")) == rec["article_id"]:
        rec.pop("id")
    if isinstance(rec.get("date"), str) and rec["date"]:
        rec["date"] = _normalise_date_field(rec["date"])
    return rec


def _normalise_date_field(value: str) -> str:
    """A record's date as ISO (``YYYY-MM-DD``) when it is in a known form,
    else as given."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        return value
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(value[:19] if "T" in fmt or "%H" in fmt else value, fmt).date().isoformat()
        except ValueError:
            continue
    return parse_written_date(value) or value


def _body_hash(text: str, words: list[str] | None = None) -> str:
    r"""First 16 hex digits of the SHA-256 of the body with every run of white
    space as one space, none at either end, lower case; ``words``:
    ``text.split()`` if the caller has it.  (``str.split`` and ``re``'s ``\s``
    know the same white space, so this is ``re.sub(r"\s+", " ", text).strip()``
    without a regular expression.)"""
    norm = " ".join(text.split() if words is None else words).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def body_counts(text: str) -> dict:
    """The basic counts of a body, as in the articles table: ``n_chars``,
    ``n_paragraphs`` (non-blank lines), ``n_words`` (white-space separated)
    and ``content_hash``.  One definition for
    :func:`analysis.core.corpus.load_corpus` and the streaming reader of
    :mod:`analysis.pipeline`."""
    words = text.split()
    return {
        "n_chars": len(text),
        "n_paragraphs": sum(1 for ln in text.split("\n") if ln.strip()),
        "n_words": len(words),
        "content_hash": _body_hash(text, words),
    }
