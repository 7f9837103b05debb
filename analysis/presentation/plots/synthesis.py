"""Figures that cross the families (notebook 50): heard versus talked about,
tone by voice, readability by voice, prominence versus share of voice.

Each helper takes a table from :mod:`analysis.synthesis` and returns
``(fig, plotted_data)``; sides keep their colours from
:mod:`analysis.presentation.figures`, and every axis says its unit and which way is
easier or warmer."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.presentation.figures import NEUTRAL_COLOR, SIDE_ORDER, new_figure, side_color, require_rows



def _sides() -> list[str]:
    return SIDE_ORDER + ["unknown"]  # the sides in use (analysis.presentation.figures.use_sides)


def _rank(side: str) -> int:
    return _sides().index(side) if side in _sides() else len(_sides())


def heard_and_mentioned(table: pd.DataFrame, *, top: int = 20):
    """Two panels sharing one row per actor: mentions (left) and quotes
    (right), bars in the actor's side colour, from
    :func:`analysis.synthesis.voice_and_mentions` (``by="actor"``).  The
    ``top`` actors by mentions + quotes are shown; actors never quoted are
    marked "not quoted".  Returns ``(fig, data)`` with ``actor_id``,
    ``name``, ``side``, ``mentions``, ``quotes``, ``status``."""
    require_rows(table, "No actor is both mentioned and quoted, so there is nothing to compare.")
    t = table.copy()
    t["_total"] = t["mentions"] + t["quotes"]
    t = t.sort_values(["_total", "mentions", "actor_id"], ascending=[False, False, True]).head(top)
    data = t[["actor_id", "name", "kind", "side", "mentions", "quotes", "status"]].reset_index(drop=True)
    n = len(data)
    fig, (left, right) = new_figure("double", 0.9 + 0.17 * max(n, 3), ncols=2, sharey=True,
                                    gridspec_kw={"width_ratios": [1, 1]})
    y = np.arange(n)
    colors = [side_color(None if s == "unknown" else s) for s in data["side"]]
    left.barh(y, data["mentions"], color=colors, height=0.7)
    right.barh(y, data["quotes"], color=colors, height=0.7)
    xmax_q = max(float(data["quotes"].max()) if n else 1.0, 1.0)
    xmax_m = max(float(data["mentions"].max()) if n else 1.0, 1.0)
    for yi, r in zip(y, data.itertuples(index=False)):
        left.text(r.mentions + 0.01 * xmax_m, yi, f"{r.mentions:,}", va="center", ha="right", fontsize=6,
                  color="#333333")
        if r.quotes == 0:
            right.text(0.02 * xmax_q, yi, "not quoted", va="center", ha="left", fontsize=6.5,
                       color="#555555", style="italic")
        else:
            right.text(r.quotes + 0.01 * xmax_q, yi, f"{r.quotes:,}", va="center", ha="left", fontsize=6,
                       color="#333333")
    left.set_yticks(y)
    left.set_yticklabels([f"{r.name} ({r.side})" if r.side != "unknown" else str(r.name)
                          for r in data.itertuples(index=False)])
    left.invert_yaxis()
    left.yaxis.tick_right()
    left.tick_params(axis="y", length=0, pad=4)
    right.tick_params(axis="y", length=0)
    for ax in (left, right):
        ax.grid(axis="x", visible=True)
        ax.grid(axis="y", visible=False)
        ax.xaxis.get_major_locator().set_params(integer=True)
    left.spines["left"].set_visible(False)
    left.spines["right"].set_visible(True)
    left.set_xlabel("Mentions (adjectives not counted)")
    right.set_xlabel("Quotes (as the speaker)")
    left.set_title("Talked about", loc="right")
    right.set_title("Heard", loc="left")
    right.set_xlim(0, xmax_q * 1.12)
    left.set_xlim(xmax_m * 1.12, 0)
    return fig, data


def tone_by_voice(table: pd.DataFrame):
    """Dot plot of mean sentence tone per side: the narration that mentions
    the side (open circle) and the side's own quoted words (filled circle),
    joined by a line, with bootstrap intervals when there are several
    articles; the dashed line is all narration.  From
    :func:`analysis.synthesis.tone_by_voice`.  Returns ``(fig, data)``: the
    plotted rows (``side``, ``voice``, ``n_sentences``, ``mean_compound`` and
    its interval)."""
    require_rows(table, "The corpus has no quotes, so there is no quoted tone to compare with the narrative.")
    t = table[table["side"] != "all"].copy()
    sides = sorted(set(t["side"]), key=_rank)
    base = table[table["voice"] == "narration (all)"]
    data = pd.concat([base, t], ignore_index=True)
    fig, ax = new_figure("single", 0.9 + 0.42 * max(len(sides), 2))
    if len(base):
        ax.axvline(float(base["mean_compound"].iloc[0]), color=NEUTRAL_COLOR, linestyle="--", linewidth=0.8)
    ax.axvline(0, color="#bbbbbb", linewidth=0.6)
    for yi, side in enumerate(sides):
        color = side_color(None if side == "unknown" else side)
        rows = t[t["side"] == side].set_index("voice")
        xs = [float(rows.loc[v, "mean_compound"]) for v in ("narration about", "quoted") if v in rows.index]
        if len(xs) == 2:
            ax.plot(xs, [yi, yi], color=color, linewidth=1.0, zorder=1)
        for voice in ("narration about", "quoted"):
            if voice not in rows.index:
                continue
            r = rows.loc[voice]
            lo, hi = r.get("mean_compound_low"), r.get("mean_compound_high")
            if pd.notna(lo) and pd.notna(hi):
                ax.plot([lo, hi], [yi, yi], color=color, linewidth=2.2, alpha=0.35, solid_capstyle="butt", zorder=1)
            face = color if voice == "quoted" else "white"
            ax.scatter([r["mean_compound"]], [yi], s=34, marker="o", facecolor=face, edgecolor=color,
                       linewidth=1.2, zorder=3)
            above = voice == "narration about"  # counts above the open dot, below the filled one
            ax.annotate(f"{int(r['n_sentences'])}", (r["mean_compound"], yi), xytext=(0, 5.5 if above else -5.5),
                        textcoords="offset points", ha="center", va="bottom" if above else "top", fontsize=6,
                        color="#444444")
    ax.set_yticks(range(len(sides)))
    ax.set_yticklabels(["no side" if s == "unknown" else s for s in sides])
    ax.set_ylim(len(sides) - 0.4, -0.7)
    lo = min(-0.1, float(np.nanmin(data[["mean_compound", "mean_compound_low"]].to_numpy(dtype=float))) - 0.05)
    hi = max(0.1, float(np.nanmax(data[["mean_compound", "mean_compound_high"]].to_numpy(dtype=float))) + 0.05)
    ax.set_xlim(max(lo, -1), min(hi, 1))
    ax.set_xlabel("Mean sentence tone, VADER compound\n(−1 negative … +1 positive)")
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor=NEUTRAL_COLOR,
               label="narration mentioning the side"),
        Line2D([], [], marker="o", linestyle="", color=NEUTRAL_COLOR, label="the side's quoted words"),
        Line2D([], [], linestyle="--", color=NEUTRAL_COLOR, linewidth=0.8, label="all narration"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=6.5, handletextpad=0.4,
               handlelength=1.6, columnspacing=1.0)
    ax.grid(axis="x", visible=True)
    ax.set_title("Tone: own words vs. narration")
    return fig, data


def readability_by_voice(table: pd.DataFrame, *, index: str = "flesch_kincaid_grade"):
    """Horizontal bars of one readability index for the narration, all
    quoted words and each side's quoted words, from
    :func:`analysis.synthesis.readability_by_voice`.  Bars over fewer than
    100 words are hatched (unstable).  Returns ``(fig, data)`` with
    ``voice``, ``side``, ``words``, the index and ``few_words``."""
    require_rows(table, "The corpus has no quotes, so there is no quoted text to compare with the narrative.")
    labels = {
        "flesch_kincaid_grade": "Flesch–Kincaid grade\n(US school years; lower = easier)",
        "flesch_reading_ease": "Flesch Reading Ease\n(0–100; higher = easier)",
    }
    if index not in labels:
        raise ValueError(f"index must be one of {sorted(labels)}, not {index!r}")
    data = table[["voice", "side", "words", index, "few_words"]].reset_index(drop=True)
    n = len(data)
    fig, ax = new_figure("single", 0.8 + 0.3 * max(n, 2))
    names, colors = [], []
    for r in data.itertuples(index=False):
        if r.voice == "narrative":
            names.append("Narration")
            colors.append(NEUTRAL_COLOR)
        elif r.side == "all":
            names.append("Quoted, all")
            colors.append("#999999")
        else:
            names.append(f"Quoted, {r.side}")
            colors.append(side_color(r.side))
    values = data[index].astype(float).to_numpy()
    y = np.arange(n)
    bars = ax.barh(y, np.nan_to_num(values), color=colors, height=0.65)
    for bar, few in zip(bars, data["few_words"]):
        if few:
            bar.set_hatch("////")
            bar.set_edgecolor("white")
            bar.set_linewidth(0)
    xmax = float(np.nanmax(values)) if n and np.isfinite(values).any() else 1.0
    for yi, v, w, few in zip(y, values, data["words"], data["few_words"]):
        note = (f"{v:.1f}" + (" (too few words)" if few else "")) if np.isfinite(v) else "n/a"
        ax.text((v if np.isfinite(v) else 0) + xmax * 0.02, yi, note, va="center", ha="left", fontsize=6.5)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{name}\n{w:,} words" for name, w in zip(names, data["words"])], fontsize=6.5)
    ax.invert_yaxis()
    ax.set_xlim(0, xmax * 1.6)
    ax.set_xlabel(labels[index])
    ax.grid(axis="x", visible=True)
    ax.set_title("Readability by voice")
    return fig, data


_MEASURES = [
    ("mention_share", "share of mentions", "o", True),
    ("lede_share", "share of lede mentions", "^", True),
    ("first_share", "first side mentioned (share of articles)", "v", True),
    ("quote_share", "share of quotes", "s", False),
    ("word_share", "share of quoted words", "D", False),
]


def prominence_and_voice(table: pd.DataFrame, *, min_articles_first: int = 3):
    """Dot plot per side: prominence (open markers: share of mentions, of
    lede mentions and, with at least ``min_articles_first`` articles, of
    articles where the side is named first) against voice (filled markers:
    share of quotes and of quoted words), from
    :func:`analysis.synthesis.prominence_and_voice`.  A grey bar spans each
    side's lowest and highest share.  Returns ``(fig, data)`` in long form:
    ``side``, ``measure``, ``share``, ``count``."""
    require_rows(table, "No side is both mentioned and quoted, so prominence cannot be set against voice.")
    measures = [m for m in _MEASURES if m[0] != "first_share" or int(table["articles"].max()) >= min_articles_first]
    counts = {"mention_share": "mentions", "lede_share": "lede_mentions", "first_share": "first_articles",
              "quote_share": "quotes", "word_share": "quoted_words"}
    t = table.copy()
    t["_r"] = t["side"].map(_rank)
    t = t.sort_values("_r")
    rows = [{"side": r["side"], "measure": col, "share": float(r[col]), "count": int(r[counts[col]])}
            for _, r in t.iterrows() for col, *_ in measures]
    data = pd.DataFrame(rows, columns=["side", "measure", "share", "count"])
    sides = list(t["side"])
    fig, ax = new_figure("single", 1.3 + 0.36 * max(len(sides), 2))
    offsets = np.linspace(-0.22, 0.22, len(measures))
    for yi, side in enumerate(sides):
        color = side_color(side)
        vals = data[data["side"] == side]["share"].to_numpy(dtype=float) * 100
        ax.plot([np.nanmin(vals), np.nanmax(vals)], [yi, yi], color="#dddddd", linewidth=5, solid_capstyle="round",
                zorder=1)
        for (col, label, marker, hollow), dy in zip(measures, offsets):
            v = float(t.loc[t["side"] == side, col].iloc[0]) * 100
            ax.scatter([v], [yi + dy], marker=marker, s=22, facecolor="white" if hollow else color,
                       edgecolor=color, linewidth=1.0, zorder=3)
    ax.set_yticks(range(len(sides)))
    ax.set_yticklabels(sides)
    ax.set_ylim(len(sides) - 0.5, -0.5)
    ax.set_xlim(-2, 102)
    ax.set_xlabel("Share (%)")
    ax.grid(axis="x", visible=True)
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker=marker, linestyle="", markersize=4.5,
                      markerfacecolor="white" if hollow else NEUTRAL_COLOR, markeredgecolor=NEUTRAL_COLOR,
                      label=label) for _, label, marker, hollow in measures]
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=6.5, handletextpad=0.2,
               columnspacing=0.8)
    ax.set_title("Prominence vs. share of voice")
    return fig, data
