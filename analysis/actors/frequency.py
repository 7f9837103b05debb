"""Actor tables built from the mentions (:func:`analysis.actors.find_mentions`):

* :func:`actor_frequency`: mentions per actor (or side, or kind), raw and per 1,000 words;
* :func:`prominence`: first-mention paragraph, in the lede, share of paragraphs;
* :func:`cooccurrence`: pairs of actors named in the same paragraph;
* :func:`actor_table`: one row per actor with its mention count.
"""
from __future__ import annotations

import pandas as pd

from analysis.actors.mentions import MATCH_TYPES
from analysis.core.text import segment_articles

__all__ = ["actor_frequency", "prominence", "cooccurrence", "actor_table", "LEVELS", "BY"]


def _article_sizes(mentions: pd.DataFrame, docs) -> tuple[dict, dict]:
    if docs is not None:
        documents = segment_articles(docs)
        return ({d.article_id: d.n_words for d in documents}, {d.article_id: d.n_paragraphs for d in documents})
    if "n_words" in mentions.attrs:
        return mentions.attrs["n_words"], mentions.attrs["n_paragraphs"]
    raise ValueError("pass docs= (the articles) to normalise per 1,000 words: the mentions table does not carry word counts")


LEVELS = ("article", "corpus")
BY = ("actor", "side", "kind")


def actor_frequency(mentions: pd.DataFrame, docs=None, *, by: str = "actor", level: str = "article",
                    matches=None, group_by: str | None = None) -> pd.DataFrame:
    """Mentions counted per actor (``by="actor"``), per side (``"side"``) or
    per kind (``"kind"``), for each article (``level="article"``) or over the
    corpus (``"corpus"``).

    Columns: the key(s), ``mentions`` (raw count), ``n_words`` (words of the
    article(s)), ``per_1000_words`` = ``1000 * mentions / n_words`` (more =
    more present; comparable across articles of different length) and
    ``articles`` (articles with at least one mention).  ``matches``: the match
    types to count (default all but ``adjective``, so ``Chinese`` is not a
    mention of China; pass :data:`MATCH_TYPES` to include them).
    ``group_by``: an article column to split the corpus level by (``outlet``),
    which needs ``docs`` to be the articles table.  Discovered candidates have
    no side; in ``by="side"`` they count as ``unknown``."""
    if by not in BY:
        raise ValueError(f"by must be one of {list(BY)}, not {by!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {list(LEVELS)}, not {level!r}")
    matches = tuple(m for m in MATCH_TYPES if m != "adjective") if matches is None else tuple(matches)
    bad = set(matches) - set(MATCH_TYPES)
    if bad:
        raise ValueError(f"unknown match type(s) {sorted(bad)}; allowed: {list(MATCH_TYPES)}")
    words, _ = _article_sizes(mentions, docs)
    m = mentions[mentions["match"].isin(matches)].copy()
    m["side"] = m["side"].fillna("unknown")
    keys = {"actor": ["actor_id", "name", "kind", "side"], "side": ["side"], "kind": ["kind"]}[by]
    if level == "article":
        g = m.groupby(["article_id", *keys], sort=False, dropna=False).size().rename("mentions").reset_index()
        g["n_words"] = g["article_id"].map(words).astype("int64")
        g["articles"] = 1
    else:
        extra = []
        if group_by is not None:
            if not isinstance(docs, pd.DataFrame) or group_by not in docs.columns:
                raise ValueError(f"group_by={group_by!r} needs docs to be the articles table with that column")
            lab = dict(zip(docs["article_id"].astype(str), docs[group_by].fillna("unknown").astype(str)))
            m[group_by] = m["article_id"].map(lab)
            extra = [group_by]
        g = (m.groupby([*extra, *keys], sort=False, dropna=False)
             .agg(mentions=("article_id", "size"), articles=("article_id", "nunique")).reset_index())
        if extra:
            tot = pd.Series(words).groupby(pd.Series(lab)).sum()
            g["n_words"] = g[group_by].map(tot).astype("int64")
        else:
            g["n_words"] = int(sum(words.values()))
    g["per_1000_words"] = 1000 * g["mentions"] / g["n_words"].where(g["n_words"] > 0)
    sort = (["article_id"] if level == "article" else ([group_by] if group_by else []))
    return g.sort_values([*sort, "mentions"], ascending=[True] * len(sort) + [False], kind="stable").reset_index(drop=True)


def prominence(mentions: pd.DataFrame, docs=None, *, matches=None) -> pd.DataFrame:
    """How prominently each actor appears in each article, one row per
    (article, actor):

    ``first_paragraph`` / ``first_sentence`` (1-based; lower = more
    prominent), ``first_position`` (relative position of the first mention,
    0 = top), ``in_lede`` (mentioned in paragraph 1), ``paragraphs`` (number
    of paragraphs that mention the actor), ``paragraph_share`` =
    ``paragraphs / n_paragraphs`` (0..1, higher = present through more of
    the article) and ``mentions``.  ``matches`` as in :func:`actor_frequency`."""
    matches = tuple(m for m in MATCH_TYPES if m != "adjective") if matches is None else tuple(matches)
    _, paras = _article_sizes(mentions, docs)
    m = mentions[mentions["match"].isin(matches)]
    cols = ["article_id", "actor_id", "name", "kind", "side", "first_paragraph", "first_sentence",
            "first_position", "in_lede", "paragraphs", "n_paragraphs", "paragraph_share", "mentions"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    g = m.groupby(["article_id", "actor_id"], sort=False, dropna=False).agg(
        name=("name", "first"), kind=("kind", "first"), side=("side", "first"),
        first_paragraph=("paragraph", "min"), first_sentence=("sentence", "min"),
        first_position=("relative_position", "min"), paragraphs=("paragraph", "nunique"),
        mentions=("start", "size"),
    ).reset_index()
    g["in_lede"] = g["first_paragraph"] == 1
    g["n_paragraphs"] = g["article_id"].map(paras).astype("int64")
    g["paragraph_share"] = g["paragraphs"] / g["n_paragraphs"]
    return g[cols].sort_values(["article_id", "first_position"], kind="stable").reset_index(drop=True)


def cooccurrence(mentions: pd.DataFrame, *, unit: str = "paragraph", level: str = "corpus",
                 matches=None) -> pd.DataFrame:
    """Pairs of actors named in the same paragraph (``unit="paragraph"``) or
    sentence (``"sentence"``).

    One row per unordered pair (``actor_a`` < ``actor_b`` by id, with names
    and sides), per article (``level="article"``) or over the corpus:
    ``units`` = number of paragraphs (sentences) naming both, ``articles``
    = articles with at least one such unit.  Groups are kept as groups; call
    :func:`expand_groups` first to credit members.  ``matches`` as in
    :func:`actor_frequency`."""
    if unit not in ("paragraph", "sentence"):
        raise ValueError(f"unit must be 'paragraph' or 'sentence', not {unit!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {list(LEVELS)}, not {level!r}")
    matches = tuple(m for m in MATCH_TYPES if m != "adjective") if matches is None else tuple(matches)
    m = mentions[mentions["match"].isin(matches)]
    info = m.drop_duplicates("actor_id").set_index("actor_id")[["name", "side"]]
    pairs = []
    for (aid, u), g in m.groupby(["article_id", unit], sort=False):
        ids = sorted(set(g["actor_id"]))
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                pairs.append((aid, u, ids[i], ids[j]))
    cols_key = ["article_id"] if level == "article" else []
    p = pd.DataFrame(pairs, columns=["article_id", unit, "actor_a", "actor_b"])
    g = (p.groupby([*cols_key, "actor_a", "actor_b"], sort=False)
         .agg(units=(unit, "size"), articles=("article_id", "nunique")).reset_index())
    for s in ("a", "b"):
        g[f"name_{s}"] = g[f"actor_{s}"].map(info["name"])
        g[f"side_{s}"] = g[f"actor_{s}"].map(info["side"])
    g["unit"] = unit
    order = [*cols_key, "actor_a", "name_a", "side_a", "actor_b", "name_b", "side_b", "unit", "units", "articles"]
    return g[order].sort_values([*cols_key, "units", "actor_a", "actor_b"], ascending=[True] * len(cols_key) + [False, True, True],
                                kind="stable").reset_index(drop=True)


def actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor found: ``actor_id``, ``name``, ``kind``, ``side``,
    ``gender``, ``gender_basis``, ``mentions``, ``articles``."""
    g = mentions.groupby("actor_id", sort=False, dropna=False).agg(
        name=("name", "first"), kind=("kind", "first"), side=("side", "first"),
        gender=("gender", "first"), gender_basis=("gender_basis", "first"),
        mentions=("start", "size"), articles=("article_id", "nunique"),
    ).reset_index()
    return g.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)


def counted_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions that count as mentions of actors: those of codebook
    actors (every ``match`` but ``discovered``); when the articles have no
    codebook (no such mention), the discovered actors' mentions instead.
    Country adjectives (``match == "adjective"``) are kept: a figure that
    leaves them out says so (:func:`mentions_without_adjectives`)."""
    coded = mentions[mentions["match"] != "discovered"]
    return mentions if coded.empty else coded


def mentions_without_adjectives(mentions: pd.DataFrame) -> pd.DataFrame:
    """Every mention but country adjectives (``Chinese``): the default of
    :func:`actor_frequency`, :func:`prominence` and :func:`cooccurrence`."""
    if "match" not in mentions.columns:
        return mentions
    return mentions[mentions["match"] != "adjective"]

