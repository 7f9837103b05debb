"""Figures for readability (notebook 10).

Grade-level indices share one axis (US school grade: 8 = age 13-14, 12 =
end of high school, 16 = college graduate).  Flesch Reading Ease (0-100,
higher = easier) and the Dale–Chall score (its own scale) are not grades and
are left out of the grade charts.  Voice colours are not side colours:
narrative text is grey, quoted text orange (Okabe & Ito), so they never
read as a side of the story.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.presentation.figures import NEUTRAL_COLOR, new_figure, require_rows
from analysis.readability import GRADE_INDICES, INDEX_LABELS

VOICE_COLORS = {"narrative": "#999999", "quoted": "#E69F00"}
HIGHLIGHT = "#0072B2"


GRADE_AXIS = "US school grade (higher = harder)\ndotted: 12 high school, 16 college"
_BOX = {"facecolor": "white", "edgecolor": "none", "pad": 0.4, "alpha": 0.85}


def _label(c: str) -> str:
    return "Spache (for grades 1–3)" if c == "spache" else INDEX_LABELS[c]


def _grade_note(ax, xmax: float) -> None:
    for g in (12, 16):
        if g <= xmax:
            ax.axvline(g, color="#999999", linewidth=0.7, linestyle=":", zorder=0)


def grade_levels(articles_table: pd.DataFrame, *, article_id: str | None = None):
    """Horizontal bars: each grade-level index of one article (the first when
    ``article_id`` is None and the table has one article), or, for a corpus,
    the median over articles with the interquartile range as a line.

    ``articles_table`` is :func:`analysis.readability.readability` at article
    level.  Returns ``(fig, data)`` with ``index``, ``label``, ``value``
    (and ``q25``, ``q75``, ``articles`` for a corpus)."""
    require_rows(articles_table, "The corpus has no article with sentences to score.")
    t = articles_table
    if article_id is not None:
        t = t[t["article_id"] == article_id]
    single = t["article_id"].nunique() == 1
    rows = []
    for c in GRADE_INDICES:
        v = t[c].dropna()
        if single:
            rows.append({"index": c, "label": _label(c), "value": float(v.iloc[0]) if len(v) else np.nan})
        else:
            rows.append({"index": c, "label": _label(c), "value": float(v.median()) if len(v) else np.nan,
                         "q25": float(v.quantile(0.25)) if len(v) else np.nan,
                         "q75": float(v.quantile(0.75)) if len(v) else np.nan, "articles": int(len(v))})
    data = pd.DataFrame(rows)
    fig, ax = new_figure("single", 2.6)
    y = np.arange(len(data))[::-1]
    vals = data["value"].fillna(0)
    ax.barh(y, vals, color=NEUTRAL_COLOR, height=0.62)
    if not single:
        ax.hlines(y, data["q25"], data["q75"], color="black", linewidth=1.0)
    ends = data["value"] if single else data[["value", "q75"]].max(axis=1)
    for yi, v, end in zip(y, data["value"], ends):
        txt = "n/a (too few sentences)" if np.isnan(v) else f"{v:.1f}"
        ax.text((0 if np.isnan(end) else end) + 0.3, yi, txt, va="center", fontsize=7, bbox=_BOX)
    ax.set_yticks(y)
    ax.set_yticklabels(data["label"])
    xmax = float(np.nanmax(np.r_[data["value"].to_numpy(float), data.get("q75", pd.Series([0])).to_numpy(float), 10]))
    ax.set_xlim(0, xmax * 1.18 + 1)
    _grade_note(ax, ax.get_xlim()[1])
    ax.set_xlabel(GRADE_AXIS)
    if single:
        ax.set_title("Reading grade by formula")
    else:
        ax.set_title(f"Median grade, {t['article_id'].nunique()} articles")
    ax.grid(axis="y", visible=False)
    return fig, data


def paragraph_grades(paragraphs: pd.DataFrame, *, article_id: str | None = None,
                     index: str = "flesch_kincaid_grade", article_value: float | None = None):
    """Bars: one index for each paragraph along one article (the first when
    ``article_id`` is None), from :func:`analysis.readability.readability` at
    paragraph level; paragraphs where the index is undefined are marked
    "n/a".  A dashed line shows ``article_value`` (the whole article's
    value) when given.  Returns ``(fig, data)`` with ``article_id``,
    ``paragraph``, ``words``, ``sentences``, ``value``."""
    require_rows(paragraphs, "The article has no paragraph with sentences to score.")
    if index not in INDEX_LABELS:
        raise ValueError(f"index must be one of {list(INDEX_LABELS)}, not {index!r}")
    if article_id is None:
        article_id = paragraphs["article_id"].iloc[0]
    p = paragraphs[paragraphs["article_id"] == article_id]
    data = p[["article_id", "paragraph", "words", "sentences"]].assign(value=p[index].to_numpy()).reset_index(drop=True)
    fig, ax = new_figure("double", 2.7)
    ok = data["value"].notna()
    ax.bar(data.loc[ok, "paragraph"], data.loc[ok, "value"], color=NEUTRAL_COLOR, width=0.75)
    for par in data.loc[~ok, "paragraph"]:
        ax.text(par, 0.3, "n/a", rotation=90, ha="center", va="bottom", fontsize=6, color="#777777")
    if article_value is not None and np.isfinite(article_value):
        ax.axhline(article_value, color=HIGHLIGHT, linewidth=0.9, linestyle="--")
        ax.text(1.0, 1.01, f"dashed line: whole article, {article_value:.1f}", transform=ax.transAxes,
                va="bottom", ha="right", fontsize=7, color=HIGHLIGHT)
    ax.set_xlim(0.3, len(data) + 0.7)
    ax.set_xticks(range(1, len(data) + 1, 1 if len(data) <= 30 else 5))
    ax.set_xlabel("Paragraph (1 = lede)")
    label = INDEX_LABELS[index]
    ax.set_ylabel(f"{label}\n(US grade, higher = harder)" if index != "flesch_reading_ease"
                  else f"{label}\n(higher = easier)")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_title(f"{label}, paragraph by paragraph")
    return fig, data


def voice_grades(pooled: pd.DataFrame, *, indices: list[str] | None = None):
    """Grouped horizontal bars: grade-level indices of the quoted and the
    narrative text, from :func:`analysis.readability.pool` ``(by="voice")``.
    Returns ``(fig, data)`` with ``index``, ``label``, ``voice``, ``value``,
    ``words``."""
    require_rows(pooled[pooled["voice"] == "quoted"] if "voice" in pooled else pooled,
                 "The corpus has no quotes, so quoted and narrative text cannot be compared.")
    indices = indices or ["flesch_kincaid_grade", "gunning_fog", "coleman_liau_index",
                          "automated_readability_index", "linsear_write"]
    rows = []
    for _, r in pooled.iterrows():
        for c in indices:
            rows.append({"index": c, "label": INDEX_LABELS[c], "voice": r["voice"], "value": float(r[c]),
                         "words": int(r["words"])})
    data = pd.DataFrame(rows)
    fig, ax = new_figure("single", 2.8)
    voices = [v for v in ("narrative", "quoted") if v in set(data["voice"])]
    h = 0.38
    base = np.arange(len(indices))[::-1]
    for k, v in enumerate(voices):
        d = data[data["voice"] == v].set_index("index").loc[indices]
        words = int(d["words"].iloc[0])
        yy = base + (h / 2 if k == 0 else -h / 2)
        ax.barh(yy, d["value"].fillna(0), height=h, color=VOICE_COLORS[v],
                label=f"{'Quoted' if v == 'quoted' else 'Narrative'} text ({words} words)")
        for yi, val in zip(yy, d["value"]):
            ax.text((0 if np.isnan(val) else val) + 0.3, yi, "n/a" if np.isnan(val) else f"{val:.1f}",
                    va="center", fontsize=6.5, bbox=_BOX)
    ax.set_yticks(base)
    ax.set_yticklabels([_label(c) for c in indices])
    xmax = float(np.nanmax(np.r_[data["value"].to_numpy(float), 10]))
    ax.set_xlim(0, xmax * 1.2 + 1)
    _grade_note(ax, xmax * 1.2 + 1)
    ax.set_xlabel(GRADE_AXIS)
    ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.3), ncol=1)
    ax.grid(axis="y", visible=False)
    ax.set_title("Quoted vs narrative text")
    return fig, data
