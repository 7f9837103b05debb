"""Sourcing balance: every quote in an article, who said it, and whose voices
the coverage carries.

:func:`extract_quotes` finds three kinds of quote, one row each:

``direct``
    Words between quotation marks that stand as the speaker's own sentence(s):
    ``“Confidence is gone with China,” he said.``
``partial``
    A fragment between quotation marks inside the reporter's own sentence:
    ``Hua ... said that Meng was “arbitrarily detained” by Canada``.  A short
    quoted term after a naming phrase (``known as “hostage diplomacy”``,
    ``so-called``; list in ``analysis/data/scare_cues.txt``) is a scare quote,
    not anybody's words, and gives no row.
``indirect``
    Reported speech without quotation marks: the *content* after a cue verb
    (``Psaki said [the US Department of Justice is an independent agency]``,
    ``told a briefing that [...]``, ``confirmed on Monday that [...]``), before
    a final attribution (``[...], officials said.``) or around ``according to
    X``.  The cue verbs are the reviewed list ``analysis/data/speech_verbs.txt``.
    A partial quote inside an indirect quote also gets its own ``partial`` row
    (``parent_quote_id`` points to the indirect row).

How quotation marks are paired (per paragraph, on :attr:`Document.quote_text`,
with the curly direction read from the original text): a mark opens when no
quote is open and closes the open one otherwise, with the irregular forms of
real copy handled explicitly: a closing ``”`` with no opener opens the quote at
the paragraph start; an opening ``“`` used as a closer (followed by the end of
the paragraph or punctuation, or glued to the preceding word) closes; a space
before the closing mark is allowed; a quote left open at the end of a paragraph
ends there, and when the next paragraph opens with a mark it continues there
(wire style), the continuation carrying the speaker over.  NYT-style doubled
apostrophes (``''``) count as double marks.

How a speaker is found: outside the quotation marks, each cue verb's subject
is read backwards from the cue (``Chinese Foreign Ministry spokeswoman Hua
Chunying slammed``; appositions ``Irwin Cotler, a former ... minister, said``
and ``A ... newspaper, the Global Times, reported``) or forwards after it
(``,” said Garneau``; ``according to X``; ``..., saying ...`` takes the
subject of the sentence).  A direct quote takes the attribution next to it
(after the closing mark, else before the opening mark), else any other one in
its paragraph (``explicit``); a paragraph of quotation without an attribution
of its own takes the speaker of the previous paragraph (``carried-over``).
Pronouns (``he said``) are resolved to the most recent earlier named speaker
whose gender fits (``pronoun``).  Names are completed to the fullest form the
article gives (``Cotler`` -> ``Irwin Cotler``) and linked to the actor
codebook through :func:`analysis.codebook.resolve_actor` for ``actor_id``,
``side``, ``kind`` and ``gender``; unknown speakers keep their name.

``confidence`` is an ordinal score in 0..1 set by rule from how the quote and
its speaker were found (regular marks and an adjacent named attribution score
highest; carried-over and unattributed quotes lowest).  It is not a calibrated
probability; the README reports speaker accuracy per attribution type.

Known failure modes: no part-of-speech tagger is used, so subjects that are
long common noun phrases may be cut short; nested attributions inside an
indirect quote are not extracted; single quotation marks are read as quotes
only in articles that use no double marks at all (British style).

Validation (``python benchmarks/sourcing_validation.py``): PolNeAR
development half; numbers in the README.
"""
from __future__ import annotations

import argparse
import functools
import html as _html
import math
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.resources import data_path, read_word_list
from analysis.text import Document, segment_articles

__all__ = [
    "QUOTE_COLUMNS",
    "KINDS",
    "ATTRIBUTIONS",
    "extract_quotes",
    "sourcing_balance",
    "voice_directness",
    "source_diversity",
    "quote_positions",
    "html_view",
    "speech_verbs",
    "add_cli_arguments",
    "cli_table",
]

QUOTE_COLUMNS = [
    "article_id",
    "quote_id",
    "kind",
    "text",
    "start",
    "end",
    "paragraph",
    "sentence",
    "n_words",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_actor_id",
    "side",
    "speaker_kind",
    "speaker_gender",
    "cue",
    "attribution",
    "confidence",
    "parent_quote_id",
    "irregular",
]
KINDS = ("direct", "partial", "indirect")
ATTRIBUTIONS = ("explicit", "pronoun", "carried-over", "none")

# ---------------------------------------------------------------------------
# reference data


@functools.cache
def speech_verbs() -> dict[str, tuple[str, frozenset[str]]]:
    """Cue word form -> (lemma, tags) from ``analysis/data/speech_verbs.txt``."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for line in read_word_list("speech_verbs.txt"):
        words, _, tags = line.partition("|")
        forms = words.split()
        tagset = frozenset(tags.split())
        for f in forms:
            out.setdefault(f.lower(), (forms[0].lower(), tagset))
    return out


@functools.cache
def _speaker_words() -> tuple[frozenset[str], frozenset[str]]:
    titles, nouns, section = set(), set(), None
    for line in read_word_list("speaker_nouns.txt"):
        if line.startswith("["):
            section = line.strip("[]")
            continue
        (titles if section == "title" else nouns).add(line.lower())
    return frozenset(titles), frozenset(nouns)


@functools.cache
def _scare_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in read_word_list("scare_cues.txt"))


PRONOUNS = {"he": "male", "she": "female", "they": None, "it": None, "we": None, "i": None}
DETERMINERS = {
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "two", "three", "four", "several", "many", "some", "other", "another", "one", "both",
    "most", "few", "all",
}
# words skipped between a subject and its cue verb
_AUX_ADV = {
    "also", "has", "had", "have", "will", "would", "could", "may", "might", "should", "later", "then",
    "again", "previously", "once", "further", "recently", "earlier", "reportedly", "repeatedly",
    "flatly", "publicly", "privately", "simply", "first", "last", "is", "was", "were", "are",
    "already", "often", "still", "never", "even", "just", "now", "in", "turn", "separately",
}
# words that never belong to a speaker noun phrase
_STOP = {
    "and", "or", "but", "that", "which", "who", "whom", "when", "where", "while", "as", "because",
    "if", "than", "to", "in", "on", "at", "by", "with", "from", "into", "about", "after", "before",
    "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "not", "no", "so",
    "what", "how", "why", "there", "here", "it", "he", "she", "they", "we", "i", "you", "him",
    "them", "said", "says", "say", "also", "do", "did", "does", "would", "will", "can", "could",
    "since", "though", "although", "however", "whether", "yet", "then", "again", "until",
}
_NAME_JOINERS = {"de", "da", "del", "van", "von", "der", "la", "le", "al", "bin", "ibn", "st", "mc"}
_NEGATORS = {"not", "n't", "never", "declined", "refused", "decline", "refuse"}
_ORG_WORDS = {
    "ministry", "department", "house", "times", "post", "office", "agency", "council", "commission",
    "party", "government", "committee", "university", "institute", "court", "police", "bank",
    "corp", "inc", "news", "press", "association", "embassy", "consulate", "foundation", "center",
    "centre", "group", "company", "network", "journal", "tribune", "herald", "daily", "globe",
    "reuters", "xinhua", "administration", "campaign", "senate", "congress", "parliament",
    "affairs", "service", "bureau", "union", "board", "federation", "organization",
    "organisation", "army", "navy", "force", "forces", "huawei", "state",
}
_DASHES = {"—", "–", "-", "--"}
_SENT_END = {".", "!", "?"}
_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight", "earlier", "later", "recently", "last", "this", "week", "month", "year",
    "morning", "afternoon", "evening", "night", "day", "on", "in", "at", "during", "after",
    "before", "a", "an", "the", "statement", "interview", "written", "email", "e-mail",
    "emailed", "telephone", "phone", "news", "conference", "briefing", "press", "speech",
    "tweet", "post", "late", "early", "previously", "also", "again", "repeatedly", "publicly",
    "privately", "ago", "days", "weeks", "months", "years", "recent", "separate", "joint",
    "via", "through", "by", "over", "his", "her", "its", "their", "told", "reporters",
}

# ---------------------------------------------------------------------------
# codebook adapter (analysis.codebook is written in parallel)


@functools.cache
def _codebook_module():
    try:
        import analysis.codebook as cb  # noqa: F401

        return cb
    except ImportError:
        return None


def _resolve(name: str, codebook) -> dict | None:
    """The codebook entry for ``name`` as a dict (``actor_id``, ``name``,
    ``side``, ``kind``, ``gender``) or None.  Uses
    :func:`analysis.codebook.resolve_actor` when that module is installed."""
    if not name:
        return None
    cb = _codebook_module()
    if cb is None or not hasattr(cb, "resolve_actor"):
        return None
    try:
        hit = cb.resolve_actor(name, codebook=codebook)
    except (KeyError, ValueError, LookupError):
        return None
    if hit is None:
        return None
    if isinstance(hit, pd.DataFrame):
        if hit.empty:
            return None
        hit = hit.iloc[0]
    if isinstance(hit, pd.Series):
        hit = hit.to_dict()
    if isinstance(hit, str):
        table = codebook if isinstance(codebook, pd.DataFrame) else _load_codebook(None)
        if table is None or "actor_id" not in table:
            return {"actor_id": hit}
        rows = table.loc[table["actor_id"] == hit]
        return rows.iloc[0].to_dict() if len(rows) else {"actor_id": hit}
    if isinstance(hit, dict):
        return hit
    return getattr(hit, "__dict__", None)


def _load_codebook(codebook):
    if codebook is not None:
        return codebook
    cb = _codebook_module()
    if cb is None or not hasattr(cb, "load_codebook"):
        return None
    return cb.load_codebook()


# ---------------------------------------------------------------------------
# quotation marks


@dataclass
class _QSpan:
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


def _double_marks(qt: str, text: str, ps: int, pe: int) -> list[tuple[int, int, str]]:
    """(position, length, role) of double quotation marks in a paragraph; role is
    ``open``, ``close`` or ``either`` from the curly form and the context."""
    marks = []
    i = ps
    while i < pe:
        c = qt[i]
        if c == '"':
            marks.append((i, 1))
            i += 1
            continue
        if c == "'" and i + 1 < pe and qt[i + 1] == "'" and (i + 2 >= pe or qt[i + 2] != "'"):
            marks.append((i, 2))
            i += 2
            continue
        i += 1
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
        out.append((pos, ln, role))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _find_quote_spans(doc: Document) -> list[_QSpan]:
    text, qt = doc.text, doc.quote_text
    use_single = '"' not in qt and "''" not in qt
    spans: list[_QSpan] = []
    carry = False  # previous paragraph left a quote open
    n_par = doc.n_paragraphs
    for pi in range(n_par):
        ps, pe = (int(x) for x in doc.paragraphs[pi])
        marks = _single_marks(text, ps, pe) if use_single else _double_marks(qt, text, ps, pe)
        # does this paragraph continue an open quote from the previous one?
        starts_with_mark = bool(marks) and marks[0][0] == ps
        cont = carry and starts_with_mark
        open_at: int | None = None
        open_len = 0
        first = True
        k = 0
        while k < len(marks):
            pos, ln, role = marks[k]
            nxt = text[pos + ln] if pos + ln < pe else ""
            prev = text[pos - 1] if pos > ps else ""
            if open_at is None:
                if role == "close" and first and _has_words(text, ps, pos):
                    s, e = _strip(text, ps, pos)
                    spans.append(_QSpan(s, e, ps, pos + ln, pi, "unopened"))
                else:
                    open_at, open_len = pos, ln
            else:
                as_close = True
                if role == "open":
                    # an opening mark while a quote is open: a closer when it ends
                    # the paragraph, is followed by punctuation or is glued to the
                    # preceding word; otherwise the previous quote lacked its closer
                    glued = prev and not prev.isspace()
                    ends = nxt == "" or nxt in ".,;:!?)]}—–" or nxt.isspace() and pos + ln >= pe - 1
                    as_close = bool(glued or ends or (nxt.isspace() and _next_is_lower_or_end(text, pos + ln, pe)))
                if as_close:
                    s, e = _strip(text, open_at + open_len, pos)
                    irr = "open-as-close" if role == "open" else ""
                    q = _QSpan(s, e, open_at, pos + ln, pi, irr)
                    if cont and open_at == ps:
                        q.continues = True
                    spans.append(q)
                    open_at = None
                else:
                    s, e = _strip(text, open_at + open_len, pos)
                    q = _QSpan(s, e, open_at, pos, pi, "unclosed")
                    if cont and open_at == ps:
                        q.continues = True
                    spans.append(q)
                    open_at, open_len = pos, ln
            first = False
            k += 1
        carry = False
        if open_at is not None:
            s, e = _strip(text, open_at + open_len, pe)
            q = _QSpan(s, e, open_at, pe, pi, "unclosed")
            if cont and open_at == ps:
                q.continues = True
            nxt_par = pi + 1 < n_par and _par_starts_with_mark(doc, pi + 1, use_single)
            if nxt_par:
                q.continued = True
                q.irregular = "continued"
                carry = True
            spans.append(q)
    return [q for q in spans if q.end > q.start and _has_words(text, q.start, q.end)]


def _next_is_lower_or_end(text: str, i: int, pe: int) -> bool:
    while i < pe and text[i].isspace():
        i += 1
    return i >= pe or text[i].islower() or text[i] in ".,;:"


def _has_words(text: str, s: int, e: int) -> bool:
    return any(ch.isalnum() for ch in text[s:e])


def _par_starts_with_mark(doc: Document, pi: int, use_single: bool) -> bool:
    ps = int(doc.paragraphs[pi][0])
    c = doc.quote_text[ps]
    return (c == "'" and use_single) or c == '"' or doc.quote_text[ps : ps + 2] == "''"


def _single_marks(text: str, ps: int, pe: int) -> list[tuple[int, int, str]]:
    """Single quotation marks used as quotes (British style), told apart from
    apostrophes: an opener follows a space/start and precedes a letter; a
    closer follows a letter or punctuation and precedes a space, punctuation
    or the end, and is not inside a word."""
    out = []
    for i in range(ps, pe):
        c = text[i]
        if c not in "'‘’":
            continue
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if (prev.isspace() or prev in "([—–-") and (nxt.isalnum() or nxt in "“\""):
            out.append((i, 1, "open"))
        elif (prev.isalnum() or prev in ".,!?—–") and (nxt.isspace() or nxt in ".,;:!?)—–"):
            # plural possessive (`the Michaels' release`) looks the same: only
            # accept a closer when an opener is pending
            out.append((i, 1, "close"))
    # keep closers only after an opener
    kept, open_ = [], False
    for m in out:
        if m[2] == "open" and not open_:
            kept.append(m)
            open_ = True
        elif m[2] == "close" and open_:
            kept.append(m)
            open_ = False
    if open_:
        kept.pop()  # an opener never closed in the paragraph is an apostrophe
    return kept


# ---------------------------------------------------------------------------
# attribution frames: speaker + cue outside the quotation marks


@dataclass
class _Frame:
    cue_tok: int
    cue: str
    lemma: str
    tags: frozenset
    sp_start: int | None = None  # speaker token range [sp_start, sp_end)
    sp_end: int | None = None
    order: str = "sv"  # sv, vs, according, participle
    pronoun: str | None = None
    content: tuple[int, int] | None = None  # char span of indirect content
    sentence: int = 0
    paragraph: int = 0
    # resolved
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    name: str | None = None
    entity: dict | None = None
    attribution: str = "explicit"
    negated: bool = False


class _Ctx:
    """Per-article working state."""

    def __init__(self, doc: Document, codebook):
        self.doc = doc
        self.text = doc.text
        self.codebook = codebook
        self.tok = doc.tokens
        self.strs = doc.token_strings()
        self.lower = [s.lower() for s in self.strs]
        self.tsent = doc.token_sentence
        n = len(self.text)
        self.inq = np.zeros(n + 1, dtype=bool)
        self.titles, self.nouns = _speaker_words()
        self.name_runs = self._name_runs()

    # -- helpers ----------------------------------------------------------
    def tok_in_quote(self, i: int) -> bool:
        return bool(self.inq[self.tok[i][0]])

    def is_cap(self, i: int) -> bool:
        s = self.strs[i]
        return s[:1].isupper()

    def _name_runs(self) -> list[tuple[int, int]]:
        """Runs of capitalised tokens (token ranges) outside sentence starts
        that can be names; used to complete surnames to full names."""
        runs = []
        i, n = 0, len(self.strs)
        while i < n:
            if self.strs[i][:1].isupper() and self.doc.token_is_word[i]:
                j = i
                while j + 1 < n and (
                    (self.strs[j + 1][:1].isupper() and self.doc.token_is_word[j + 1])
                    or (self.strs[j + 1] == "." and self.lower[j].rstrip(".") in self.titles and j + 2 < n
                        and self.strs[j + 2][:1].isupper())
                ) and self.tok[j + 1][0] - self.tok[j][1] <= 1:
                    j += 1
                runs.append((i, j + 1))
                i = j + 1
            else:
                i += 1
        return runs

    def person_name(self, a: int, b: int) -> tuple[str | None, int, int]:
        """The name inside the capitalised tokens [a, b): the tokens after the
        last title word (``Press Secretary Jen Psaki`` -> ``Jen Psaki``)."""
        toks = [k for k in range(a, b) if self.doc.token_is_word[k]]
        while toks and self.lower[toks[0]] in DETERMINERS:
            toks = toks[1:]
        if not toks:
            return None, a, b
        last_title = -1
        for idx, k in enumerate(toks):
            if self.lower[k] in self.titles:
                last_title = idx
        rest = toks[last_title + 1 :]
        if rest and last_title >= 0:
            toks = rest
        s, e = int(self.tok[toks[0]][0]), int(self.tok[toks[-1]][1])
        return self.text[s:e], toks[0], toks[-1] + 1

    def fullest(self, name: str, before: int) -> str:
        """The longest capitalised run in the article that ends with ``name``'s
        last word and contains all of its words (``Cotler`` -> ``Irwin Cotler``)."""
        words = name.split()
        if not words:
            return name
        best = name
        for a, b in self.name_runs:
            run_words = [self.strs[k] for k in range(a, b) if self.doc.token_is_word[k]]
            while run_words and run_words[0].lower() in self.titles | DETERMINERS:
                run_words = run_words[1:]
            if not run_words or run_words[-1] != words[-1] or len(run_words) <= len(best.split()):
                continue
            if not set(words) <= set(run_words) or len(run_words) > 4:
                continue
            if any(w.lower() in _ORG_WORDS for w in run_words) != any(w.lower() in _ORG_WORDS for w in words):
                continue
            best = " ".join(run_words)
        return best


def _is_noun_like(ctx: _Ctx, i: int) -> bool:
    w = ctx.lower[i]
    return ctx.doc.token_is_word[i] and w not in _STOP and w not in speech_verbs()


def _np_backward(ctx: _Ctx, j: int, lo: int) -> tuple[int, int] | None:
    """Token range [a, j+1) of the noun phrase that ends at token j (inclusive),
    read backwards; None when token j cannot end a speaker phrase."""
    if j < lo or ctx.tok_in_quote(j):
        return None
    w = ctx.lower[j]
    if not ctx.doc.token_is_word[j] or w in _STOP or w in speech_verbs():
        return None
    cap_head = ctx.is_cap(j)
    if not cap_head and w not in ctx.nouns and not w.endswith(("ers", "ists", "ians")):
        # a lower-case head must be a known speaker noun or have a determiner close before
        ok = False
        for k in range(j - 1, max(lo, j - 4) - 1, -1):
            if ctx.lower[k] in DETERMINERS:
                ok = True
                break
            if not _is_noun_like(ctx, k) or ctx.tok_in_quote(k):
                break
        if not ok:
            return None
    a = j
    k = j - 1
    n_taken = 1
    while k >= lo and n_taken < 9 and not ctx.tok_in_quote(k):
        s = ctx.strs[k]
        lw = ctx.lower[k]
        if s == "." and k - 1 >= lo and ctx.lower[k - 1] in ctx.titles | {"u.s", "st", "jr"}:
            a = k - 1
            k -= 2
            n_taken += 1
            continue
        if s in {"'s", "’s"} or (lw in {"of", "for", "at"} and k + 1 <= j and ctx.is_cap(k + 1)):
            a = k
            k -= 1
            continue
        if s in {"'", "’"} and k - 1 >= lo:
            a = k
            k -= 1
            continue
        if not ctx.doc.token_is_word[k]:
            break
        if lw in DETERMINERS:
            a = k
            break
        if lw in _STOP or lw in speech_verbs():
            break
        if ctx.is_cap(k) or lw in ctx.titles or lw in ctx.nouns or lw in _NAME_JOINERS or "-" in s:
            a = k
            k -= 1
            n_taken += 1
            continue
        # lower-case modifiers before a lower-case head (senior administration officials)
        if not cap_head and _is_noun_like(ctx, k):
            a = k
            k -= 1
            n_taken += 1
            continue
        break
    # possessive modifier: "Biden's" ... keep; drop a leading preposition-like joiner
    while a < j and ctx.lower[a] in {"of", "for", "at", "'s", "’s"}:
        a += 1
    return a, j + 1


def _np_forward(ctx: _Ctx, i: int, hi: int) -> tuple[int, int] | None:
    """Noun phrase starting at token i (``said [Marc Garneau], ...``)."""
    if i >= hi or ctx.tok_in_quote(i):
        return None
    k = i
    lw = ctx.lower[k]
    if lw in PRONOUNS:
        return (k, k + 1)
    if lw in DETERMINERS:
        k += 1
    b = None
    while k < hi and k - i < 9 and not ctx.tok_in_quote(k):
        s = ctx.strs[k]
        lw = ctx.lower[k]
        if s == "." and ctx.lower[k - 1] in ctx.titles:
            k += 1
            continue
        if not ctx.doc.token_is_word[k] and s not in {"'s", "’s"}:
            break
        if lw in _STOP and lw not in {"of", "for"}:
            break
        if lw in {"of", "for"} and not (k + 1 < hi and (ctx.is_cap(k + 1) or ctx.lower[k + 1] == "the")):
            break
        if ctx.is_cap(k) or lw in ctx.titles or lw in ctx.nouns or lw in {"of", "for", "the"} or s in {"'s", "’s"} or lw in _NAME_JOINERS:
            b = k + 1
            k += 1
            continue
        if _is_noun_like(ctx, k) and not (k + 1 < hi and ctx.lower[k + 1] in speech_verbs()):
            b = k + 1
            k += 1
            continue
        break
    if b is None:
        return None
    while b > i and ctx.lower[b - 1] in {"of", "for", "the", "'s", "’s"}:
        b -= 1
    if b <= i:
        return None
    return (i, b)


def _find_frames(ctx: _Ctx) -> list[_Frame]:
    doc = ctx.doc
    verbs = speech_verbs()
    frames: list[_Frame] = []
    n = len(ctx.strs)
    for c in range(n):
        lw = ctx.lower[c]
        if ctx.tok_in_quote(c):
            continue
        according = lw == "according" and c + 1 < n and ctx.lower[c + 1] == "to"
        if lw not in verbs and not according:
            continue
        si = int(ctx.tsent[c])
        s_lo, s_hi = np.searchsorted(ctx.tsent, [si, si + 1])
        s_lo, s_hi = int(s_lo), int(s_hi)
        if according:
            f = _Frame(c, "according to", "according to", frozenset(), order="according", sentence=si)
            rng = _np_forward(ctx, c + 2, s_hi)
            if rng is None:
                continue
            f.sp_start, f.sp_end = rng
            frames.append(f)
            continue
        lemma, tags = verbs[lw]
        prev = ctx.lower[c - 1] if c > s_lo else ""
        if prev in DETERMINERS or prev in {"to"} and lw not in {"said"}:
            # "the claim", "to say": not a finite cue
            if prev != "to":
                continue
        f = _Frame(c, ctx.strs[c], lemma, tags, sentence=si)
        # negation right before (did not say, declined to comment)
        window = ctx.lower[max(s_lo, c - 3) : c]
        f.negated = any(w in _NEGATORS for w in window)
        # subject before the cue
        j = c - 1
        while j >= s_lo and (ctx.lower[j] in _AUX_ADV or (ctx.lower[j].endswith("ly") and ctx.strs[j].islower())):
            if ctx.tok_in_quote(j):
                break
            j -= 1
        if lw.endswith("ing") and lemma not in {"bring"}:
            # participle: ", saying ..." takes the subject of the sentence
            if j >= s_lo and ctx.strs[j] in {",", "—", "–"} or j < s_lo or ctx.lower[j] in {"and", "before", "after", "while", "when", "by", "in"}:
                f.order = "participle"
                rng = _np_forward(ctx, s_lo, c)
                if rng is not None and rng[1] - rng[0] <= 8:
                    f.sp_start, f.sp_end = rng
                frames.append(f)
            continue
        if prev == "to":
            continue
        rng = None
        if j >= s_lo:
            w = ctx.lower[j]
            if w in PRONOUNS and not ctx.tok_in_quote(j):
                rng = (j, j + 1)
                f.pronoun = w
            elif ctx.strs[j] == "," and not ctx.tok_in_quote(j):
                rng = _apposition(ctx, j, s_lo)
            else:
                rng = _np_backward(ctx, j, s_lo)
                if rng is not None and ctx.lower[rng[0]] in PRONOUNS:
                    rng = None
        if rng is not None:
            f.sp_start, f.sp_end = rng
            frames.append(f)
            continue
        # verb before subject: `,” said Garneau` / `, said the ministry`
        if j >= s_lo and (ctx.strs[j] in {",", "—", "–", ":"} or ctx.tok_in_quote(j)) or j < s_lo:
            rng = _np_forward(ctx, c + 1, s_hi)
            if rng is not None:
                f.order = "vs"
                f.sp_start, f.sp_end = rng
                if ctx.lower[rng[0]] in PRONOUNS:
                    f.pronoun = ctx.lower[rng[0]]
                frames.append(f)
    return frames


def _apposition(ctx: _Ctx, j: int, lo: int) -> tuple[int, int] | None:
    """Subject before ``X, <apposition>, said``: the name before the first comma,
    or the name inside the commas when what precedes is a description."""
    k = j - 1
    while k >= lo and ctx.strs[k] != "," and j - k < 16:
        if ctx.tok_in_quote(k) or ctx.strs[k] in _SENT_END:
            return None
        k -= 1
    if k < lo or ctx.strs[k] != ",":
        return None
    inner = list(range(k + 1, j))
    if not inner:
        return None
    inner_words = [t for t in inner if ctx.doc.token_is_word[t]]
    first = ctx.lower[inner_words[0]] if inner_words else ""
    before = _np_backward(ctx, k - 1, lo)
    inner_caps = [t for t in inner_words if ctx.lower[t] not in DETERMINERS]
    inner_is_name = bool(inner_caps) and all(ctx.is_cap(t) or ctx.lower[t] in _NAME_JOINERS | {"of", "for"} for t in inner_caps) \
        and not all(ctx.lower[t] in ctx.titles for t in inner_caps)
    if before is not None:
        bwords = [t for t in range(*before) if ctx.doc.token_is_word[t]]
        before_is_name = any(ctx.is_cap(t) and ctx.lower[t] not in ctx.titles and ctx.lower[t] not in DETERMINERS for t in bwords)
        if inner_is_name and not before_is_name:
            return inner[0] if first not in DETERMINERS else inner[0], j
        if first in {"who", "which", "whose"} or not inner_is_name or before_is_name:
            return before
    if inner_is_name:
        return inner[0], j
    return None


# ---------------------------------------------------------------------------
# indirect content


def _sentence_range(ctx: _Ctx, si: int) -> tuple[int, int]:
    lo, hi = np.searchsorted(ctx.tsent, [si, si + 1])
    return int(lo), int(hi)


def _indirect_content(ctx: _Ctx, f: _Frame, frames_in_sentence: list[_Frame]) -> tuple[int, int] | None:
    """Character span of the reported content of frame ``f`` or None."""
    lo, hi = _sentence_range(ctx, f.sentence)
    if f.negated or "nocontent" in f.tags:
        return None
    # trailing end: drop final punctuation
    end_tok = hi
    while end_tok > lo and not ctx.doc.token_is_word[end_tok - 1] and not ctx.tok_in_quote(end_tok - 1):
        end_tok -= 1
    if f.order == "according":
        # "According to X, CONTENT." or "CONTENT, according to X."
        if f.sp_end is not None and f.sp_end < end_tok and ctx.strs[f.sp_end] == ",":
            a, b = f.sp_end + 1, end_tok
        else:
            a, b = lo, f.cue_tok
            while b > a and ctx.strs[b - 1] in {",", "—", "–"}:
                b -= 1
        return _tok_span(ctx, a, b)
    # speaker-and-cue at the end of the sentence: "CONTENT, officials said."
    after = f.cue_tok + 1 if f.order != "vs" else (f.sp_end or f.cue_tok + 1)
    rest = [k for k in range(after, end_tok)]
    head = f.sp_start if f.order == "sv" and f.sp_start is not None else f.cue_tok
    if f.order in ("sv", "vs") and all(ctx.lower[k] in _TIME_WORDS or not ctx.doc.token_is_word[k] for k in rest):
        b = head
        while b > lo and ctx.strs[b - 1] in {",", "—", "–"}:
            b -= 1
        if b < head and b > lo:
            a = lo
            # start after an earlier frame in the same sentence
            for g in frames_in_sentence:
                if g is not f and g.cue_tok < b and g.content is not None and g.content[1] <= ctx.tok[b - 1][1]:
                    a = max(a, int(np.searchsorted(ctx.tok[:, 0], g.content[1])))
            return _tok_span(ctx, a, b)
        return None
    if f.order == "vs":
        return None
    # content after the cue
    k = f.cue_tok + 1
    if k < end_tok and ctx.strs[k] in {":", ","}:
        k += 1
    # look for a complementiser "that" after an addressee or adverbials
    limit = 16 if "obj" in f.tags else 9
    that = None
    for m in range(k, min(end_tok, k + limit)):
        if ctx.tok_in_quote(m):
            break
        if ctx.lower[m] == "that":
            that = m
            break
        if ctx.lower[m] in speech_verbs() or (ctx.lower[m] in _STOP and ctx.lower[m] not in {"to", "in", "on", "at", "by", "from", "with", "after", "before"}) and "obj" not in f.tags:
            break
    if that is not None:
        k = that + 1
    elif "obj" in f.tags:
        # told X: the addressee, then content only if "that" or a clause follows
        return None
    else:
        # skip leading time/manner adverbials: "said on Monday the ..."
        m = k
        while m < end_tok and ctx.lower[m] in {"on", "monday", "tuesday", "wednesday", "thursday", "friday",
                                                "saturday", "sunday", "yesterday", "today", "tonight", "late",
                                                "earlier", "last", "week", "night", "this", ","}:
            m += 1
        k = m if m < end_tok and m > k and ctx.strs[m - 1] == "," else k
    if k >= end_tok:
        return None
    # end: a coordinated cue with the same subject ("... and said ...")
    b = end_tok
    for m in range(k, end_tok):
        if ctx.tok_in_quote(m):
            continue
        if ctx.lower[m] == "and":
            nx = m + 1
            while nx < end_tok and ctx.lower[nx] in _AUX_ADV:
                nx += 1
            if nx < end_tok and ctx.lower[nx] in speech_verbs() and not ctx.tok_in_quote(nx):
                b = m
                break
        if ctx.strs[m] == "," and m + 1 < end_tok and (
            (ctx.lower[m + 1] == "according" and m + 2 < end_tok and ctx.lower[m + 2] == "to")
            or (ctx.lower[m + 1].endswith("ing") and ctx.lower[m + 1] in speech_verbs())
        ):
            b = m
            break
    while b > k and ctx.strs[b - 1] in {",", "—", "–", ";", ":"} and not ctx.tok_in_quote(b - 1):
        b -= 1
    return _tok_span(ctx, k, b)


def _tok_span(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    if b <= a:
        return None
    words = sum(1 for t in range(a, b) if ctx.doc.token_is_word[t])
    if words < 2:
        return None
    s, e = int(ctx.tok[a][0]), int(ctx.tok[b - 1][1])
    # do not cut a quotation mark pair: extend to the closing mark when it is just after
    if e < len(ctx.text) and ctx.doc.quote_text[e : e + 1] == '"' and ctx.inq[e]:
        e += 1
    return s, e


# ---------------------------------------------------------------------------
# the main entry point


def _gender_of(ctx: _Ctx, name: str | None, np_words: list[str], entity: dict | None) -> str:
    if entity and entity.get("gender") in ("female", "male"):
        return entity["gender"]
    words = {w.lower().rstrip(".") for w in np_words}
    if words & {"spokeswoman", "mrs", "ms", "miss", "congresswoman", "chairwoman", "queen", "princess", "dame", "lady", "businesswoman"}:
        return "female"
    if words & {"spokesman", "mr", "congressman", "chairman", "king", "prince", "sir", "lord", "businessman"}:
        return "male"
    return "unknown"


def _entity_fields(ent: dict | None) -> dict:
    if not ent:
        return {"speaker_actor_id": None, "side": None, "speaker_kind": None, "speaker_gender": None}
    return {
        "speaker_actor_id": ent.get("actor_id"),
        "side": ent.get("side"),
        "speaker_kind": ent.get("kind"),
        "speaker_gender": ent.get("gender"),
    }


def _looks_org(words: list[str]) -> bool:
    return any(w.lower() in _ORG_WORDS for w in words)


def _resolve_frame(ctx: _Ctx, f: _Frame, history: list[dict]) -> None:
    """Fill the speaker fields of a frame; named speakers are appended to history."""
    if f.sp_start is None:
        # participle without a subject: the last speaker of the sentence/paragraph
        for h in reversed(history):
            f.speaker, f.name, f.entity = h["speaker"], h["name"], h["entity"]
            f.speaker_start, f.speaker_end = h["start"], h["end"]
            f.attribution = "carried-over"
            return
        return
    a, b = f.sp_start, f.sp_end
    s, e = int(ctx.tok[a][0]), int(ctx.tok[b - 1][1])
    f.speaker, f.speaker_start, f.speaker_end = ctx.text[s:e], s, e
    if f.pronoun is not None or ctx.lower[a] in PRONOUNS and b - a == 1:
        p = ctx.lower[a]
        want = PRONOUNS.get(p)
        f.attribution = "pronoun"
        for h in reversed(history[-8:]):
            if p in {"he", "she"}:
                if h["org"] or not h["named"]:
                    continue
                if want and h["gender"] not in (want, "unknown"):
                    continue
            elif p == "it":
                if not h["org"]:
                    continue
            elif p in {"i", "we"}:
                break
            f.name, f.entity = h["name"], h["entity"]
            if want and h["gender"] == "unknown":
                h["gender"] = want
            h["pos"] = s
            return
        # no earlier speaker: the last person name mentioned before
        if p in {"he", "she"}:
            for ra, rb in reversed(ctx.name_runs):
                if ctx.tok[ra][0] >= s:
                    continue
                name, _, _ = ctx.person_name(ra, rb)
                if name and len(name.split()) >= 2 and not _looks_org(name.split()):
                    f.name = ctx.fullest(name, s)
                    f.entity = _resolve(f.name, ctx.codebook)
                    if f.entity and f.entity.get("name"):
                        f.name = f.entity["name"]
                    return
        return
    words = [ctx.strs[k] for k in range(a, b) if ctx.doc.token_is_word[k]]
    caps = [k for k in range(a, b) if ctx.is_cap(k) and ctx.lower[k] not in DETERMINERS]
    named = bool(caps) and not all(ctx.lower[k] in ctx.titles | ctx.nouns for k in caps)
    name = None
    ent = None
    if named:
        # the last run of capitalised tokens is the name (titles stripped)
        k = b - 1
        while k >= a and not (ctx.is_cap(k) and ctx.doc.token_is_word[k]):
            k -= 1
        r_end = k + 1
        while k - 1 >= a and (ctx.is_cap(k - 1) or ctx.lower[k - 1] in _NAME_JOINERS | {"of", "for", "'s", "’s"}
                              or (ctx.strs[k - 1] == "." and k - 2 >= a)):
            k -= 1
        # try the codebook on suffixes of the run, longest first
        for st in range(k, r_end):
            if not ctx.doc.token_is_word[st] or ctx.lower[st] in {"of", "for"}:
                continue
            cand = ctx.text[int(ctx.tok[st][0]) : int(ctx.tok[r_end - 1][1])]
            ent = _resolve(cand, ctx.codebook)
            if ent:
                name = ent.get("name") or cand
                break
        if name is None:
            name, _, _ = ctx.person_name(k, r_end)
            if name:
                full = ctx.fullest(name, s)
                ent = _resolve(full, ctx.codebook)
                name = (ent.get("name") if ent else None) or full
    else:
        name = " ".join(w for w in words if w.lower() not in DETERMINERS) or None
        if name and name[:1].isupper() and name.lower() in ctx.nouns | ctx.titles:
            name = name.lower()
        ent = _resolve(name, ctx.codebook) if name else None
    f.name, f.entity = name, ent
    org = (ent.get("kind") in ("organisation", "country", "group")) if ent and ent.get("kind") else _looks_org(words) or not named
    history.append({
        "speaker": f.speaker, "name": name, "entity": ent, "start": s, "end": e,
        "named": named, "org": org, "gender": _gender_of(ctx, name, words, ent), "pos": s,
    })


def _mark_quotes(ctx: _Ctx, spans: list[_QSpan]) -> None:
    for q in spans:
        ctx.inq[q.outer_start : q.outer_end] = True


def _classify(ctx: _Ctx, q: _QSpan) -> None:
    """direct or partial (or scare) from what precedes the opening mark."""
    text = ctx.text
    ps = int(ctx.doc.paragraphs[q.paragraph][0])
    if q.irregular == "unopened" or q.outer_start <= ps or q.continues:
        q.kind = "direct"
        return
    i = q.outer_start - 1
    while i >= ps and text[i].isspace():
        i -= 1
    prev_char = text[i] if i >= ps else ""
    if prev_char in ":,.!?;—–-" or ctx.doc.quote_text[i : i + 1] in {'"', "'"}:
        q.kind = "direct"
        return
    # the word before the mark
    t = int(np.searchsorted(ctx.tok[:, 1], i + 1)) if i >= ps else 0
    prev_word = ctx.lower[t] if 0 <= t < len(ctx.lower) and ctx.tok[t][1] == i + 1 else ""
    if prev_word in speech_verbs() and prev_word not in {"that"}:
        q.kind = "direct"
        return
    q.kind = "partial"
    n_words = len(re.findall(r"\w+", text[q.start : q.end]))
    if n_words <= 4:
        before = re.findall(r"[\w-]+", text[max(ps, q.outer_start - 40) : q.outer_start].lower())
        for cue in _scare_cues():
            if len(before) >= len(cue) and tuple(before[-len(cue) :]) == cue:
                q.scare = True
                return


def _article_quotes(doc: Document, codebook, mentions=None) -> list[dict]:
    ctx = _Ctx(doc, codebook)
    spans = _find_quote_spans(doc)
    _mark_quotes(ctx, spans)
    for q in spans:
        _classify(ctx, q)
    frames = _find_frames(ctx)
    # resolve speakers in text order (pronouns need the earlier speakers)
    history: list[dict] = []
    frames.sort(key=lambda f: f.cue_tok)
    by_sentence: dict[int, list[_Frame]] = {}
    for f in frames:
        f.paragraph = int(doc.sentence_paragraph[f.sentence]) if doc.n_sentences else 0
        by_sentence.setdefault(f.sentence, []).append(f)
    for f in frames:
        _resolve_frame(ctx, f, history)
    for si, fs in by_sentence.items():
        taken_until = -1
        for f in fs:
            if f.cue_tok <= taken_until:
                continue  # a cue inside the content of an earlier cue (nested)
            f.content = _indirect_content(ctx, f, fs)
            if f.content is not None:
                taken_until = int(np.searchsorted(ctx.tok[:, 0], f.content[1]))
    rows: list[dict] = []

    def frame_row(kind, s, e, f: _Frame | None, attribution, conf, q: _QSpan | None = None):
        ent = f.entity if f is not None else None
        row = {
            "article_id": doc.article_id,
            "kind": kind,
            "start": s,
            "end": e,
            "speaker": f.speaker if f else None,
            "speaker_start": f.speaker_start if f else None,
            "speaker_end": f.speaker_end if f else None,
            "speaker_name": f.name if f else None,
            "cue": f.cue if f else None,
            "attribution": attribution if f and f.name or f and f.speaker else "none",
            "confidence": conf,
            "irregular": q.irregular if q is not None else "",
            **_entity_fields(ent),
        }
        return row

    # direct and partial quotes
    par_speaker: dict[int, _Frame] = {}  # last frame used in each paragraph
    frames_by_par: dict[int, list[_Frame]] = {}
    for f in frames:
        frames_by_par.setdefault(f.paragraph, []).append(f)
    last_direct_frame: _Frame | None = None
    for q in spans:
        if q.scare:
            continue
        f, how = _attribute_span(ctx, q, frames_by_par.get(q.paragraph, []))
        attribution = "explicit"
        conf = {"adjacent": 0.9, "sentence": 0.8, "paragraph": 0.7}.get(how, 0.5)
        if f is None and (q.continues or (q.kind == "direct" and q.outer_start <= int(doc.paragraphs[q.paragraph][0]))):
            # a paragraph of quotation with no attribution: the previous speaker
            prev = par_speaker.get(q.paragraph - 1) or (par_speaker.get(q.paragraph - 2) if q.continues else None)
            if prev is None and q.continues:
                prev = last_direct_frame
            if prev is not None:
                f, attribution, conf = prev, "carried-over", 0.6
        if f is None and q.kind == "partial":
            prev = par_speaker.get(q.paragraph) or par_speaker.get(q.paragraph - 1)
            if prev is not None:
                f, attribution, conf = prev, "carried-over", 0.45
        if f is not None and attribution == "explicit" and f.attribution in ("pronoun", "carried-over"):
            attribution = f.attribution
            conf -= 0.1
        if q.irregular and q.irregular != "continued":
            conf -= 0.1
        row = frame_row(q.kind, q.start, q.end, f, attribution, round(max(conf, 0.1), 2) if f else 0.2, q)
        rows.append(row)
        if f is not None:
            par_speaker[q.paragraph] = f
            if q.kind == "direct":
                last_direct_frame = f
    # indirect quotes
    for f in frames:
        if f.content is None:
            continue
        s, e = f.content
        # content that is only one quotation is not an indirect quote
        inner = ctx.inq[s:e]
        letters = [i for i in range(s, e) if ctx.text[i].isalnum()]
        outside = sum(1 for i in letters if not inner[i - s])
        if outside < max(3, 0.25 * len(letters)):
            continue
        if f.name is None and f.speaker is None:
            continue
        attribution = f.attribution if f.attribution in ("pronoun", "carried-over") else "explicit"
        conf = {"explicit": 0.7, "pronoun": 0.6, "carried-over": 0.5}[attribution]
        rows.append(frame_row("indirect", s, e, f, attribution, conf))
        par_speaker.setdefault(f.paragraph, f)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    # partial quotes inside indirect ones
    indirect = [(r["start"], r["end"], k) for k, r in enumerate(rows) if r["kind"] == "indirect"]
    for k, r in enumerate(rows):
        r["quote_id"] = f"{doc.article_id}-q{k + 1}"
    for r in rows:
        r["parent_quote_id"] = None
        if r["kind"] == "partial":
            for s, e, k in indirect:
                if s <= r["start"] and r["end"] <= e:
                    r["parent_quote_id"] = rows[k]["quote_id"]
                    parent = rows[k]
                    if r["attribution"] in ("none", "carried-over") and parent["speaker"]:
                        for col in ("speaker", "speaker_start", "speaker_end", "speaker_name", "cue",
                                    "speaker_actor_id", "side", "speaker_kind", "speaker_gender"):
                            r[col] = parent[col]
                        r["attribution"] = parent["attribution"]
                        r["confidence"] = parent["confidence"]
                    break
        r["text"] = doc.text[r["start"] : r["end"]]
        r["paragraph"] = int(doc.paragraph_at(r["start"])) + 1
        r["sentence"] = int(doc.sentence_at(r["start"])) + 1
        lo, hi = np.searchsorted(doc.tokens[:, 0], [r["start"], r["end"]])
        r["n_words"] = int(doc.token_is_word[lo:hi].sum())
    return rows


def _attribute_span(ctx: _Ctx, q: _QSpan, frames: list[_Frame]) -> tuple[_Frame | None, str]:
    """The frame that attributes quotation ``q`` and how close it is."""
    if not frames:
        return None, ""
    text = ctx.text
    usable = [f for f in frames if f.speaker is not None or f.name is not None]
    if not usable:
        return None, ""
    # adjacent after the closing mark: `,” Psaki said.`, `,” said Garneau`
    for f in usable:
        first_tok = min(f.cue_tok, f.sp_start if f.sp_start is not None else f.cue_tok)
        gap_s = q.outer_end
        gap_e = int(ctx.tok[first_tok][0])
        if 0 <= gap_e - gap_s <= 3 and not any(ch.isalnum() for ch in text[gap_s:gap_e]):
            return f, "adjacent"
    # adjacent before the opening mark: `Graham said, “` / `said in a statement: “`
    for f in usable:
        last_tok = max(f.cue_tok, (f.sp_end - 1) if f.sp_end is not None else f.cue_tok)
        gap_s = int(ctx.tok[last_tok][1])
        gap_e = q.outer_start
        between = text[gap_s:gap_e]
        if 0 <= gap_e - gap_s <= 40 and not re.search(r"[.!?]", between) and (
            not any(ch.isalnum() for ch in between)
            or all(w.lower() in _TIME_WORDS or w.lower() == "that" for w in re.findall(r"[\w-]+", between))
        ):
            return f, "adjacent"
    # a frame whose indirect content contains the quote (partial inside paraphrase)
    for f in usable:
        if f.content and f.content[0] <= q.start and q.end <= f.content[1]:
            return f, "sentence"
    # the same sentence
    qs = ctx.doc.sentence_at(q.start)
    same = [f for f in usable if f.sentence == qs or f.sentence == ctx.doc.sentence_at(max(q.end - 1, q.start))]
    if same:
        return same[0], "sentence"
    if q.kind == "partial":
        return None, ""
    # the nearest in the paragraph, preferring one before the quote
    before = [f for f in usable if ctx.tok[f.cue_tok][0] < q.outer_start]
    if before:
        return before[-1], "paragraph"
    return usable[0], "paragraph"


def extract_quotes(docs, *, codebook=None, mentions=None) -> pd.DataFrame:
    """Every direct, partial and indirect quote in ``docs``, one row per quote.

    ``docs`` is an articles table (:func:`analysis.load_corpus`), a list of
    :class:`~analysis.text.Document` or one body string.  ``codebook`` is the
    actor table (default: :func:`analysis.codebook.load_codebook`'s); speakers
    are linked through :func:`analysis.codebook.resolve_actor`.  ``mentions``
    is accepted for the pipeline's sake and not needed (speakers are found
    from the text).

    Columns (see ``docs/CONTRACTS.md``): ``article_id``, ``quote_id``
    (``<article_id>-q<n>`` in text order), ``kind`` (direct, partial,
    indirect), ``text`` (== ``body[start:end]``: the quoted words without the
    quotation marks, or the reported content), ``start``, ``end``,
    ``paragraph``, ``sentence`` (1-based, of the quote's start), ``n_words``,
    ``speaker`` (the subject as written, e.g. ``he``), ``speaker_start``,
    ``speaker_end``, ``speaker_name`` (codebook name, else the fullest name the
    article gives; for an unnamed speaker the noun phrase without article,
    e.g. ``senior officials``), ``speaker_actor_id``, ``side``,
    ``speaker_kind``, ``speaker_gender`` (from the codebook; missing when the
    speaker is not in it), ``cue`` (the cue word as written), ``attribution``
    (explicit, pronoun, carried-over, none), ``confidence`` (ordinal 0..1,
    see the module docstring), ``parent_quote_id`` (for a partial quote inside
    an indirect one), ``irregular`` (how the quotation marks were irregular:
    unopened, open-as-close, unclosed, continued; empty when regular)."""
    documents = segment_articles(docs)
    cb = _load_codebook(codebook)
    rows: list[dict] = []
    for d in documents:
        rows.extend(_article_quotes(d, cb, mentions))
    if not rows:
        return _empty_quotes()
    df = pd.DataFrame(rows)[QUOTE_COLUMNS]
    for col in ("start", "end", "paragraph", "sentence", "n_words"):
        df[col] = df[col].astype("int64")
    for col in ("speaker_start", "speaker_end"):
        df[col] = df[col].astype("Int64")
    df["confidence"] = df["confidence"].astype(float)
    return df.reset_index(drop=True)


def _empty_quotes() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in QUOTE_COLUMNS})
    for col in ("start", "end", "paragraph", "sentence", "n_words"):
        df[col] = df[col].astype("int64")
    df["confidence"] = df["confidence"].astype(float)
    return df
