"""Tone toward actors: the tone of the text around each actor's mentions
(the sentence, the paragraph, or a window of words), per article or over the
corpus (:func:`targeted_sentiment`)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.sentiment.aggregates import DEFAULT_N_BOOT, DEFAULT_SEED, summarise
from analysis.sentiment.scorers import check_method, score_texts
from analysis.core.text import Document, segment_articles

__all__ = ["MENTION_COLUMNS", "TARGET_COLUMNS", "targeted_sentiment"]

START, END = 0, 1  # the columns of Document.tokens: [start, end) offsets of each token

MENTION_COLUMNS = {"article_id", "actor_id", "start", "end"}
TARGET_COLUMNS = [
    "article_id", "actor_id", "name", "kind", "side", "n_mentions", "n_units",
    "mean_compound", "mean_compound_low", "mean_compound_high",
    "share_positive", "share_negative", "share_neutral",
]


def _window_units(doc: Document, starts: np.ndarray, ends: np.ndarray, window) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans whose tone is attributed to a mention."""
    if window == "sentence":
        idx = doc.sentences_of(starts)
        return [tuple(doc.sentences[i].tolist()) for i in idx]
    if window == "paragraph":
        idx = doc.paragraphs_of(starts)
        return [tuple(doc.paragraphs[i].tolist()) for i in idx]
    k = int(window)
    spans = []
    word_idx = np.flatnonzero(doc.token_is_word)
    wstarts = doc.tokens[word_idx, START]
    for s, e in zip(starts.tolist(), ends.tolist()):
        sent = doc.sentence_at(s)
        ss, se = doc.sentences[sent]
        first = int(np.searchsorted(wstarts, s, side="left"))
        last = int(np.searchsorted(wstarts, e, side="left")) - 1
        lo_w, hi_w = max(first - k, 0), min(max(last, first) + k, len(word_idx) - 1)
        lo = max(int(doc.tokens[word_idx[lo_w], START]), int(ss)) if len(word_idx) else s
        hi = min(int(doc.tokens[word_idx[hi_w], END]), int(se)) if len(word_idx) else e
        spans.append((min(lo, s), max(hi, e)))
    return spans


def targeted_sentiment(docs, mentions: pd.DataFrame, *, window: str | int = "sentence", method: str = "vader",
                       level: str = "article", exclusive: bool = False, n_boot: int = DEFAULT_N_BOOT,
                       ci: float = 0.95, seed: int = DEFAULT_SEED, units: bool = False) -> pd.DataFrame:
    """Tone of the text around each actor's mentions.

    ``mentions`` is the table of :func:`analysis.actors.find_mentions` (needs
    ``article_id``, ``actor_id``, ``start``, ``end``; ``name``, ``kind``,
    ``side`` are carried over when present).  ``window`` says which text a
    mention's tone comes from: ``"sentence"`` (default: the shared-segmentation
    sentence that contains the mention), ``"paragraph"``, or an integer ``k``
    (the mention plus ``k`` words either side, cut at the sentence's ends,
    scored as a text of its own).  A unit mentioning an actor several times
    counts once for that actor.  ``exclusive=True`` keeps only units that
    mention no other actor, so a sentence naming both China and Canada is not
    credited to both (the default keeps them: say which you used).

    ``level="article"``: one row per ``(article_id, actor_id)``;
    ``level="corpus"``: one row per actor over all articles, interval from a
    cluster bootstrap over articles.  Columns: ``n_mentions``, ``n_units``
    (distinct sentences / paragraphs / windows scored), ``mean_compound`` (-1..1,
    higher = warmer), its ``_low``/``_high`` bootstrap limits, the label shares;
    ``n_articles`` at corpus level.  ``units=True`` returns the scored units
    instead (one row per actor and unit)."""
    _check_options(mentions, window=window, method=method, level=level)
    documents = {d.article_id: d for d in segment_articles(docs)}
    m = mentions.dropna(subset=["actor_id"])
    m = m[m["article_id"].astype(str).isin(documents.keys())]
    u = _mention_units(documents, m, window)
    n_mentions = u.groupby(["article_id", "actor_id"]).size().rename("n_mentions")
    u = u.drop_duplicates(["article_id", "actor_id", "start", "end"])
    if exclusive and len(u):
        per_unit = u.groupby(["article_id", "start", "end"])["actor_id"].transform("nunique")
        u = u[per_unit == 1]
    # score every distinct unit once
    distinct = u[["article_id", "start", "end"]].drop_duplicates().reset_index(drop=True)
    sc = _score_units(documents, distinct, method)
    distinct = pd.concat([distinct, sc[["compound", "label"]]], axis=1)
    u = u.merge(distinct, on=["article_id", "start", "end"], how="left")
    info_cols = [c for c in ("name", "kind", "side") if c in mentions.columns]
    info = m.drop_duplicates("actor_id").set_index("actor_id")[info_cols] if info_cols else None
    if units:
        u = u.assign(window=str(window), method=method)
        if info is not None:
            u = u.join(info, on="actor_id")
        return u.reset_index(drop=True)
    out = _actor_rows(u, n_mentions, level=level, n_boot=n_boot, ci=ci, seed=seed)
    for c in ("name", "kind", "side"):
        out[c] = out["actor_id"].map(info[c]) if (info is not None and c in info.columns and len(out)) else None
    out = out.reindex(columns=_columns(level) + ["share_negative_low", "share_negative_high", "share_positive_low",
                                                 "share_positive_high"])
    out["window"] = str(window)
    out["method"] = method
    if len(out):  # articles in id order, then the most mentioned actors first
        first = ["article_id"] if level == "article" else []
        out = out.sort_values(first + ["n_mentions", "actor_id"], ascending=[True] * len(first) + [False, True],
                              kind="stable").reset_index(drop=True)
    return out


def _check_options(mentions: pd.DataFrame, *, window, method: str, level: str) -> None:
    """ValueErrors that list the allowed values of each option."""
    check_method(method)
    if level not in ("article", "corpus"):
        raise ValueError(f"level must be 'article' or 'corpus'; got {level!r}")
    if not (window in ("sentence", "paragraph") or (isinstance(window, (int, np.integer)) and window >= 0)):
        raise ValueError(f"window must be 'sentence', 'paragraph' or a number of words >= 0; got {window!r}")
    missing = MENTION_COLUMNS - set(mentions.columns)
    if missing:
        raise ValueError(f"mentions table lacks column(s) {sorted(missing)} (see docs/data-dictionary.md)")


def _mention_units(documents: dict[str, Document], m: pd.DataFrame, window) -> pd.DataFrame:
    """One row per mention: ``article_id``, ``actor_id`` and the span of its unit."""
    unit_rows = []
    for aid, grp in m.groupby(m["article_id"].astype(str), sort=False):
        d = documents[aid]
        spans = _window_units(d, grp["start"].to_numpy(dtype=np.int64), grp["end"].to_numpy(dtype=np.int64), window)
        for actor, span in zip(grp["actor_id"].tolist(), spans):
            unit_rows.append((aid, actor, int(span[0]), int(span[1])))
    return pd.DataFrame(unit_rows, columns=["article_id", "actor_id", "start", "end"])


def _score_units(documents: dict[str, Document], distinct: pd.DataFrame, method: str) -> pd.DataFrame:
    """:func:`score_texts` of each distinct unit (``article_id``, ``start``, ``end``)."""
    texts = [documents[a].quote_text[s:e] for a, s, e in distinct.itertuples(index=False)]
    words = None
    if method == "news":
        words = []
        for a, s, e in distinct.itertuples(index=False):
            d = documents[a]
            ok = (d.tokens[:, START] >= s) & (d.tokens[:, END] <= e) & d.token_is_word
            words.append([d.quote_text[x:y] for x, y in d.tokens[ok].tolist()])
    return score_texts(texts, method=method, words=words)


def _actor_rows(u: pd.DataFrame, n_mentions: pd.Series, *, level: str, n_boot: int, ci: float,
                seed: int) -> pd.DataFrame:
    """The summary of each actor's scored units, per article or over the corpus."""
    keys = ["article_id", "actor_id"] if level == "article" else ["actor_id"]
    rows = []
    for key, grp in u.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        s = summarise(grp, key, clusters="article_id" if level == "corpus" else None,
                      n_boot=n_boot, ci=ci, seed=seed)
        row = dict(zip(keys, key))
        if level == "article":
            row["n_mentions"] = int(n_mentions.loc[key])
        else:
            row["n_mentions"] = int(n_mentions.xs(key[0], level="actor_id").sum())
            row["n_articles"] = int(grp["article_id"].nunique())
        row["n_units"] = s.pop("n_sentences")
        rows.append({**row, **s})
    return pd.DataFrame(rows)


def _columns(level: str) -> list[str]:
    """The leading columns of the table of ``level``, in order."""
    keys = ["article_id", "actor_id"] if level == "article" else ["actor_id"]
    cols = [c for c in TARGET_COLUMNS if c in keys or c not in ("article_id", "actor_id")]
    cols = keys + [c for c in cols if c not in keys]
    if level == "corpus":
        cols.insert(cols.index("n_units"), "n_articles")
    return cols
