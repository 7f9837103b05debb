"""Balance statistics over the quote table: share of voice by group with
bootstrap intervals (:func:`sourcing_balance`), own words against
paraphrase (:func:`voice_directness`), the diversity of the sources
(:func:`source_diversity`) and where the quotes stand in the articles
(:func:`quote_positions`)."""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd

from analysis.core.bootstrap import cluster_weights, percentile_interval, seeded_generator
from analysis.core.text import segment_articles

_GROUP_COLUMNS = ("side", "speaker_kind", "speaker_gender", "kind", "attribution", "speaker_name")
_ARTICLE_COLUMNS = ("outlet", "date")


def _prepare(quotes: pd.DataFrame, by: Sequence[str], articles: pd.DataFrame | None) -> pd.DataFrame:
    """The quotes with the grouping columns filled (``unknown``,
    ``unattributed``; article fields joined from ``articles``) and the
    helper columns ``_counted`` and ``_source``."""
    if isinstance(by, str):
        by = (by,)
    allowed = set(_GROUP_COLUMNS) | set(_ARTICLE_COLUMNS)
    bad = [b for b in by if b not in allowed]
    if bad:
        raise ValueError(f"by= {bad} not allowed; choose from {sorted(allowed)}")
    q = quotes.copy()
    need_art = [b for b in by if b in _ARTICLE_COLUMNS and b not in q.columns]
    if need_art:
        if articles is None or any(b not in articles.columns for b in need_art):
            raise ValueError(f"grouping by {need_art} needs articles= with those columns")
        meta = articles[["article_id", *need_art]].drop_duplicates("article_id")
        q = q.merge(meta, on="article_id", how="left")
    for b in by:
        if b in ("side", "speaker_kind", "speaker_gender"):
            attributed = q["attribution"].ne("none") & q["speaker_name"].notna()
            q[b] = q[b].where(q[b].notna(), np.where(attributed, "unknown", "unattributed"))
        else:
            q[b] = q[b].fillna("unknown")
        if b == "date":
            q[b] = q[b].astype(str)
    # a partial quote inside an indirect one is part of that quote: counted once
    q["_counted"] = q["parent_quote_id"].isna() if "parent_quote_id" in q.columns else True
    q["_source"] = q["speaker_name"]
    return q


def sourcing_balance(quotes: pd.DataFrame, *, by: Sequence[str] | str = ("side",), level: str = "corpus",
                     articles: pd.DataFrame | None = None, n_boot: int = 1000, ci: float = 0.95,
                     seed: int = 0) -> pd.DataFrame:
    """Whose voices the coverage carries: quotes, quoted words and distinct
    sources per group, with their shares.

    ``by`` names the grouping columns: ``side``, ``speaker_kind``,
    ``speaker_gender``, ``kind``, ``attribution``, ``speaker_name``, or the
    article fields ``outlet`` and ``date`` (taken from ``articles``).  Speakers
    not in the codebook count under ``unknown``; quotes with no speaker under
    ``unattributed``.  ``level`` is ``article`` (one row per article and
    group) or ``corpus`` (one row per group over all articles).

    Columns: the keys, ``quotes`` (rows of :func:`extract_quotes`; a partial
    quote inside an indirect one is counted once, as part of it),
    ``quoted_words`` (word tokens inside those quotes), ``sources`` (distinct
    ``speaker_name``), and ``quote_share``, ``word_share``, ``source_share``:
    the group's count divided by the total of its article (article level) or
    of the corpus (corpus level; when ``by`` includes ``outlet`` or ``date``
    the shares are within each outlet/date).  At corpus level ``*_low`` and
    ``*_high`` give a percentile bootstrap interval (``ci``, ``n_boot``
    resamples of whole articles with replacement, within each outlet/date
    when those are keys, fixed ``seed``): articles, not quotes, are the
    sampling unit because quotes in one article are not independent.
    ``sources`` counts distinct resolved ``speaker_name`` values (unresolved
    pronouns and unattributed quotes add none).  A share is a description of the coverage, neither higher
    nor lower is "better"; balance means shares close to the parties' stake
    in the story, which the researcher must judge."""
    if level not in ("article", "corpus"):
        raise ValueError(f"level must be 'article' or 'corpus', not {level!r}")
    by = (by,) if isinstance(by, str) else tuple(by)
    q = _prepare(quotes, by, articles)
    q = q[q["_counted"]]
    outer = [b for b in by if b in _ARTICLE_COLUMNS]
    keys = list(by)
    if level == "article":
        g = q.groupby(["article_id", *keys], dropna=False)
        out = g.agg(quotes=("quote_id", "size"), quoted_words=("n_words", "sum"),
                    sources=("_source", "nunique")).reset_index()
        denom = out.groupby(["article_id", *outer])[["quotes", "quoted_words", "sources"]].transform("sum")
        for c, s in (("quotes", "quote_share"), ("quoted_words", "word_share"), ("sources", "source_share")):
            out[s] = out[c] / denom[c].where(denom[c] > 0)
        return out

    def table(frame: pd.DataFrame) -> pd.DataFrame:
        t = frame.groupby(keys, dropna=False).agg(quotes=("quote_id", "size"), quoted_words=("n_words", "sum"),
                                                  sources=("_source", "nunique"))
        # distinct sources counted per article then summed would double count;
        # here a source is a distinct name over the corpus
        tot = t.groupby(level=outer).transform("sum") if outer else t.sum()
        shares = t / tot
        shares.columns = ["quote_share", "word_share", "source_share"]
        return t.join(shares)

    out = table(q)
    if n_boot and len(q):
        out = out.join(_bootstrap_shares(q, keys, outer, out.index, n_boot=n_boot, ci=ci, seed=seed))
    return out.reset_index()


def _bootstrap_shares(q: pd.DataFrame, keys: list[str], outer: list[str], index: pd.Index, *, n_boot: int,
                      ci: float, seed: int) -> pd.DataFrame:
    """Percentile intervals of the three shares, resampling whole articles.

    Counts are summed per (article, group) once; a resample is a vector of
    article weights (multinomial), so each replicate is a matrix product."""
    arts, art_idx = np.unique(q["article_id"].to_numpy(), return_inverse=True)
    grp = pd.MultiIndex.from_frame(q[keys]) if len(keys) > 1 else pd.Index(q[keys[0]])
    g_idx = index.get_indexer(grp)
    G, A = len(index), len(arts)
    quotes = np.zeros((A, G))
    words = np.zeros((A, G))
    np.add.at(quotes, (art_idx, g_idx), 1.0)
    np.add.at(words, (art_idx, g_idx), q["n_words"].to_numpy(dtype=float))
    pair_group, has = _source_pairs(q, art_idx, g_idx, A)
    outer_idx, strata = _strata(q, outer, index, arts)
    rng = seeded_generator(seed)
    reps = np.empty((n_boot, 3, G))

    def shares(x):
        tot = np.zeros(outer_idx.max() + 1)
        np.add.at(tot, outer_idx, x)
        d = tot[outer_idx]
        return np.divide(x, d, out=np.zeros_like(x), where=d > 0)

    for b in range(n_boot):
        w = cluster_weights(rng, strata, A)
        present = (w @ has) > 0
        src = np.bincount(pair_group[present], minlength=G).astype(float)
        reps[b, 0] = shares(w @ quotes)
        reps[b, 1] = shares(w @ words)
        reps[b, 2] = shares(src)
    lo, hi = percentile_interval(reps, ci, axis=0)
    cols = {}
    for k, c in enumerate(["quote_share", "word_share", "source_share"]):
        cols[f"{c}_low"] = lo[k]
        cols[f"{c}_high"] = hi[k]
    return pd.DataFrame(cols, index=index)


def _source_pairs(q: pd.DataFrame, art_idx: np.ndarray, g_idx: np.ndarray,
                  n_articles: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (group, source name) pairs: the group of each pair and
    an article x pair matrix of presence.  A distinct source of a resample is
    a pair present in at least one sampled article."""
    named = q["_source"].notna().to_numpy()
    pair = pd.Series([f"{g}|{n}" for g, n in zip(g_idx[named], q["_source"].to_numpy()[named])], dtype=object)
    pairs, pair_idx = np.unique(pair.to_numpy(dtype=str), return_inverse=True)
    pair_group = np.zeros(len(pairs), dtype=int)
    pair_group[pair_idx] = g_idx[named]
    has = np.zeros((n_articles, len(pairs)), dtype=bool)
    has[art_idx[named], pair_idx] = True
    return pair_group, has


def _strata(q: pd.DataFrame, outer: list[str], index: pd.Index,
            arts: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """Which groups share a share's denominator (the same outlet/date when
    those are keys) and the strata of articles resampled apart (the articles
    of each outlet/date; one stratum otherwise)."""
    if outer:
        outer_key = index.to_frame(index=False)[outer].astype(str).agg("|".join, axis=1).to_numpy()
        art_stratum = q.groupby("article_id")[outer].first().astype(str).agg("|".join, axis=1).reindex(arts).to_numpy()
    else:
        outer_key = np.zeros(len(index), dtype=object)
        art_stratum = np.zeros(len(arts), dtype=object)
    _, outer_idx = np.unique(outer_key, return_inverse=True)
    return outer_idx, [np.flatnonzero(art_stratum == v) for v in pd.unique(art_stratum)]


def voice_directness(quotes: pd.DataFrame, *, by: Sequence[str] | str = ("side",),
                     articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much of each group's voice is in its own words.

    One row per group: ``direct_words`` (words in direct and partial quotes:
    the speaker's own words), ``paraphrased_words`` (words of indirect quotes,
    less the partial quotes inside them), ``direct_share`` =
    direct / (direct + paraphrased), and the quote counts ``direct_quotes``,
    ``partial_quotes``, ``indirect_quotes``.  A higher direct share means the
    coverage lets that group speak for itself more often rather than
    summarising it; it is a description, not a quality score."""
    by = (by,) if isinstance(by, str) else tuple(by)
    q = _prepare(quotes, by, articles)
    q["_own"] = np.where(q["kind"].isin(["direct", "partial"]), q["n_words"], 0)
    nested = q.loc[q["parent_quote_id"].notna(), ["parent_quote_id", "n_words"]] \
        .groupby("parent_quote_id")["n_words"].sum()
    q["_para"] = np.where(q["kind"].eq("indirect"), q["n_words"] - q["quote_id"].map(nested).fillna(0), 0)
    g = q.groupby(list(by), dropna=False)
    out = g.agg(direct_words=("_own", "sum"), paraphrased_words=("_para", "sum"),
                direct_quotes=("kind", lambda s: int((s == "direct").sum())),
                partial_quotes=("kind", lambda s: int((s == "partial").sum())),
                indirect_quotes=("kind", lambda s: int((s == "indirect").sum()))).reset_index()
    tot = out["direct_words"] + out["paraphrased_words"]
    out["direct_share"] = out["direct_words"] / tot.where(tot > 0)
    out["direct_words"] = out["direct_words"].astype("int64")
    out["paraphrased_words"] = out["paraphrased_words"].astype("int64")
    return out


def source_diversity(quotes: pd.DataFrame, *, by: str = "side", weight: str = "quotes",
                     level: str = "article", categories: Sequence[str] | None = None) -> pd.DataFrame:
    """Normalised Shannon entropy of the quotes over the groups of ``by``.

    ``H = -sum_k p_k ln p_k`` over the groups k with ``p_k`` the group's share
    of the quotes (``weight="quotes"``) or of the quoted words
    (``weight="words"``), divided by ``ln K`` where K is the number of
    categories (``categories``, default: every value of ``by`` seen in the
    whole table; quotes of groups outside ``categories`` are left out).  0 means one group has every quote, 1 means the quotes are
    spread evenly over all K groups: higher is more diverse (Shannon 1948;
    Pielou's evenness J).  Unattributed quotes are left out.  One row per
    article (``level="article"``) or one row for the corpus, with
    ``n_quotes``, ``n_groups`` (groups present) and ``diversity`` (NaN when
    K < 2 or there is no quote)."""
    if weight not in ("quotes", "words"):
        raise ValueError(f"weight must be 'quotes' or 'words', not {weight!r}")
    if level not in ("article", "corpus"):
        raise ValueError(f"level must be 'article' or 'corpus', not {level!r}")
    q = _prepare(quotes, (by,), None)
    q = q[q["_counted"] & q[by].ne("unattributed")]
    cats = list(categories) if categories is not None else sorted(q[by].astype(str).unique())
    q = q[q[by].astype(str).isin(cats)]
    K = len(cats)
    q = q.assign(_w=q["n_words"] if weight == "words" else 1)

    def entropy(frame):
        w = frame.groupby(by)["_w"].sum()
        w = w[w > 0]
        p = w / w.sum() if w.sum() else w
        h = float(-(p * np.log(p)).sum()) if len(p) else float("nan")
        return pd.Series({"n_quotes": len(frame), "n_groups": len(p),
                          "diversity": h / math.log(K) if K >= 2 and len(p) else float("nan")})

    if level == "corpus":
        return entropy(q).to_frame().T.assign(by=by, categories=K)
    rows = [entropy(f).rename(a) for a, f in q.groupby("article_id")]
    out = pd.DataFrame(rows).rename_axis("article_id").reset_index() if rows else pd.DataFrame(
        columns=["article_id", "n_quotes", "n_groups", "diversity"])
    out["n_quotes"] = out["n_quotes"].astype("int64")
    out["n_groups"] = out["n_groups"].astype("int64")
    return out


def quote_positions(quotes: pd.DataFrame, docs) -> pd.DataFrame:
    """Where along each article the quotes are: the quote table with
    ``relative_position`` = start / len(body) (0 = top, 1 = end) and
    ``paragraph_share`` = paragraph / number of paragraphs."""
    documents = {d.article_id: d for d in segment_articles(docs)}
    q = quotes.copy()
    q["relative_position"] = [s / max(len(documents[a].text), 1) for a, s in zip(q["article_id"], q["start"])]
    q["paragraph_share"] = [p / max(documents[a].n_paragraphs, 1) for a, p in zip(q["article_id"], q["paragraph"])]
    return q


