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
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import warnings
from datetime import date as _date
from datetime import datetime
from pathlib import Path
from typing import Iterator

import pandas as pd

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

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".json", ".csv")
TEXT_FIELDS = ("text", "body", "content", "article", "full_text")
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

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}


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


# ---------------------------------------------------------------------------
# decoding


def _decode(path: Path, raw: bytes) -> str:
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


# ---------------------------------------------------------------------------
# the wire layout (seed format)

_HEADER_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$")
_PUBNOTE_RE = re.compile(
    r"^This (?:report|story|article) by (?P<outlet>.+?) was first published(?: on)? "
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\.?$"
)
_FILES_RE = re.compile(r"^[—–-]?\s*(?:[Ww]ith )?files from (?P<who>.+?)\.?$")
_BYLINE_RE = re.compile(
    r"^(?:By )?(?P<name>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|da|di|le|la)){1,4}),"
    r" (?P<outlet>(?:The )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4})$"
)
_DATELINE_RE = re.compile(
    r"^(?P<dl>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})\b"
    r"(?:, (?:[A-Z][a-z]+\.?|[A-Z]\.?[A-Z]\.?))?"
    r"(?: \((?:CP|AP|Reuters|AFP|Xinhua|dpa)\))?"
    r"(?:\s*[—–-]+\s*|:\s*|\s+)(?=[A-Z“\"‘])"
)


def _acronyms() -> frozenset[str]:
    from analysis.core.resources import read_word_list

    return frozenset(read_word_list("acronyms.txt"))


def _parse_date(text: str) -> str | None:
    m = re.match(r"([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})", text)
    if not m:
        return None
    month = m.group(1).lower()
    num = MONTHS.get(month) or next((v for k, v in MONTHS.items() if k.startswith(month)), None)
    if not num:
        return None
    try:
        return _date(int(m.group(3)), num, int(m.group(2))).isoformat()
    except ValueError:
        return None


def split_dateline(lede: str) -> tuple[str | None, str]:
    """Split a wire dateline (``OTTAWA``, ``WASHINGTON (AP) —``) from the start
    of a lede.  All-capital acronyms that start the sentence proper (``US
    President ...``) are not part of the dateline; they are listed in
    ``analysis/data/acronyms.txt``."""
    m = _DATELINE_RE.match(lede)
    if not m:
        return None, lede
    words = m.group("dl").split(" ")
    acr = _acronyms()
    kept = list(words)
    while kept and kept[-1].strip(".") in acr:
        kept.pop()
    if not kept or sum(len(w) for w in kept) < 3:
        return None, lede
    dateline = " ".join(kept)
    rest = lede[len(dateline) :] if len(kept) < len(words) else lede[m.end() :]
    return dateline, rest.lstrip(" ,—–-:")


def parse_wire_text(text: str) -> dict:
    """Split a wire-layout text into body and metadata.

    Returns a dict with ``date`` (from a ``date YYYY-MM-DD`` header line),
    ``dateline``, ``outlet`` and ``published_date`` (from ``This report by X was
    first published on ...``), ``published_note`` (that line as written),
    ``contributors`` (``with files from ...``; ``; ``-separated), ``byline``
    (a closing ``Name, Outlet`` line, spelled as written) and ``text``: the body
    only, with the header's repeated lede counted once and the dateline
    removed.  Lines that match none of these rules stay in the body."""
    lines = text.split("\n")
    meta: dict = {"date": None, "dateline": None, "outlet": None, "published_note": None,
                  "published_date": None, "contributors": None, "byline": None}
    header_lede = None
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines):
        m = _HEADER_RE.match(lines[i])
        if m:
            meta["date"] = m.group(1)
            header_lede = m.group(2).strip()
            lines = lines[i + 1 :]
    # closing metadata: scan paragraphs from the end
    paras = [ln.strip() for ln in lines]
    end = len(paras)
    contributors: list[str] = []
    while end > 0:
        line = paras[end - 1]
        if not line:
            end -= 1
            continue
        if (m := _PUBNOTE_RE.match(line)) and meta["published_note"] is None:
            meta["published_note"] = line
            meta["outlet"] = m.group("outlet")
            meta["published_date"] = _parse_date(m.group("date"))
        elif (m := _FILES_RE.match(line)) and len(line) < 120:
            who = re.sub(r" in [A-Z][\w .'-]+$", "", m.group("who"))
            contributors = [w.strip() for w in re.split(r",| and ", who) if w.strip()] + contributors
        elif (m := _BYLINE_RE.match(line)) and meta["byline"] is None and len(line) < 80:
            meta["byline"] = m.group("name")
            meta["outlet"] = meta["outlet"] or m.group("outlet")
        else:
            break
        end -= 1
    if contributors:
        meta["contributors"] = "; ".join(contributors)
    body_lines = [ln for ln in lines[:end]]
    # the body's first paragraph
    first = next((k for k, ln in enumerate(body_lines) if ln.strip()), None)
    if header_lede:
        if first is None or _squash(body_lines[first]) != _squash(header_lede):
            # the lede appears only in the header: it is the first paragraph
            body_lines = [header_lede, ""] + body_lines[first or 0 :]
            first = 0
    if first is not None:
        dateline, rest = split_dateline(body_lines[first].strip())
        if dateline:
            meta["dateline"] = dateline
            body_lines[first] = rest
    meta["text"] = "\n".join(body_lines).strip("\n").strip()
    return meta


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------------------
# records from each format


def _records_txt(path: Path) -> Iterator[tuple[int | None, dict]]:
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


def _normalise_record(path: Path, line: int | None, item: dict, index: int) -> dict:
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
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        return value
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(value[:19] if "T" in fmt or "%H" in fmt else value, fmt).date().isoformat()
        except ValueError:
            continue
    return _parse_date(value) or value


def load_text(path: str | Path) -> str:
    """The decoded text of one file, with the same checks and warnings as
    :func:`load_corpus` (never writes to the file)."""
    path = Path(path)
    return _decode(path, path.read_bytes())


def _iter_files(path: Path) -> list[Path]:
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


def corpus_files(path: str | Path) -> list[Path]:
    """The files :func:`load_corpus` reads for ``path``: the file itself, or
    the supported files under a folder in sorted order, hidden ones left out."""
    return _iter_files(Path(path))


def file_records(path: Path) -> Iterator[tuple[int | None, dict | CorpusError]]:
    """``(line, item)`` for every record of one corpus file, through the
    reader of its format (JSON Lines line by line); a record that cannot be
    read is a :class:`CorpusError` item.  For a streaming reader
    (:mod:`analysis.pipeline`) that parses as :func:`load_corpus` does."""
    return _READERS[path.suffix.lower()](path)


def normalise_record(path: Path, line: int | None, item: dict, index: int) -> dict:
    """One record of ``path`` as :func:`load_corpus` makes it: the body from
    the first text field, wire text parsed, ``article_id`` settled, date
    normalised; raises :class:`CorpusError` (no text, empty text)."""
    return _normalise_record(path, line, item, index)


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
    and ``content_hash``.  One definition for :func:`load_corpus` and the
    streaming reader of :mod:`analysis.pipeline`."""
    words = text.split()
    return {
        "n_chars": len(text),
        "n_paragraphs": sum(1 for ln in text.split("\n") if ln.strip()),
        "n_words": len(words),
        "content_hash": _body_hash(text, words),
    }


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
    # kept whole: check the options, read every file (its problems kept), flag duplicates, in that order
    if on_error not in {"report", "raise"}:
        raise ValueError(f"on_error must be 'report' or 'raise', not {on_error!r}")
    path = Path(path)
    files = _iter_files(path)
    single = path.is_file()
    if single and path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise CorpusError(path, f"unsupported file type {path.suffix or '(none)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}")
    rows: list[dict] = []
    problems: list[dict] = []
    for f in files:
        reader = _READERS[f.suffix.lower()]
        file_rows: list[dict] = []
        try:
            for k, (line, item) in enumerate(reader(f)):
                try:
                    if isinstance(item, CorpusError):
                        raise item
                    rec = _normalise_record(f, line, item, k)
                except CorpusError as exc:
                    if on_error == "raise":
                        raise
                    problems.append({"source_path": exc.path, "line": exc.line, "problem": exc.problem})
                    continue
                rec["source_path"] = str(f)
                file_rows.append(rec)
        except CorpusError as exc:
            if single or on_error == "raise":
                raise
            problems.append({"source_path": exc.path, "line": exc.line, "problem": exc.problem})
            continue
        rows.extend(file_rows)
    if single and not rows and problems:
        p = problems[0]
        raise CorpusError(p["source_path"], p["problem"], p["line"])
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
    df = df[ARTICLE_COLUMNS + extra].reset_index(drop=True)
    df.attrs["problems"] = pd.DataFrame(problems, columns=["source_path", "line", "problem"])
    df.attrs["source"] = str(path)
    if problems:
        warnings.warn(
            f"{len(problems)} bad file(s) or record(s) skipped under {path}; "
            "see articles.attrs['problems']",
            stacklevel=2,
        )
    return df


def corpus_hash(articles: pd.DataFrame) -> str:
    """A short hash of the corpus content (article ids and bodies), for provenance."""
    h = hashlib.sha256()
    for aid, text in sorted(zip(articles["article_id"], articles["text"])):
        h.update(str(aid).encode() + b"\x00" + text.encode("utf-8") + b"\x01")
    return h.hexdigest()[:16]
