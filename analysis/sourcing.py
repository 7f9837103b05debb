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
of its own takes the speaker of the previous paragraph, or failing that of the
quotation paragraph right after it (``carried-over``).  A partial quote with
no cue in its sentence takes the sentence's subject when that is a name or a
pronoun ("She tried to rally supporters by wondering aloud “why ...”"); a
short one (at most 4 words) with no speaker in its sentence is a scare quote
or a title and gives no row.
Pronouns (``he said``) are resolved to the most recent earlier named speaker
whose gender fits (``pronoun``).  Names are completed to the fullest form the
article gives (``Cotler`` -> ``Irwin Cotler``) and linked to the actor
codebook through :func:`analysis.actors.codebook.resolve_actor` for ``actor_id``,
``side``, ``kind`` and ``gender``; unknown speakers keep their name.

``confidence`` is an ordinal score in 0..1 set by rule from how the quote and
its speaker were found: 0.9 an attribution next to the quotation marks, 0.8
in the same sentence, 0.7 elsewhere in the paragraph (0.1 less for a pronoun
and for irregular marks), 0.7 an indirect quote (0.6 with a pronoun), 0.5 a
carried-over speaker, 0.4-0.45 a partial quote without a cue, 0.2 no speaker.
It is not a calibrated probability; the README reports the measured speaker
accuracy per attribution type (explicit and pronoun about 95%, carried-over
under 50% on PolNeAR), which is the better guide.

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
import itertools
import math
import operator
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from analysis.names import gendered_words, name_particles, speech_verbs
from analysis.names import looks_like_organisation as _looks_org
from analysis.names import speaker_words as _speaker_words
from analysis.resources import read_word_list
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
    "speaker_gender_basis",
    "speaker_affiliation",
    "speaker_affiliation_start",
    "speaker_affiliation_end",
    "side_basis",
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
def _cue_words() -> frozenset[str]:
    """The words that can start an attribution frame: cue forms and ``according``."""
    return frozenset(speech_verbs()) | {"according"}


@functools.cache
def _word_unions() -> dict[str, frozenset[str]]:
    """Unions of the speaker word lists tested often (built once, not per test)."""
    titles, nouns = _speaker_words()
    return {
        "titles_abbr": titles | {"u.s", "st", "jr"},
        "titles_nouns": titles | nouns,
        "titles_nouns_stop": titles | nouns | _STOP,
        "not_name": DETERMINERS | titles | nouns,
    }


@functools.cache
def _scare_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in read_word_list("scare_cues.txt"))


@functools.cache
def _scare_cues_by_last() -> dict[str, list[tuple[str, ...]]]:
    """The scare cues by their last word (a cue must end the words before the mark)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in _scare_cues():
        out.setdefault(cue[-1], []).append(cue)
    return out


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
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "tonight",
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
_NAME_JOINERS = name_particles()
_NEGATORS = {"not", "n't", "never", "declined", "refused", "decline", "refuse"}
_VERBISH = {"is", "was", "were", "are", "had", "has", "have", "would", "will", "could", "should", "did", "does",
            "do", "can", "may", "might", "must", "'s", "’s"}
# a participle cue after these takes the sentence's subject ("a statement saying")
_PARTICIPLE_AFTER = {"and", "before", "after", "while", "when", "by", "in", "statement", "message", "tweet",
                     "letter", "post", "email", "e-mail", "note", "release", "video", "ad", "interview", "speech",
                     "report", "remarks", "comments", "memo", "op-ed", "column", "posting", "filing"}
# after "that": a relative clause, not reported content
_RELATIVE_NEXT = {"was", "is", "were", "are", "has", "had", "have", "will", "would", "could", "can", "includes",
                  "included", "said", "says", "appeared", "ran"}
# a cue followed by one of these has an adverbial after it, not content
_ADVERBIAL_START = {"in", "at", "during", "on", "as", "after", "before", "while", "when", "for", "from", "with",
                    "to", "about", "of", "through", "via", "over", "under", "following", "answering",
                    "responding", "speaking", "referring", "adding", "earlier", "later", "afterward",
                    "afterwards", "then", "again", "recently", "by", "outside",
                    "inside", "alongside", "onstage", "here", "there", "privately", "publicly"}
_STOP_OR_ADVERBIAL = frozenset(_STOP | _ADVERBIAL_START)
_JOINERS_OF = frozenset(_NAME_JOINERS | {"of", "for"})
_JOINERS_OF_POSS = frozenset(_NAME_JOINERS | {"of", "for", "'s", "’s"})
_TAG_RE = re.compile(r"<[/!]?[A-Za-z][^<>\n]{0,300}>")
_DOUBLE_MARK_RE = re.compile(r"\"|''(?!')")
_SINGLE_MARK_RE = re.compile(r"['‘’]")
_WORD_RE = re.compile(r"\w+")
_ALNUM_RE = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
_HYPHEN_WORD_RE = re.compile(r"[\w-]+")
_SENT_END_RE = re.compile(r"[.!?]")
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
# codebook adapter (analysis.actors.codebook is written in parallel)


@functools.cache
def _codebook_module():
    try:
        import analysis.actors.codebook as cb  # noqa: F401

        return cb
    except ImportError:
        return None


def _resolve(name: str, codebook) -> dict | None:
    """The codebook entry for ``name`` as a dict (``actor_id``, ``name``,
    ``side``, ``kind``, ``gender``) or None.  Uses
    :func:`analysis.actors.codebook.resolve_actor` when that module is installed."""
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
    """The codebook as a table: the given one, the file at a given path, or
    the shipped one for None."""
    if isinstance(codebook, pd.DataFrame):
        return codebook
    cb = _codebook_module()
    if cb is None or not hasattr(cb, "load_codebook"):
        return codebook
    return cb.load_codebook(codebook)


# ---------------------------------------------------------------------------
# quotation marks


@dataclass(slots=True)
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
    par = doc.paragraphs.tolist()
    for pi in range(n_par):
        ps, pe = par[pi]
        if use_single:
            marks = _single_marks(text, ps, pe)
        elif qt.find('"', ps, pe) < 0 and qt.find("''", ps, pe) < 0:
            marks = []
        else:
            marks = _double_marks(qt, text, ps, pe)
        if not marks:
            carry = False
            continue
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
    return _ALNUM_RE.search(text, s, e) is not None


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
    for m in _SINGLE_MARK_RE.finditer(text, ps, pe):
        i = m.start()
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


@dataclass(slots=True)
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
    """Per-article working state.

    Token attributes are kept as plain lists (offsets, strings, lower case,
    word flags, capitalisation, in-quote flags): the rules below read them
    token by token, and list indexing is many times cheaper than indexing the
    numpy arrays of :class:`Document` one element at a time."""

    def __init__(self, doc: Document, codebook, resolved: dict | None = None):
        self.doc = doc
        self.text = doc.text
        self.codebook = codebook
        self.tok = doc.tokens
        self.starts = doc.tokens[:, 0].tolist()
        self.ends = doc.tokens[:, 1].tolist()
        self.strs = doc.token_strings()
        self.lower = list(map(str.lower, self.strs))
        self.isw = doc.token_is_word.tolist()
        self.cap = _first_upper(doc.text, doc.tokens[:, 0])
        self.tsl = doc.token_sentence.tolist()
        # token range of sentence si: [sent_bounds[si], sent_bounds[si + 1])
        top = max(len(doc.sentences), self.tsl[-1] + 1 if self.tsl else 1) + 1
        self.sent_bounds = np.searchsorted(doc.token_sentence, np.arange(top)).tolist()
        self.par_starts = doc.paragraphs[:, 0].tolist()
        self.par_ends = doc.paragraphs[:, 1].tolist()
        self.sent_starts = doc.sentences[:, 0].tolist()
        n = len(self.text)
        self.inq = np.zeros(n + 1, dtype=bool)
        self.tiq = [False] * len(self.strs)  # token starts inside quotation marks
        self.titles, self.nouns = _speaker_words()
        self.unions = _word_unions()
        self._name_runs: list[tuple[int, int]] | None = None
        self._runs_by_last: dict[str, list[tuple[int, int]]] = {}
        self._run_words: dict[tuple[int, int], tuple] = {}
        self._fullest: dict[str, str] = {}
        self._cap_positions: dict[str, list[int]] | None = None
        self._cands_by_last: dict[str, list[tuple]] = {}
        self._run_person: dict[int, str | None] = {}
        self._run_starts: list[int] | None = None
        self.resolved = {} if resolved is None else resolved

    # -- helpers ----------------------------------------------------------
    def sentence_range(self, si: int) -> tuple[int, int]:
        """Token range of sentence ``si`` (``np.searchsorted`` on the token
        sentences, precomputed)."""
        return self.sent_bounds[si], self.sent_bounds[si + 1]

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def paragraph_at(self, offset: int) -> int:
        """:meth:`Document.paragraph_at` on the precomputed list."""
        return max(bisect_right(self.par_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> int:
        """:meth:`Document.sentence_at` on the precomputed list."""
        return max(bisect_right(self.sent_starts, offset) - 1, 0)

    def n_words(self, a: int, b: int) -> int:
        """Word tokens among tokens [a, b)."""
        return sum(self.isw[a:b])

    def resolve(self, name: str | None) -> dict | None:
        """:func:`_resolve` memoised over the call (the same names recur in
        every article and the codebook lookup is the costly part)."""
        if name in self.resolved:
            return self.resolved[name]
        hit = self.resolved[name] = _resolve(name, self.codebook)
        return hit

    # -- name runs: capitalised tokens that can form a name ------------------
    def _link(self, j: int) -> bool:
        """Does token ``j + 1`` continue a name run holding token ``j``?  It
        does when it is a capitalised word, or a period after a title followed
        by a capital (``Mr. Smith``), at most one character after token j."""
        k = j + 1
        if self.starts[k] - self.ends[j] > 1:
            return False
        if self.cap[k] and self.isw[k]:
            return True
        return self.strs[k] == "." and self.lower[j].rstrip(".") in self.titles and k + 1 < len(self.strs) \
            and self.cap[k + 1]

    @property
    def name_runs(self) -> list[tuple[int, int]]:
        """Runs of capitalised tokens (token ranges) outside sentence starts
        that can be names; used to complete surnames to full names.  A run
        starts at a capitalised word and goes on while :meth:`_link` holds.
        Computed on first use."""
        if self._name_runs is None:
            runs = []
            n = len(self.strs)
            nxt = 0
            for i in itertools.compress(range(n), map(operator.and_, self.cap, self.isw)):
                if i < nxt:
                    continue  # inside the previous run
                j = i
                while j + 1 < n and self._link(j):
                    j += 1
                runs.append((i, j + 1))
                nxt = j + 1
            self._name_runs = runs
        return self._name_runs

    def _run_at(self, k: int) -> tuple[int, int]:
        """The name run holding token ``k``, a capitalised word: the tokens
        linked to it before and after (the same run :attr:`name_runs` has)."""
        a = k
        while a > 0 and self._link(a - 1) and (
                self.cap[a - 1] and self.isw[a - 1]
                # a period is in a run when a capitalised word links to it
                or a > 1 and self.strs[a - 1] == "." and self.cap[a - 2] and self.isw[a - 2] and self._link(a - 2)):
            a -= 1
        e = k
        n = len(self.strs)
        while e + 1 < n and self._link(e):
            e += 1
        return a, e + 1

    def runs_ending_with(self, word: str) -> list[tuple[int, int]]:
        """The name runs whose last word is ``word``, in text order, found
        from the occurrences of ``word`` (no need to build every run)."""
        if word not in self._runs_by_last:
            out = []
            for k in self._capitalised_positions().get(word, ()):  # a run's last word is a capitalised word
                a, b = self._run_at(k)
                last = b - 1
                while not self.isw[last]:
                    last -= 1  # a run can end in a period (`Mr.`)
                if last == k:
                    out.append((a, b))
            self._runs_by_last[word] = out
        return self._runs_by_last[word]

    def _capitalised_positions(self) -> dict[str, list[int]]:
        """Token positions of every capitalised word, by word, in text order
        (one pass over the tokens, on first use)."""
        if self._cap_positions is None:
            where: dict[str, list[int]] = {}
            for k in itertools.compress(range(len(self.strs)), map(operator.and_, self.cap, self.isw)):
                where.setdefault(self.strs[k], []).append(k)
            self._cap_positions = where
        return self._cap_positions

    def _candidates_ending_with(self, word: str) -> list[tuple]:
        """The distinct :meth:`_candidate_name` values of the runs ending with
        ``word``, in the order of their first run: the same run words twice
        can never change :meth:`fullest`'s choice, and a long article repeats
        its names thousands of times."""
        if word not in self._cands_by_last:
            seen: dict[tuple, tuple] = {}
            for run in self.runs_ending_with(word):
                cand = self._candidate_name(run)
                seen.setdefault(tuple(cand[0]), cand)
            self._cands_by_last[word] = list(seen.values())
        return self._cands_by_last[word]

    def person_name(self, a: int, b: int) -> tuple[str | None, int, int]:
        """The name inside the capitalised tokens [a, b): the tokens after the
        last title word (``Press Secretary Jen Psaki`` -> ``Jen Psaki``)."""
        toks = [k for k in range(a, b) if self.isw[k]]
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
        s, e = self.starts[toks[0]], self.ends[toks[-1]]
        return self.text[s:e], toks[0], toks[-1] + 1

    def fullest(self, name: str, before: int) -> str:
        """The longest capitalised run in the article that ends with ``name``'s
        last word and contains all of its words (``Cotler`` -> ``Irwin Cotler``)."""
        if name in self._fullest:
            return self._fullest[name]
        words = name.split()
        if not words:
            return name
        best = name
        n_best = len(words)
        wset = set(words)
        org = _looks_org(words)
        for run_words, run_set, run_org in self._candidates_ending_with(words[-1]):  # the only runs that can match
            if not run_words or len(run_words) <= n_best or len(run_words) > 4 or not wset <= run_set \
                    or run_org != org:
                continue
            best = " ".join(run_words)
            n_best = len(best.split())
        self._fullest[name] = best
        return best

    def _candidate_name(self, run: tuple[int, int]) -> tuple:
        """The words of a name run without leading titles and function words,
        as a list, a set, and whether they look like an organisation."""
        if run not in self._run_words:
            a, b = run
            run_words = [self.strs[k] for k in range(a, b) if self.isw[k]]
            while run_words and _not_name_start(run_words[0], self.titles):
                run_words = run_words[1:]
            self._run_words[run] = (run_words, set(run_words), _looks_org(run_words))
        return self._run_words[run]

    def last_person_before(self, s: int) -> str | None:
        """The person name (two words or more, not an organisation) of the
        last name run that starts before offset ``s``, or None."""
        if self._run_starts is None:
            self._run_starts = [self.starts[a] for a, _ in self.name_runs]
        for r in range(bisect_left(self._run_starts, s) - 1, -1, -1):
            if r not in self._run_person:
                name, _, _ = self.person_name(*self.name_runs[r])
                ok = name and len(name.split()) >= 2 and not _looks_org(name.split())
                self._run_person[r] = name if ok else None
            if self._run_person[r] is not None:
                return self._run_person[r]
        return None


def _first_upper(text: str, starts: np.ndarray) -> list[bool]:
    """``text[i].isupper()`` for every offset in ``starts`` (is a token's
    first character upper case): A-Z for ASCII characters, read from the code
    points in one array operation, ``str.isupper`` for the others."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[starts]
    upper = (codes >= 65) & (codes <= 90)
    for i in np.flatnonzero(codes >= 128).tolist():
        upper[i] = text[int(starts[i])].isupper()
    return upper.tolist()


def _not_name_start(word: str, titles: frozenset[str]) -> bool:
    """A word that cannot start a person's name: a title, an article, a
    function word capitalised at a sentence start, an abbreviation (``U.S.``)."""
    lw = word.lower()
    return lw in titles or lw in DETERMINERS or lw in _STOP or "." in word or (word.isupper() and len(word) <= 3)


def _is_noun_like(ctx: _Ctx, i: int) -> bool:
    w = ctx.lower[i]
    return ctx.isw[i] and w not in _STOP and w not in speech_verbs()


def _np_backward(ctx: _Ctx, j: int, lo: int) -> tuple[int, int] | None:
    """Token range [a, j+1) of the noun phrase that ends at token j (inclusive),
    read backwards; None when token j cannot end a speaker phrase."""
    if j < lo or ctx.tiq[j]:
        return None
    w = ctx.lower[j]
    if not ctx.isw[j] or w in _STOP or w in speech_verbs():
        return None
    cap_head = ctx.cap[j]
    if not cap_head and w not in ctx.nouns and not w.endswith(("ers", "ists", "ians")):
        # a lower-case head must be a known speaker noun or have a determiner close before
        ok = False
        for k in range(j - 1, max(lo, j - 4) - 1, -1):
            if ctx.lower[k] in DETERMINERS:
                ok = True
                break
            if not _is_noun_like(ctx, k) or ctx.tiq[k]:
                break
        if not ok:
            return None
    a = j
    k = j - 1
    n_taken = 1
    while k >= lo and n_taken < 9 and not ctx.tiq[k]:
        s = ctx.strs[k]
        lw = ctx.lower[k]
        if s == "." and k - 1 >= lo and ctx.lower[k - 1] in ctx.unions["titles_abbr"]:
            a = k - 1
            k -= 2
            n_taken += 1
            continue
        if s in {"'s", "’s"} or (lw in {"of", "for", "at"} and k + 1 <= j and ctx.cap[k + 1]):
            a = k
            k -= 1
            continue
        if s in {"'", "’"} and k - 1 >= lo:
            a = k
            k -= 1
            continue
        if not ctx.isw[k]:
            break
        if lw in DETERMINERS:
            a = k
            break
        if lw in _STOP or lw in speech_verbs():
            break
        if ctx.cap[k] or lw in ctx.titles or lw in ctx.nouns or lw in _NAME_JOINERS or "-" in s:
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
    if i >= hi or ctx.tiq[i]:
        return None
    k = i
    lw = ctx.lower[k]
    if lw in PRONOUNS:
        return (k, k + 1)
    if lw in {"of", "for", "at"} or not ctx.isw[k]:
        return None
    if lw in DETERMINERS:
        k += 1
    b = None
    while k < hi and k - i < 9 and not ctx.tiq[k]:
        s = ctx.strs[k]
        lw = ctx.lower[k]
        if s == "." and ctx.lower[k - 1] in ctx.titles:
            k += 1
            continue
        if not ctx.isw[k] and s not in {"'s", "’s"}:
            break
        if lw in _STOP and lw not in {"of", "for"}:
            break
        if lw in {"of", "for"} and not (k + 1 < hi and (ctx.cap[k + 1] or ctx.lower[k + 1] == "the")):
            break
        if ctx.cap[k] or lw in ctx.titles or lw in ctx.nouns or lw in {"of", "for", "the"} or s in {"'s", "’s"} or lw in _NAME_JOINERS:
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
    verbs = speech_verbs()
    frames: list[_Frame] = []
    n = len(ctx.strs)
    # only cue words and "according" can start a frame
    for c in itertools.compress(range(n), map(_cue_words().__contains__, ctx.lower)):
        lw = ctx.lower[c]
        if ctx.tiq[c]:
            continue
        according = lw == "according" and c + 1 < n and ctx.lower[c + 1] == "to"
        if lw not in verbs and not according:
            continue
        if not according and ctx.strs[c] != lw:
            continue  # "States", "Post": capitalised forms are names, not cues
        si = ctx.tsl[c]
        s_lo, s_hi = ctx.sentence_range(si)
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
        bare = lw == lemma or lw == lemma + "s" or lw == lemma + "es"
        if (prev in DETERMINERS and bare) or prev in {"to"} and lw not in {"said"}:
            # "the claim", "to say": not a finite cue
            if prev != "to":
                continue
        f = _Frame(c, ctx.strs[c], lemma, tags, sentence=si)
        # negation right before (did not say, declined to comment)
        window = ctx.lower[max(s_lo, c - 3) : c]
        f.negated = any(w in _NEGATORS for w in window)
        # subject before the cue
        j = c - 1
        while j >= s_lo and (ctx.lower[j] in _AUX_ADV or (ctx.lower[j].endswith("ly") and ctx.strs[j].islower())
                             or ctx.lower[j].endswith(("n't", "n’t"))):
            if ctx.tiq[j]:
                break
            if ctx.lower[j].endswith(("n't", "n’t")):
                f.negated = True
            j -= 1
        if lw.endswith("ing") and lemma not in {"bring"}:
            # participle: ", saying ..." and "a statement saying ..." take the
            # subject of the sentence
            if j >= s_lo and ctx.strs[j] in {",", "—", "–"} or j < s_lo or ctx.lower[j] in _PARTICIPLE_AFTER:
                f.order = "participle"
                start = s_lo
                first = _np_forward(ctx, s_lo, c)
                if first is not None and first[1] - first[0] == 1 and first[1] < c and (
                        ctx.strs[first[1]] == "," or ctx.lower[first[0]].endswith(("ing", "ed"))):
                    # "Meanwhile, it attacked ...", "Continuing to explain ..., Carson ..."
                    start = first[1] + 1
                    for t in range(first[1], c):
                        if ctx.strs[t] == ",":
                            start = t + 1
                            break
                elif first is None and ctx.lower[s_lo] in _STOP_OR_ADVERBIAL:
                    for t in range(s_lo, c):  # "In a statement, the ministry ..."
                        if ctx.strs[t] == ",":
                            start = t + 1
                            break
                rng = _np_forward(ctx, start, c)
                if rng is not None and rng[1] - rng[0] <= 8:
                    f.sp_start, f.sp_end = rng
                frames.append(f)
            continue
        if prev == "to":
            continue
        rng = None
        if j >= s_lo and ctx.lower[j] == "and" and frames and frames[-1].sentence == si and frames[-1].sp_start is not None:
            # "Hua reiterated that ... and said ...": the same subject
            g = frames[-1]
            f.sp_start, f.sp_end, f.pronoun, f.order = g.sp_start, g.sp_end, g.pronoun, g.order
            frames.append(f)
            continue
        if j - 1 >= s_lo and ctx.lower[j] == "who" and ctx.strs[j - 1] == ",":
            f.order = "relative"
            # "Sen. Ron Johnson (R-Wis.), who told a newspaper that ...": the antecedent
            k = j - 2
            if k >= s_lo and ctx.strs[k] == ")":
                while k >= s_lo and ctx.strs[k] != "(":
                    k -= 1
                k -= 1
            rng = _np_backward(ctx, k, s_lo) if k >= s_lo else None
            if rng is not None and ctx.lower[rng[0]] not in PRONOUNS:
                f.sp_start, f.sp_end = rng
                frames.append(f)
            continue
        if j >= s_lo:
            w = ctx.lower[j]
            if w in PRONOUNS and not ctx.tiq[j]:
                rng = (j, j + 1)
                f.pronoun = w
            elif ctx.strs[j] == "," and not ctx.tiq[j]:
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
        if j >= s_lo and (ctx.strs[j] in {",", "—", "–", ":"} or ctx.tiq[j]) or j < s_lo:
            m = c + 1
            while m < s_hi and ctx.lower[m].endswith("ly") and ctx.strs[m].islower():
                m += 1  # `said matter-of-factly`
            rng = _np_forward(ctx, m, s_hi)
            if rng is not None and (ctx.lower[rng[0]] in {"his", "her", "their", "its", "our", "my", "your", "that", "this"}
                                    or rng[1] < s_hi and ctx.lower[rng[1]] in _VERBISH):
                rng = None  # `said his boss was ...`: the content's subject, not the speaker
            if rng is not None:
                f.order = "vs"
                f.sp_start, f.sp_end = rng
                if ctx.lower[rng[0]] in PRONOUNS:
                    f.pronoun = ctx.lower[rng[0]]
                frames.append(f)
    frames.extend(_colon_frames(ctx))
    frames.sort(key=lambda f: f.cue_tok)
    return frames


@functools.cache
def _page_labels() -> frozenset[str]:
    from analysis.resources import read_word_list

    return frozenset(w.lower() for w in read_word_list("page_labels.txt"))


def _colon_frames(ctx: _Ctx) -> list[_Frame]:
    """``Name: words`` at the start of a paragraph (headlines, transcripts):
    the name is the speaker of the rest of the paragraph."""
    out = []
    doc = ctx.doc
    for pi in range(doc.n_paragraphs):
        ps, pe = ctx.par_starts[pi], ctx.par_ends[pi]
        if doc.text.find(":", ps, pe) < 0:
            continue  # no colon token
        lo, hi = ctx.tok_at(ps), ctx.tok_at(pe)
        for c in range(lo, min(hi, lo + 6)):
            if ctx.strs[c] == ":":
                break
        else:
            continue
        if c == lo or c + 1 >= hi or ctx.tiq[c]:
            continue
        rng = _np_forward(ctx, lo, c)
        if rng is None or rng != (lo, c):
            continue
        words = [ctx.strs[t] for t in range(lo, c) if ctx.isw[t]]
        if not words or len(words) > 4 or not all(w[:1].isupper() for w in words) or len("".join(words)) < 3:
            continue
        if all(w.lower() in ctx.unions["titles_nouns_stop"] for w in words):
            continue
        if " ".join(words).lower() in _page_labels() or doc.text[ctx.starts[c + 1]].isdigit():
            continue  # page furniture ("PUBLISHED: 13:23 ..."), not a speaker
        f = _Frame(c, ":", ":", frozenset(), sp_start=lo, sp_end=c, order="colon",
                   sentence=ctx.tsl[c])
        out.append(f)
    return out


def _apposition(ctx: _Ctx, j: int, lo: int) -> tuple[int, int] | None:
    """Subject before ``X, <apposition>, said``: the name before the first comma,
    or the name inside the commas when what precedes is a description."""
    first_np = _np_forward(ctx, lo, j)
    if first_np is not None and first_np[1] < j and ctx.strs[first_np[1]] == "," and ctx.cap[first_np[1] - 1] and not any(
            ctx.strs[t] in _SENT_END and not ctx.tiq[t] for t in range(first_np[1], j)):
        # "Clinton, during a town hall in Columbus, Ohio, said": the sentence's subject
        return first_np
    k = j - 1
    while k >= lo and (ctx.strs[k] != "," or ctx.tiq[k]) and j - k < 16:
        if ctx.strs[k] in {"!", "?", ";"} and not ctx.tiq[k]:
            return None
        k -= 1
    if k < lo or ctx.strs[k] != ",":
        return None
    inner = list(range(k + 1, j))
    if not inner:
        return None
    inner_words = [t for t in inner if ctx.isw[t]]
    first = ctx.lower[inner_words[0]] if inner_words else ""
    before = _np_backward(ctx, k - 1, lo)
    inner_caps = [t for t in inner_words if ctx.lower[t] not in DETERMINERS]
    inner_is_name = bool(inner_caps) and all(ctx.cap[t] or ctx.lower[t] in _JOINERS_OF for t in inner_caps) \
        and not all(ctx.lower[t] in ctx.titles for t in inner_caps)
    if before is not None:
        bwords = [t for t in range(*before) if ctx.isw[t]]
        before_is_name = bool(bwords) and ctx.cap[bwords[-1]] and any(
            ctx.cap[t] and ctx.lower[t] not in ctx.titles and ctx.lower[t] not in DETERMINERS for t in bwords)
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
    return ctx.sentence_range(si)


def _indirect_content(ctx: _Ctx, f: _Frame, frames_in_sentence: list[_Frame]) -> tuple[int, int] | None:
    """Character span of the reported content of frame ``f`` or None."""
    lo, hi = _sentence_range(ctx, f.sentence)
    if f.negated or "nocontent" in f.tags:
        return None
    # trailing end: drop final punctuation
    end_tok = hi
    while end_tok > lo and not ctx.isw[end_tok - 1] and not ctx.tiq[end_tok - 1]:
        end_tok -= 1
    if f.order == "according":
        # "According to X, CONTENT." or "CONTENT, according to X."
        words_before = sum(ctx.isw[lo : f.cue_tok])
        if words_before <= 3 and f.sp_end is not None and f.sp_end < end_tok and ctx.strs[f.sp_end] == ",":
            a, b = f.sp_end + 1, end_tok
        else:
            a, b = lo, f.cue_tok
            while b > a and ctx.strs[b - 1] in {",", "—", "–"}:
                b -= 1
        return _tok_span(ctx, a, b)
    # speaker-and-cue at the end of the sentence: "CONTENT, officials said."
    after = f.cue_tok + 1 if f.order != "vs" else (f.sp_end or f.cue_tok + 1)
    rest = range(after, end_tok)
    head = f.sp_start if f.order == "sv" and f.sp_start is not None else f.cue_tok
    trailing = all(ctx.lower[k] in _TIME_WORDS or not ctx.isw[k] for k in rest) or (
        rest and ctx.lower[rest[0]] in _ADVERBIAL_START and _only_adverbial(ctx, rest[0], end_tok, 12))
    if f.order in ("sv", "vs") and trailing:
        b = head
        while b > lo and (ctx.strs[b - 1] in {",", "—", "–"} or ctx.doc.quote_text[ctx.starts[b - 1]] in "\"'"):
            b -= 1
        if b < head and b > lo:
            a = lo
            # start after an earlier frame in the same sentence
            for g in frames_in_sentence:
                if g is not f and g.cue_tok < b and g.content is not None and g.content[1] <= ctx.ends[b - 1]:
                    a = max(a, ctx.tok_at(g.content[1]))
            return _tok_span(ctx, a, b)
        return None
    if f.order == "vs":
        return None
    if f.order == "colon":
        pi = ctx.paragraph_at(ctx.starts[f.cue_tok])
        pe = ctx.par_ends[pi]
        hi = ctx.tok_at(pe)
        while hi > f.cue_tok + 1 and not ctx.isw[hi - 1] and not ctx.tiq[hi - 1]:
            hi -= 1
        return _tok_span(ctx, f.cue_tok + 1, hi)
    if f.order == "relative":
        # "X, who said Clinton raped her in 1978, recounted ...": up to the comma
        for m in range(f.cue_tok + 1, end_tok):
            if ctx.strs[m] == "," and not ctx.tiq[m]:
                end_tok = m
                break
    # content after the cue
    k = f.cue_tok + 1
    if k < end_tok and ctx.strs[k] in {":", ","}:
        k += 1
    # look for a complementiser "that" after an addressee or adverbials
    limit = 16 if "obj" in f.tags else 9
    that = None
    for m in range(k, min(end_tok, k + limit)):
        if ctx.tiq[m]:
            continue
        if ctx.lower[m] == "that":
            that = m
            break
        if "obj" not in f.tags and ctx.lower[m] in speech_verbs() or (ctx.lower[m] in _STOP and ctx.lower[m] not in {"to", "in", "on", "at", "by", "from", "with", "after", "before"}) and "obj" not in f.tags:
            break
    if that is not None and that + 1 < end_tok and ctx.lower[that + 1] in _RELATIVE_NEXT:
        that = None  # "in a statement that was published": a relative pronoun
        if "obj" in f.tags:
            return None
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
    if that is None and ctx.lower[k] in _ADVERBIAL_START and _only_adverbial(ctx, k, end_tok):
        return None  # `,” Clinton said at a Monday rally.`: no reported content
    # end: a coordinated cue with the same subject ("... and said ...")
    b = end_tok
    # the next attribution in the sentence starts a new quote
    # ("... a legitimate criticism, though Mrs. Fiorina said ...")
    for g in frames_in_sentence:
        if g is f or g.cue_tok <= k:
            continue
        first = g.sp_start if g.order in ("sv", "relative") and g.sp_start is not None and g.sp_start > k else g.cue_tok
        if first < b and g.order != "participle" and (g.order == "sv" or g.order == "relative"):
            b = first
            while b > k and ctx.lower[b - 1] in {"but", "and", "though", "although", "while", "whereas", "as", "yet"}:
                b -= 1
    for m in range(k, b):
        if ctx.tiq[m]:
            continue
        if ctx.lower[m] == "and":
            nx = m + 1
            if nx < end_tok and ctx.lower[nx] in PRONOUNS:
                nx += 1
            while nx < end_tok and ctx.lower[nx] in _AUX_ADV:
                nx += 1
            if nx < end_tok and ctx.lower[nx] in speech_verbs() and not ctx.tiq[nx]:
                b = m
                break
        if ctx.strs[m] == "," and m + 1 < end_tok and (
            (ctx.lower[m + 1] == "according" and m + 2 < end_tok and ctx.lower[m + 2] == "to")
            or (ctx.lower[m + 1].endswith("ing") and ctx.lower[m + 1] in speech_verbs())
        ):
            b = m
            break
    while b > k and ctx.strs[b - 1] in {",", "—", "–", ";", ":"} and not ctx.tiq[b - 1]:
        b -= 1
    return _tok_span(ctx, k, b)


def _only_adverbial(ctx: _Ctx, k: int, end: int, max_words: int = 6) -> bool:
    """True when tokens [k, end) are one short prepositional phrase with no
    clause in it (`at a Monday rally`, `during the debate`)."""
    if any(ctx.tiq[k:end]):
        return False
    words = [ctx.lower[t] for t in range(k, end) if ctx.isw[t]]
    return len(words) <= max_words and not any(w in PRONOUNS or w in {"that", "is", "was", "are", "were", "will", "would"} for w in words)


def _tok_span(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    if b <= a:
        return None
    words = sum(ctx.isw[a:b])
    if words < 2:
        return None
    s, e = ctx.starts[a], ctx.ends[b - 1]
    # do not cut a quotation: extend over the punctuation and closing mark of a
    # quote that the content ends in (`was “a greatly respected colleague,”`)
    n = len(ctx.text)
    while e < n and ctx.inq[e] and (ctx.doc.quote_text[e] in "\"'" or ctx.text[e] in ",.;:!?") and ctx.inq[e - 1]:
        e += 1
    return s, e


# ---------------------------------------------------------------------------
# the main entry point


def _gender_of(ctx: _Ctx, name: str | None, np_words: list[str], entity: dict | None) -> str:
    if entity and entity.get("gender") in ("female", "male"):
        return entity["gender"]
    words = {w.lower().rstrip(".") for w in np_words}
    for gender in ("female", "male"):
        if words & gendered_words(gender):
            return gender
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
    s, e = ctx.starts[a], ctx.ends[b - 1]
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
            name = ctx.last_person_before(s)
            if name is not None:
                f.name = ctx.fullest(name, s)
                f.entity = ctx.resolve(f.name)
                if f.entity and f.entity.get("name"):
                    f.name = f.entity["name"]
        return
    words = [ctx.strs[k] for k in range(a, b) if ctx.isw[k]]
    s_first = ctx.sent_bounds[ctx.tsl[a]]
    caps = [k for k in range(a, b) if ctx.cap[k] and ctx.lower[k] not in DETERMINERS
            # a capital only because it starts the sentence ("Legal experts")
            and not (k == s_first and k + 1 < b and ctx.strs[k + 1][:1].islower())]
    named = bool(caps) and not all(ctx.lower[k] in ctx.unions["titles_nouns"] for k in caps)
    name = None
    ent = None
    if named:
        # the last run of capitalised tokens is the name (titles stripped)
        k = b - 1
        while k >= a and not (ctx.cap[k] and ctx.isw[k]):
            k -= 1
        r_end = k + 1
        while k - 1 >= a and (ctx.cap[k - 1] or ctx.lower[k - 1] in _JOINERS_OF_POSS
                              or (ctx.strs[k - 1] == "." and k - 2 >= a)):
            k -= 1
        # try the codebook on suffixes of the run, longest first
        for st in range(k, r_end):
            if not ctx.isw[st] or ctx.lower[st] in {"of", "for"}:
                continue
            cand = ctx.text[ctx.starts[st] : ctx.ends[r_end - 1]]
            ent = ctx.resolve(cand)
            if ent:
                name = ent.get("name") or cand
                break
        if name is None:
            # "Nicolas Sarkozy of France": a person's name before "of" a place
            for m in range(k, r_end):
                if ctx.lower[m] == "of" and m - k >= 2 and not _looks_org([ctx.strs[t] for t in range(k, m)]):
                    r_end = m
                    break
            name, _, _ = ctx.person_name(k, r_end)
            if name:
                full = ctx.fullest(name, s)
                ent = ctx.resolve(full)
                name = (ent.get("name") if ent else None) or full
    else:
        name = " ".join(w for w in words if w.lower() not in DETERMINERS) or None
        if name and name[:1].isupper() and name.lower() in ctx.unions["titles_nouns"]:
            name = name.lower()
        ent = ctx.resolve(name) if name else None
    f.name, f.entity = name, ent
    org = (ent.get("kind") in ("organisation", "country", "group")) if ent and ent.get("kind") else _looks_org(words) or not named
    history.append({
        "speaker": f.speaker, "name": name, "entity": ent, "start": s, "end": e,
        "named": named, "org": org, "gender": _gender_of(ctx, name, words, ent), "pos": s,
    })


def _mark_quotes(ctx: _Ctx, spans: list[_QSpan]) -> None:
    for q in spans:
        ctx.inq[q.outer_start : q.outer_end] = True
    if spans:
        ctx.tiq = ctx.inq[ctx.tok[:, 0]].tolist()


def _classify(ctx: _Ctx, q: _QSpan) -> None:
    """direct or partial (or scare) from what precedes the opening mark."""
    text = ctx.text
    ps = ctx.par_starts[q.paragraph]
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
    t = bisect_left(ctx.ends, i + 1) if i >= ps else 0
    prev_word = ctx.lower[t] if 0 <= t < len(ctx.lower) and ctx.ends[t] == i + 1 else ""
    if prev_word in speech_verbs() and prev_word not in {"that"}:
        q.kind = "direct"
        return
    q.kind = "partial"
    n_words = len(_WORD_RE.findall(text, q.start, q.end))
    if n_words <= 4:
        before = _HYPHEN_WORD_RE.findall(text[max(ps, q.outer_start - 40) : q.outer_start].lower())
        for cue in _scare_cues_by_last().get(before[-1], ()) if before else ():
            if len(before) >= len(cue) and tuple(before[-len(cue) :]) == cue:
                q.scare = True
                return


class _Containers:
    """Spans ``[(start, end, k), ...]`` sorted by start (the indirect quotes
    of an article, ``k`` their row), asked which is the first, in that
    order, to contain ``[start, end)`` -- in O(log n), so that an article
    with thousands of quotes stays linear.  With the running maximum of the
    ends, the first span whose own end reaches ``end`` is where that maximum
    first does; it contains the range when it also starts early enough."""

    def __init__(self, spans: list[tuple[int, int, int]]):
        self.starts = [s for s, _, _ in spans]
        self.rows = [k for _, _, k in spans]
        self.max_end = list(itertools.accumulate((e for _, e, _ in spans), max))

    def first_containing(self, start: int, end: int, *, start_before: bool = False) -> int | None:
        """``k`` of the first span with ``s <= start`` (``s < start`` when
        ``start_before``) and ``end <= e``; None when no span contains it."""
        n_early = (bisect_left if start_before else bisect_right)(self.starts, start)
        i = bisect_left(self.max_end, end, 0, n_early)
        return self.rows[i] if i < n_early else None


def _article_quotes(doc: Document, codebook, mentions=None, resolved: dict | None = None) -> list[dict]:
    ctx = _Ctx(doc, codebook, resolved)
    spans = _find_quote_spans(doc)
    _mark_quotes(ctx, spans)
    for q in spans:
        _classify(ctx, q)
    frames = _find_frames(ctx)
    # resolve speakers in text order (pronouns need the earlier speakers)
    history: list[dict] = []
    frames.sort(key=lambda f: f.cue_tok)
    by_sentence: dict[int, list[_Frame]] = {}
    sentence_paragraph = doc.sentence_paragraph.tolist() if frames else []
    for f in frames:
        f.paragraph = sentence_paragraph[f.sentence] if sentence_paragraph else 0
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
                taken_until = ctx.tok_at(f.content[1])
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
            "irregular": ("continuation" if q is not None and q.continues else (q.irregular if q is not None else "")),
            **_entity_fields(ent),
        }
        return row

    # direct and partial quotes
    par_speaker: dict[int, _Frame] = {}  # last frame used in each paragraph
    frames_by_par: dict[int, list[_Frame]] = {}
    for f in frames:
        frames_by_par.setdefault(f.paragraph, []).append(f)
    last_direct_frame: _Frame | None = None
    content_frames = {}
    for f in frames:
        if f.content is not None and (f.name or f.speaker):
            content_frames[f.paragraph] = f
    for q in spans:
        for p_ in range(q.paragraph - 2, q.paragraph + 1):
            if p_ in content_frames and p_ not in par_speaker:
                par_speaker[p_] = content_frames[p_]
        if q.scare:
            continue
        f, how = _attribute_span(ctx, q, frames_by_par.get(q.paragraph, []))
        attribution = "explicit"
        conf = {"adjacent": 0.9, "sentence": 0.8, "paragraph": 0.7}.get(how, 0.5)
        if f is None and (q.continues or (q.kind == "direct" and q.outer_start <= ctx.par_starts[q.paragraph])):
            # a paragraph of quotation with no attribution: the previous speaker
            prev = par_speaker.get(q.paragraph - 1) or (par_speaker.get(q.paragraph - 2) if q.continues else None)
            if prev is None and q.continues:
                prev = last_direct_frame
            if prev is not None:
                f, attribution, conf = prev, "carried-over", 0.5
        if f is None and q.kind == "partial":
            if _n_words(ctx, q.start, q.end) <= 4:
                # a short quoted term with no speaker in its sentence: a scare
                # quote, a title or a nickname, not anybody's words
                continue
            # no cue in the sentence: the subject of the sentence when it is a
            # name or a pronoun ("She tried to rally supporters by wondering
            # aloud “why ...”"), else the previous speaker of the paragraph
            subj = _sentence_subject(ctx, q, history)
            if subj is not None:
                f, attribution, conf = subj, subj.attribution, 0.45
            else:
                prev = par_speaker.get(q.paragraph) or par_speaker.get(q.paragraph - 1)
                if prev is not None:
                    f, attribution, conf = prev, "carried-over", 0.4
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
        lo_t, hi_t = ctx.tok_at(s), ctx.tok_at(e)
        outside = sum(map(operator.gt, ctx.isw[lo_t:hi_t], ctx.tiq[lo_t:hi_t]))  # words not quoted
        if outside < 3:
            continue
        if f.name is None and f.speaker is None:
            continue
        if "quoteonly" in f.tags and not ctx.inq[s:e].any():
            continue
        attribution = f.attribution if f.attribution in ("pronoun", "carried-over") else "explicit"
        conf = {"explicit": 0.7, "pronoun": 0.6, "carried-over": 0.5}[attribution]
        rows.append(frame_row("indirect", s, e, f, attribution, conf))
        par_speaker.setdefault(f.paragraph, f)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    # a paragraph of quotation with no speaker before it takes the speaker of
    # the quotation paragraph right after it ("“A.”\n\n“B,” he said.")
    directs = [r for r in rows if r["kind"] == "direct"]
    for r, nxt in reversed(list(zip(directs, directs[1:]))):
        if r["attribution"] != "none" or nxt["attribution"] == "none":
            continue
        p_r, p_n = ctx.paragraph_at(r["start"]), ctx.paragraph_at(nxt["start"])
        if p_n != p_r + 1 or nxt["start"] - ctx.par_starts[p_n] > 2:
            continue
        if r["start"] - ctx.par_starts[p_r] > 2:
            continue
        for col in ("speaker", "speaker_start", "speaker_end", "speaker_name", "cue", "speaker_actor_id", "side",
                    "speaker_kind", "speaker_gender"):
            r[col] = nxt[col]
        r["attribution"], r["confidence"] = "carried-over", 0.5
    # partial quotes inside indirect ones
    indirect = _Containers([(r["start"], r["end"], k) for k, r in enumerate(rows) if r["kind"] == "indirect"])
    for k, r in enumerate(rows):
        r["quote_id"] = f"{doc.article_id}-q{k + 1}"
    for r in rows:
        r["parent_quote_id"] = None
        if r["kind"] == "direct" and r["irregular"] == "" and \
                indirect.first_containing(r["start"], r["end"], start_before=True) is not None:
            # `said the turmoil was not the fault of banks, “not by a long shot.”`:
            # quotation marks inside a paraphrase make a partial quote
            r["kind"] = "partial"
        if r["kind"] == "partial":
            k = indirect.first_containing(r["start"], r["end"])
            if k is not None:
                r["parent_quote_id"] = rows[k]["quote_id"]
                parent = rows[k]
                if r["attribution"] in ("none", "carried-over") and parent["speaker"]:
                    for col in ("speaker", "speaker_start", "speaker_end", "speaker_name", "cue",
                                "speaker_actor_id", "side", "speaker_kind", "speaker_gender"):
                        r[col] = parent[col]
                    r["attribution"] = parent["attribution"]
                    r["confidence"] = parent["confidence"]
        r["text"] = doc.text[r["start"] : r["end"]]
        r["paragraph"] = ctx.paragraph_at(r["start"]) + 1
        r["sentence"] = ctx.sentence_at(r["start"]) + 1
        r["n_words"] = ctx.n_words(ctx.tok_at(r["start"]), ctx.tok_at(r["end"]))
    return rows


def _sentence_subject(ctx: _Ctx, q: _QSpan, history: list[dict]) -> _Frame | None:
    """A frame for the subject of the sentence holding ``q`` (a name or a
    pronoun right at the sentence start), or None."""
    si = ctx.sentence_at(q.start)
    lo, hi = _sentence_range(ctx, si)
    start = lo
    if start < hi and ctx.lower[start] in {"while", "but", "and", "yet", "still", "meanwhile", "instead"}:
        start += 1
    if start < hi and ctx.strs[start] == ",":
        start += 1
    if start >= hi or ctx.tiq[start] or ctx.starts[start] >= q.outer_start:
        return None
    rng = _np_forward(ctx, start, hi)
    if rng is None or rng[1] >= hi or ctx.ends[rng[1] - 1] > q.outer_start:
        return None
    words = [ctx.strs[t] for t in range(*rng) if ctx.isw[t]]
    is_pron = len(words) == 1 and words[0].lower() in {"he", "she", "they"}
    named = any(w[:1].isupper() and w.lower() not in ctx.unions["not_name"] for w in words)
    if not (is_pron or named) or _looks_org(words) and not named:
        return None
    f = _Frame(rng[0], "", "", frozenset(), sp_start=rng[0], sp_end=rng[1], sentence=si)
    f.pronoun = words[0].lower() if is_pron else None
    earlier = [h for h in history if h["pos"] < ctx.starts[rng[0]]]
    _resolve_frame(ctx, f, earlier)
    f.cue = None
    if f.attribution == "explicit" and not is_pron:
        f.attribution = "explicit"
    return f if f.name else None


def _n_words(ctx: _Ctx, s: int, e: int) -> int:
    return ctx.n_words(ctx.tok_at(s), ctx.tok_at(e))


def _attribute_span(ctx: _Ctx, q: _QSpan, frames: list[_Frame]) -> tuple[_Frame | None, str]:
    """The frame that attributes quotation ``q`` and how close it is."""
    if not frames:
        return None, ""
    text = ctx.text
    usable = [f for f in frames if f.speaker is not None or f.name is not None]
    if not usable:
        return None, ""
    # adjacent after the closing mark: `,” Psaki said.`, `,” said Garneau`
    ends_sentence = text[q.end - 1 : q.end] in ".!?" if q.end > q.start else False
    for f in usable:
        if f.content is not None and ends_sentence and f.order != "colon":
            continue  # `“... character.” Reid said both ...`: a new sentence of its own
        first_tok = min(f.cue_tok, f.sp_start if f.sp_start is not None else f.cue_tok)
        gap_s = q.outer_end
        gap_e = ctx.starts[first_tok]
        if 0 <= gap_e - gap_s <= 3 and not _has_words(text, gap_s, gap_e):
            return f, "adjacent"
    # adjacent before the opening mark: `Graham said, “` / `said in a statement: “`
    for f in usable:
        last_tok = max(f.cue_tok, (f.sp_end - 1) if f.sp_end is not None else f.cue_tok)
        gap_s = ctx.ends[last_tok]
        gap_e = q.outer_start
        between = text[gap_s:gap_e]
        if 0 <= gap_e - gap_s <= 40 and not _SENT_END_RE.search(between) and (
            _ALNUM_RE.search(between) is None
            or all(w.lower() in _TIME_WORDS or w.lower() == "that" for w in _HYPHEN_WORD_RE.findall(between))
        ):
            return f, "adjacent"
    # a frame whose indirect content contains the quote (partial inside paraphrase)
    for f in usable:
        if f.content and f.content[0] <= q.start and q.end <= f.content[1]:
            return f, "sentence"
    # the same sentence
    qs = ctx.sentence_at(q.start)
    same = [f for f in usable if f.sentence == qs or f.sentence == ctx.sentence_at(max(q.end - 1, q.start))]
    if same:
        return same[0], "sentence"
    if q.kind == "partial":
        return None, ""
    # the nearest in the paragraph, preferring one before the quote
    before = [f for f in usable if ctx.starts[f.cue_tok] < q.outer_start]
    if before:
        return before[-1], "paragraph"
    return usable[0], "paragraph"


def extract_quotes(docs, *, codebook=None, mentions=None, sides=None) -> pd.DataFrame:
    """Every direct, partial and indirect quote in ``docs``, one row per quote.

    ``docs`` is an articles table (:func:`analysis.load_corpus`), a list of
    :class:`~analysis.text.Document` or one body string.  ``codebook`` is the
    actor table (a path or a table) used for every article; None: per article,
    :func:`analysis.actors.codebook.codebook_for_article` (the shipped codebook for
    the seed articles only, no codebook elsewhere).  Speakers are linked
    through :func:`analysis.actors.codebook.resolve_actor`, then described by
    :func:`analysis.speakers.describe_speakers` against ``mentions`` (the
    articles' :func:`analysis.actors.find_mentions` table; None: found here)
    and ``sides`` (a sides file or :class:`analysis.actors.sides.Sides`; None: only
    codebook actors have a side).

    Columns (see ``docs/CONTRACTS.md``): ``article_id``, ``quote_id``
    (``<article_id>-q<n>`` in text order), ``kind`` (direct, partial,
    indirect), ``text`` (== ``body[start:end]``: the quoted words without the
    quotation marks, or the reported content), ``start``, ``end``,
    ``paragraph``, ``sentence`` (1-based, of the quote's start), ``n_words``,
    ``speaker`` (the subject as written, e.g. ``he``), ``speaker_start``,
    ``speaker_end``, ``speaker_name`` (codebook name, else the fullest name the
    article gives; for an unnamed speaker the noun phrase without article,
    e.g. ``senior officials``), ``speaker_actor_id``, ``side``,
    ``speaker_kind``, ``speaker_gender``, ``speaker_gender_basis``,
    ``speaker_affiliation`` (with ``speaker_affiliation_start``/``_end``),
    ``side_basis`` (see :mod:`analysis.speakers`), ``cue`` (the cue word as written), ``attribution``
    (explicit, pronoun, carried-over, none), ``confidence`` (ordinal 0..1,
    see the module docstring), ``parent_quote_id`` (for a partial quote inside
    an indirect one), ``irregular`` (how the quotation marks were irregular:
    unopened, open-as-close, unclosed, continued; empty when regular)."""
    from analysis.actors.codebook import codebook_for_article
    from analysis.speakers import describe_speakers

    documents = segment_articles(docs)
    given = _load_codebook(codebook) if codebook is not None else None
    rows: list[dict] = []
    resolved: dict = {}  # (codebook, speaker name) -> codebook entry, shared by the articles
    for d in documents:
        cb = given if given is not None else codebook_for_article(d.article_id)
        rows.extend(_article_quotes(d, cb, mentions, resolved.setdefault(id(cb), {})))
    if not rows:
        return describe_speakers(_empty_quotes(), documents)
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    for col in ("start", "end", "paragraph", "sentence", "n_words"):
        df[col] = df[col].astype("int64")
    for col in ("speaker_start", "speaker_end"):
        df[col] = df[col].astype("Int64")
    df["confidence"] = df["confidence"].astype(float)
    df = describe_speakers(df.reset_index(drop=True), documents, mentions=mentions, codebook=codebook, sides=sides)
    return df[QUOTE_COLUMNS]


def _empty_quotes() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in QUOTE_COLUMNS})
    for col in ("start", "end", "paragraph", "sentence", "n_words"):
        df[col] = df[col].astype("int64")
    df["confidence"] = df["confidence"].astype(float)
    return df


# ---------------------------------------------------------------------------
# balance measures

_GROUP_COLUMNS = ("side", "speaker_kind", "speaker_gender", "kind", "attribution", "speaker_name")
_ARTICLE_COLUMNS = ("outlet", "date")


def _prepare(quotes: pd.DataFrame, by: Sequence[str], articles: pd.DataFrame | None) -> pd.DataFrame:
    if isinstance(by, str):
        by = (by,)
    allowed = set(_GROUP_COLUMNS) | set(_ARTICLE_COLUMNS)
    bad = [b for b in by if b not in allowed]
    if bad:
        raise ValueError(f"by= {bad} not allowed; choose from {sorted(allowed)}")
    q = quotes.copy()
    need_art = [b for b in by if b in _ARTICLE_COLUMNS and b not in q.columns]
    if need_art:
        if articles is None or any(b not in articles.columns for b in need_art):
            raise ValueError(f"grouping by {need_art} needs articles= with those columns")
        meta = articles[["article_id", *need_art]].drop_duplicates("article_id")
        q = q.merge(meta, on="article_id", how="left")
    for b in by:
        if b in ("side", "speaker_kind", "speaker_gender"):
            attributed = q["attribution"].ne("none") & q["speaker_name"].notna()
            q[b] = q[b].where(q[b].notna(), np.where(attributed, "unknown", "unattributed"))
        else:
            q[b] = q[b].fillna("unknown")
        if b == "date":
            q[b] = q[b].astype(str)
    # a partial quote inside an indirect one is part of that quote: counted once
    q["_counted"] = q["parent_quote_id"].isna() if "parent_quote_id" in q.columns else True
    q["_source"] = q["speaker_name"]
    return q


def sourcing_balance(quotes: pd.DataFrame, *, by: Sequence[str] | str = ("side",), level: str = "corpus",
                     articles: pd.DataFrame | None = None, n_boot: int = 1000, ci: float = 0.95,
                     seed: int = 0) -> pd.DataFrame:
    """Whose voices the coverage carries: quotes, quoted words and distinct
    sources per group, with their shares.

    ``by`` names the grouping columns: ``side``, ``speaker_kind``,
    ``speaker_gender``, ``kind``, ``attribution``, ``speaker_name``, or the
    article fields ``outlet`` and ``date`` (taken from ``articles``).  Speakers
    not in the codebook count under ``unknown``; quotes with no speaker under
    ``unattributed``.  ``level`` is ``article`` (one row per article and
    group) or ``corpus`` (one row per group over all articles).

    Columns: the keys, ``quotes`` (rows of :func:`extract_quotes`; a partial
    quote inside an indirect one is counted once, as part of it),
    ``quoted_words`` (word tokens inside those quotes), ``sources`` (distinct
    ``speaker_name``), and ``quote_share``, ``word_share``, ``source_share``:
    the group's count divided by the total of its article (article level) or
    of the corpus (corpus level; when ``by`` includes ``outlet`` or ``date``
    the shares are within each outlet/date).  At corpus level ``*_low`` and
    ``*_high`` give a percentile bootstrap interval (``ci``, ``n_boot``
    resamples of whole articles with replacement, within each outlet/date
    when those are keys, fixed ``seed``): articles, not quotes, are the
    sampling unit because quotes in one article are not independent.
    ``sources`` counts distinct resolved ``speaker_name`` values (unresolved
    pronouns and unattributed quotes add none).  A share is a description of the coverage, neither higher
    nor lower is "better"; balance means shares close to the parties' stake
    in the story, which the researcher must judge."""
    if level not in ("article", "corpus"):
        raise ValueError(f"level must be 'article' or 'corpus', not {level!r}")
    by = (by,) if isinstance(by, str) else tuple(by)
    q = _prepare(quotes, by, articles)
    q = q[q["_counted"]]
    outer = [b for b in by if b in _ARTICLE_COLUMNS]
    keys = list(by)
    if level == "article":
        g = q.groupby(["article_id", *keys], dropna=False)
        out = g.agg(quotes=("quote_id", "size"), quoted_words=("n_words", "sum"),
                    sources=("_source", "nunique")).reset_index()
        denom = out.groupby(["article_id", *outer])[["quotes", "quoted_words", "sources"]].transform("sum")
        for c, s in (("quotes", "quote_share"), ("quoted_words", "word_share"), ("sources", "source_share")):
            out[s] = out[c] / denom[c].where(denom[c] > 0)
        return out

    def table(frame: pd.DataFrame) -> pd.DataFrame:
        t = frame.groupby(keys, dropna=False).agg(quotes=("quote_id", "size"), quoted_words=("n_words", "sum"),
                                                  sources=("_source", "nunique"))
        # distinct sources counted per article then summed would double count;
        # here a source is a distinct name over the corpus
        tot = t.groupby(level=outer).transform("sum") if outer else t.sum()
        shares = t / tot
        shares.columns = ["quote_share", "word_share", "source_share"]
        return t.join(shares)

    out = table(q)
    if n_boot and len(q):
        out = out.join(_bootstrap_shares(q, keys, outer, out.index, n_boot=n_boot, ci=ci, seed=seed))
    return out.reset_index()


def _bootstrap_shares(q: pd.DataFrame, keys: list[str], outer: list[str], index: pd.Index, *, n_boot: int,
                      ci: float, seed: int) -> pd.DataFrame:
    """Percentile intervals of the three shares, resampling whole articles.

    Counts are summed per (article, group) once; a resample is a vector of
    article weights (multinomial), so each replicate is a matrix product."""
    arts, art_idx = np.unique(q["article_id"].to_numpy(), return_inverse=True)
    grp = pd.MultiIndex.from_frame(q[keys]) if len(keys) > 1 else pd.Index(q[keys[0]])
    g_idx = index.get_indexer(grp)
    G, A = len(index), len(arts)
    quotes = np.zeros((A, G))
    words = np.zeros((A, G))
    np.add.at(quotes, (art_idx, g_idx), 1.0)
    np.add.at(words, (art_idx, g_idx), q["n_words"].to_numpy(dtype=float))
    named = q["_source"].notna().to_numpy()
    # a distinct source is a (group, name) pair present in at least one sampled article
    pair = pd.Series([f"{g}|{n}" for g, n in zip(g_idx[named], q["_source"].to_numpy()[named])], dtype=object)
    pairs, pair_idx = np.unique(pair.to_numpy(dtype=str), return_inverse=True)
    pair_group = np.zeros(len(pairs), dtype=int)
    pair_group[pair_idx] = g_idx[named]
    has = np.zeros((A, len(pairs)), dtype=bool)
    has[art_idx[named], pair_idx] = True
    # groups that share a denominator (same outlet/date when those are keys)
    if outer:
        outer_key = index.to_frame(index=False)[outer].astype(str).agg("|".join, axis=1).to_numpy()
    else:
        outer_key = np.zeros(G, dtype=object)
    _, outer_idx = np.unique(outer_key, return_inverse=True)
    # resample articles within each outlet/date stratum when those are keys
    if outer:
        art_stratum = q.groupby("article_id")[outer].first().astype(str).agg("|".join, axis=1).reindex(arts).to_numpy()
    else:
        art_stratum = np.zeros(A, dtype=object)
    strata = [np.flatnonzero(art_stratum == v) for v in pd.unique(art_stratum)]
    rng = np.random.default_rng(seed)
    reps = np.empty((n_boot, 3, G))

    def shares(x):
        tot = np.zeros(outer_idx.max() + 1)
        np.add.at(tot, outer_idx, x)
        d = tot[outer_idx]
        return np.divide(x, d, out=np.zeros_like(x), where=d > 0)

    for b in range(n_boot):
        w = np.zeros(A)
        for members in strata:
            w[members] = rng.multinomial(len(members), np.full(len(members), 1.0 / len(members)))
        present = (w @ has) > 0
        src = np.bincount(pair_group[present], minlength=G).astype(float)
        reps[b, 0] = shares(w @ quotes)
        reps[b, 1] = shares(w @ words)
        reps[b, 2] = shares(src)
    lo, hi = np.quantile(reps, [(1 - ci) / 2, 1 - (1 - ci) / 2], axis=0)
    cols = {}
    for k, c in enumerate(["quote_share", "word_share", "source_share"]):
        cols[f"{c}_low"] = lo[k]
        cols[f"{c}_high"] = hi[k]
    return pd.DataFrame(cols, index=index)


def voice_directness(quotes: pd.DataFrame, *, by: Sequence[str] | str = ("side",),
                     articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much of each group's voice is in its own words.

    One row per group: ``direct_words`` (words in direct and partial quotes:
    the speaker's own words), ``paraphrased_words`` (words of indirect quotes,
    less the partial quotes inside them), ``direct_share`` =
    direct / (direct + paraphrased), and the quote counts ``direct_quotes``,
    ``partial_quotes``, ``indirect_quotes``.  A higher direct share means the
    coverage lets that group speak for itself more often rather than
    summarising it; it is a description, not a quality score."""
    by = (by,) if isinstance(by, str) else tuple(by)
    q = _prepare(quotes, by, articles)
    q["_own"] = np.where(q["kind"].isin(["direct", "partial"]), q["n_words"], 0)
    nested = q.loc[q["parent_quote_id"].notna(), ["parent_quote_id", "n_words"]].groupby("parent_quote_id")["n_words"].sum()
    q["_para"] = np.where(q["kind"].eq("indirect"), q["n_words"] - q["quote_id"].map(nested).fillna(0), 0)
    g = q.groupby(list(by), dropna=False)
    out = g.agg(direct_words=("_own", "sum"), paraphrased_words=("_para", "sum"),
                direct_quotes=("kind", lambda s: int((s == "direct").sum())),
                partial_quotes=("kind", lambda s: int((s == "partial").sum())),
                indirect_quotes=("kind", lambda s: int((s == "indirect").sum()))).reset_index()
    tot = out["direct_words"] + out["paraphrased_words"]
    out["direct_share"] = out["direct_words"] / tot.where(tot > 0)
    out["direct_words"] = out["direct_words"].astype("int64")
    out["paraphrased_words"] = out["paraphrased_words"].astype("int64")
    return out


def source_diversity(quotes: pd.DataFrame, *, by: str = "side", weight: str = "quotes",
                     level: str = "article", categories: Sequence[str] | None = None) -> pd.DataFrame:
    """Normalised Shannon entropy of the quotes over the groups of ``by``.

    ``H = -sum_k p_k ln p_k`` over the groups k with ``p_k`` the group's share
    of the quotes (``weight="quotes"``) or of the quoted words
    (``weight="words"``), divided by ``ln K`` where K is the number of
    categories (``categories``, default: every value of ``by`` seen in the
    whole table; quotes of groups outside ``categories`` are left out).  0 means one group has every quote, 1 means the quotes are
    spread evenly over all K groups: higher is more diverse (Shannon 1948;
    Pielou's evenness J).  Unattributed quotes are left out.  One row per
    article (``level="article"``) or one row for the corpus, with
    ``n_quotes``, ``n_groups`` (groups present) and ``diversity`` (NaN when
    K < 2 or there is no quote)."""
    if weight not in ("quotes", "words"):
        raise ValueError(f"weight must be 'quotes' or 'words', not {weight!r}")
    if level not in ("article", "corpus"):
        raise ValueError(f"level must be 'article' or 'corpus', not {level!r}")
    q = _prepare(quotes, (by,), None)
    q = q[q["_counted"] & q[by].ne("unattributed")]
    cats = list(categories) if categories is not None else sorted(q[by].astype(str).unique())
    q = q[q[by].astype(str).isin(cats)]
    K = len(cats)
    q = q.assign(_w=q["n_words"] if weight == "words" else 1)

    def entropy(frame):
        w = frame.groupby(by)["_w"].sum()
        w = w[w > 0]
        p = w / w.sum() if w.sum() else w
        h = float(-(p * np.log(p)).sum()) if len(p) else float("nan")
        return pd.Series({"n_quotes": len(frame), "n_groups": len(p),
                          "diversity": h / math.log(K) if K >= 2 and len(p) else float("nan")})

    if level == "corpus":
        return entropy(q).to_frame().T.assign(by=by, categories=K)
    rows = [entropy(f).rename(a) for a, f in q.groupby("article_id")]
    out = pd.DataFrame(rows).rename_axis("article_id").reset_index() if rows else pd.DataFrame(
        columns=["article_id", "n_quotes", "n_groups", "diversity"])
    out["n_quotes"] = out["n_quotes"].astype("int64")
    out["n_groups"] = out["n_groups"].astype("int64")
    return out


def quote_positions(quotes: pd.DataFrame, docs) -> pd.DataFrame:
    """Where along each article the quotes are: the quote table with
    ``relative_position`` = start / len(body) (0 = top, 1 = end) and
    ``paragraph_share`` = paragraph / number of paragraphs."""
    documents = {d.article_id: d for d in segment_articles(docs)}
    q = quotes.copy()
    q["relative_position"] = [s / max(len(documents[a].text), 1) for a, s in zip(q["article_id"], q["start"])]
    q["paragraph_share"] = [p / max(documents[a].n_paragraphs, 1) for a, p in zip(q["article_id"], q["paragraph"])]
    return q


# ---------------------------------------------------------------------------
# HTML view


# ---------------------------------------------------------------------------
# command line: python -m analysis quotes PATH


def add_cli_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kinds", default="direct,partial,indirect",
                        help="comma-separated kinds to print (direct, partial, indirect; default all)")
    parser.add_argument("--codebook", default=None, metavar="FILE",
                        help="actor codebook file (default: the seed story's codebook for the seed articles only, "
                             "no codebook for any other article)")
    parser.add_argument("--sides", default=None, metavar="FILE",
                        help="sides file (YAML 'side: [names that speak for it]'); default: codebook sides only")


def cli_table(articles: pd.DataFrame, *, kinds: str = "direct,partial,indirect", codebook: str | None = None,
              sides: str | None = None, **_options) -> pd.DataFrame:
    """The quote table for ``python -m analysis quotes PATH``."""
    wanted = [k.strip() for k in str(kinds).split(",") if k.strip()]
    bad = [k for k in wanted if k not in KINDS]
    if bad:
        raise ValueError(f"--kinds {','.join(bad)} not allowed; choose from {', '.join(KINDS)}")
    cb = None
    if codebook is not None:
        module = _codebook_module()
        if module is None:
            raise ValueError("--codebook needs analysis.actors.codebook, which is not installed")
        cb = module.load_codebook(codebook, sides=sides)
    table = extract_quotes(articles, codebook=cb, sides=sides)
    return table[table["kind"].isin(wanted)].reset_index(drop=True)
