"""Figures about the corpus itself (notebook 00)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.figures import NEUTRAL_COLOR, new_figure


def paragraph_lengths(paragraphs: pd.DataFrame, article_id: str | None = None):
    """Bar chart of words per paragraph along one article (the first when
    ``article_id`` is None), from :func:`analysis.text.paragraph_table`.

    Header, dateline and closing metadata are not in the body, so they are
    not plotted.  Returns ``(fig, data)`` with ``article_id``, ``paragraph``,
    ``n_words``."""
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
