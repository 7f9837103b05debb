"""Figures about the corpus itself (notebook 00)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.presentation.figures import NEUTRAL_COLOR, NothingToDraw, new_figure, require_rows


def paragraph_lengths(paragraphs: pd.DataFrame, article_id: str | None = None):
    """Bar chart of words per paragraph along one article (the first when
    ``article_id`` is None), from :func:`analysis.core.text.paragraph_table`.

    Header, dateline and closing metadata are not in the body, so they are
    not plotted.  Returns ``(fig, data)`` with ``article_id``, ``paragraph``,
    ``n_words``."""
    require_rows(paragraphs, "The corpus has no paragraph with words in it.")
    if article_id is None:
        article_id = paragraphs["article_id"].iloc[0]
    data = paragraphs.loc[paragraphs["article_id"] == article_id, ["article_id", "paragraph", "n_words"]]
    data = data.reset_index(drop=True)
    fig, ax = new_figure("double", 2.6)
    ax.bar(data["paragraph"], data["n_words"], color=NEUTRAL_COLOR, width=0.75)
    median = float(np.median(data["n_words"])) if len(data) else 0.0
    ax.axhline(median, color="#D55E00", linewidth=0.8, linestyle="--")
    ax.set_xlabel("Paragraph (1 = lede)")
    ax.set_ylabel("Words")
    ax.set_xlim(0.3, len(data) + 0.7)
    ax.set_xticks(range(1, len(data) + 1, 1 if len(data) <= 30 else 5))
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_title(f"Words per paragraph along the article (dashed line: median, {median:.0f} words)")
    return fig, data


def paragraph_length_distribution(paragraphs: pd.DataFrame):
    """Histogram of words per paragraph over a whole corpus.  Returns
    ``(fig, data)`` with the bin edges and counts."""
    require_rows(paragraphs, "The corpus has no paragraph with words in it.")
    counts, edges = np.histogram(paragraphs["n_words"], bins=np.arange(0, max(paragraphs["n_words"].max(), 10) + 10, 5))
    data = pd.DataFrame({"bin_start": edges[:-1], "bin_end": edges[1:], "paragraphs": counts})
    fig, ax = new_figure("single")
    ax.bar(data["bin_start"], data["paragraphs"], width=5, align="edge", color=NEUTRAL_COLOR)
    ax.set_xlabel("Words per paragraph")
    ax.set_ylabel("Paragraphs")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_title("Paragraph lengths, whole corpus")
    return fig, data


def articles_over_time(articles: pd.DataFrame, *, freq: str = "M"):
    """Articles per month (``freq="M"``) or per year (``"Y"``) from the
    ``date`` column (ISO ``YYYY-MM-DD`` or ``YYYY-MM``; undated articles are
    counted in the caption, not plotted).  Returns ``(fig, data)`` with
    ``period`` and ``articles``."""
    require_rows(articles, "No article has a date.")
    if freq not in ("M", "Y"):
        raise ValueError(f"freq must be 'M' or 'Y', not {freq!r}")
    dates = pd.to_datetime(articles["date"].astype("string").str.slice(0, 7), format="%Y-%m", errors="coerce")
    periods = dates.dropna().dt.to_period(freq)
    if periods.empty:
        raise ValueError("no article has a usable date")
    full = pd.period_range(periods.min(), periods.max(), freq=freq)
    counts = periods.value_counts().reindex(full, fill_value=0)
    data = pd.DataFrame({"period": [str(p) for p in full], "articles": counts.to_numpy()})
    fig, ax = new_figure("double", 2.4)
    ax.bar(range(len(data)), data["articles"], color=NEUTRAL_COLOR, width=0.8)
    step = max(1, len(data) // 12)
    ax.set_xticks(range(0, len(data), step))
    ax.set_xticklabels(data["period"].iloc[::step], rotation=45, ha="right")
    ax.set_xlabel("Month" if freq == "M" else "Year")
    ax.set_ylabel("Articles")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    undated = int(dates.isna().sum())
    ax.set_title("Articles over time" + (f" ({undated} undated not shown)" if undated else ""))
    return fig, data


def outlet_profile(scored: pd.DataFrame, *, outlet: str = "outlet", min_articles: int = 2):
    """Per outlet: mean Flesch–Kincaid grade (higher = harder to read) and mean
    sentence tone (VADER compound, −1..1, higher = more positive) of its
    articles, each with a 95% interval (mean ± 1.96 standard errors over
    articles).  ``scored`` is the articles table of :func:`analysis.pipeline.run`
    with the readability and sentiment families.  Outlets with fewer than
    ``min_articles`` articles are left out.  Returns ``(fig, data)``."""
    require_rows(scored, "No article has an outlet.")
    need = {outlet, "flesch_kincaid_grade", "mean_compound"}
    if need - set(scored.columns):
        raise ValueError(f"scored articles lack column(s) {sorted(need - set(scored.columns))}")
    rows = []
    for name, grp in scored.groupby(outlet, dropna=True):
        if len(grp) < min_articles:
            continue
        row = {"outlet": name, "articles": len(grp)}
        for col in ("flesch_kincaid_grade", "mean_compound"):
            x = grp[col].dropna().to_numpy(dtype=float)
            mean = float(x.mean()) if len(x) else np.nan
            se = float(x.std(ddof=1) / np.sqrt(len(x))) if len(x) > 1 else np.nan
            row[col] = mean
            row[f"{col}_low"], row[f"{col}_high"] = mean - 1.96 * se, mean + 1.96 * se
        rows.append(row)
    if not rows:
        raise NothingToDraw(f"No outlet has {min_articles} or more articles, so no outlet's average can be shown.")
    data = pd.DataFrame(rows).sort_values("flesch_kincaid_grade", kind="stable").reset_index(drop=True)
    fig, (left, right) = new_figure("double", 0.9 + 0.28 * max(len(data), 2), ncols=2, sharey=True)
    y = np.arange(len(data))
    labels = [f"{o} ({n})" for o, n in zip(data["outlet"], data["articles"])]
    for ax, col, xlabel in (
        (left, "flesch_kincaid_grade", "Flesch–Kincaid grade (higher = harder)"),
        (right, "mean_compound", "Mean sentence tone (−1 negative … +1 positive)"),
    ):
        mid, low, high = (data[c].to_numpy(dtype=float) for c in (col, f"{col}_low", f"{col}_high"))
        ax.errorbar(mid, y, xerr=np.vstack([mid - low, high - mid]),
                    fmt="o", color=NEUTRAL_COLOR, ecolor="#999999", elinewidth=0.8, capsize=0, markersize=4)
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
    right.axvline(0, color="black", linewidth=0.6)
    left.set_yticks(y)
    left.set_yticklabels(labels)
    left.set_title("Readability and tone by outlet (articles in brackets; bars: 95% interval)")
    return fig, data
