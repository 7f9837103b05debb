"""The per-article working state of the quote rules: the article's tokens
as plain lists, sentence and paragraph lookups, which characters and tokens
are inside quotation marks, the memo of codebook lookups and the article's
name runs (:class:`~analysis.sourcing.runs.NameRuns`)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

import numpy as np

from analysis.names import speaker_words
from analysis.sourcing.linking import lookup_actor
from analysis.sourcing.runs import NameRuns
from analysis.sourcing.words import word_unions
from analysis.core.text import Document


class TokenRange(NamedTuple):
    """Tokens ``[start, end)`` (a speaker's noun phrase)."""
    start: int
    end: int


class CharSpan(NamedTuple):
    """Characters ``[start, end)`` of the text (the content of an indirect quote)."""
    start: int
    end: int


class ArticleContext:
    """Per-article working state: the token lists (``starts``, ``ends``,
    ``strs``, ``lower``, ``is_word``, ``capitalised``, ``tok_sentence``,
    ``tok_in_quote``: does the token start inside quotation marks), the
    character flags ``char_in_quote``, sentence and paragraph bounds, the
    speaker word lists, the codebook memo and the name runs (``names``).

    Token attributes are kept as plain lists (offsets, strings, lower case,
    word flags, capitalisation, in-quote flags): the rules below read them
    token by token, and list indexing is many times cheaper than indexing the
    numpy arrays of :class:`Document` one element at a time."""

    def __init__(self, doc: Document, codebook, resolved: dict | None = None):
        self.doc = doc
        self.text = doc.text
        self.codebook = codebook
        self.tokens = doc.tokens
        self.starts = doc.tokens[:, 0].tolist()
        self.ends = doc.tokens[:, 1].tolist()
        self.strs = doc.token_strings()
        self.lower = list(map(str.lower, self.strs))
        self.is_word = doc.token_is_word.tolist()
        self.capitalised = first_upper(doc.text, doc.tokens[:, 0])
        self.tok_sentence = doc.token_sentence.tolist()
        # token range of sentence si: [sent_bounds[si], sent_bounds[si + 1])
        top = max(len(doc.sentences), self.tok_sentence[-1] + 1 if self.tok_sentence else 1) + 1
        self.sent_bounds = np.searchsorted(doc.token_sentence, np.arange(top)).tolist()
        self.par_starts = doc.paragraphs[:, 0].tolist()
        self.par_ends = doc.paragraphs[:, 1].tolist()
        self.sent_starts = doc.sentences[:, 0].tolist()
        n = len(self.text)
        self.char_in_quote = np.zeros(n + 1, dtype=bool)
        self.tok_in_quote = [False] * len(self.strs)  # token starts inside quotation marks (mark_quotes)
        self.titles, self.nouns = speaker_words()
        self.unions = word_unions()
        self.resolved = {} if resolved is None else resolved
        self.names = NameRuns(self.text, self.strs, self.lower, self.is_word, self.capitalised, self.starts,
                              self.ends, self.titles)

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
        return sum(self.is_word[a:b])

    def mark_quotes(self, spans) -> None:
        """Flag the characters and tokens inside the quotation ``spans``
        (:class:`~analysis.sourcing.marks.QuoteSpan`, marks included)."""
        for q in spans:
            self.char_in_quote[q.outer_start : q.outer_end] = True
        if spans:
            self.tok_in_quote = self.char_in_quote[self.tokens[:, 0]].tolist()

    def resolve(self, name: str | None) -> dict | None:
        """:func:`~analysis.sourcing.linking.lookup_actor` memoised over the
        call (the same names recur in every article and the codebook lookup is
        the costly part)."""
        if name in self.resolved:
            return self.resolved[name]
        hit = self.resolved[name] = lookup_actor(name, self.codebook)
        return hit


def first_upper(text: str, starts: np.ndarray) -> list[bool]:
    """``text[i].isupper()`` for every offset in ``starts`` (is a token's
    first character upper case): A-Z for ASCII characters, read from the code
    points in one array operation, ``str.isupper`` for the others."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[starts]
    upper = (codes >= 65) & (codes <= 90)
    for i in np.flatnonzero(codes >= 128).tolist():
        upper[i] = text[int(starts[i])].isupper()
    return upper.tolist()


