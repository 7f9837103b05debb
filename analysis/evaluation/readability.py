"""Readability indices against OneStopEnglish levels (human-levelled texts).

OneStopEnglish (Vajjala & Lučić 2018; ``<shared>/benchmarks/readability``)
has Guardian articles each rewritten by teachers at three levels: elementary
(1), intermediate (2), advanced (3).  For every index (oriented so that
higher = harder; Flesch Reading Ease is negated) and for plain word count
(the length baseline the benchmark README warns about):

``pairs``
    Share of same-article level pairs (ele<int, ele<adv, int<adv) ordered
    correctly; ties count one half.  Near saturation for anything (length
    already orders 100 %), so read it with the two unpaired measures.
``spearman``
    Spearman's rank correlation between the index and the level over all
    texts (articles pooled).
``cross``
    Concordance across *different* articles: over every pair of texts from
    different articles and different levels, the share where the harder
    level has the higher score (ties one half).  0.5 is chance.

Every figure is on the DEV half (94 articles, 282 texts).  Nothing is fitted.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluation.data import benchmark_file, cached_frames, read_jsonl

__all__ = ["LEVEL", "LEVEL_NAMES", "load", "scored_texts", "pair_accuracy", "cross_concordance",
           "readability_agreement"]

LEVEL = {"ele": 1, "int": 2, "adv": 3}
LEVEL_NAMES = {1: "Elementary", 2: "Intermediate", 3: "Advanced"}
DATA = ("readability", "onestopenglish_dev.jsonl")


def load(path: str | Path) -> pd.DataFrame:
    """One row per text: the file's fields, ``level_num`` (1..3) and
    ``article_id`` (``id|level``, unique per text)."""
    df = pd.DataFrame(read_jsonl(path))
    df["level_num"] = df["level"].map(LEVEL)
    df["article_id"] = df["id"] + "|" + df["level"]
    return df


def scored_texts(df: pd.DataFrame, *, numbers: str = "one") -> pd.DataFrame:
    """``df`` with every index of :func:`analysis.readability.readability`
    (article level) joined on ``article_id``."""
    from analysis.readability import readability

    table = readability(df[["article_id", "text"]], level="article", numbers=numbers)
    return df.merge(table, on="article_id", how="left")


def pair_accuracy(df: pd.DataFrame, col: str) -> float:
    """Share of same-article level pairs ordered correctly by ``col`` (ties one half)."""
    ok = 0.0
    n = 0
    for _, g in df.groupby("id"):
        v = dict(zip(g["level_num"], g[col]))
        for a, b in ((1, 2), (1, 3), (2, 3)):
            if a in v and b in v and np.isfinite(v[a]) and np.isfinite(v[b]):
                n += 1
                ok += 1.0 if v[b] > v[a] else (0.5 if v[b] == v[a] else 0.0)
    return ok / n if n else float("nan")


def cross_concordance(df: pd.DataFrame, col: str) -> float:
    """Concordance of ``col`` with level over pairs of texts from different
    articles and levels (ties one half; 0.5 = chance)."""
    x = df[col].to_numpy(float)
    lv = df["level_num"].to_numpy()
    art = df["id"].to_numpy()
    fin = np.isfinite(x)
    x, lv, art = x[fin], lv[fin], art[fin]
    dl = lv[:, None] - lv[None, :]
    mask = (dl > 0) & (art[:, None] != art[None, :])
    dx = x[:, None] - x[None, :]
    conc = (dx > 0) & mask
    ties = (dx == 0) & mask
    return float((conc.sum() + 0.5 * ties.sum()) / mask.sum())


def readability_agreement(*, indices: list[str] | None = None, cache: bool = True) -> dict[str, pd.DataFrame]:
    """Readability indices against OneStopEnglish levels.

    Returns ``{"texts": ..., "summary": ...}``: ``texts`` has one row per text
    (``text_id``, ``level``, ``level_num`` 1..3, ``words`` and every index);
    ``summary`` one row per measure (``words`` = the length baseline, then the
    indices, Flesch Reading Ease negated so that higher = harder): ``spearman``
    (rank correlation with level, all texts), ``pairs`` (same-article level
    pairs ordered correctly), ``cross`` (concordance across different
    articles; 0.5 = chance, 1 = perfect) and ``nan_texts``.  ``cache``: keep
    the result in the derived-table store (:func:`cached_frames`)."""
    data = benchmark_file(*DATA)

    def build() -> dict[str, pd.DataFrame]:
        from scipy.stats import spearmanr

        from analysis.readability import INDEX_COLUMNS

        df = scored_texts(load(data))
        cols = ["words"] + list(indices or INDEX_COLUMNS)
        oriented = df.copy()
        if "flesch_reading_ease" in oriented:
            oriented["flesch_reading_ease"] = -oriented["flesch_reading_ease"]
        rows = [{"measure": c,
                 "spearman": float(spearmanr(oriented[c], oriented["level_num"], nan_policy="omit").statistic),
                 "pairs": float(pair_accuracy(oriented, c)),
                 "cross": float(cross_concordance(oriented, c)),
                 "nan_texts": int(oriented[c].isna().sum())} for c in cols]
        texts = df[["id", "level", "level_num"] + cols].rename(columns={"id": "text_id"})
        return {"texts": texts, "summary": pd.DataFrame(rows)}

    return cached_frames("readability", params={"indices": indices}, inputs=[data], build=build, cache=cache)
