"""Quotation marks: finding them, telling quotation marks from apostrophes,
pairing them per paragraph (irregular marks of real copy included), quotes
carried over paragraphs, and whether a quotation is direct, partial or a
scare quote.  The rules are described in :mod:`analysis.sourcing`."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from analysis.names import speech_verbs
from analysis.sourcing.context import ArticleContext
from analysis.sourcing.words import (ALNUM_RE, DETERMINERS, HYPHEN_WORD_RE, PRONOUNS, WORD_RE, page_furniture,
                                     scare_cues_by_last)
from analysis.core.resources import read_sections
from analysis.core.text import Document

_TAG_RE = re.compile(r"<[/!]?[A-Za-z][^<>\n]{0,300}>")
_DOUBLE_MARK_RE = re.compile(r"\"|''(?!')")
_SINGLE_MARK_RE = re.compile(r"['‘’]")


@functools.cache
def work_title_cues() -> dict[str, frozenset[str]]:
    """Words before the title of a work in quotation marks (``noun``: ``book``,
    ``report``) and the words allowed between (``link``: ``titled``):
    ``analysis/data/work_title_cues.txt``, lower case, by section."""
    return {section: frozenset(w.lower() for w in words) for section, words in read_sections("work_title_cues.txt").items()}


class Mark(NamedTuple):
    """A quotation mark in the text."""
    pos: int  # offset of the mark
    length: int  # 1, or 2 for a doubled apostrophe (``''``)
    role: str  # "open", "close" or "either" (from the curly form and the context)


@dataclass(slots=True)
class QuoteSpan:
    """A quotation: its content span, where its marks are and how they were irregular."""
    start: int  # content start (after the mark, white space stripped)
    end: int  # content end (before the closing mark)
    outer_start: int  # position of the opening mark (or paragraph start)
    outer_end: int  # position after the closing mark (or paragraph end)
    paragraph: int
    irregular: str = ""  # "", "unopened", "open-as-close", "unclosed", "continued"
    continues: bool = False  # continues a quote left open in the previous paragraph
    continued: bool = False  # left open, continued in the next paragraph
    kind: str = "direct"
    scare: bool = False


def double_marks(qt: str, text: str, ps: int, pe: int) -> list[Mark]:
    """The double quotation marks of paragraph ``[ps, pe)``; their role is
    ``open``, ``close`` or ``either`` from the curly form and the context."""
    # a mark is `"` or the last two of a run of apostrophes (`''`, NYT style);
    # marks inside an HTML tag left in the body are not quotation marks.  A
    # tag starts with `<`, so no mark straddles a tag boundary.
    marks = [(m.start(), m.end() - m.start()) for m in _DOUBLE_MARK_RE.finditer(qt, ps, pe)]
    if marks and "<" in qt[ps:pe]:
        tags = [(m.start(), m.end()) for m in _TAG_RE.finditer(qt, ps, pe)]
        if tags:
            marks = [(i, ln) for i, ln in marks if not any(a <= i < b for a, b in tags)]
    out = []
    for pos, ln in marks:
        orig = text[pos]
        prev = text[pos - 1] if pos > ps else " "
        nxt = text[pos + ln] if pos + ln < pe else " "
        if orig in "“„‟«〝":
            role = "open"
        elif orig in "”»〞":
            role = "close"
        else:
            before_space = prev.isspace() or prev in "([{—–-/"
            after_space = nxt.isspace() or nxt in ".,;:!?)]}—–-"
            if before_space and not after_space:
                role = "open"
            elif after_space and not before_space:
                role = "close"
            else:
                role = "either"
        out.append(Mark(pos, ln, role))
    return out


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without white space at either end."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_quote_spans(doc: Document) -> list[QuoteSpan]:
    """Every quotation in ``doc``, paragraph by paragraph, marks paired as the
    module docstring says; a quote left open at a paragraph's end is
    ``continued`` when the next paragraph opens with a mark."""
    text, qt = doc.text, doc.quote_text
    use_single = '"' not in qt and "''" not in qt
    spans: list[QuoteSpan] = []
    carry = False  # previous paragraph left a quote open
    n_par = doc.n_paragraphs
    par = doc.paragraphs.tolist()
    for pi in range(n_par):
        ps, pe = par[pi]
        marks = _paragraph_marks(text, qt, ps, pe, use_single)
        if not marks:
            carry = False
            continue
        # does this paragraph continue an open quote from the previous one?
        cont = carry and marks[0].pos == ps
        open_at, open_len = _pair_marks(text, marks, ps, pe, pi, cont, spans)
        carry = False
        if open_at is not None:
            q = _open_span(text, open_at, open_at + open_len, pe, pe, pi, "unclosed", cont, ps)
            if pi + 1 < n_par and _par_starts_with_mark(doc, pi + 1, use_single) \
                    and _same_style(text[open_at], text[par[pi + 1][0]]):
                q.continued = True
                q.irregular = "continued"
                carry = True
            spans.append(q)
    return [q for q in spans if q.end > q.start and has_words(text, q.start, q.end)]


def _paragraph_marks(text: str, qt: str, ps: int, pe: int, use_single: bool) -> list[Mark]:
    """The quotation marks of paragraph ``[ps, pe)``: single marks in an
    article without double ones, else double marks."""
    if use_single:
        return single_marks(text, ps, pe)
    if qt.find('"', ps, pe) < 0 and qt.find("''", ps, pe) < 0:
        return []
    return double_marks(qt, text, ps, pe)


def _same_style(opener: str, mark: str) -> bool:
    """Are two quotation marks of one style, both straight (``"``, ``'``) or
    both typographic: a quotation continued over paragraphs reopens with the
    mark it opened with (a straight excerpt mark is not continued by a
    curly quotation of its own)."""
    return (opener in "\"'") == (mark in "\"'")


def _open_span(text: str, open_at: int, content_start: int, content_end: int, outer_end: int, pi: int,
               irregular: str, cont: bool, ps: int) -> QuoteSpan:
    """The span of a quote opened at ``open_at``; it ``continues`` the previous
    paragraph's quote when it opens the paragraph and ``cont`` holds."""
    s, e = strip_span(text, content_start, content_end)
    q = QuoteSpan(s, e, open_at, outer_end, pi, irregular)
    if cont and open_at == ps:
        q.continues = True
    return q


def _pair_marks(text: str, marks: list[Mark], ps: int, pe: int, pi: int, cont: bool,
                spans: list[QuoteSpan]) -> tuple[int | None, int]:
    """Pair the marks of one paragraph, appending the quotes to ``spans``: a
    mark opens when no quote is open and closes the open one otherwise.
    Returns where the quote left open at the paragraph end starts (None when
    none is) and the length of its mark."""
    open_at: int | None = None
    open_len = 0
    nested_until = -1
    for k, (pos, ln, role) in enumerate(marks):
        if k <= nested_until:
            continue
        if open_at is not None and role == "open" and text[open_at] == '"' and text[pos] == "“":
            nested_until = _nested_close(text, marks, k)  # `"... isn’t about “Equal Justice” anymore.`
            if nested_until > k:
                continue
        if open_at is None:
            if role == "close" and k == 0 and has_words(text, ps, pos):
                s, e = strip_span(text, ps, pos)
                spans.append(QuoteSpan(s, e, ps, pos + ln, pi, "unopened"))
            else:
                open_at, open_len = pos, ln
        elif role != "open" or _open_mark_closes(text, pos, ln, ps, pe):
            irr = "open-as-close" if role == "open" else ""
            spans.append(_open_span(text, open_at, open_at + open_len, pos, pos + ln, pi, irr, cont, ps))
            open_at = None
        else:
            spans.append(_open_span(text, open_at, open_at + open_len, pos, pos, pi, "unclosed", cont, ps))
            open_at, open_len = pos, ln
    return open_at, open_len


def _nested_close(text: str, marks: list[Mark], k: int) -> int:
    """Where a curly quotation opened at mark ``k`` inside a quotation opened
    by a straight mark closes: the index of the next mark, when it is a
    curly ``”`` and a straight mark follows later in the paragraph or none
    does (the straight quotation goes on round the nested one); ``k``
    otherwise."""
    if k + 1 < len(marks) and text[marks[k + 1].pos] == "”":
        return k + 1
    return k


def _open_mark_closes(text: str, pos: int, ln: int, ps: int, pe: int) -> bool:
    """An opening mark while a quote is open is a closer when it ends the
    paragraph, is followed by punctuation or is glued to the preceding word;
    otherwise the previous quote lacked its closer."""
    nxt = text[pos + ln] if pos + ln < pe else ""
    prev = text[pos - 1] if pos > ps else ""
    glued = prev and not prev.isspace()
    ends = nxt == "" or nxt in ".,;:!?)]}—–" or nxt.isspace() and pos + ln >= pe - 1
    return bool(glued or ends or (nxt.isspace() and _next_is_lower_or_end(text, pos + ln, pe)))


def _next_is_lower_or_end(text: str, i: int, pe: int) -> bool:
    while i < pe and text[i].isspace():
        i += 1
    return i >= pe or text[i].islower() or text[i] in ".,;:"


def has_words(text: str, s: int, e: int) -> bool:
    """Is there a letter or digit in ``text[s:e]``?"""
    return ALNUM_RE.search(text, s, e) is not None


def _par_starts_with_mark(doc: Document, pi: int, use_single: bool) -> bool:
    ps = int(doc.paragraphs[pi][0])
    c = doc.quote_text[ps]
    return (c == "'" and use_single) or c == '"' or doc.quote_text[ps : ps + 2] == "''"


def single_marks(text: str, ps: int, pe: int) -> list[Mark]:
    """Single quotation marks used as quotes (British style), told apart from
    apostrophes: an opener follows a space/start and precedes a letter; a
    closer follows a letter or punctuation and precedes a space, punctuation
    or the end, and is not inside a word."""
    out = []
    for m in _SINGLE_MARK_RE.finditer(text, ps, pe):
        i = m.start()
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if (prev.isspace() or prev in "([—–-") and (nxt.isalnum() or nxt in "“\""):
            out.append(Mark(i, 1, "open"))
        elif (prev.isalnum() or prev in ".,!?—–") and (nxt.isspace() or nxt in ".,;:!?)—–"):
            # plural possessive (`the Michaels' release`) looks the same: only
            # accept a closer when an opener is pending
            out.append(Mark(i, 1, "close"))
    # keep closers only after an opener
    kept, open_ = [], False
    for m in out:
        if m.role == "open" and not open_:
            kept.append(m)
            open_ = True
        elif m.role == "close" and open_:
            kept.append(m)
            open_ = False
    if open_:
        kept.pop()  # an opener never closed in the paragraph is an apostrophe
    return kept



def classify_span(ctx: ArticleContext, q: QuoteSpan) -> None:
    """direct or partial (or scare) from what precedes the opening mark; a
    quotation in a headline or caption line, or the title of a work, is
    marked ``scare`` too (no row: nobody's words)."""
    text = ctx.text
    ps = ctx.par_starts[q.paragraph]
    if furniture_line(text, ps, ctx.par_ends[q.paragraph]):
        q.scare = True
        return
    if _bracketed_label(text, q) or _nickname(text, ps, ctx.par_ends[q.paragraph], q):
        q.kind, q.scare = "partial", True  # `[Remarks to CME Group, 11/18/13.]`, `Gov. C.L. “Butch” Otter`
        return
    if q.irregular == "unopened" or q.outer_start <= ps or q.continues:
        q.kind = "direct"
        if q.irregular == "" and _name_as_subject(text, ctx.par_ends[q.paragraph], q):
            q.kind, q.scare = "partial", True  # `“The Walking Dead” is an AMC drama`
        return
    i = q.outer_start - 1
    while i >= ps and text[i].isspace():
        i -= 1
    prev_char = text[i] if i >= ps else ""
    if (prev_char == "," or prev_char in "'’" and text[i - 1 : i] in {"s", "S"}) and work_title(text, ps, q):
        q.kind, q.scare = "partial", True  # `his memoir, “Gifted Hands,”`, `CBS' “60 Minutes”`
        return
    if prev_char in ":,.!?;—–-" or ctx.doc.quote_text[i : i + 1] in {'"', "'"}:
        q.kind = "direct"
        if prev_char in ".!?" and _name_as_subject(text, ctx.par_ends[q.paragraph], q):
            q.kind, q.scare = "partial", True
        return
    # the word before the mark
    t = bisect_left(ctx.ends, i + 1) if i >= ps else 0
    prev_word = ctx.lower[t] if 0 <= t < len(ctx.lower) and ctx.ends[t] == i + 1 else ""
    if work_title(text, ps, q) or _title_before_noun(text, ctx.par_ends[q.paragraph], q):
        q.kind, q.scare = "partial", True  # the name of a work, not anybody's words
        return
    if prev_word in speech_verbs() and prev_word not in {"that"}:
        q.kind = "direct"
        return
    q.kind = "partial"
    n_words = len(WORD_RE.findall(text, q.start, q.end))
    if n_words <= 4:
        before = HYPHEN_WORD_RE.findall(text[max(ps, q.outer_start - 40) : q.outer_start].lower())
        if before[-1:] in (["a"], ["an"], ["the"]):
            before.pop()  # `known as the “Buffett rule”`
        for cue in scare_cues_by_last().get(before[-1], ()) if before else ():
            if len(before) >= len(cue) and tuple(before[-len(cue) :]) == cue:
                q.scare = True
                return



_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_INSIDE_RE = re.compile(r"[.!?;]\s")
_SMALL_TITLE_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "for", "to", "in", "on", "at", "by",
                                "with", "from", "as", "vs", "nor", "via", "into", "over", "up"})


def title_case(words: list[str]) -> bool:
    """Are ``words`` written as a title: the first capitalised, and every
    other word capitalised unless it is a short function word (``The Spy Who
    Came in from the Cold``)?"""
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _SMALL_TITLE_WORDS for w in words[1:])


def work_title(text: str, ps: int, q: QuoteSpan) -> bool:
    """Is quotation ``q`` the title of a work or a named thing, its words in
    title case (at most 15; no sentence inside for the last three shapes):
    right after a work noun of ``work_title_cues.txt`` (``his book “The
    Party”``), perhaps with a link word (``a campaign called “Save Our
    Jobs”``) or a comma between (``his memoir, “Gifted Hands,”``); two to
    six words after a function word of its ``[before]`` section (``the “Five
    Eyes Alliance”``, ``on “Meet the Press”``); or up to eight words after a
    name's possessive (``NBC's “Meet the Press”``, ``CBS' “60 Minutes”``)?"""
    lead = text[max(ps, q.outer_start - 40) : q.outer_start]
    before = HYPHEN_WORD_RE.findall(lead.lower())
    if not before:
        return False
    cues = work_title_cues()
    nouns, links = cues.get("noun", frozenset()), cues.get("link", frozenset())
    words = _TITLE_WORD_RE.findall(text, q.start, q.end)
    if not title_case(words):
        return False
    if before[-1] in nouns or before[-1] in links and len(before) >= 2 and before[-2] in nouns:
        return len(words) <= 15
    if _SENTENCE_INSIDE_RE.search(text, q.start, q.end):
        return False
    if before[-1] in cues.get("before", frozenset()) and 2 <= len(words) <= 6:
        return True  # a proper name after a function word (`the “Five Eyes Alliance”`)
    return len(words) <= 8 and _POSSESSIVE_END_RE.search(lead) is not None


_POSSESSIVE_END_RE = re.compile(r"\b[A-Z][\w.&-]*(?:['’]s|[sS]['’])\s*$")


def classify_spans(ctx: ArticleContext, spans: list[QuoteSpan]) -> None:
    """:func:`classify_span` for every quotation of an article, then the items
    of a list alike: a quotation joined to a scare quote or a title before it
    by a comma, ``and`` or ``or`` only (``words such as “ambassador,”
    “attack,” “Benghazi”``, ``roles in “Apollo 13,” and “Austin Powers”``)
    is one too when it is short (at most 4 words) or in title case."""
    prev = None
    for q in spans:
        classify_span(ctx, q)
        if not q.scare and prev is not None and prev.scare and q.paragraph == prev.paragraph \
                and _list_item_after(ctx.text, prev, q):
            q.kind, q.scare = "partial", True
        prev = q
    for k in range(1, len(spans)):
        shape = _pull_quote(ctx, spans[k - 1], spans[k])
        for q in spans[k - 1 if shape == "repeat" else k : k + 1] if shape else ():
            q.kind, q.scare = "partial", True


_SIGNATURE_RE = re.compile(r"(?:[A-Z][\w’'.-]*\.?\s+){0,4}[A-Z][\w’'-]+\.?(?:,[^.!?;:]*)?\.?")


def _pull_quote(ctx: ArticleContext, first: QuoteSpan, sig: QuoteSpan) -> str:
    """Are ``first`` and ``sig`` a pull quote, page furniture repeating a
    quotation of the body with its signature line: a paragraph opened by a
    mark and left open, whose first 40 characters stand earlier in the
    article, and the next paragraph a signature closed by the mark (``"The
    reality is ... here.¶S.C. Rep. Jim Clyburn."``: a name, perhaps a comma
    and a role, at most 16 words)?  ``"repeat"``: yes, the words are
    counted once, where the body quotes them; ``"signature"``: the quotation
    is new, only its signature line is no quote; ``""``: no pull quote."""
    text = ctx.text
    if sig.irregular != "unopened" or first.irregular != "unclosed" or sig.paragraph != first.paragraph + 1 \
            or first.outer_start != ctx.par_starts[first.paragraph]:
        return ""
    line = text[sig.start : sig.end].strip()
    if len(WORD_RE.findall(line)) > 16 or _SIGNATURE_RE.fullmatch(line) is None:
        return ""
    head = text[first.start : min(first.end, first.start + 40)]
    return "repeat" if text.find(head, 0, first.outer_start) >= 0 else "signature"


_LIST_GAP_RE = re.compile(r"[\s,;]*(?:(?:and|or)\s+)?$")


def _list_item_after(text: str, prev: QuoteSpan, q: QuoteSpan) -> bool:
    """Is ``q`` the next item of a list whose item ``prev`` is: only a comma,
    ``and`` or ``or`` between, and short or in title case?"""
    gap = text[prev.outer_end : q.outer_start]
    if len(gap) > 8 or not _LIST_GAP_RE.fullmatch(gap):
        return False
    words = _TITLE_WORD_RE.findall(text, q.start, q.end)
    return len(WORD_RE.findall(text, q.start, q.end)) <= 4 or len(words) <= 15 and title_case(words) \
        and not _SENTENCE_INSIDE_RE.search(text, q.start, q.end)


def _bracketed_label(text: str, q: QuoteSpan) -> bool:
    """Is the quotation's content one bracketed label, a source or link line
    (``[HuffPost.]``, ``[Remarks to CME Group, 11/18/13.]``)?"""
    inner = text[q.start : q.end].strip()
    return inner[:1] == "[" and inner.rstrip(".")[-1:] == "]" and "]" not in inner.rstrip(".")[:-1]


def _nickname(text: str, ps: int, pe: int, q: QuoteSpan) -> bool:
    """Is the quotation a nickname inside a name: one to three capitalised
    words between a capitalised word (or an initial) and a capitalised word
    (``Gov. C.L. “Butch” Otter``)?"""
    words = _TITLE_WORD_RE.findall(text, q.start, q.end)
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) \
            or not re.fullmatch(r"[\w.’'-]+", text[q.start : q.end].replace(" ", "")):
        return False
    before = text[max(ps, q.outer_start - 30) : q.outer_start]
    after = text[q.outer_end : min(pe, q.outer_end + 30)]
    prev = re.search(r"([\w.’'-]+)\s+$", before)
    nxt = re.match(r"\s+([\w’'-]+)", after)
    return bool(prev and nxt and prev.group(1)[:1].isupper() and nxt.group(1)[:1].isupper()
                and not prev.group(1).endswith(("'s", "’s")))


def _name_as_subject(text: str, pe: int, q: QuoteSpan) -> bool:
    """Is a quotation that opens a sentence a name the sentence is about, not
    anybody's sentence: at most six words in title case, no punctuation at
    its end or sentence inside, and a lower-case word after the closing mark
    that is no cue (``“The Walking Dead” is an AMC drama``, ``"Containment"
    has been U.S. policy``, ``“Daily Show” host Trevor Noah``)?"""
    inner = text[q.start : q.end]
    words = _TITLE_WORD_RE.findall(inner)
    if not words or len(words) > 6 or not title_case(words) or inner.rstrip()[-1:] in set(",.;:!?…-—") \
            or _SENTENCE_INSIDE_RE.search(inner):
        return False
    nxt = re.match(r"\s+([a-z][\w’'-]*)", text[q.outer_end : min(pe, q.outer_end + 30)])
    # a determiner or a pronoun after it opens an attribution (`“Lock Her Up” the crowd chanted`)
    return nxt is not None and nxt.group(1) not in speech_verbs() and nxt.group(1) not in DETERMINERS \
        and nxt.group(1) not in PRONOUNS


def _title_before_noun(text: str, pe: int, q: QuoteSpan) -> bool:
    """Is the quotation a title or a name right before a work noun of
    ``work_title_cues.txt``, perhaps with one acronym between (``the “Ted
    Cruz” campaign pins``, ``“The Apprentice” TV show``, ``''Monday Night
    Football'' ratings`` is not one: `ratings` is no work noun): title case,
    at most 8 words, no sentence inside?"""
    words = _TITLE_WORD_RE.findall(text, q.start, q.end)
    if not words or len(words) > 8 or not title_case(words) or _SENTENCE_INSIDE_RE.search(text, q.start, q.end):
        return False
    if text[q.end - 1 : q.end] in {",", "."}:
        return False  # `“Bloodline,” and ...`: the sentence goes on after a comma
    after = _TITLE_WORD_RE.findall(text[q.outer_end : min(pe, q.outer_end + 30)])
    nouns = work_title_cues().get("noun", frozenset())
    if after and after[0].isupper() and len(after[0]) >= 2 and len(after) >= 2:
        after = after[1:]  # an acronym between (`TV show`)
    return bool(after) and after[0].lower() in nouns


def furniture_line(text: str, ps: int, pe: int) -> bool:
    """Is paragraph ``[ps, pe)`` page furniture whose quotation marks quote
    nobody: a caption or link line opening with a label of
    ``page_furniture.txt`` (``Image caption``, ``Photograph:``), or a
    headline (at most 25 words, no closing full stop, ``?`` or ``!``, its
    words outside quotation marks in title case)?"""
    line = text[ps:pe].strip()
    low = line.lower()
    furniture = page_furniture()
    head = _TITLE_WORD_RE.findall(low[:40])
    if any(low.startswith(lab) for lab in furniture.get("label", ())) \
            or head and head[0] in furniture.get("credit", ()) and low[len(head[0]) : len(head[0]) + 1] == ":":
        return True
    if not line or line.rstrip("”\"'’ ")[-1:] in {".", "?", "!", ":", ","}:
        return False
    outside = re.sub(r"[“\"][^”\"]*[”\"]", " ", line)
    words = _TITLE_WORD_RE.findall(outside)
    return 3 <= len(words) and len(_TITLE_WORD_RE.findall(line)) <= 25 and title_case(words)
