"""Actor mentions: where each actor is named in each article.

:func:`find_mentions` finds every mention of the codebook's actors
(:mod:`analysis.actors.codebook`) in one pass over each text with one compiled
regular expression, and (``discover=True``) adds people, organisations and
locations the codebook lacks, found by the rules in :mod:`analysis.actors.discovery`.
:func:`expand_groups` credits group mentions to each member; the tables built
from the mentions are in :mod:`analysis.actors.frequency`.

Matching rules (each span is counted once, the longest form wins, never
inside another word):

``name``
    The canonical name or an alias, as written (``Xi Jinping``, ``RCMP``,
    ``United Nations``; an organisation with or without ``the``).  Lower-case
    forms also match with a capital first letter (sentence start).
``title``
    A name or surname after titles from ``analysis/data/titles.csv``
    (``President Xi``, ``Press Secretary Jen Psaki``, ``spokeswoman Hua
    Chunying``): the span starts at the title.
``surname``
    A person's surname alone (``Kovrig``, ``Meng`` for surname-first
    ``Meng Wanzhou``), counted only after a full-name or title mention of that
    person earlier in the same article (``surnames="after_full"``, the
    default) or always (``surnames="always"``, when the surname belongs to one
    codebook person).  When two codebook people share a surname it goes to the
    one named most recently.
``group``
    A group's name or one of its group phrases (``the two Michaels``, ``the
    pair``).  The row carries the group's ``actor_id``; :func:`expand_groups`
    turns it into one row per member.
``description``
    A noun phrase the codebook lists for an actor (``the Huawei executive``).
``adjective``
    A country's demonym or adjective (``Chinese``, ``Canadians``) and an
    acronym of a country used attributively: ``US`` / ``U.S.`` not preceded by
    ``the`` and followed by a word (``US President``).  Counted apart from the
    nominal ``name`` form (``the US``, ``China``, ``China's``).
``discovered``
    A person, organisation or location found by :mod:`analysis.actors.discovery`
    that is not in the codebook; ``actor_id`` is a candidate id
    ``cand:<slug of the full name>``, ``side`` is missing.  Names of one
    actor are merged first (:mod:`analysis.actors.aliases`: ``UK``, ``U.K.``,
    ``Britain`` and ``the British government`` are ``cand:united_kingdom``).

A possessive ``'s``/``’s`` after a form is allowed and left out of the span
(``surface`` is ``Biden`` in ``Biden’s``).  A form touching a hyphen is a
mention (``Communist Party-controlled``); a form followed by an apostrophe
and letters other than ``s`` is not (``Xi'an``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.actors.aliases import merged_entities
from analysis.actors.codebook import actor_surname, codebook_for_article, coerce_codebook
from analysis.actors.sides import load_sides
from analysis.names import affiliation_for_sides, affiliation_near, titles
from analysis.core.text import Document, segment_articles

__all__ = ["find_mentions", "expand_groups", "compile_codebook", "MENTION_COLUMNS", "MATCH_TYPES", "SURNAME_MODES"]

MENTION_COLUMNS = [
    "article_id", "actor_id", "name", "kind", "side", "surface", "start", "end", "paragraph",
    "sentence", "relative_position", "match", "in_quote", "gender", "gender_basis",
]
MATCH_TYPES = ("name", "surname", "title", "group", "description", "adjective", "discovered")
SURNAME_MODES = ("after_full", "always")

_PRIORITY = {"name": 0, "group": 0, "description": 1, "adjective": 2, "surname": 3}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")
_by_start = itemgetter(0)
_NUMERIC_COLUMNS = {"start": "int64", "end": "int64", "paragraph": "int64", "sentence": "int64",
                    "relative_position": "float64"}


@dataclass
class CompiledCodebook:
    """A codebook compiled into one regular expression and a lookup table."""

    codebook: pd.DataFrame
    pattern: re.Pattern
    forms: dict  # normalised surface -> (actor_id, match type)
    surname_ids: dict  # normalised surname -> list of actor_ids
    info: dict  # actor_id -> codebook row (dict)
    # the pattern without its title part, and every character a title part can
    # contain (besides white space): see _finditer
    forms_pattern: re.Pattern | None = None
    title_chars: frozenset = frozenset()


def _form_key(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'")).casefold()


def _form_parts(form: str) -> list[str]:
    parts = []
    for i, ch in enumerate(form):
        if ch.isspace():
            if parts and parts[-1] == r"\s+":
                continue
            parts.append(r"\s+")
        elif ch in "'’":
            parts.append("['’]")
        elif i == 0 and ch.isalpha() and ch.islower():
            parts.append(f"[{ch}{ch.upper()}]")
        else:
            parts.append(re.escape(ch))
    return parts


def _form_regex(form: str) -> str:
    return "".join(_form_parts(form))


def _form_lead(form: str) -> tuple[str, str] | None:
    """The characters :func:`_form_regex` of ``form`` can start with and the
    regex of the rest (None when it starts with white space)."""
    parts = _form_parts(form)
    ch = form[0]
    if ch.isspace():
        return None
    first = "'’" if ch in "'’" else (ch + ch.upper() if ch.isalpha() and ch.islower() else ch)
    return first, "".join(parts[1:])


def _by_first_char(alts: list[tuple[str, str] | None], plain: list[str]) -> str:
    """The alternation ``(?:a1|a2|...)`` of ``plain`` rewritten as
    ``(?:c(?:rest|...)|d(?:...)|...)``: the alternatives grouped by the
    character they start with (``alts``: that character set and the rest of
    each alternative), each group keeping the original order.  At any position
    only the alternatives that can start with the character there are tried,
    in the same order as in ``plain``, so the matches (and every backtracking
    choice) are the same, but ``re`` rejects a group on its first character
    instead of trying every alternative: matching is about twice as fast."""
    if any(a is None for a in alts):
        return "(?:" + "|".join(plain) + ")"
    groups: dict[str, list[str]] = {}
    for first, rest in alts:
        for c in dict.fromkeys(first):
            groups.setdefault(c, []).append(rest)
    return "(?:" + "|".join(re.escape(c) + "(?:" + "|".join(rests) + ")" for c, rests in groups.items()) + ")"


_COMPILED: dict = {}


def compile_codebook(codebook=None) -> CompiledCodebook:
    """Compile a codebook (None: the shipped one) into one matcher.  Compiled
    once per codebook table and reused."""
    cb = coerce_codebook(codebook)
    key = (id(cb) if codebook is not None and not isinstance(codebook, (str,)) else str(codebook),
           tuple(cb["actor_id"]), len(cb))
    if key in _COMPILED:
        return _COMPILED[key]
    forms, surname_ids, info = _codebook_forms(cb)
    pattern, forms_pattern, title_chars = _codebook_patterns(cb)
    cc = CompiledCodebook(cb, pattern, forms, surname_ids, info, forms_pattern, title_chars)
    if len(_COMPILED) > 16:
        _COMPILED.clear()
    _COMPILED[key] = cc
    return cc


def _codebook_forms(cb: pd.DataFrame) -> tuple[dict, dict, dict]:
    """The codebook's forms: lookup key -> ``(actor_id, match type)`` (the
    higher-priority type wins when two actors share a form), surname key ->
    the people with that surname, and actor_id -> its codebook row."""
    forms: dict[str, tuple[str, str]] = {}
    surname_ids: dict[str, list[str]] = {}
    info = {}

    def add(form: str, aid: str, mtype: str):
        k = _form_key(form)
        old = forms.get(k)
        if old is None or _PRIORITY[mtype] < _PRIORITY[old[1]]:
            forms[k] = (aid, mtype)

    for row in cb.to_dict("records"):
        aid = row["actor_id"]
        info[aid] = row
        kind = row["kind"]
        main = "group" if kind == "group" else "name"
        name = row["name"]
        if kind == "organisation" and name.lower().startswith("the "):
            name = name[4:]
        add(name, aid, main)
        for a in row["aliases"]:
            add(a[4:] if kind == "organisation" and a.lower().startswith("the ") else a, aid, main)
        for d in row["descriptions"]:
            add(d, aid, "group" if kind == "group" else "description")
        for a in row["adjectives"]:
            add(a, aid, "adjective")
        sn = actor_surname(row)
        if sn:
            k = _form_key(sn)
            surname_ids.setdefault(k, []).append(aid)
            if k not in forms:
                forms[k] = (aid, "surname")
    return forms, surname_ids, info


def _codebook_patterns(cb: pd.DataFrame) -> tuple[re.Pattern, re.Pattern, frozenset]:
    """The one regular expression of every form (longest first) after
    optional titles, the same without titles, and the characters titles are
    written with (:func:`_finditer` skips positions that cannot start one)."""
    originals: dict[str, str] = {}
    for row in cb.to_dict("records"):
        for f in [row["name"], *row["aliases"], *row["descriptions"], *row["adjectives"]]:
            f2 = f[4:] if row["kind"] == "organisation" and f.lower().startswith("the ") else f
            originals.setdefault(_form_key(f2), f2)
        sn = actor_surname(row)
        if sn:
            originals.setdefault(_form_key(sn), sn)
    alts = sorted(originals.values(), key=lambda f: (-len(f), f))
    t = titles()
    tw = sorted(set(t.loc[t["kind"] != "descriptor", "title"]), key=len, reverse=True)
    title_plain = [_form_regex(w) if not w[0].islower() else re.escape(w) for w in tw]
    title_lead = [_form_lead(w) if not w[0].islower() else (w[0], re.escape(w[1:])) for w in tw]
    title_alt = _by_first_char(title_lead, title_plain)
    form_alt = _by_first_char([_form_lead(f) for f in alts], [_form_regex(f) for f in alts])
    pattern = re.compile(
        rf"(?<![\w])(?P<title>(?:(?:[Ff]ormer|then|[Aa]cting|late)\s+)?(?:{title_alt}\s+)+)?"
        rf"(?P<form>{form_alt})"
        r"(?P<poss>['’]s)?(?![\w])(?!['’][^\W\d_])"
    )
    forms_pattern = re.compile(
        rf"(?<![\w])(?P<form>{form_alt})"
        r"(?P<poss>['’]s)?(?![\w])(?!['’][^\W\d_])"
    )
    chars = set("".join(["Former then Acting late", *tw])) | set("'’")
    title_chars = frozenset(chars | {c.upper() for c in chars} | {c.lower() for c in chars})
    return pattern, forms_pattern, title_chars


def _is_attributive(text: str, start: int, end: int) -> bool:
    """``US`` in ``US President`` (no ``the`` before, a word after)."""
    before = text[max(0, start - 4):start].lower()
    if before.endswith("the "):
        return False
    m = re.match(r"[ \t]+([^\W\d_][\w-]*)", text[end:end + 40])
    if not m:
        return False
    nxt = m.group(1)
    return nxt.lower() not in {"and", "or", "but", "on", "in", "of", "to", "for", "from", "with", "is", "was",
                               "has", "had", "will", "would", "said", "says", "as", "at", "by", "that"}


def _finditer(cc: CompiledCodebook, text: str):
    """The matches of ``cc.pattern.finditer(text)``, found faster.

    Every match holds a form where ``cc.forms_pattern`` (the pattern without
    its title part) matches too, so the next match after ``pos`` starts at or
    before the next forms_pattern hit ``q``, and no earlier than the start of
    the stretch of title characters and white space that ends at ``q`` (the
    title part is made of nothing else).  The full pattern is tried from there
    only; most articles have no form at all and cost one forms_pattern scan."""
    if cc.forms_pattern is None:
        yield from cc.pattern.finditer(text)
        return
    search, tchars = cc.pattern.search, cc.title_chars
    find_form = cc.forms_pattern.search
    pos = 0
    while True:
        hit = find_form(text, pos)
        if hit is None:
            return
        r = hit.start()
        while r > pos and (text[r - 1] in tchars or text[r - 1].isspace()):
            r -= 1
        m = search(text, r)
        if m is None:  # cannot happen: the pattern matches at the hit itself
            return
        if m.end() == m.start():  # an empty form (a codebook without names): plain scanning
            yield from cc.pattern.finditer(text, r)
            return
        yield m
        pos = m.end()


def _match_doc(doc: Document, cc: CompiledCodebook, surnames: str) -> list[dict]:
    if not cc.forms:  # a codebook without actors matches nothing
        return []
    text = doc.text
    rows = []
    seen_full: dict[str, int] = {}  # actor -> offset of its latest full mention
    for m in _finditer(cc, text):
        form = m.group("form")
        fstart, fend = m.span("form")
        key = _form_key(form)
        aid, mtype = cc.forms[key]
        kind = cc.info[aid]["kind"]
        has_title = m.group("title") is not None and kind == "person"
        start = m.start() if has_title else fstart
        if mtype == "surname":
            cands = cc.surname_ids.get(key, [aid])
            known = [a for a in cands if a in seen_full]
            if known:
                aid = max(known, key=lambda a: seen_full[a])
            elif has_title and len(cands) == 1:
                aid = cands[0]
            elif surnames == "always" and len(cands) == 1:
                aid = cands[0]
            else:
                continue
            if has_title:
                mtype = "title"
        elif has_title and mtype == "name":
            mtype = "title"
        if kind == "country" and mtype == "name" and _ACRONYM.match(form.replace(".", "") + "") and _is_attributive(text, fstart, fend):
            mtype = "adjective"
        if kind == "person" and mtype in {"name", "title"}:
            seen_full[aid] = fstart
        rows.append({"actor_id": aid, "start": start, "end": fend, "match": mtype})
    return rows


class _Spans:
    """Spans ``[(start, end), ...]`` (overlapping or not, any order) that
    answer two questions in O(log n) each, so that checking every mention of
    a long article against them stays linear in its length:

    * :meth:`overlaps` -- does any span overlap ``[start, end)``?
      (``any(s < end and e > start for s, e in spans)``)
    * :meth:`covers` -- does any span start at or before ``offset`` and end
      after it?  (``any(s <= offset < e for s, e in spans)``)

    Sorted by start, with the running maximum of the ends: some span among
    those starting before ``x`` ends after ``y`` exactly when the largest end
    among them does."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = list(accumulate((e for _, e in ordered), max))

    def _ends_after(self, n_before: int, y: int) -> bool:
        return n_before > 0 and self.max_end[n_before - 1] > y

    def overlaps(self, start: int, end: int) -> bool:
        return self._ends_after(bisect_left(self.starts, end), start)

    def covers(self, offset: int) -> bool:
        return self._ends_after(bisect_right(self.starts, offset), offset)


def _quote_intervals(quotes: pd.DataFrame | None, kinds) -> dict:
    if quotes is None:
        return {}
    need = {"article_id", "start", "end"}
    missing = need - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes table lacks column(s) {sorted(missing)}; it needs {sorted(need)}")
    q = quotes
    if "kind" in q.columns and kinds is not None:
        q = q[q["kind"].isin(kinds)]
    out = {}
    for aid, g in q.groupby("article_id", sort=False):
        arr = g[["start", "end"]].to_numpy(dtype=np.int64)
        out[str(aid)] = _Spans(map(tuple, arr.tolist()))
    return out


def find_mentions(docs, *, codebook=None, discover: bool = True, quotes: pd.DataFrame | None = None,
                  surnames: str = "after_full", quote_kinds=("direct", "partial"), sides=None) -> pd.DataFrame:
    """Every actor mention in ``docs``, one row per mention, in text order.

    ``docs``: an articles table, Documents or one body string.  ``codebook``:
    a path or a table from :func:`load_codebook`, used for every article;
    None: per article, :func:`analysis.actors.codebook.codebook_for_article` (the
    shipped codebook for the seed articles only, no codebook elsewhere).
    ``discover``: also add people, organisations and locations that the
    codebook lacks (``match == "discovered"``).  ``quotes``: a quotes table
    (``article_id``, ``start``, ``end``, optionally ``kind``) from
    :func:`analysis.sourcing.extract_quotes`; when given, ``in_quote`` is True
    for a mention that starts inside a quote of a kind in ``quote_kinds``
    (default direct and partial: the source's own words), else it is NA.
    ``surnames``: ``"after_full"`` (a surname alone counts only after the
    person's full name or title mention in the same article) or ``"always"``.
    ``sides``: a sides file or :class:`analysis.actors.sides.Sides`; a discovered
    actor whose name the file lists (or a country form of one it lists) gets
    that side (codebook actors keep the codebook's).

    Columns: :data:`MENTION_COLUMNS`.  ``relative_position`` is
    ``start / len(text)`` (0 = top of the article, 1 = end); ``paragraph`` and
    ``sentence`` are 1-based and join the tables of :mod:`analysis.core.text`;
    ``gender``/``gender_basis`` come from the codebook for codebook actors
    and from :func:`analysis.names.gender.infer_gender` for discovered people."""
    if surnames not in SURNAME_MODES:
        raise ValueError(f"surnames must be one of {list(SURNAME_MODES)}, not {surnames!r}")
    side_of = _discovered_side(sides)
    documents = segment_articles(docs)
    qint = _quote_intervals(quotes, quote_kinds)
    out = []  # one tuple per mention, in MENTION_COLUMNS order
    for doc in documents:
        found = _doc_found(doc, codebook, surnames, discover, side_of, sides)
        if found:
            _add_rows(out, doc, found, quotes is not None, qint.get(doc.article_id))
    return _mentions_frame(out, documents)


class _Found(NamedTuple):
    """One mention found in an article, before it becomes a table row."""

    start: int
    end: int
    actor_id: str
    match: str
    name: str
    kind: str
    side: str | None
    gender: str
    gender_basis: str


def _doc_found(doc: Document, codebook, surnames: str, discover: bool, side_of, sides) -> list[_Found]:
    """The codebook's mentions in one article, then (``discover``) the
    discovered entities that overlap none of them, in text order."""
    found = []
    cc = compile_codebook(codebook_for_article(doc.article_id, codebook))
    for r in _match_doc(doc, cc, surnames):
        info = cc.info[r["actor_id"]]
        found.append(_Found(r["start"], r["end"], r["actor_id"], r["match"], info["name"], info["kind"], info["side"],
                            info["gender"], info["gender_basis"]))
    if discover:
        taken = _Spans((f.start, f.end) for f in found)
        for ent in merged_entities(doc):
            st, en = ent["start"], ent["end"]
            if taken.overlaps(st, en):
                continue
            found.append(_Found(st, en, ent["candidate_id"], "discovered", ent["name"], ent["kind"],
                                side_of(ent["name"]), ent.get("gender", "n/a"), ent.get("gender_basis", ent["kind"])))
        found.sort(key=_by_start)
        if sides is not None:
            found = _sides_from_affiliation(doc, found, side_of)
    return found


def _add_rows(out: list, doc: Document, found: list[_Found], with_quotes: bool, iv) -> None:
    """One row per mention of ``found`` (in :data:`MENTION_COLUMNS` order)
    added to ``out``; ``iv``: the article's quote intervals (None: no quotes)."""
    text, article_id = doc.text, doc.article_id
    par_starts, sen_starts = doc.paragraphs[:, 0].tolist(), doc.sentences[:, 0].tolist()
    n = max(len(text), 1)
    for st, en, aid, mtype, name, kind, side, gender, basis in found:
        if not with_quotes:
            in_quote = pd.NA
        elif iv is None:
            in_quote = False
        else:
            in_quote = iv.covers(st)
        out.append((article_id, aid, name, kind, side, text[st:en], st, en,
                    max(bisect_right(par_starts, st) - 1, 0) + 1, max(bisect_right(sen_starts, st) - 1, 0) + 1,
                    st / n, mtype, in_quote, gender, basis))


def _mentions_frame(out: list[tuple], documents) -> pd.DataFrame:
    """The mentions table from its rows, with the articles' word and
    paragraph counts in ``attrs`` (for the per-1,000-words tables)."""
    if out:
        # column arrays built directly (pandas' conversion of Python lists is
        # the slow part for ~20 rows per article); same dtypes as the casts below
        n = len(out)
        cols = {}
        for c, values in zip(MENTION_COLUMNS, zip(*out)):
            if c in _NUMERIC_COLUMNS:
                cols[c] = np.fromiter(values, dtype=_NUMERIC_COLUMNS[c], count=n)
            elif c == "in_quote":
                cols[c] = pd.array(values, dtype="boolean")
            else:
                cols[c] = np.fromiter(values, dtype=object, count=n)
        df = pd.DataFrame(cols, columns=MENTION_COLUMNS)
    else:
        df = pd.DataFrame([], columns=MENTION_COLUMNS)
        for c, dtype in _NUMERIC_COLUMNS.items():
            df[c] = df[c].astype(dtype)
        df["in_quote"] = df["in_quote"].astype("boolean")
    df.attrs["n_words"] = {d.article_id: d.n_words for d in documents}
    df.attrs["n_paragraphs"] = {d.article_id: d.n_paragraphs for d in documents}
    return df


def _sides_from_affiliation(doc: Document, found: list[_Found], side_of) -> list[_Found]:
    """A discovered person the sides file does not name takes the side of
    the affiliation the article gives at one of the person's first mentions
    (:func:`analysis.names.affiliation_near`): "Ciaran Martin, the CEO of
    the U.K. National Cyber Security Centre" -> United Kingdom."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in found:
        if f.match == "discovered" and f.kind == "person" and f.side is None:
            spans.setdefault(f.actor_id, []).append((f.start, f.end))
    sides = {}
    for aid, where in spans.items():
        hit = affiliation_near(doc, where)
        sides[aid] = side_of(affiliation_for_sides(hit[0])) if hit else None
    return [f._replace(side=sides[f.actor_id]) if sides.get(f.actor_id) else f for f in found]


def _discovered_side(sides):
    """name -> side (or None) from a sides file; always None without one."""
    if sides is None:
        return lambda name: None
    table = load_sides(sides)

    def side_of(name):
        hit = table.side_of(name)
        return hit[0] if hit else None

    return side_of


def expand_groups(mentions: pd.DataFrame, codebook=None) -> pd.DataFrame:
    """Mentions with each group mention replaced by one row per member
    (``match == "group"``, the member's ``actor_id``, name, kind, side and
    gender; same span).  Use it to credit ``the two Michaels`` to Kovrig and
    Spavor; the group itself then no longer appears."""
    cc = compile_codebook(codebook)
    rows = []
    for r in mentions.to_dict("records"):
        info = cc.info.get(r["actor_id"])
        if info is not None and info["kind"] == "group" and info["members"]:
            for m in info["members"]:
                mi = cc.info[m]
                rows.append({**r, "actor_id": m, "name": mi["name"], "kind": mi["kind"], "side": mi["side"],
                             "gender": mi["gender"], "gender_basis": mi["gender_basis"], "match": "group"})
        else:
            rows.append(r)
    out = pd.DataFrame(rows, columns=mentions.columns)
    out = out.astype({c: mentions[c].dtype for c in mentions.columns if c in ("start", "end", "paragraph", "sentence", "in_quote")})
    out.attrs.update(mentions.attrs)
    return out
