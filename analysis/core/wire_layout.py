"""The wire layout of the seed: body and metadata of one article's text.

A wire text may open with a header line ``date YYYY-MM-DD <lede>``, starts
its body with a dateline (``OTTAWA —``, ``WASHINGTON (AP) —``) and closes with
metadata lines: the publication note (``This report by X was first published
on ...``), ``with files from ...`` and a ``Name, Outlet`` byline.
:func:`parse_wire_text` splits those from the body; lines that match none of
these rules stay in the body.  Used for every record's text, whatever its
file format (:mod:`analysis.core.corpus_records`).
"""
from __future__ import annotations

import re
from datetime import date as _date

__all__ = ["parse_wire_text", "split_dateline", "parse_written_date", "MONTHS"]

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}


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
    """All-capital words that start a sentence, never a dateline (``US``)."""
    from analysis.core.resources import read_word_list

    return frozenset(read_word_list("acronyms.txt"))


def parse_written_date(text: str) -> str | None:
    """The ISO date of a date written out at the start of ``text``
    (``September 27, 2021``, ``Sept. 27, 2021``), else None."""
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
    lines, date, header_lede = _header(text.split("\n"))
    meta: dict = {"date": date, "dateline": None, "outlet": None, "published_note": None,
                  "published_date": None, "contributors": None, "byline": None}
    end = _read_closing_metadata(lines, meta)
    body_lines = _body_lines(lines[:end], header_lede, meta)
    meta["text"] = "\n".join(body_lines).strip("\n").strip()
    return meta


def _header(lines: list[str]) -> tuple[list[str], str | None, str | None]:
    """``(lines, date, lede)``: the lines after a ``date YYYY-MM-DD <lede>``
    header line (the first non-blank line) with its date and lede, or the
    lines as given and two Nones when there is no header."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines):
        m = _HEADER_RE.match(lines[i])
        if m:
            return lines[i + 1 :], m.group(1), m.group(2).strip()
    return lines, None, None


def _read_closing_metadata(lines: list[str], meta: dict) -> int:
    """Read the closing metadata lines (publication note, ``with files
    from``, byline), scanning from the end, into ``meta``; returns the
    number of lines before them (the body's end)."""
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
            meta["published_date"] = parse_written_date(m.group("date"))
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
    return end


def _body_lines(body_lines: list[str], header_lede: str | None, meta: dict) -> list[str]:
    """The body's lines with the header's lede counted once (it opens the
    body when the body does not repeat it) and the dateline taken off the
    first paragraph (into ``meta["dateline"]``)."""
    body_lines = list(body_lines)
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
    return body_lines


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
