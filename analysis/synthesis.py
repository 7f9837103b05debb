"""Crossings of the four families: who speaks and who is only spoken about,
in what tone, how readably, and how prominently.

Every function here is built only on the families' public functions
(:mod:`analysis.actors`, :mod:`analysis.sourcing`, :mod:`analysis.sentiment`,
:mod:`analysis.readability`) and returns a tidy table; the counting rules are
theirs, so a number here agrees with the same number in the family's own
notebook.

* :func:`voice_and_mentions`: per actor (or side), how often it is mentioned
  and how often it is quoted: actors *mentioned but never given voice*.
* :func:`tone_by_voice`: per side, the tone of its own quoted words against
  the tone of the narration (the reporter's sentences) that mentions it.
* :func:`readability_by_voice`: readability of quoted words (all, and per
  speaker side) against the narration.
* :func:`prominence_and_voice`: per side, prominence (lede, first mention,
  share of mentions) against share of voice (quotes and quoted words).

Conventions (stated once, used everywhere): a *mention* excludes adjectives
(``Chinese`` is not a mention of China), as in
:func:`analysis.actors.actor_frequency`; a *quote* is a row of
:func:`analysis.sourcing.extract_quotes`, with a partial quote inside an
indirect one counted once (as part of it), as in
:func:`analysis.sourcing.sourcing_balance`; a sentence is *quoted* voice when
at least half its characters are inside direct or partial quotes, else
*narrative*, as in :func:`analysis.sentiment.sentence_voices`.  None of these
numbers is better when higher: they describe the coverage.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from analysis.actors.frequency import mentions_without_adjectives
from analysis.actors.sides import SIDE_ORDER
from analysis.core.text import segment_articles

__all__ = [
    "SPEAKING_KINDS",
    "voice_and_mentions",
    "tone_by_voice",
    "readability_by_voice",
    "prominence_and_voice",
    "counted_quotes",
]

# Actors that can speak for themselves: people, organisations and named
# groups.  Countries speak through people and ministries, so "China was never
# quoted" would be true and meaningless.
SPEAKING_KINDS = ("person", "organisation", "group")


def _sides() -> list[str]:
    return SIDE_ORDER + ["unknown"]  # the sides in use (analysis.actors.sides.set_side_order)


def counted_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes counted once: a partial quote inside an indirect one
    (``parent_quote_id`` set) is part of its parent, as in
    :func:`analysis.sourcing.sourcing_balance`."""
    if "parent_quote_id" not in quotes.columns:
        return quotes
    return quotes[quotes["parent_quote_id"].isna()]


def _side_or_unknown(s: pd.Series) -> pd.Series:
    return s.astype(object).where(s.notna(), "unknown")


def voice_and_mentions(mentions: pd.DataFrame, quotes: pd.DataFrame, *, by: str = "actor",
                       kinds: Sequence[str] | None = SPEAKING_KINDS) -> pd.DataFrame:
    """Who is quoted versus who is only talked about.

    ``by="actor"``: one row per codebook actor that is mentioned or quoted
    (``actor_id``, ``name``, ``kind``, ``side``); ``by="side"``: one row per side.
    ``kinds``: the actor kinds kept (default :data:`SPEAKING_KINDS`; None keeps
    every kind, countries included).  Discovered names (no codebook entry)
    are left out: they have no side and cannot be matched to speakers.

    Columns: ``mentions`` (mentions, adjectives excluded), ``articles_mentioned``,
    ``quotes`` (quotes with this actor as resolved speaker, a partial quote
    inside a paraphrase counted once), ``quoted_words`` (words of those
    quotes), ``articles_quoted``, ``quotes_per_mention`` = quotes / mentions
    (0 = talked about, never heard; NaN when never mentioned) and
    ``status``: ``quoted`` or ``mentioned only`` (at least one mention, no
    quote) or ``quoted only`` (a speaker the mention finder did not match).
    Sorted by mentions, most first."""
    if by not in {"actor", "side"}:
        raise ValueError(f"by must be 'actor' or 'side', not {by!r}")
    m = mentions_without_adjectives(mentions)
    m = m[m["actor_id"].notna() & ~m["actor_id"].astype(str).str.startswith("cand:")]
    if "match" in m.columns:
        m = m[m["match"] != "discovered"]
    q = counted_quotes(quotes)
    # codebook actors only, as for the mentions (a discovered speaker's id is a cand: candidate)
    q = q[q["speaker_actor_id"].notna() & ~q["speaker_actor_id"].astype(str).str.startswith("cand:")]
    if kinds is not None:
        m = m[m["kind"].isin(kinds)]
        q = q[q["speaker_kind"].isin(kinds)]
    words = q["n_words"] if "n_words" in q.columns else q["text"].str.split().str.len()
    q = q.assign(n_words=words)
    ment = m.groupby("actor_id").agg(
        name=("name", "first"), kind=("kind", "first"), side=("side", "first"),
        mentions=("start", "size"), articles_mentioned=("article_id", "nunique"))
    quot = q.groupby("speaker_actor_id").agg(
        q_name=("speaker_name", "first"), q_kind=("speaker_kind", "first"), q_side=("side", "first"),
        quotes=("start", "size"), quoted_words=("n_words", "sum"), articles_quoted=("article_id", "nunique"))
    quot.index.name = "actor_id"
    t = ment.join(quot, how="outer")
    for col in ("name", "kind", "side"):
        t[col] = t[col].astype(object).where(t[col].notna(), t[f"q_{col}"])
    t = t.drop(columns=["q_name", "q_kind", "q_side"])
    for col in ("mentions", "articles_mentioned", "quotes", "quoted_words", "articles_quoted"):
        t[col] = t[col].fillna(0).astype(int)
    t["side"] = _side_or_unknown(t["side"])
    t = t.reset_index()
    t["quotes_per_mention"] = t["quotes"] / t["mentions"].where(t["mentions"] > 0)
    t["status"] = np.where(t["quotes"] == 0, "mentioned only",
                           np.where(t["mentions"] == 0, "quoted only", "quoted"))
    if by == "side":
        t = t.assign(mentioned_only=t["status"] == "mentioned only")
        t = t.groupby("side", sort=False).agg(
            actors=("actor_id", "nunique"), actors_mentioned_only=("mentioned_only", "sum"),
            mentions=("mentions", "sum"), quotes=("quotes", "sum"), quoted_words=("quoted_words", "sum"),
        ).reset_index()
        t["actors_mentioned_only"] = t["actors_mentioned_only"].astype(int)
        t["quotes_per_mention"] = t["quotes"] / t["mentions"].where(t["mentions"] > 0)
        order = {s: i for i, s in enumerate(_sides())}
        return t.sort_values("side", key=lambda s: s.map(order).fillna(99)).reset_index(drop=True)
    cols = ["actor_id", "name", "kind", "side", "mentions", "articles_mentioned", "quotes", "quoted_words",
            "articles_quoted", "quotes_per_mention", "status"]
    return t[cols].sort_values(["mentions", "quotes", "actor_id"], ascending=[False, False, True]).reset_index(drop=True)


def tone_by_voice(docs, quotes: pd.DataFrame, mentions: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
                  method: str = "vader", n_boot: int = 2000, seed: int = 20261128) -> pd.DataFrame:
    """Tone of each side's own quoted words against the tone of the narration
    about that side.

    ``quoted``: sentences in a side's direct or partial quotes
    (:func:`analysis.sentiment.sentiment_by_voice` with ``by="side"``).
    ``narration about``: the reporter's own sentences (narrative voice) that
    mention an actor of the side (adjectives excluded), each sentence counted
    once per side, through :func:`analysis.sentiment.targeted_sentiment` with
    the side as the target.  ``narration (all)``: every narrative sentence, the
    baseline.

    One row per (``side``, ``voice``): ``n_sentences``, ``n_articles``,
    ``mean_compound`` (mean sentence compound, -1..1, higher = warmer) and
    ``mean_compound_low``/``_high`` (bootstrap over articles; NaN with one
    article).  ``sentences``: a table from
    :func:`analysis.sentiment.sentence_sentiment` to reuse (else scored with
    ``method``).  A side whose quoted words are warmer than the narration
    about it is presented more favourably by its own voice than by the
    reporter's: a description, not a bias verdict (quotes are chosen by the
    reporter too)."""
    from analysis.sentiment import sentence_sentiment, sentence_voices, sentiment_by_voice, targeted_sentiment

    docs = segment_articles(docs)
    if sentences is None:
        sentences = sentence_sentiment(docs, method=method)
    by_voice = sentiment_by_voice(sentences, quotes, by="side", n_boot=n_boot, seed=seed)
    rows = []
    for r in by_voice.itertuples(index=False):
        if r.voice == "quoted":
            rows.append({"side": r.side, "voice": "quoted", "n_sentences": r.n_sentences,
                         "n_articles": r.n_articles, "mean_compound": r.mean_compound,
                         "mean_compound_low": r.mean_compound_low, "mean_compound_high": r.mean_compound_high})
        else:
            rows.append({"side": "all", "voice": "narration (all)", "n_sentences": r.n_sentences,
                         "n_articles": r.n_articles, "mean_compound": r.mean_compound,
                         "mean_compound_low": r.mean_compound_low, "mean_compound_high": r.mean_compound_high})
    voices = sentence_voices(sentences, quotes)
    narrative = voices.loc[voices["voice"] == "narrative", ["article_id", "sentence"]]
    m = mentions_without_adjectives(mentions)
    m = m[m["side"].notna()].merge(narrative, on=["article_id", "sentence"], how="inner")
    if len(m):
        as_side = m.assign(actor_id=m["side"].astype(str), name=m["side"].astype(str))
        about = targeted_sentiment(docs, as_side, window="sentence", method=method, level="corpus",
                                   n_boot=n_boot, seed=seed)
        for r in about.itertuples(index=False):
            rows.append({"side": r.actor_id, "voice": "narration about", "n_sentences": int(r.n_units),
                         "n_articles": int(r.n_articles), "mean_compound": r.mean_compound,
                         "mean_compound_low": r.mean_compound_low, "mean_compound_high": r.mean_compound_high})
    out = pd.DataFrame(rows, columns=["side", "voice", "n_sentences", "n_articles", "mean_compound",
                                      "mean_compound_low", "mean_compound_high"])
    order = {s: i for i, s in enumerate(["all"] + _sides())}
    vorder = {"narration (all)": 0, "narration about": 1, "quoted": 2}
    out = out.assign(_s=out["side"].map(order).fillna(99), _v=out["voice"].map(vorder))
    return out.sort_values(["_s", "_v"]).drop(columns=["_s", "_v"]).reset_index(drop=True)


def readability_by_voice(docs, quotes: pd.DataFrame, *, sides: Sequence[str] | None = None,
                         indices: Sequence[str] = ("flesch_kincaid_grade", "flesch_reading_ease")) -> pd.DataFrame:
    """Readability of quoted words against the narration, over the corpus.

    Rows: ``narrative`` (the reporter's words, all quotes removed),
    ``quoted`` (words inside direct and partial quotes of every speaker) and
    one ``quoted`` row per speaker ``side`` (that side's direct and partial
    quotes only).  Counts come from
    :func:`analysis.readability.readability` with ``quotes`` (its voice split
    and NaN rules), are summed over articles and turned into indices with
    :func:`analysis.readability.indices_from_counts`, so long articles weigh
    more (pooled counts, not a mean of article scores).

    Columns: ``voice``, ``side`` (``all`` or the side), ``articles``,
    ``words``, ``sentences``, ``words_per_sentence``, ``syllables_per_word``
    and the ``indices`` (Flesch–Kincaid grade: school years, lower = easier;
    Flesch Reading Ease: 0-100, higher = easier).  Quoted speech is often
    a few fragments; indices over fewer than 100 words are unstable and are
    flagged in ``few_words``."""
    from analysis.readability import COUNT_COLUMNS, indices_from_counts, readability

    docs = segment_articles(docs)
    q = quotes[quotes["kind"].isin(["direct", "partial"])]
    frames = []
    base = readability(docs, level="article", quotes=quotes)
    base = base.assign(side="all")
    frames.append(base)
    side_list = sides if sides is not None else [s for s in SIDE_ORDER if s in set(q["side"].dropna())]
    for side in side_list:
        sq = q[q["side"] == side]
        if not len(sq):
            continue
        r = readability(docs, level="article", quotes=sq)
        frames.append(r[r["voice"] == "quoted"].assign(side=side))
    allr = pd.concat(frames, ignore_index=True)
    rows = []
    for (voice, side), grp in allr.groupby(["voice", "side"], sort=False):
        counts = {c: float(grp[c].sum()) for c in COUNT_COLUMNS if c in grp.columns}
        if "longest_sentence_words" in counts:
            counts["longest_sentence_words"] = float(grp["longest_sentence_words"].max())
        idx = indices_from_counts(counts)
        row = {"voice": voice, "side": side, "articles": int(grp["article_id"].nunique()),
               "words": int(counts.get("words", 0)), "sentences": counts.get("sentences", np.nan)}
        row["words_per_sentence"] = row["words"] / row["sentences"] if row["sentences"] else np.nan
        row["syllables_per_word"] = counts.get("syllables", np.nan) / row["words"] if row["words"] else np.nan
        for name in indices:
            row[name] = float(idx[name]) if name in idx else np.nan
        row["few_words"] = row["words"] < 100
        rows.append(row)
    out = pd.DataFrame(rows)
    order = {("narrative", "all"): 0, ("quoted", "all"): 1}
    out["_o"] = [order.get((v, s), 2 + (_sides().index(s) if s in _sides() else 9)) for v, s in zip(out["voice"], out["side"])]
    return out.sort_values("_o").drop(columns="_o").reset_index(drop=True)


def prominence_and_voice(mentions: pd.DataFrame, quotes: pd.DataFrame, docs=None) -> pd.DataFrame:
    """Prominence of each side against its share of voice, over the corpus.

    One row per side (codebook sides; discovered names with no side are left
    out of every share): ``lede_share`` (share of the mentions in lede
    paragraphs, paragraph 1, that are the side's), ``first_share`` (share of
    articles in which the side is the first side mentioned),
    ``mention_share`` (share of all mentions), ``quote_share`` and
    ``word_share`` (share of quotes and of quoted words whose speaker is on the
    side, from :func:`analysis.sourcing.sourcing_balance`; quotes with no
    resolved side are left out here too, so the shares over sides sum to 1).
    Also the counts behind them: ``lede_mentions``, ``first_articles``,
    ``mentions``, ``quotes``, ``quoted_words``, and ``articles``.  A side with
    a larger mention or lede share than quote share is talked about more
    than it is heard."""
    from analysis.sourcing import sourcing_balance

    m = mentions_without_adjectives(mentions)
    m = m[m["side"].notna()]
    m = m.assign(side=m["side"].astype(str))
    lede = m[m["paragraph"] == 1]
    first = m.sort_values(["article_id", "start"]).drop_duplicates("article_id")
    q = counted_quotes(quotes)
    q = q[q["side"].notna() & (q["side"].astype(str) != "unknown")]
    bal = sourcing_balance(q, by="side", level="corpus", n_boot=0) if len(q) else pd.DataFrame(
        columns=["side", "quotes", "quoted_words"])
    bal = bal.set_index("side") if len(bal) else bal
    sides = [s for s in SIDE_ORDER if s in set(m["side"]) | set(q["side"].astype(str))]
    n_articles = int(m["article_id"].nunique())
    rows = []
    for side in sides:
        rows.append({
            "side": side,
            "lede_mentions": int((lede["side"] == side).sum()),
            "first_articles": int((first["side"] == side).sum()),
            "mentions": int((m["side"] == side).sum()),
            "quotes": int(bal.loc[side, "quotes"]) if len(bal) and side in bal.index else 0,
            "quoted_words": int(bal.loc[side, "quoted_words"]) if len(bal) and side in bal.index else 0,
            "articles": n_articles,
        })
    out = pd.DataFrame(rows, columns=["side", "lede_mentions", "first_articles", "mentions", "quotes",
                                      "quoted_words", "articles"])

    def share(col):
        total = out[col].sum()
        return out[col] / total if total else np.nan

    out["lede_share"] = share("lede_mentions")
    out["first_share"] = out["first_articles"] / n_articles if n_articles else np.nan
    out["mention_share"] = share("mentions")
    out["quote_share"] = share("quotes")
    out["word_share"] = share("quoted_words")
    return out
