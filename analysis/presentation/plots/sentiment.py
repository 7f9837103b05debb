"""Figures about tone (notebook 20_sentiment).

Tone is VADER's sentence compound (-1 most negative .. +1 most positive) or
the method named in the table.  Sides keep their colours from
:data:`analysis.presentation.figures.SIDE_COLORS`; the narrative voice and tone without a
side are drawn in neutral grey, so no side's colour is used for anything else.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.presentation.figures import NEUTRAL_COLOR, SIDE_ORDER, new_figure, side_color, require_rows

METHOD_NAMES = {"vader": "VADER", "vader-nltk": "VADER (NLTK)", "afinn": "AFINN", "news": "news model"}


def _method(table: pd.DataFrame) -> str:
    if "method" in table.columns and len(table):
        return METHOD_NAMES.get(str(table["method"].iloc[0]), str(table["method"].iloc[0]))
    return "VADER"


def _errorbars(low, mid, high):
    low, mid, high = (np.asarray(x, dtype=float) for x in (low, mid, high))
    err = np.vstack([mid - low, high - mid])
    return np.where(np.isfinite(err), err, 0.0)


def article_label(article: pd.Series | dict) -> str:
    """How a figure names one article for a reader: the headline when the
    corpus has one, else outlet and publication date (``The Canadian Press,
    2021-09-27``), the ``article_id`` only when nothing else is known."""
    get = article.get
    title = get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    parts = [str(v) for v in (get("outlet"), get("published_date") or get("date"))
             if isinstance(v, str) and v.strip()]
    return ", ".join(parts) if parts else f"article {get('article_id')}"


def paragraph_arc(sentences: pd.DataFrame, paragraphs: pd.DataFrame, article_id: str | None = None,
                  label: str | None = None):
    """Tone paragraph by paragraph in one article (the first when
    ``article_id`` is None): a bar per paragraph for the mean sentence
    compound, a dot per sentence.  Inputs: :func:`analysis.sentiment.sentence_sentiment`
    and its paragraph aggregate; ``label`` names the article in the title
    (:func:`article_label`; default its ``article_id``).  Returns ``(fig, data)`` with one row per
    sentence (``paragraph``, ``sentence``, ``compound``, ``paragraph_mean``)."""
    require_rows(sentences, "The article has no sentences to score.")
    if article_id is None:
        article_id = sentences["article_id"].iloc[0]
    s = sentences.loc[sentences["article_id"] == article_id, ["article_id", "paragraph", "sentence", "compound"]]
    p = paragraphs.loc[paragraphs["article_id"] == article_id, ["paragraph", "mean_compound"]]
    data = s.merge(p.rename(columns={"mean_compound": "paragraph_mean"}), on="paragraph").reset_index(drop=True)
    fig, ax = new_figure("double", 2.8)
    ax.bar(p["paragraph"], p["mean_compound"], width=0.72, color="#BBBBBB", label="paragraph mean", zorder=1)
    ax.scatter(data["paragraph"], data["compound"], s=9, color=NEUTRAL_COLOR, zorder=2, label="sentence")
    ax.axhline(0, color="black", linewidth=0.6)
    n = int(p["paragraph"].max()) if len(p) else 1
    ax.set_xlim(0.3, n + 0.7)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xticks(range(1, n + 1, 1 if n <= 30 else 5))
    ax.set_xlabel("Paragraph (1 = lede)")
    ax.set_ylabel(f"Tone ({_method(sentences)} compound)\n\u2212 negative \u2194 positive +")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    fig.legend(loc="outside lower center", ncols=2)
    ax.set_title(f"Tone paragraph by paragraph: {label or f'article {article_id}'}")
    return fig, data


def corpus_arc(arc: pd.DataFrame):
    """Mean sentence tone by position in the article over a corpus, from
    :func:`analysis.sentiment.tone_arc`, with its article-bootstrap interval."""
    require_rows(arc, "The corpus has no sentences to score.")
    data = arc.reset_index(drop=True)
    fig, ax = new_figure("single", 2.6)
    x = data["position_mid"] * 100
    ax.fill_between(x, data["mean_compound_low"], data["mean_compound_high"], color="#CCCCCC", linewidth=0,
                    label="95% interval")
    ax.plot(x, data["mean_compound"], color=NEUTRAL_COLOR, marker="o", label="mean sentence tone")
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Position in article (% of sentences)")
    ax.set_ylabel("Mean tone (compound)")
    ax.grid(axis="y", visible=True)
    ax.legend(loc="best")
    n_art = int(data["n_articles"].max()) if len(data) else 0
    ax.set_title(f"Tone along the article ({n_art} articles)")
    return fig, data


def actor_tone(targeted: pd.DataFrame, *, top: int = 12):
    """Tone of the sentences that mention each actor: dot = mean compound,
    line = bootstrap interval, colour = the actor's side.  Input: corpus-level
    :func:`analysis.sentiment.targeted_sentiment`; the ``top`` actors by
    mentions are drawn, most mentioned at the top.  Actors with a single
    sentence have no interval (dot only)."""
    require_rows(targeted, "No actor is named in a scored sentence, so there is no tone toward actors to show.")
    data = targeted.sort_values(["n_mentions", "actor_id"], ascending=[False, True]).head(top)
    data = data.iloc[::-1].reset_index(drop=True)
    names = data["name"].fillna(data["actor_id"]).astype(str) if "name" in data.columns else data["actor_id"].astype(str)
    labels = [f"{n} ({u})" for n, u in zip(names, data["n_units"])]
    fig, ax = new_figure("single", 0.9 + 0.22 * max(len(data), 1))
    y = np.arange(len(data))
    colours = [side_color(s) for s in data.get("side", pd.Series([None] * len(data)))]
    ax.errorbar(data["mean_compound"], y, xerr=_errorbars(data["mean_compound_low"], data["mean_compound"],
                data["mean_compound_high"]), fmt="none", ecolor="#999999", elinewidth=0.8, capsize=0, zorder=1)
    ax.scatter(data["mean_compound"], y, c=colours, s=22, zorder=2, edgecolors="white", linewidths=0.4)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(y, labels)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("Mean tone of the sentences naming it")
    ax.set_title("Tone toward each actor")
    _side_legend(ax, data.get("side"))
    return fig, data.assign(label=labels)


def voice_tone(by_voice: pd.DataFrame, *, group_col: str = "side"):
    """Tone of quoted speech by the speaker's side against the narrative
    voice, from :func:`analysis.sentiment.sentiment_by_voice` (``by="side"``).
    Dot = mean sentence compound, line = article-bootstrap interval; the
    narration row is grey, quoted rows take their side's colour."""
    require_rows(by_voice[by_voice[group_col] != "narration"] if group_col in by_voice else by_voice,
                 "The corpus has no quotes, so there is no tone by voice to show.")
    data = by_voice.copy()
    order = {s: i for i, s in enumerate(["narration"] + SIDE_ORDER + ["unknown"])}
    data["_o"] = data[group_col].map(lambda s: order.get(s, len(order)))
    data = data.sort_values(["_o", group_col]).drop(columns="_o").iloc[::-1].reset_index(drop=True)
    labels = [("Narrative voice" if g == "narration" else f"Quoted: {g}") + f" ({n})"
              for g, n in zip(data[group_col], data["n_sentences"])]
    colours = [NEUTRAL_COLOR if g == "narration" else side_color(None if g == "unknown" else g) for g in data[group_col]]
    fig, ax = new_figure("single", 0.9 + 0.25 * max(len(data), 1))
    y = np.arange(len(data))
    ax.errorbar(data["mean_compound"], y, xerr=_errorbars(data["mean_compound_low"], data["mean_compound"],
                data["mean_compound_high"]), fmt="none", ecolor="#999999", elinewidth=0.8, capsize=0, zorder=1)
    ax.scatter(data["mean_compound"], y, c=colours, s=26, zorder=2, edgecolors="white", linewidths=0.4)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(y, labels)
    ax.set_xlim(-1, 1)
    ax.set_xlabel(f"Mean sentence tone ({_method(by_voice)} compound)")
    ax.set_title("Tone by voice")
    return fig, data.assign(label=labels)


def _side_legend(ax, sides) -> None:
    if sides is None:
        return
    present = [s for s in SIDE_ORDER if s in set(sides.dropna())]
    if not present:
        return
    handles = [ax.scatter([], [], color=side_color(s), s=22, label=s) for s in present]
    ax.figure.legend(handles=handles, loc="outside lower center", ncols=min(len(present), 4),
                     handletextpad=0.2, columnspacing=0.8)
