"""Corpus files and the records in them, format by format.

Which files a corpus path means (:func:`corpus_files`), their text decoded
with the same checks everywhere (UTF-8, else cp1252 with an
:class:`EncodingWarning`; empty, binary or control characters are a
:class:`CorpusError` naming the file and line), and one reader per format
(:func:`file_records`): ``.txt`` (one wire-layout article), ``.jsonl`` (read
line by line, never whole), ``.json`` (an array, one object, or JSON Lines
under that name) and ``.csv`` (one row per article).  A reader yields raw
records; :mod:`analysis.core.corpus_records` makes them articles.
"""
from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from typing import Iterator

from analysis.core.wire_layout import parse_wire_text

__all__ = ["CorpusError", "EncodingWarning", "SUPPORTED_SUFFIXES", "TEXT_FIELDS", "corpus_files", "file_records",
           "load_text"]

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".json", ".csv")
TEXT_FIELDS = ("text", "body", "content", "article", "full_text")


class CorpusError(ValueError):
    """A file that cannot be read as articles.  ``path`` and ``line`` say where."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class EncodingWarning(UserWarning):
    """A file was not UTF-8 and was decoded as cp1252 (Windows-1252 / Latin-1)."""


def _decode(path: Path, raw: bytes) -> str:
    """The text of a file's bytes (UTF-8, else cp1252 with a warning), line
    ends as ``\n``; empty, binary or control characters raise."""
    if not raw.strip():
        raise CorpusError(path, "file is empty or contains only white space")
    if b"\x00" in raw[:8192]:
        raise CorpusError(path, "file looks binary (it contains NUL bytes), not text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            line = raw[: exc.start].count(b"\n") + 1
            raise CorpusError(
                path, f"undecodable bytes (not UTF-8 and not cp1252) at byte {exc.start}", line
            ) from None
        warnings.warn(
            f"{path}: not valid UTF-8; decoded as cp1252 (Windows-1252/Latin-1)",
            EncodingWarning,
            stacklevel=3,
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = re.search(r"[\x01-\x08\x0e-\x1f]", text)
    if controls:
        line = text.count("\n", 0, controls.start()) + 1
        raise CorpusError(path, f"control character {controls.group()!r} in text: binary data?", line)
    if not text.strip():
        raise CorpusError(path, "file is empty or contains only white space")
    return text


def load_text(path: str | Path) -> str:
    """The decoded text of one file, with the same checks and warnings as
    :func:`analysis.core.corpus.load_corpus` (never writes to the file)."""
    path = Path(path)
    return _decode(path, path.read_bytes())


def corpus_files(path: str | Path) -> list[Path]:
    """The files :func:`analysis.core.corpus.load_corpus` reads for ``path``:
    the file itself, or the supported files under a folder in sorted order,
    hidden ones left out."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    files = [
        p
        for p in sorted(path.rglob("*"))
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    ]
    return files


def _records_txt(path: Path) -> Iterator[tuple[int | None, dict]]:
    """The one article of a wire-layout text file, its id the file name."""
    text = _decode(path, path.read_bytes())
    rec = parse_wire_text(text)
    if not rec["text"]:
        raise CorpusError(path, "no body text left after the header and closing metadata")
    rec["article_id"] = path.stem
    yield None, rec


def _parse_json_line(path: Path, lineno: int, line: str):
    """The object on one JSON line, or a :class:`CorpusError` (yielded, not
    raised, so one bad line does not lose the file's other records)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return CorpusError(path, f"malformed JSON line: {exc.msg} (column {exc.colno})", lineno)
    if not isinstance(item, dict):
        return CorpusError(path, "JSON line is not an object", lineno)
    return item


def _records_jsonl(path: Path) -> Iterator[tuple[int | None, dict | CorpusError]]:
    """JSON Lines, read and decoded line by line: the file is never held in
    memory whole (corpora of any size stream through), and a line that cannot
    be decoded or parsed is reported with its number while the others load."""
    with open(path, "rb") as fh:
        if b"\x00" in fh.read(8192):
            raise CorpusError(path, "file looks binary (it contains NUL bytes), not text")
        fh.seek(0)
        n_records, cp1252_lines = 0, []
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            n_records += 1
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                try:
                    line = raw.decode("cp1252")
                    cp1252_lines.append(lineno)
                except UnicodeDecodeError:
                    yield lineno, CorpusError(
                        path, f"undecodable bytes (not UTF-8 and not cp1252) at byte {exc.start} of the line", lineno)
                    continue
            yield lineno, _parse_json_line(path, lineno, line.rstrip("\r\n"))
    if cp1252_lines:
        warnings.warn(
            f"{path}: line(s) {', '.join(map(str, cp1252_lines[:5]))}{' ...' if len(cp1252_lines) > 5 else ''} "
            "not valid UTF-8; decoded as cp1252 (Windows-1252/Latin-1)",
            EncodingWarning,
            stacklevel=3,
        )
    if not n_records:
        raise CorpusError(path, "file is empty or contains only white space")


def _records_json(path: Path) -> Iterator[tuple[int | None, dict | CorpusError]]:
    """The objects of a JSON array or single object; a file of one object
    per line is read as JSON Lines."""
    text = _decode(path, path.read_bytes())
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if stripped.startswith("["):
                raise CorpusError(path, f"malformed JSON: {exc.msg}", exc.lineno) from None
            data = None  # several objects, one per line: JSON Lines under a .json name
        if data is not None:
            items = data if isinstance(data, list) else [data]
            for k, item in enumerate(items, 1):
                if not isinstance(item, dict):
                    raise CorpusError(path, f"item {k} is not a JSON object")
                yield None, item
            return
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield lineno, _parse_json_line(path, lineno, line)


def _records_csv(path: Path) -> Iterator[tuple[int | None, dict]]:
    """One record per CSV row, column names stripped and lower-cased."""
    text = _decode(path, path.read_bytes())
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if not any(f in TEXT_FIELDS for f in fields):
        raise CorpusError(
            path, f"CSV has no text column (looked for {', '.join(TEXT_FIELDS)}; found {', '.join(fields) or 'none'})", 1
        )
    for row in reader:
        lineno = reader.line_num
        yield lineno, {(k or "").strip().lower(): v for k, v in row.items()}


_READERS = {".txt": _records_txt, ".jsonl": _records_jsonl, ".json": _records_json, ".csv": _records_csv}


def file_records(path: Path) -> Iterator[tuple[int | None, dict | CorpusError]]:
    """``(line, item)`` for every record of one corpus file, through the
    reader of its format (JSON Lines line by line); a record that cannot be
    read is a :class:`CorpusError` item.  For a streaming reader
    (:mod:`analysis.pipeline`) that parses as :func:`analysis.core.corpus.load_corpus` does."""
    return _READERS[path.suffix.lower()](path)
