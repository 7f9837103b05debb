"""The segmentation of one article body, as :func:`analysis.core.text.segment` returns it.

A :class:`Document` holds the body and the character offsets of its
paragraphs, sentences and tokens, with views that read them (unit texts, the
unit at an offset, the tokens of a sentence).  It only holds and reads; the
rules that make it are :mod:`analysis.core.text`'s.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from analysis.core.quote_marks import normalise_quotes

__all__ = ["Document"]


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
