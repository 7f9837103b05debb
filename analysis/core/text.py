"""One segmentation of each article, shared by every metric family.

:func:`segment` turns a body text into a :class:`Document`: paragraphs,
sentences and tokens, each with character offsets ``[start, end)`` into the
body, so that ``text[start:end]`` is always the unit itself.  It is computed
once per article (and memoised), and every family reads the same Document, so
readability, sentiment, actors and quotes agree on what a sentence is.

Rules, in the order they apply:

* **Paragraphs**: every non-blank line is a paragraph (news copy and scraped
  pages put one paragraph per line; blank lines are only separators).
  Leading and trailing white space is left outside the span.
* **Sentences**: NLTK's Punkt algorithm inside each paragraph (a sentence
  never crosses a paragraph), with no trained model but with the reviewed
  abbreviation list in ``analysis/data/abbreviations.txt`` (titles, months,
  ``U.S.``).  Punkt's decisions are re-implemented here for speed
  (:func:`_punkt_spans`, about ten times faster than NLTK's object-per-token
  code; the rare paragraph with a character on which Python's ``re`` and
  NLTK's ``regex`` engine disagree goes to NLTK itself).  The spans are
  identical to NLTK 3.10's ``PunktSentenceTokenizer.span_tokenize`` with these
  parameters, checked by a Hypothesis property in ``tests/test_text.py`` and,
  when written, on every paragraph of the shared corpora and benchmarks plus
  200,000 fuzzed paragraphs.  Two rules run after Punkt: a single capital
  letter followed by a period is an initial (``J. Smith``) and does not end a
  sentence; a sentence made only of punctuation (a stray ``.`` or a lone
  quotation mark) is merged into the sentence before it; so is a piece that
  starts in lower case after a question or exclamation mark (``“Is it over?”
  she asked.``).
* **Tokens**: the matches of one regular expression over the body (found
  piece by piece between white space, the same tokens): abbreviations with
  inner periods (``U.S.``), numbers (``1,000``, ``3.5``, ``11-year``), words
  with inner apostrophes or hyphens (``Biden’s``, ``Saint-Jacques``) and single
  punctuation characters.  ``is_word`` marks tokens with a letter or digit:
  every token except a single punctuation character.

Quotation marks are normalised for matching by :func:`normalise_quotes`, which
maps every curly or typographic mark to its straight form *one character for
one character*, so offsets into the normalised text are offsets into the body.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.core.resources import abbreviations

__all__ = [
    "Document",
    "segment",
    "segment_articles",
    "normalise_quotes",
    "paragraph_table",
    "sentence_table",
    "token_table",
    "DOUBLE_QUOTES",
    "SINGLE_QUOTES",
    "OPENING_QUOTES",
    "CLOSING_QUOTES",
]

DOUBLE_QUOTES = '"“”„‟«»〝〞＂'
SINGLE_QUOTES = "'‘’‚‛‹›`´"
OPENING_QUOTES = "“„‟«‘‚‛‹〝"
CLOSING_QUOTES = "”»’›〞"
_QUOTE_TABLE = str.maketrans(
    {**{c: '"' for c in DOUBLE_QUOTES}, **{c: "'" for c in SINGLE_QUOTES}}
)


# (mark, replacement) for every mark that changes; _QUOTE_TABLE says the same
_QUOTE_REPLACEMENTS = tuple((c, r) for c, r in ((chr(k), v) for k, v in _QUOTE_TABLE.items()) if c != r)


def normalise_quotes(text: str) -> str:
    """Return ``text`` with every double quotation mark as ``"`` and every
    single mark or apostrophe as ``'``.

    The mapping is one character to one character, so ``len`` and all offsets
    are unchanged: a match found in the normalised text is at the same
    ``[start, end)`` in the original.  The same as
    ``text.translate(_QUOTE_TABLE)`` (a property test checks it), done as one
    ``str.replace`` per mark that occurs: ``translate`` with a table that maps
    characters outside ASCII looks every character up in a dict, about 400
    times slower on a news article."""
    for mark, replacement in _QUOTE_REPLACEMENTS:
        if mark in text:
            text = text.replace(mark, replacement)
    return text


# Possessive quantifiers (``++``, ``*+``, ``?+``): every part after the first of
# an alternative is optional, so the greedy path is always the match found and
# giving characters back never helps (in the first alternative the shorter
# run ends before a letter, which the lookahead refuses); not saving the
# backtracking points makes the split about 10 % faster (tests/test_text.py
# checks the tokens against the pattern as first written).
_TOKEN_PATTERN = r"""
    [^\W\d_]\.(?:[^\W\d_]\.)++(?![^\W\d_])   # U.S.  a.m.  U.S.S.R.
    | \d++(?:[.,:/]\d+)*+(?:%|[^\W_]++)?+(?:[-–]\w++)*+  # 1,000  3.5  9:30  11-year  76%  1st  1990s  5G
    | \w++(?:['’]\w++)*+(?:[-–]\w++(?:['’]\w++)*+)*+  # Biden’s  Saint-Jacques  don't
    | \S                                    # one punctuation character (any \w starts a word above)
"""
_TOKEN_RE = re.compile(_TOKEN_PATTERN, re.VERBOSE)
# The same pattern as one capturing group: re.split gives the gaps (white space)
# and the tokens alternately, so no match object is made per token.
_TOKEN_SPLIT = re.compile("(" + _TOKEN_PATTERN + ")", re.VERBOSE)
_ASCII_WORD = np.array([chr(c).isalnum() or chr(c) == "_" for c in range(128)])  # \w
# White space as str.split() and the pattern's \s see it (str.isspace), by code point; the
# last entry stands for every code point above U+3000, the last white-space character.
_SPACE = np.array([chr(c).isspace() for c in range(0x3002)])
# A paragraph: a line without its leading and trailing white space, if any is left.
_PARAGRAPH_RE = re.compile(r"\S(?:[^\n]*\S)?")
_ONLY_PUNCT = re.compile(r"^[^\w]*$")
_LOWER_START = re.compile(r"^[a-z]")
_CLOSING_MARKS = "”\"’'"  # may follow the ? or ! of a question that goes on in lower case
_BEFORE_INITIAL = "(“\"‘'"  # may stand before an initial (besides white space)


# --------------------------------------------------------------------------- Punkt
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


def _punkt_spans(text: str) -> list[tuple[int, int]]:
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


@dataclass(eq=False)
class Document:
    """The segmentation of one article body.

    All offset arrays are ``int64`` with shape ``(n, 2)`` holding
    ``[start, end)`` into :attr:`text`.  Unit indices in the arrays are
    0-based; the tidy tables number paragraphs and sentences from 1.
    """

    article_id: str
    text: str
    paragraphs: np.ndarray
    sentences: np.ndarray
    sentence_paragraph: np.ndarray
    tokens: np.ndarray
    token_sentence: np.ndarray
    token_is_word: np.ndarray
    _cache: dict = field(default_factory=dict, repr=False)

    # -- convenience views -------------------------------------------------
    @property
    def n_paragraphs(self) -> int:
        return len(self.paragraphs)

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    @property
    def n_words(self) -> int:
        return int(self.token_is_word.sum())

    @property
    def quote_text(self) -> str:
        """The body with quotation marks normalised (same offsets)."""
        if "quote_text" not in self._cache:
            self._cache["quote_text"] = normalise_quotes(self.text)
        return self._cache["quote_text"]

    def token_strings(self) -> list[str]:
        """Every token's text, in order (memoised)."""
        if "token_strings" not in self._cache:
            t = self.text
            self._cache["token_strings"] = [t[s:e] for s, e in self.tokens.tolist()]
        return self._cache["token_strings"]

    def paragraph_text(self, i: int) -> str:
        s, e = self.paragraphs[i]
        return self.text[s:e]

    def sentence_text(self, i: int) -> str:
        s, e = self.sentences[i]
        return self.text[s:e]

    def paragraph_at(self, offset: int) -> int:
        """0-based index of the paragraph containing (or preceding) ``offset``."""
        return max(int(np.searchsorted(self.paragraphs[:, 0], offset, side="right")) - 1, 0)

    def sentence_at(self, offset: int) -> int:
        """0-based index of the sentence containing (or preceding) ``offset``."""
        return max(int(np.searchsorted(self.sentences[:, 0], offset, side="right")) - 1, 0)

    def paragraphs_of(self, offsets: Sequence[int] | np.ndarray) -> np.ndarray:
        idx = np.searchsorted(self.paragraphs[:, 0], np.asarray(offsets), side="right") - 1
        return np.clip(idx, 0, None)

    def sentences_of(self, offsets: Sequence[int] | np.ndarray) -> np.ndarray:
        idx = np.searchsorted(self.sentences[:, 0], np.asarray(offsets), side="right") - 1
        return np.clip(idx, 0, None)

    def sentence_tokens(self, i: int) -> np.ndarray:
        """0-based token indices of sentence ``i``."""
        lo, hi = np.searchsorted(self.token_sentence, [i, i + 1])
        return np.arange(lo, hi)


def _split_sentences(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    core_end = p_end
    while core_end > p_start and not text[core_end - 1].isalnum():
        core_end -= 1
    if (
        text.find(".", p_start, core_end) < 0
        and text.find("?", p_start, core_end) < 0
        and text.find("!", p_start, core_end) < 0
    ):
        # Punkt only breaks after . ? !; none before the closing punctuation
        # means one sentence (most news paragraphs), without running Punkt.
        return [(p_start, p_end)]
    # Punkt ends a sentence at a period before a closing bracket; the merge
    # below takes back the cases real copy shows are none: a question that
    # goes on in lower case, and an abbreviation in brackets before the verb
    # (``Sen. Tim Kaine (D-Va.) said ...``).
    para = text[p_start:p_end]
    spans = _punkt_spans(para)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged:
            piece = para[s:e]
            prev = para[merged[-1][0] : merged[-1][1]]
            if (
                _ONLY_PUNCT.match(piece)
                or _ends_with_initial(prev)
                or (prev.rstrip(_CLOSING_MARKS)[-1:] in ("?", "!") and _LOWER_START.match(piece))
                or (prev.endswith(".)") and _LOWER_START.match(piece))
            ):
                merged[-1][1] = e
                continue
        merged.append([s, e])
    return [(p_start + s, p_start + e) for s, e in merged]


def _ends_with_initial(sentence: str) -> bool:
    """Does ``sentence`` end with an initial, a capital and a period after white
    space, an opening bracket or quotation mark, or alone (``J.``)?"""
    return (
        sentence[-1:] == "."
        and "A" <= sentence[-2:-1] <= "Z"
        and (len(sentence) == 2 or sentence[-3].isspace() or sentence[-3] in _BEFORE_INITIAL)
    )


def _tokenise(text: str) -> tuple[np.ndarray, np.ndarray]:
    r"""Token offsets ``(n, 2)`` and ``is_word`` flags: the matches of
    ``_TOKEN_RE`` in order, and whether each has a ``\w`` character."""
    tokens, is_word, _ = _tokenise_strings(text)
    return tokens, is_word


def _tokenise_strings(text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """:func:`_tokenise` and the token strings it found on the way (the same
    as slicing the text at the offsets, without slicing it again).

    The fast path of :func:`_tokenise_strings_plain` (a Hypothesis property
    test checks they agree).  No token contains white space and no token's
    match looks past it, so the body is cut at white space first
    (``str.split``, in C) and each piece is tokenised alone: a piece of
    letters and digits only (``str.isalnum``: most words) is one token, and
    only the others (with punctuation, apostrophes, hyphens) go through the
    regular expression.  The tokens laid end to end are the body without its
    white space, so their offsets are read from the positions of the
    body's other characters."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    split = _TOKEN_SPLIT.split
    strings: list[str] = []
    for piece in text.split():
        if piece.isalnum():
            strings.append(piece)
        else:
            strings += split(piece)[1::2]
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    ends = np.cumsum(lengths)
    solid = np.flatnonzero(~_SPACE[np.minimum(codes, len(_SPACE) - 1)])  # offsets of non-space characters
    tokens = np.empty((len(strings), 2), np.int64)
    tokens[:, 0] = solid[ends - lengths]
    tokens[:, 1] = solid[ends - 1] + 1
    first = codes[tokens[:, 0]]
    is_word = (lengths > 1) | _ASCII_WORD[np.minimum(first, 127)]
    for i in np.flatnonzero(~is_word & (first > 127)).tolist():
        is_word[i] = chr(first[i]).isalnum()
    return tokens, is_word, strings


def _tokenise_strings_plain(text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """:func:`_tokenise_strings` as first written: one ``re.split`` of the
    whole body (the plain version its property test compares with)."""
    parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
    n = len(parts) // 2
    if "\x00" in text:
        bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=2 * n + 1))[:-1]
    else:
        # The end of every part but the last: join with NUL and find the NULs
        # (numpy on the code points instead of len() of each part).
        joined = "\x00".join(parts).encode("utf-32-le", "surrogatepass")
        bounds = np.flatnonzero(np.frombuffer(joined, dtype=np.uint32) == 0) - np.arange(2 * n)
    tokens = bounds.astype(np.int64, copy=False).reshape(n, 2)  # token k: end of gap k, end of token k
    # Every token but a single punctuation character starts with a \w
    # character, so a token is a word if it is longer than one character or its
    # character is \w (for a non-ASCII character: str.isalnum()).
    first = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[tokens[:, 0]]
    is_word = (tokens[:, 1] - tokens[:, 0] > 1) | _ASCII_WORD[np.minimum(first, 127)]
    for i in np.flatnonzero(~is_word & (first > 127)).tolist():
        is_word[i] = chr(first[i]).isalnum()
    return tokens, is_word, parts[1::2]


def segment(text: str, article_id: str = "") -> Document:
    """Segment one body text into paragraphs, sentences and tokens.

    Memoised on ``(article_id, text)``: every family that asks for the same
    article gets the same :class:`Document` object back.
    """
    if not isinstance(text, str):
        raise TypeError(f"segment() needs the body as str, got {type(text).__name__}")
    return _segment_cached(str(article_id), text)


def clear_segment_cache() -> None:
    """Forget the Documents :func:`segment` has kept (its memo), so that a
    long-lived process does not hold those of articles it is done with."""
    _segment_cached.cache_clear()


@functools.lru_cache(maxsize=4096)
def _segment_cached(article_id: str, text: str) -> Document:
    paragraphs = [m.span() for m in _PARAGRAPH_RE.finditer(text)]

    sentences: list[tuple[int, int]] = []
    sentence_paragraph: list[int] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        for span in _split_sentences(text, ps, pe):
            sentences.append(span)
            sentence_paragraph.append(pi)

    tokens, is_word, strings = _tokenise_strings(text)
    sent = np.array(sentences, dtype=np.int64).reshape(-1, 2)
    if len(sent):
        token_sentence = np.searchsorted(sent[:, 0], tokens[:, 0], side="right") - 1
        np.maximum(token_sentence, 0, out=token_sentence)
    else:
        token_sentence = np.zeros(len(tokens), dtype=np.int64)
    return Document(
        article_id=article_id,
        text=text,
        paragraphs=np.array(paragraphs, dtype=np.int64).reshape(-1, 2),
        sentences=sent,
        sentence_paragraph=np.array(sentence_paragraph, dtype=np.int64),
        tokens=tokens,
        token_sentence=token_sentence.astype(np.int64),
        token_is_word=is_word,
        _cache={"token_strings": strings},
    )


def segment_articles(articles: pd.DataFrame | Iterable[Document] | str) -> list[Document]:
    """Documents for an articles table (from :func:`analysis.load_corpus`), a
    list of Documents (returned as is) or a single body string."""
    if isinstance(articles, str):
        return [segment(articles, "text")]
    if isinstance(articles, Document):
        return [articles]
    if isinstance(articles, pd.DataFrame):
        missing = {"article_id", "text"} - set(articles.columns)
        if missing:
            raise ValueError(f"articles table lacks column(s) {sorted(missing)}")
        return [segment(t, a) for a, t in zip(articles["article_id"], articles["text"])]
    docs = list(articles)
    for d in docs:
        if not isinstance(d, Document):
            raise TypeError(f"expected Documents, got {type(d).__name__}")
    return docs


def paragraph_table(docs: pd.DataFrame | Iterable[Document] | str) -> pd.DataFrame:
    """One row per paragraph: ``article_id``, ``paragraph`` (1-based), ``start``,
    ``end``, ``n_sentences``, ``n_words``, ``text``."""
    docs = segment_articles(docs)
    numbers, texts = [], []
    for d in docs:
        n = d.n_paragraphs
        sent_counts = np.bincount(d.sentence_paragraph, minlength=n)[:n]
        tok_par = d.paragraphs_of(d.tokens[:, 0]) if len(d.tokens) else np.array([], int)
        word_counts = np.bincount(tok_par[d.token_is_word], minlength=n)[:n]
        numbers.append(np.column_stack([np.arange(1, n + 1), d.paragraphs, sent_counts, word_counts]))
        texts += [d.text[s:e] for s, e in d.paragraphs.tolist()]
    return _table(docs, [d.n_paragraphs for d in docs], numbers, texts,
                  ["article_id", "paragraph", "start", "end", "n_sentences", "n_words", "text"])


def sentence_table(docs: pd.DataFrame | Iterable[Document] | str) -> pd.DataFrame:
    """One row per sentence: ``article_id``, ``paragraph``, ``sentence`` (both
    1-based; sentences are numbered through the article), ``start``, ``end``,
    ``n_words``, ``text``."""
    docs = segment_articles(docs)
    numbers, texts = [], []
    for d in docs:
        n = d.n_sentences
        words = np.bincount(d.token_sentence[d.token_is_word], minlength=n)[:n]
        numbers.append(np.column_stack([d.sentence_paragraph + 1, np.arange(1, n + 1), d.sentences, words]))
        texts += [d.text[s:e] for s, e in d.sentences.tolist()]
    return _table(docs, [d.n_sentences for d in docs], numbers, texts,
                  ["article_id", "paragraph", "sentence", "start", "end", "n_words", "text"])


def _table(docs: list[Document], counts: list[int], numbers: list[np.ndarray], texts: list[str],
           columns: list[str]) -> pd.DataFrame:
    """A table of units: ``article_id`` (each document's id ``counts`` times),
    the int64 columns of ``numbers`` (one array of rows per document) and
    ``text``.  Built from whole columns, with the dtypes a frame of one
    tuple per row gets (int64 numbers, object ids and texts; every column
    ``object`` when there are no rows)."""
    if not texts:
        return pd.DataFrame([], columns=columns)
    ids = np.empty(len(docs), dtype=object)
    ids[:] = [d.article_id for d in docs]
    values = np.concatenate(numbers).astype(np.int64, copy=False)
    data = {columns[0]: np.repeat(ids, counts)}
    data.update({c: values[:, k] for k, c in enumerate(columns[1:-1])})
    data[columns[-1]] = np.array(texts, dtype=object)
    return pd.DataFrame(data, columns=columns)


def token_table(docs: pd.DataFrame | Iterable[Document] | str) -> pd.DataFrame:
    """One row per token: ``article_id``, ``paragraph``, ``sentence``, ``token``
    (1-based), ``start``, ``end``, ``text``, ``is_word``."""
    frames = []
    for d in segment_articles(docs):
        n = len(d.tokens)
        sent = d.token_sentence
        par = d.sentence_paragraph[sent] if d.n_sentences else np.zeros(n, dtype=np.int64)
        frames.append(
            pd.DataFrame(
                {
                    "article_id": [d.article_id] * n,
                    "paragraph": par + 1,
                    "sentence": sent + 1,
                    "token": np.arange(1, n + 1),
                    "start": d.tokens[:, 0],
                    "end": d.tokens[:, 1],
                    "text": d.token_strings(),
                    "is_word": d.token_is_word,
                }
            )
        )
    if not frames:
        return pd.DataFrame(
            columns=["article_id", "paragraph", "sentence", "token", "start", "end", "text", "is_word"]
        )
    return pd.concat(frames, ignore_index=True)
