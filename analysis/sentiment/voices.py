"""Tone by voice: whose voice each sentence is in (a quoted speaker's or the
reporter's narration, :func:`sentence_voices`), and the tone of quoted speech
by side, speaker or quote kind against the narrative voice
(:func:`sentiment_by_voice`)."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from analysis.sentiment.aggregates import AGGREGATE_VALUE_COLUMNS, DEFAULT_N_BOOT, DEFAULT_SEED, summarise
from analysis.sentiment.scorers import sentence_sentiment
from analysis.core.text import sentence_table

__all__ = ["QUOTE_COLUMNS", "VOICE_GROUPINGS", "sentence_voices", "sentiment_by_voice"]

QUOTE_COLUMNS = {"article_id", "start", "end", "kind"}
VOICE_GROUPINGS = ("voice", "side", "speaker", "kind")


def sentence_voices(sentences_or_docs, quotes: pd.DataFrame, *, kinds: Sequence[str] = ("direct", "partial"),
                    min_share: float = 0.5) -> pd.DataFrame:
    """Whose voice each sentence is in.

    A sentence is ``quoted`` when at least ``min_share`` of its characters lie
    inside quotes of the given ``kinds`` (default direct and partial: the
    speaker's own words; an indirect quote is the reporter's paraphrase and
    stays narrative unless ``kinds`` includes ``"indirect"``), else
    ``narrative``.  A quoted sentence takes the speaker of the quote covering
    most of it.  Columns: the sentence keys, ``start``, ``end``, ``voice``,
    ``share_quoted``, ``quote_id``, ``quote_kind``, ``speaker_name``,
    ``speaker_actor_id``, ``side`` (``unknown`` when the quote has no side).

    ``sentences_or_docs``: the table from :func:`sentence_sentiment` (its
    scores are kept) or anything :func:`analysis.core.text.segment_articles` takes."""
    _check_voice_options(quotes, kinds=kinds, min_share=min_share)
    if isinstance(sentences_or_docs, pd.DataFrame) and {"sentence", "start", "end"} <= set(sentences_or_docs.columns):
        sent = sentences_or_docs.copy()
    else:
        sent = sentence_table(sentences_or_docs).drop(columns=["text", "n_words"])
    q = quotes[quotes["kind"].isin(list(kinds))].copy()
    q["article_id"] = q["article_id"].astype(str)
    q = q.reset_index(drop=True)
    total, best_q = _quote_cover(sent, q)
    share_quoted = np.minimum(total, 1.0)
    quoted = share_quoted >= min_share
    sent["voice"] = np.where(quoted, "quoted", "narrative")
    sent["share_quoted"] = share_quoted
    take = np.where(quoted, best_q, -1)

    def col(name, default=None):
        vals = q[name].to_numpy(dtype=object) if name in q.columns else np.full(len(q), default, dtype=object)
        return np.array([vals[k] if k >= 0 else None for k in take], dtype=object)

    sent["quote_id"] = col("quote_id")
    sent["quote_kind"] = col("kind")
    sent["speaker_name"] = col("speaker_name")
    sent["speaker_actor_id"] = col("speaker_actor_id")
    side = col("side")
    side = np.array([("unknown" if (s is None or (isinstance(s, float) and s != s)) else s) for s in side], dtype=object)
    sent["side"] = np.where(quoted, side, "narration")
    return sent.reset_index(drop=True)


def _check_voice_options(quotes: pd.DataFrame, *, kinds: Sequence[str], min_share: float) -> None:
    """ValueErrors that list the allowed values of each option."""
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be in (0, 1], got {min_share}")
    allowed = {"direct", "partial", "indirect"}
    bad = set(kinds) - allowed
    if bad:
        raise ValueError(f"kinds must be among {sorted(allowed)}; got {sorted(bad)}")
    missing = QUOTE_COLUMNS - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes table lacks column(s) {sorted(missing)} (see docs/data-dictionary.md)")


def _quote_cover(sent: pd.DataFrame, q: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: the summed share of its characters inside the quotes
    ``q`` (row order), and the row of the quote covering most of it (-1: none)."""
    n = len(sent)
    best_share = np.zeros(n)
    total = np.zeros(n)
    best_q = np.full(n, -1, dtype=np.int64)
    sent_aid = sent["article_id"].astype(str).to_numpy()
    s_start = sent["start"].to_numpy(dtype=np.int64)
    s_end = sent["end"].to_numpy(dtype=np.int64)
    by_article = {a: np.flatnonzero(sent_aid == a) for a in np.unique(sent_aid)}
    for qi, (aid, qs, qe) in enumerate(zip(q["article_id"], q["start"].astype(np.int64), q["end"].astype(np.int64))):
        idx = by_article.get(aid)
        if idx is None:
            continue
        ov = np.minimum(s_end[idx], qe) - np.maximum(s_start[idx], qs)
        hit = ov > 0
        if not hit.any():
            continue
        ii = idx[hit]
        share = ov[hit] / np.maximum(s_end[ii] - s_start[ii], 1)
        total[ii] += share
        better = share > best_share[ii]
        best_share[ii[better]] = share[better]
        best_q[ii[better]] = qi
    return total, best_q


def sentiment_by_voice(sentences_or_docs, quotes: pd.DataFrame, *, by: str = "side", method: str = "vader",
                       kinds: Sequence[str] = ("direct", "partial"), min_share: float = 0.5,
                       resample: str = "articles", n_boot: int = DEFAULT_N_BOOT, ci: float = 0.95,
                       seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Tone of quoted speech, grouped by speaker side (or speaker, or quote
    kind), against the narrative voice (the reporter's own sentences).

    Sentences are assigned a voice by :func:`sentence_voices`.  One row per
    group: ``voice`` (``quoted`` / ``narrative``), the grouping column
    (``side``: Canada, China, United States, other, unknown; ``speaker``:
    ``speaker_name``; ``kind``: the quote kind; ``voice``: quoted versus
    narrative only), ``n_sentences``, ``n_articles``, ``mean_compound`` with a
    bootstrap interval, and the label shares.  ``resample="articles"``
    (default) resamples whole articles (sentences of one article are not
    independent; no interval from a single article); ``"sentences"``
    resamples sentences, for a single article.  The narrative row is always
    ``voice="narrative"`` with the grouping column ``narration``.

    ``sentences_or_docs``: the table from :func:`sentence_sentiment` (any
    method) or documents, which are then scored with ``method``."""
    if by not in VOICE_GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(VOICE_GROUPINGS)}; got {by!r}")
    if resample not in ("articles", "sentences"):
        raise ValueError(f"resample must be 'articles' or 'sentences'; got {resample!r}")
    if isinstance(sentences_or_docs, pd.DataFrame) and "compound" in sentences_or_docs.columns:
        scored = sentences_or_docs
    else:
        scored = sentence_sentiment(sentences_or_docs, method=method)
    v = sentence_voices(scored, quotes, kinds=kinds, min_share=min_share)
    group_col = {"side": "side", "speaker": "speaker_name", "kind": "quote_kind", "voice": None}[by]
    if group_col is not None:
        v[group_col] = np.where(v["voice"] == "narrative", "narration", v[group_col].fillna("unknown").astype(object))
        keys = ["voice", group_col]
    else:
        keys = ["voice"]
    rows = []
    for key, grp in v.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        s = summarise(grp, ("voice",) + key, clusters="article_id" if resample == "articles" else None,
                       n_boot=n_boot, ci=ci, seed=seed)
        rows.append({**dict(zip(keys, key)), "n_articles": int(grp["article_id"].nunique()), **s})
    out = pd.DataFrame(rows, columns=keys + ["n_articles"] + AGGREGATE_VALUE_COLUMNS)
    out["method"] = scored["method"].iloc[0] if "method" in scored.columns and len(scored) else method
    return out
