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
  ``U.S.``).  Punkt's decisions are re-implemented for speed
  (:func:`analysis.core.punkt.punkt_spans`, about ten times faster than
  NLTK's object-per-token code; the rare paragraph with a character on which Python's ``re`` and
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

The rules live in one module each: :mod:`analysis.core.punkt` (the Punkt
port), :mod:`analysis.core.sentences` (the rules after it),
:mod:`analysis.core.tokens` (the token pattern), :mod:`analysis.core.quote_marks`
(quotation marks) and :mod:`analysis.core.document` (the :class:`Document`).
This module puts them together and gives the tables of units; the names
callers import from it (``Document``, ``normalise_quotes``, the quotation mark
sets) are re-exported here.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

import numpy as np
import pandas as pd

from analysis.core.document import Document
from analysis.core.quote_marks import CLOSING_QUOTES, DOUBLE_QUOTES, OPENING_QUOTES, SINGLE_QUOTES, normalise_quotes
from analysis.core.sentences import paragraph_sentences
from analysis.core.tokens import tokenise_strings

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

# A paragraph: a line without its leading and trailing white space, if any is left.
_PARAGRAPH_RE = re.compile(r"\S(?:[^\n]*\S)?")


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
    """The Document of one body: paragraphs, then the sentences of each,
    then the tokens, each token numbered with its sentence."""
    paragraphs = [m.span() for m in _PARAGRAPH_RE.finditer(text)]

    sentences: list[tuple[int, int]] = []
    sentence_paragraph: list[int] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        for span in paragraph_sentences(text, ps, pe):
            sentences.append(span)
            sentence_paragraph.append(pi)

    tokens, is_word, strings = tokenise_strings(text)
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
