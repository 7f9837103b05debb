"""How the mentions and the quotes of the same articles refer to each other.

:func:`analysis.actors.find_mentions` and :func:`analysis.sourcing.extract_quotes`
each make one table; this module, above both families (it imports neither),
makes the two tables consistent:

* a mention is **in a quote** when it starts inside the words of a direct
  or partial quote of its article (``quote.start <= mention.start <
  quote.end``; indirect quotes are the reporter's paraphrase and do not
  count), the rule of ``find_mentions(..., quotes=...)``.  The mentions get
  ``in_quote`` (True/False, never NA once the quotes are known) and
  ``quote_id`` (that quote; NA when outside every quote);
* a quote's **speaker mention** is the mention of its article whose span
  overlaps the speaker as written (``speaker_start``..``speaker_end``): the
  quotes get ``speaker_mention_start``, the ``start`` of that mention (NA
  for a pronoun, a speaker no mention names, or no speaker).  The way back,
  from a mention to the quotes it speaks, is the join
  :func:`quotes_spoken_by` makes on (``article_id``, ``start``).

:func:`link` does both; the pipeline's sourcing step calls it, so every
results table of :func:`analysis.measure` is linked.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["link", "mark_in_quote", "link_speakers", "quotes_spoken_by", "QUOTE_KINDS_IN_QUOTE"]

QUOTE_KINDS_IN_QUOTE = ("direct", "partial")  # the source's own words; indirect is paraphrase


def _check(df: pd.DataFrame, need: set[str], what: str) -> None:
    missing = need - set(df.columns)
    if missing:
        raise ValueError(f"{what} table lacks column(s) {sorted(missing)}; it needs {sorted(need)}")


def _groups(df: pd.DataFrame) -> dict[str, np.ndarray]:
    """Row positions of ``df`` per article id."""
    if not len(df):
        return {}
    return {str(k): v for k, v in df.groupby(df["article_id"].astype(str), sort=False).indices.items()}


def mark_in_quote(mentions: pd.DataFrame, quotes: pd.DataFrame, *,
                  kinds: tuple[str, ...] = QUOTE_KINDS_IN_QUOTE) -> pd.DataFrame:
    """``mentions`` (a copy) with ``in_quote`` filled (boolean) and
    ``quote_id``: the quote of a kind in ``kinds`` whose words contain the
    mention's start (the latest-starting one when quotes nest), else NA."""
    _check(mentions, {"article_id", "start"}, "mentions")
    _check(quotes, {"article_id", "quote_id", "start", "end"}, "quotes")
    q = quotes[quotes["kind"].isin(kinds)] if "kind" in quotes.columns else quotes
    q_starts = q["start"].to_numpy(dtype=np.int64)
    q_ends = q["end"].to_numpy(dtype=np.int64)
    q_ids = q["quote_id"].to_numpy(dtype=object)
    by_article = _groups(q)
    m_starts = mentions["start"].to_numpy(dtype=np.int64)
    inside = np.zeros(len(mentions), dtype=bool)
    quote_id = np.full(len(mentions), None, dtype=object)
    for aid, rows in _groups(mentions).items():
        qrows = by_article.get(aid)
        if qrows is None:
            continue
        # quotes by start, with the running maximum of their ends: no quote up to
        # position k covers an offset at or after max_end[k], so the walk back stops there
        qrows = qrows[np.argsort(q_starts[qrows], kind="stable")]
        starts, ends = q_starts[qrows], q_ends[qrows]
        max_end = np.maximum.accumulate(ends)
        before = np.searchsorted(starts, m_starts[rows], side="right")  # quotes starting at or before
        for r, k in zip(rows.tolist(), before.tolist()):
            st = m_starts[r]
            k -= 1
            while k >= 0 and max_end[k] > st:
                if ends[k] > st:  # the latest-starting quote that covers it: the innermost
                    inside[r], quote_id[r] = True, q_ids[qrows[k]]
                    break
                k -= 1
    out = mentions.copy()
    out["in_quote"] = pd.array(inside, dtype="boolean")
    out["quote_id"] = quote_id
    return out


def link_speakers(quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` (a copy) with ``speaker_mention_start``: the ``start`` of
    the first mention (same article) overlapping the speaker as written,
    else NA (``Int64``)."""
    _check(quotes, {"article_id", "speaker_start", "speaker_end"}, "quotes")
    _check(mentions, {"article_id", "start", "end"}, "mentions")
    m_starts = mentions["start"].to_numpy(dtype=np.int64)
    m_ends = mentions["end"].to_numpy(dtype=np.int64)
    by_article = _groups(mentions)
    sp_start = pd.to_numeric(quotes["speaker_start"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    sp_end = pd.to_numeric(quotes["speaker_end"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    found: list = [pd.NA] * len(quotes)
    for aid, rows in _groups(quotes).items():
        mrows = by_article.get(aid)
        if mrows is None:
            continue
        mrows = mrows[np.argsort(m_starts[mrows], kind="stable")]
        starts, ends = m_starts[mrows], m_ends[mrows]
        longest = int((ends - starts).max())  # a mention starting before s - longest ends before s
        for r in rows.tolist():
            s, e = sp_start[r], sp_end[r]
            if np.isnan(s) or np.isnan(e):
                continue
            first, stop = np.searchsorted(starts, [s - longest, e], side="left").tolist()
            for k in range(first, stop):  # mentions starting before the speaker's end, in text order
                if ends[k] > s:
                    found[r] = int(starts[k])
                    break
    out = quotes.copy()
    out["speaker_mention_start"] = pd.array(found, dtype="Int64")
    return out


def link(mentions: pd.DataFrame, quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(mentions, quotes)`` linked both ways: :func:`mark_in_quote` and
    :func:`link_speakers`."""
    return mark_in_quote(mentions, quotes), link_speakers(quotes, mentions)


def quotes_spoken_by(mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per (mention, quote it is the speaker mention of): the
    mention's columns, then the quote's ``quote_id``, ``kind`` and ``text``
    (as ``quote_kind``, ``quote_text``).  ``quotes`` must be linked
    (:func:`link_speakers`)."""
    _check(quotes, {"article_id", "quote_id", "speaker_mention_start"}, "quotes")
    q = quotes[quotes["speaker_mention_start"].notna()]
    q = q[["article_id", "speaker_mention_start", "quote_id", "kind", "text"]].rename(
        columns={"speaker_mention_start": "start", "quote_id": "spoken_quote_id", "kind": "quote_kind",
                 "text": "quote_text"})
    q = q.astype({"start": "int64"})
    m = mentions.drop(columns=[c for c in ("spoken_quote_id", "quote_kind", "quote_text") if c in mentions.columns])
    return m.merge(q, on=["article_id", "start"], how="inner", sort=False)
