"""Counting for readability: one pass over the word tokens of a whole batch
of documents gives the count columns of every level (article, paragraph,
sentence, and a level split by voice).

Every word token carries its global sentence, its per-token counts (from
:data:`analysis.readability.tokens.TOKENS`), its Spache flag and lower-case
form id, and (with quotes) its voice; the per-sentence (x voice) sums are
computed once, and paragraph and article sums are sums of sentence sums
(sentences nest in paragraphs)."""
from __future__ import annotations

import itertools
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.readability.tokens import TOKENS, TokenTable
from analysis.core.text import Document

__all__ = ["LEVELS", "VOICES", "SUM_COLUMNS", "QuoteSpans", "quote_spans", "Batch"]

LEVELS = ("article", "paragraph", "sentence")
VOICES = ("narrative", "quoted")  # voice codes 0 and 1, in this order
#: the count columns summed over word tokens, in the column order of ``Batch.sums``
SUM_COLUMNS = ["words", "syllables", "polysyllabic_words", "complex_words", "difficult_words", "characters",
               "letters"]
WORDS = SUM_COLUMNS.index("words")
START, END = 0, 1  # the columns of a span array (sentences, paragraphs, tokens): [start, end) offsets


class QuoteSpans(NamedTuple):
    """Quote spans as parallel arrays."""

    article_ids: np.ndarray  #: article ids as str (object array)
    starts: np.ndarray
    ends: np.ndarray


def _group_sum(keys: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Column sums of ``values`` (n, k) grouped by ``keys`` into ``size`` rows."""
    out = np.empty((size, values.shape[1]), dtype=np.int64)
    for j in range(values.shape[1]):
        out[:, j] = np.bincount(keys, weights=values[:, j], minlength=size)[:size]
    return out


def _sums_by(keys: np.ndarray, columns: list[np.ndarray], size: int, ordered: bool) -> np.ndarray:
    """Integer sums (size, len(columns)) of 1-d ``columns`` grouped by
    ``keys``; ``ordered``: the keys are ascending, so groups are runs and
    one ``reduceat`` per column sums them."""
    out = np.zeros((size, len(columns)), dtype=np.int64)
    if not len(keys):
        return out
    if ordered:
        starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
        rows = keys[starts]
        for j, col in enumerate(columns):
            out[rows, j] = np.add.reduceat(col, starts, dtype=np.int64)
    else:
        for j, col in enumerate(columns):
            out[:, j] = np.bincount(keys, weights=col, minlength=size)[:size]
    return out


def _is_sorted(a: np.ndarray) -> bool:
    return not (a[1:] < a[:-1]).any()


class Batch:
    """The word tokens of a list of Documents, counted once for every level.

    Sentences get global ids (the documents' sentences one after another),
    and so do paragraphs; every word token carries its global sentence, its
    per-token counts (:data:`SUM_COLUMNS`), its Spache flag and lower-case form
    id, and (with quotes) its voice.  :meth:`counts` turns these into the
    count columns of one level, for all documents together: the per-sentence
    (x voice) sums are computed once, and paragraph and article sums are
    sums of sentence sums (sentences nest in paragraphs).  Needs at least
    one document."""

    def __init__(self, documents: list[Document], numbers: str, quotes: QuoteSpans | None):
        n_tok = self._layout(documents)
        word, sent, rows = self._word_tokens(documents, n_tok)
        per_token, flags = self._per_token(rows, sent, numbers)
        # per sentence sums (the segmentation lists tokens in sentence order)
        ordered = _is_sorted(sent)
        self.sums = _sums_by(sent, per_token, self.S, ordered)
        sp = np.flatnonzero(flags & TokenTable.UNFAMILIAR)
        self.sp_sent = sent[sp]
        self.sp_form = TOKENS.columns["form"][rows[sp]]
        self.sp_voice = np.zeros(len(sp), np.int64)
        self._sp_sorted: dict[int, np.ndarray] = {}
        # per sentence x voice (narrative 0, quoted 1): quoted sums, narrative = all - quoted
        if quotes is not None:
            voice = self._quoted(documents, n_tok, word, sent, quotes)
            q = np.flatnonzero(voice)
            quoted = _sums_by(sent[q], [c[q] for c in per_token], self.S, ordered)
            self.sums_v = np.stack([self.sums - quoted, quoted], axis=1).reshape(2 * self.S, len(SUM_COLUMNS))
            self.sp_voice = voice[sp].astype(np.int64)

    def _layout(self, documents: list[Document]) -> np.ndarray:
        """Global sentence and paragraph ids and spans; returns the number of
        tokens of each document."""
        n = len(documents)
        self.ids = np.empty(n, dtype=object)
        self.ids[:] = [d.article_id for d in documents]
        sentences = [d.sentences for d in documents]
        paragraphs = [d.paragraphs for d in documents]
        self.n_sent = np.array([len(s) for s in sentences], dtype=np.int64)
        self.n_par = np.array([len(p) for p in paragraphs], dtype=np.int64)
        self.sent_off = np.cumsum(self.n_sent) - self.n_sent
        self.par_off = np.cumsum(self.n_par) - self.n_par
        self.S = int(self.n_sent.sum())
        self.P = int(self.n_par.sum())
        self.sentences = np.concatenate(sentences)
        self.paragraphs = np.concatenate(paragraphs)
        self.sentence_paragraph = np.concatenate([d.sentence_paragraph for d in documents])
        self.sentence_doc = np.repeat(np.arange(n), self.n_sent)
        self.sentence_par = self.sentence_paragraph + np.repeat(self.par_off, self.n_sent)
        return np.array([len(d.token_is_word) for d in documents], dtype=np.int64)

    def _word_tokens(self, documents: list[Document], n_tok: np.ndarray):
        """(word mask over all tokens, global sentence of each word token,
        its row in :data:`TOKENS`)."""
        word = np.concatenate([d.token_is_word for d in documents])
        if (self.n_sent == 0).any():  # tokens outside any sentence (no sentence at all) are not counted
            word &= np.repeat(self.n_sent > 0, n_tok)
        sent = (np.concatenate([d.token_sentence for d in documents]) + np.repeat(self.sent_off, n_tok))[word]
        strings = list(itertools.compress(itertools.chain.from_iterable(d.token_strings() for d in documents),
                                          word.tolist()))
        return word, sent, TOKENS.row_ids(strings)

    @staticmethod
    def _per_token(rows: np.ndarray, sent: np.ndarray, numbers: str) -> tuple[list[np.ndarray], np.ndarray]:
        """The per-token columns in :data:`SUM_COLUMNS` order, and the flags."""
        table = TOKENS.columns
        flags = table["flags"][rows]
        first_of_sentence = np.ones(len(sent), dtype=bool)
        first_of_sentence[1:] = sent[1:] != sent[:-1]
        if numbers == "one":  # a numeral is one syllable (and never a hard word)
            syl = table["syllables_one"][rows]
            fog = (flags & TokenTable.FOG_ONE) > 0
        else:
            syl = table["syllables"][rows]
            fog = (flags & TokenTable.FOG) > 0
        # proper-noun rule for Fog: capitalised and not the sentence's first word
        fog &= ~(((flags & TokenTable.CAPITALISED) > 0) & ~first_of_sentence)
        per_token = [np.ones(len(sent), np.int8), syl, syl >= 3, fog, (flags & TokenTable.DIFFICULT) > 0,
                     table["characters"][rows], table["letters"][rows]]
        return per_token, flags

    def _quoted(self, documents, n_tok, word, sent, quotes: QuoteSpans) -> np.ndarray:
        """Per word token: its start lies inside a quote span ([start, end))
        of its own article.  The documents' texts are laid end to end (with
        a gap), spans are clipped to their text and shifted with it, and a
        token is inside when more spans start than end at or before it."""
        q_ids, q_start, q_end = quotes
        n = len(documents)
        length = np.array([len(d.text) for d in documents], dtype=np.int64)
        char_off = np.cumsum(length + 1) - (length + 1)
        doc_ids = [str(a) for a in self.ids]
        if len(set(doc_ids)) == n:
            q_doc = pd.Index(doc_ids).get_indexer(q_ids)
            keep = q_doc >= 0
            q_doc, q_start, q_end = q_doc[keep], q_start[keep], q_end[keep]
        else:  # the same article_id twice: each copy takes the article's quotes
            pairs = pd.DataFrame({"aid": doc_ids, "doc": np.arange(n)}).merge(
                pd.DataFrame({"aid": q_ids, "start": q_start, "end": q_end}), on="aid")
            q_doc, q_start, q_end = (pairs[c].to_numpy(np.int64) for c in ("doc", "start", "end"))
        if not len(q_doc):
            return np.zeros(len(sent), dtype=bool)
        lo = np.clip(q_start, 0, length[q_doc]) + char_off[q_doc]
        hi = np.clip(q_end, 0, length[q_doc]) + char_off[q_doc]
        pos = (np.concatenate([d.tokens[:, START] for d in documents]) + np.repeat(char_off, n_tok))[word]
        if _is_sorted(pos):  # tokens in text order: spans open and close at token indices
            m = len(pos) + 1
            delta = (np.bincount(np.searchsorted(pos, lo), minlength=m)
                     - np.bincount(np.searchsorted(pos, hi), minlength=m))
            return np.cumsum(delta[: len(pos)]) > 0
        lo, hi = np.sort(lo), np.sort(hi)
        return np.searchsorted(lo, pos, side="right") - np.searchsorted(hi, pos, side="right") > 0

    def _spache(self, unit_of_sentence: np.ndarray, nv: int, size_u: int) -> np.ndarray:
        """Unique Spache-unfamiliar forms per unit (x voice).

        The unfamiliar tokens are sorted once per batch by (form, voice,
        sentence); when units follow sentence order (always for articles and
        sentences, and for paragraphs as the segmentation numbers them), a
        (unit, form) pair is new exactly where the form, the voice or the
        unit changes from the previous token."""
        S = max(self.S, 1)
        if _is_sorted(unit_of_sentence):
            if nv not in self._sp_sorted:
                key = self.sp_form * nv + (self.sp_voice if nv == 2 else 0)
                self._sp_sorted[nv] = np.sort(key * S + self.sp_sent)
            c = self._sp_sorted[nv]
            fv = c // S
            unit = unit_of_sentence[c % S] * nv + (fv % 2 if nv == 2 else 0)
            new = np.ones(len(c), dtype=bool)
            new[1:] = (fv[1:] != fv[:-1]) | (unit[1:] != unit[:-1])
            return np.bincount(unit[new], minlength=size_u)[:size_u]
        unit_tok = unit_of_sentence[self.sp_sent] * nv + (self.sp_voice if nv == 2 else 0)
        n_forms = int(self.sp_form.max()) + 1 if len(self.sp_form) else 1
        pairs = np.unique(unit_tok * n_forms + self.sp_form)
        return np.bincount(pairs // n_forms, minlength=size_u)[:size_u]

    def _sentence_rows(self, voiced: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per sentence (x voice): the summed counts, the sentence's share
        counted to the row (its words in that voice over its words), and
        its length in words (0 for a voice without words in it)."""
        words_s = self.sums[:, WORDS].astype(float)
        if not voiced:
            return self.sums, np.ones(self.S), words_s
        sv = self.sums_v
        words_sv = sv[:, WORDS].astype(float)
        share = words_sv.reshape(self.S, 2) / np.where(words_s > 0, words_s, 1.0)[:, None]
        share[words_s == 0, 0] = 1.0  # a sentence without words counts to narrative
        return sv, share.reshape(-1), np.repeat(words_s, 2) * (words_sv > 0)

    def _units(self, level: str) -> tuple[np.ndarray, int, np.ndarray]:
        """(unit of each sentence, number of units, units per document) of ``level``."""
        if level == "sentence":
            return np.arange(self.S), self.S, self.n_sent
        if level == "paragraph":
            return self.sentence_par, self.P, self.n_par
        return self.sentence_doc, len(self.ids), np.ones(len(self.ids), dtype=np.int64)

    def _keys(self, level: str, nv: int, n_units: int, units_per_doc: np.ndarray) -> dict[str, np.ndarray]:
        """The key columns of every unit (x voice) of ``level``."""
        keys: dict[str, np.ndarray] = {"article_id": np.repeat(self.ids, units_per_doc * nv)}
        if level == "paragraph":
            keys["paragraph"] = np.repeat(np.arange(self.P) - np.repeat(self.par_off, self.n_par) + 1, nv)
            spans = np.repeat(self.paragraphs, nv, axis=0)
            keys["start"], keys["end"] = spans[:, START], spans[:, END]
        elif level == "sentence":
            keys["paragraph"] = np.repeat(self.sentence_paragraph + 1, nv)
            keys["sentence"] = np.repeat(np.arange(self.S) - np.repeat(self.sent_off, self.n_sent) + 1, nv)
            spans = np.repeat(self.sentences, nv, axis=0)
            keys["start"], keys["end"] = spans[:, START], spans[:, END]
        if nv == 2:
            keys["voice"] = np.tile(np.array(VOICES, dtype=object), n_units)
        return keys

    def counts(self, level: str, voiced: bool) -> dict[str, np.ndarray]:
        """Key and count columns of every unit (x voice) of ``level``, in
        document order, then unit order (then narrative, quoted)."""
        nv = 2 if voiced else 1
        sv, share, sent_len = self._sentence_rows(voiced)
        unit_of_sentence, n_units, units_per_doc = self._units(level)
        size_u = n_units * nv
        if level == "sentence":  # each unit is one sentence: its sums as they are
            sums, sentences, longest = sv, share, sent_len
        else:
            unit_sv = (unit_of_sentence[:, None] * nv + np.arange(nv)).reshape(-1)
            sums = _group_sum(unit_sv, sv, size_u)
            # bincount adds in sentence order, as the per-document counting did
            sentences = np.bincount(unit_sv, weights=share, minlength=size_u)[:size_u]
            longest = np.zeros(size_u)
            np.maximum.at(longest, unit_sv, sent_len)
        cols: dict[str, np.ndarray] = {c: sums[:, j] for j, c in enumerate(SUM_COLUMNS)}
        cols["sentences"] = sentences
        cols["longest_sentence_words"] = longest
        cols["spache_unfamiliar_words"] = self._spache(unit_of_sentence, nv, size_u)
        out = {**self._keys(level, nv, n_units, units_per_doc), **cols}
        if voiced:
            keep = cols["words"] > 0
            out = {k: v[keep] for k, v in out.items()}
        return out


def quote_spans(quotes: pd.DataFrame, kinds) -> QuoteSpans:
    """The spans of the quotes of ``kinds`` (all kinds when None or when the
    table has no ``kind`` column)."""
    missing = {"article_id", "start", "end"} - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes table lacks column(s) {sorted(missing)}; it needs article_id, start, end (and kind)")
    q = quotes
    if "kind" in q.columns and kinds is not None:
        allowed = {"direct", "partial", "indirect"}
        bad = set(kinds) - allowed
        if bad:
            raise ValueError(f"quote_kinds must be drawn from {sorted(allowed)}, got {sorted(bad)}")
        q = q[q["kind"].isin(list(kinds))]
    return QuoteSpans(q["article_id"].astype(str).to_numpy(dtype=object), q["start"].to_numpy(dtype=np.int64),
                      q["end"].to_numpy(dtype=np.int64))
