"""Where Punkt ends sentences: NLTK's untrained Punkt, re-implemented for speed.

:func:`punkt_spans` gives the sentence spans of one paragraph exactly as
NLTK 3.10's ``PunktSentenceTokenizer.span_tokenize`` does with no trained
model and the reviewed abbreviation list of ``analysis/data/abbreviations.txt``
(:func:`_punkt` is that tokenizer: the reference, and the fallback for the
rare characters on which Python's ``re`` and NLTK's ``regex`` engine
disagree).  About ten times faster than NLTK's object-per-token code;
Hypothesis properties in ``tests/test_text.py`` hold the two equal.  The
rules applied after Punkt are :mod:`analysis.core.sentences`'.
"""
from __future__ import annotations

import functools
import re

from analysis.core.resources import abbreviations

__all__ = ["punkt_spans"]

# NLTK's untrained Punkt (PunktSentenceTokenizer.span_tokenize, NLTK 3.10) with
# only ``abbrev_types`` set, re-implemented: no collocations, sentence starters or
# orthographic context means most of its heuristics can never fire, and what is
# left is decided on strings instead of a PunktToken object per token.  The
# regular expressions are PunktLanguageVars' (and PunktToken's), written out.

_ABBREVIATIONS = abbreviations()
_PUNKT_NONWORD = r"""[)";}\]*:@'({\[‘’“”«»?!]"""  # cannot be inside a word; ends one
_PUNKT_MULTICHAR = r"(?:-{2,}|\.{2,}|(?:\.\s){2,}\.)"  # dashes and ellipses
# A possible sentence end: . ? or ! followed by punctuation or by white space and a token.
_PUNKT_PERIOD_CONTEXT = re.compile(
    r"[.?!](?=(?P<after_tok>" + _PUNKT_NONWORD + r"|\s+(?P<next_tok>\S+)))"
)
# Punkt's word tokens: punctuation other than the period is split off words.
_PUNKT_WORDS = re.compile(
    _PUNKT_MULTICHAR
    + r"|(?=[^(\"`{\[:;&#*@)}\]\-,])\S+?(?=\s|$|" + _PUNKT_NONWORD + "|" + _PUNKT_MULTICHAR
    + r"|,(?=$|\s|" + _PUNKT_NONWORD + "|" + _PUNKT_MULTICHAR + r"))"
    + r"|\S"
)
# Closing quotes and brackets after a sentence end belong to that sentence.
_PUNKT_REALIGN = re.compile(r"""["')\]}‘’“”«»]+?(?:\s+|(?=--)|$)""", re.MULTILINE)
_PUNKT_INITIAL = re.compile(r"[^\W\d]\.$")
_PUNKT_NUMBER = re.compile(r"-?[.,]?\d[\d,.-]*\.?$")
_PUNKT_NOT_STARTERS = frozenset(";:,.!?")  # Punkt: sentences don't start with these
# NLTK compiles its expressions with the third-party ``regex`` engine, ``re`` is
# used here.  The two agree on ``\s`` except for U+001C..U+001F (handed to NLTK
# whole), and on ``\w`` and ``\d`` for every character of these ranges (Latin,
# Greek, Cyrillic, general punctuation, symbols, CJK; not combining marks or
# ``²`` ``½``), checked in tests/test_text.py.  Where it matters (an initial
# or a number before a period) and a character lies outside them, NLTK decides.
_PUNKT_SAFE_RANGES = (
    "\x00-\x1b\x20-\xb1\xb4-\xb8\xba\xbb\xbf-\u02ff\u0370-\u0482\u048a-\u052f"
    "\u1e00-\u200b\u200e-\u203e\u2041-\u2053\u2055-\u206f\u20a0-\u20c0\u2100-\u214f"
    "\u2190-\u245f\u2500-\u2775\u2794-\u2bff\u3000-\u3029\u4e00-\u9fef"
)
_PUNKT_UNSAFE = re.compile("[^" + _PUNKT_SAFE_RANGES + "]")
_PUNKT_REGEX_SPACE = re.compile("[\x1c-\x1f]")  # white space to ``re``, not to ``regex``


class _AskNLTK(Exception):
    """Raised by the re-implementation for a case it leaves to NLTK."""


@functools.cache
def _punkt():
    """NLTK's own Punkt with the same parameters (the reference, and the
    fallback for the rare characters on which ``re`` and ``regex`` differ)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def _punkt_breaks(context: str) -> bool:
    """Punkt's ``text_contains_sentbreak`` for one period context: does a token
    other than the last one end a sentence after both annotation passes?"""
    tokens = _PUNKT_WORDS.findall(context)
    for k in range(len(tokens) - 1):
        tok = tokens[k]
        if tok[-1] != ".":
            if tok == "?" or tok == "!":
                return True
            continue
        if tok == ".":
            return True
        if tok.endswith(".."):  # an ellipsis, or a token Punkt leaves unmarked
            continue
        low = tok[:-1].lower()
        if low in _ABBREVIATIONS or low.split("-")[-1] in _ABBREVIATIONS:
            continue
        # A sentence break after the first pass.  The second pass takes it back
        # after an initial or a number if the next token cannot start a sentence
        # (punctuation or lower case; for an initial also upper case).
        typ = tok.lower()
        if not tok.isascii() and (_PUNKT_UNSAFE.search(tok) or _PUNKT_UNSAFE.search(typ)):
            raise _AskNLTK
        nxt = tokens[k + 1]
        if _PUNKT_INITIAL.match(tok):
            c = nxt[0]
            if nxt in _PUNKT_NOT_STARTERS or c.islower() or c.isupper():
                continue
        elif _PUNKT_NUMBER.match(typ):
            if nxt in _PUNKT_NOT_STARTERS or nxt[0].islower():
                continue
        return True
    return False


def punkt_spans(text: str) -> list[tuple[int, int]]:
    """``list(PunktSentenceTokenizer(params).span_tokenize(text))`` for the
    untrained parameters of :func:`_punkt` (``text`` without a newline)."""
    if _PUNKT_REGEX_SPACE.search(text):
        return list(_punkt().span_tokenize(text))
    try:
        slices = _punkt_slices(text)
    except _AskNLTK:
        return list(_punkt().span_tokenize(text))
    # Realign: closing quotes and brackets at the start of the next sentence
    # move to the end of this one.
    spans = []
    shift = 0
    last = len(slices) - 1
    for k, (s, e) in enumerate(slices):
        s += shift
        if k < last:
            s2, e2 = slices[k + 1]
            m = _PUNKT_REALIGN.match(text, s2, e2)
            if m:
                spans.append((s, s2 + len(m.group().rstrip())))
                shift = m.end() - s2
                continue
            shift = 0
        if s < e:
            spans.append((s, e))
    return spans


def _punkt_slices(text: str) -> list[tuple[int, int]]:
    """Punkt's ``_slices_from_text``: sentence slices before realignment."""
    # Punkt's context of a possible end is the word before it, found by the last
    # ASCII white space (string.whitespace) since the previous possible end; a
    # possible end whose word reaches back over the next one's is skipped.
    other_space = "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text
    slices = []
    last_break = 0
    prev = None
    prev_start = prev_stop = 0
    for m in _PUNKT_PERIOD_CONTEXT.finditer(text):
        stop = m.start()
        i = text.rfind(" ", prev_stop, stop)
        if other_space:
            for c in "\t\r\x0b\x0c":
                i = max(i, text.rfind(c, prev_stop, stop))
        start = i + 1 if i > prev_stop else prev_start
        if prev is not None and prev_stop <= start:
            if _punkt_is_break(text, prev, prev_start):
                slices.append((last_break, prev.end()))
                nxt = prev.start("next_tok")
                last_break = nxt if nxt >= 0 else prev.end()
        prev, prev_start, prev_stop = m, start, stop
    if prev is not None and _punkt_is_break(text, prev, prev_start):
        slices.append((last_break, prev.end()))
        nxt = prev.start("next_tok")
        last_break = nxt if nxt >= 0 else prev.end()
    slices.append((last_break, len(text.rstrip())))
    return slices


def _punkt_is_break(text: str, m: re.Match, word_start: int) -> bool:
    """Is the possible end ``m`` (with its word from ``word_start``) a break?"""
    end = m.start()
    if text[end] != ".":
        # ? and ! are always a token of their own, and something follows
        return True
    word = text[word_start:end]
    nxt = m.group("next_tok")
    if (
        len(word) > 1
        and word.isascii()
        and word.isalpha()
        and word.lower() not in _ABBREVIATIONS
        and (nxt is None or nxt[0] != ".")
    ):
        # The common case, "word." then a token: not an abbreviation, an
        # initial or a number, so a break.  (A following ". ." could make
        # the period part of an ellipsis, hence the last condition.)
        return True
    return _punkt_breaks(text[word_start : m.end("after_tok")])
