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
  ``U.S.``).  Two rules run after Punkt: a single capital letter followed by
  a period is an initial (``J. Smith``) and does not end a sentence; a
  sentence made only of punctuation (a stray ``.`` or a lone quotation mark)
  is merged into the sentence before it; so is a piece that starts in lower
  case after a question or exclamation mark (``“Is it over?” she asked.``).
* **Tokens**: one regular expression pass over the body: abbreviations with
  inner periods (``U.S.``), numbers (``1,000``, ``3.5``, ``11-year``), words
  with inner apostrophes or hyphens (``Biden’s``, ``Saint-Jacques``) and single
  punctuation characters.  ``is_word`` marks tokens with a letter or digit.

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

from analysis.resources import abbreviations

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


def normalise_quotes(text: str) -> str:
    """Return ``text`` with every double quotation mark as ``"`` and every
    single mark or apostrophe as ``'``.

    The mapping is one character to one character, so ``len`` and all offsets
    are unchanged: a match found in the normalised text is at the same
    ``[start, end)`` in the original."""
    return text.translate(_QUOTE_TABLE)


_TOKEN_RE = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}(?![^\W\d_])          # U.S.  a.m.  U.S.S.R.
    | \d+(?:[.,:/]\d+)*(?:%|[^\W_]+)?(?:[-–]\w+)*  # 1,000  3.5  9:30  11-year  76%  1st  1990s  5G
    | \w+(?:['’]\w+)*(?:[-–]\w+(?:['’]\w+)*)*  # Biden’s  Saint-Jacques  don't
    | [^\w\s]                               # one punctuation character
    """,
    re.VERBOSE,
)
_LINE_RE = re.compile(r"[^\n]+")
_HAS_ALNUM = re.compile(r"\w")
_INITIAL_END = re.compile(r"(?:^|[\s(“\"‘'])[A-Z]\.$")
_ONLY_PUNCT = re.compile(r"^[^\w]*$")
_QUESTION_END = re.compile(r"[?!][”\"’']*$")
_LOWER_START = re.compile(r"^[a-z]")


@functools.cache
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


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


_TRAILING_NONWORD = re.compile(r"[\W_]*$")


def _split_sentences(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    para = text[p_start:p_end]
    core = para[: _TRAILING_NONWORD.search(para).start()]
    if "." not in core and "?" not in core and "!" not in core:
        # Punkt only breaks after . ? !; none before the closing punctuation
        # means one sentence (most news paragraphs), without running Punkt.
        return [(p_start, p_end)]
    spans = list(_punkt().span_tokenize(para))
    merged: list[list[int]] = []
    for s, e in spans:
        piece = para[s:e]
        if merged:
            prev = para[merged[-1][0] : merged[-1][1]]
            if (
                _ONLY_PUNCT.match(piece)
                or _INITIAL_END.search(prev)
                or (_QUESTION_END.search(prev) and _LOWER_START.match(piece))
            ):
                merged[-1][1] = e
                continue
        merged.append([s, e])
    return [(p_start + s, p_start + e) for s, e in merged]


def segment(text: str, article_id: str = "") -> Document:
    """Segment one body text into paragraphs, sentences and tokens.

    Memoised on ``(article_id, text)``: every family that asks for the same
    article gets the same :class:`Document` object back.
    """
    if not isinstance(text, str):
        raise TypeError(f"segment() needs the body as str, got {type(text).__name__}")
    return _segment_cached(str(article_id), text)


@functools.lru_cache(maxsize=4096)
def _segment_cached(article_id: str, text: str) -> Document:
    paragraphs: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        paragraphs.append((s, e))

    sentences: list[tuple[int, int]] = []
    sentence_paragraph: list[int] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        for span in _split_sentences(text, ps, pe):
            sentences.append(span)
            sentence_paragraph.append(pi)

    tok = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    tokens = np.array(tok, dtype=np.int64).reshape(-1, 2)
    sent = np.array(sentences, dtype=np.int64).reshape(-1, 2)
    if len(sent):
        token_sentence = np.searchsorted(sent[:, 0], tokens[:, 0], side="right") - 1
        token_sentence = np.clip(token_sentence, 0, None)
    else:
        token_sentence = np.zeros(len(tokens), dtype=np.int64)
    is_word = np.fromiter(
        (bool(_HAS_ALNUM.search(text, s, e)) for s, e in tok), dtype=bool, count=len(tok)
    )
    return Document(
        article_id=article_id,
        text=text,
        paragraphs=np.array(paragraphs, dtype=np.int64).reshape(-1, 2),
        sentences=sent,
        sentence_paragraph=np.array(sentence_paragraph, dtype=np.int64),
        tokens=tokens,
        token_sentence=token_sentence.astype(np.int64),
        token_is_word=is_word,
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
    rows = []
    for d in segment_articles(docs):
        sent_counts = np.bincount(d.sentence_paragraph, minlength=d.n_paragraphs)
        tok_par = d.paragraphs_of(d.tokens[:, 0]) if len(d.tokens) else np.array([], int)
        word_counts = np.bincount(tok_par[d.token_is_word], minlength=d.n_paragraphs)
        for i, (s, e) in enumerate(d.paragraphs.tolist()):
            rows.append((d.article_id, i + 1, s, e, int(sent_counts[i]), int(word_counts[i]), d.text[s:e]))
    return pd.DataFrame(
        rows, columns=["article_id", "paragraph", "start", "end", "n_sentences", "n_words", "text"]
    )


def sentence_table(docs: pd.DataFrame | Iterable[Document] | str) -> pd.DataFrame:
    """One row per sentence: ``article_id``, ``paragraph``, ``sentence`` (both
    1-based; sentences are numbered through the article), ``start``, ``end``,
    ``n_words``, ``text``."""
    rows = []
    for d in segment_articles(docs):
        words = np.bincount(d.token_sentence[d.token_is_word], minlength=d.n_sentences)
        for i, (s, e) in enumerate(d.sentences.tolist()):
            rows.append(
                (d.article_id, int(d.sentence_paragraph[i]) + 1, i + 1, s, e, int(words[i]), d.text[s:e])
            )
    return pd.DataFrame(
        rows, columns=["article_id", "paragraph", "sentence", "start", "end", "n_words", "text"]
    )


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
