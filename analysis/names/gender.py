"""Gender of a person mentioned in a text, always with its basis.

Order of evidence (the first that decides wins), as in the actors issue:

1. ``codebook``: the codebook's ``gender`` (used by :mod:`analysis.actors`
   before this module is asked);
2. ``title``: a gendered title or role noun next to the name (``Mr``,
   ``Mrs``, ``spokeswoman``, ``Chairman``; ``analysis/data/titles.csv``) or in
   apposition (``X, a spokesman for ...``);
3. ``pronoun``: third-person pronouns after the person's mentions: in the
   rest of each sentence that mentions the person and in the sentence after,
   up to the next mention of another person;
   ``he/him/his/himself`` against ``she/her/hers/herself``, decided when one
   side has at least 2 and at least twice the other (a single pronoun may
   refer to someone else and decides nothing);
4. ``first name``: the given name in ``gender-guesser``'s list as ``male`` or
   ``female``; its ``mostly_`` and ``andy`` forms are no evidence (``Kim``,
   ``Lee``: a guess, and the design says ``unknown`` rather than a guess);
   never the first token of a
   surname-first name (``Meng Wanzhou``: ``Meng`` is the family name; the
   given name ``Wanzhou`` is looked up instead);
5. ``unknown``.

Returns ``(gender, basis)`` with gender ``female``, ``male`` or ``unknown``
and basis ``title``, ``pronoun``, ``first name`` or ``none``.  This measures
how the text presents a person, not the person's identity; report the basis
alongside any gender breakdown.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right

from analysis.names.given_names import first_names
from analysis.names.parts import name_parts
from analysis.names.honorifics import apposition_re, titles
from analysis.core.text import Document

__all__ = ["infer_gender", "first_name_gender", "PersonMentions", "sentence_index", "inside_any"]

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
# \b(?:he|him|his|himself|she|her|hers|herself)\b, written so that ``re`` rejects
# a position on its first character (same matches, in the same order of
# preference: alternatives grouped by first letter, order kept within a group)
_PRONOUN_RE = re.compile(r"(?=[hs])\b(?:h(?:e|im|is|imself|er|ers|erself)|she)\b", re.IGNORECASE)


@functools.cache
def _gendered_titles() -> dict[str, str]:
    t = titles()
    return {w.lower(): g for w, g in zip(t["title"], t["gender"]) if g}


def first_name_gender(name: str) -> str:
    """``female``/``male``/``unknown`` from the given name of ``name`` in
    gender-guesser's list; surname-first names use their given name; a given
    name in capitals is an acronym and says nothing."""
    hit = _FIRST_NAME_MEMO.get(name)
    if hit is not None:
        return hit
    parts = name_parts(name)
    given = parts["given"].split()
    # an all-capital "given name" is an acronym ("UK Huawei", "BT Openreach"), not a name
    written = bool(given) and not (given[0].isupper() and len(given[0].rstrip(".")) > 1)
    g = first_names().get(given[0].rstrip(".").lower(), "unknown") if written else "unknown"
    if g == "male":
        g = "male"
    elif g == "female":
        g = "female"
    else:
        g = "unknown"
    if len(_FIRST_NAME_MEMO) >= 100_000:
        _FIRST_NAME_MEMO.clear()
    _FIRST_NAME_MEMO[name] = g
    return g


# name -> first_name_gender(name): the answer depends only on the name and the
# shipped lists, and discovery asks it for every person in every article
_FIRST_NAME_MEMO: dict[str, str] = {}


def sentence_index(doc: Document) -> tuple[list, list, dict]:
    """Sentence starts and ends of ``doc`` as lists and a per-sentence memo of
    its pronouns (``{sentence: [(start, end, gender), ...]}``), shared by the
    calls for every person of the same article (discovery asks for them one
    after the other).  Only the latest Document's are kept: per-article
    objects that outlive the article make the garbage collector work harder."""
    global _LAST_INDEX
    last = _LAST_INDEX  # one read and one write of a (doc, index) pair: thread-safe
    if last[0] is doc:
        return last[1]
    index = (doc.sentences[:, 0].tolist(), doc.sentences[:, 1].tolist(), {})
    _LAST_INDEX = (doc, index)
    return index


_LAST_INDEX: tuple = (None, None)


def _pronouns(text: str, index: tuple, j: int, ss: int, se: int):
    """(offset, gender) of the pronouns matched by ``_PRONOUN_RE`` in
    ``text[ss:se]`` (``ss``..``se`` inside sentence ``j``), the same as
    ``_PRONOUN_RE.finditer(text, ss, se)``: read from one scan of the whole
    sentence, except when ``se`` cuts a word (there the end of the range
    is a word boundary only for the cut scan)."""
    if se < index[1][j] and se > 0 and (text[se - 1].isalnum() or text[se - 1] == "_") \
            and (text[se].isalnum() or text[se] == "_"):
        return [(m.start(), "male" if m.group().lower() in _MALE else "female")
                for m in _PRONOUN_RE.finditer(text, ss, se)]
    found = index[2].get(j)
    if found is None:
        found = index[2][j] = [(m.start(), m.end(), "male" if m.group().lower() in _MALE else "female")
                               for m in _PRONOUN_RE.finditer(text, index[0][j], index[1][j])]
    return [(s, g) for s, e, g in found if s >= ss and e <= se]


class PersonMentions:
    """Every person mention of one document, as ``(start, name)`` pairs,
    answering for any ``name``: where does the first mention of someone else
    after ``offset`` start?  That is what :func:`infer_gender`'s ``others``
    (the starts of the other people's mentions) is searched for; built once
    per document instead of once per person, it keeps a document with
    thousands of people linear.  ``next_different[i]``: the first index after
    ``i`` whose name differs from ``names[i]``."""

    def __init__(self, starts_and_names):
        pairs = sorted(starts_and_names)
        self.starts = [s for s, _ in pairs]
        self.names = [n for _, n in pairs]
        self.next_different = [len(pairs)] * len(pairs)
        for i in range(len(pairs) - 2, -1, -1):
            same = self.names[i + 1] == self.names[i]
            self.next_different[i] = self.next_different[i + 1] if same else i + 1

    def next_other(self, name: str, offset: int) -> int | None:
        """Start of the first mention after ``offset`` (strictly) of a person
        not called ``name``; None when there is none."""
        i = bisect_right(self.starts, offset)
        if i < len(self.names) and self.names[i] == name:
            i = self.next_different[i]
        return self.starts[i] if i < len(self.starts) else None


def _next_other_finder(name: str, others):
    """``offset -> start of the next other person's mention`` (or None) for
    ``others`` given as :class:`PersonMentions`, as that function already
    (built once per document by the caller) or as a list of starts."""
    if isinstance(others, PersonMentions):
        return lambda offset: others.next_other(name, offset)
    if callable(others):
        return others
    other_starts = sorted(others)

    def next_other(offset):
        k = bisect_right(other_starts, offset)
        return other_starts[k] if k < len(other_starts) else None

    return next_other


def inside_any(spans):
    """``offset -> bool``: does ``offset`` fall inside one of ``spans``
    (``[(start, end), ...]``, overlaps allowed)?  Sorted once, answered by
    bisection, so a document with many quotes stays linear."""
    spans = sorted(spans)
    if not spans:
        return lambda offset: False
    starts = [a for a, _ in spans]
    reach, furthest = [], -1
    for _, b in spans:  # furthest end among the spans starting at or before each one
        furthest = max(furthest, b)
        reach.append(furthest)

    def inside(offset: int) -> bool:
        k = bisect_right(starts, offset) - 1
        return k >= 0 and offset < reach[k]

    return inside


def infer_gender(name: str, doc: Document | None = None, spans=(), *, title_genders=(),
                 others=(), skip=()) -> tuple[str, str]:
    """Gender and basis for the person ``name`` mentioned at ``spans``
    (``[(start, end), ...]`` in ``doc.text``); ``title_genders`` are the
    genders of titles found before those mentions (``""`` for neutral ones);
    ``others``: start offsets of mentions of other people (or every
    person's mentions as :class:`PersonMentions`, the same for a whole
    document, or a function ``offset -> start of the next other person's
    mention or None``); a pronoun after another person's mention is not
    counted for this one.  ``skip``: ``[(start, end), ...]`` stretches whose
    pronouns are not counted (the words a person is quoted saying: "she"
    there is someone else), or the function ``offset -> bool`` that
    :func:`inside_any` builds from them once per document."""
    tg = {g for g in title_genders if g}
    if len(tg) == 1:
        return next(iter(tg)), "title"
    if doc is not None and spans:
        app = _title_genders_near(doc.text, spans)
        if len(app) == 1:
            return next(iter(app)), "title"
        seen = _pronouns_after(name, doc, spans, others, skip)
        male = sum(g == "male" for g in seen.values())
        female = len(seen) - male
        if male >= 2 and male >= 2 * female and male > female:
            return "male", "pronoun"
        if female >= 2 and female >= 2 * male and female > male:
            return "female", "pronoun"
        # a single pronoun decides nothing: someone else may be meant
    g = first_name_gender(name) if " " in name.strip() else "unknown"
    if g != "unknown":
        return g, "first name"
    return "unknown", "none"


@functools.cache
def _bare_apposition_re() -> re.Pattern:
    """``, Chinese Foreign Ministry spokesman,`` after a name: an apposition
    without a determiner, at most four capitalised words and then a gendered
    title, closed by a comma or ``for``/``of``/``at``."""
    nouns = sorted((w for w in _gendered_titles() if " " not in w), key=len, reverse=True)
    return re.compile(r",[^\S\n]*(?:[A-Z][\w'’.-]*[^\S\n]+){0,4}(?P<noun>(?i:%s))(?:,|[^\S\n]+(?:for|of|at)\b)"
                      % "|".join(re.escape(n) for n in nouns))


def _title_genders_near(text: str, spans) -> set[str]:
    """Genders of the gendered titles right before the mentions at ``spans``
    and of the role nouns in apposition after them ("X, a spokesman for ...",
    "X, Foreign Ministry spokeswoman, said")."""
    gendered = _gendered_titles()
    apposition = apposition_re()
    app = set()
    for s, e in spans:
        nxt = text[e:e + 1]  # the apposition pattern starts with optional space and a comma
        m = apposition.match(text[e:e + 80]) if nxt == "," or nxt.isspace() else None
        if m is None and nxt == ",":
            m = _bare_apposition_re().match(text, e, e + 80)
        if m and m.group("noun").lower() in gendered:
            app.add(gendered[m.group("noun").lower()])
        before = text[max(0, s - 20):s].split()
        if before and before[-1].lower().strip(",") in gendered:
            app.add(gendered[before[-1].lower().strip(",")])
    return app


def _pronouns_after(name: str, doc: Document, spans, others, skip) -> dict[int, str]:
    """Pronoun offset -> gender, each pronoun counted once: the pronouns after
    the person's first mention in each sentence that mentions them and in the
    sentence after, up to the next mention of another person, outside
    ``skip``."""
    text = doc.text
    seen: dict[int, str] = {}
    index = sentence_index(doc)
    sent_starts, sent_ends, _ = index
    n_sent = len(sent_starts)
    span_starts = sorted(s for s, _ in spans)
    sent_idx = sorted({max(bisect_right(sent_starts, s) - 1, 0) for s in span_starts})
    skipped = skip if callable(skip) else inside_any(skip)
    next_other = _next_other_finder(name, others)
    for i in sent_idx:
        for j in (i, i + 1):
            if j >= n_sent:
                continue
            ss, se = sent_starts[j], sent_ends[j]
            if j == i:  # only after the (first) mention in the sentence
                k = bisect_left(span_starts, ss)
                if k == len(span_starts) or span_starts[k] >= se:
                    continue  # the mention lies outside every sentence (between two)
                ss = span_starts[k]
            # stop at the next mention of another person
            other = next_other(ss)
            if other is not None and other < se:
                se = other
            for start, g in _pronouns(text, index, j, ss, se):
                if skipped(start):
                    continue
                seen[start] = g
    return seen
