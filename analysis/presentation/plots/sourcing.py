"""Figures about sourcing balance (notebook 40): share of voice by side,
direct versus paraphrased voice, and who speaks where along the article.

Each helper takes tables from :mod:`analysis.sourcing` and returns
``(fig, plotted_data)``; colours are the fixed side colours of
:mod:`analysis.presentation.figures`."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.presentation.figures import new_figure, require_rows, side_color, side_order

_KIND_MARKERS = {"direct": "o", "partial": "D", "indirect": "s"}


def _side_rank(side: str) -> int:
    order = side_order("unknown", "unattributed")
    return order.index(side) if side in order else len(order)


def _colour(side: str) -> str:
    if side == "unattributed":
        return "#FFFFFF"
    return side_color(None if side == "unknown" else side)


def share_of_voice(balance: pd.DataFrame):
    """Two stacked horizontal bars, quotes and quoted words, split by side,
    from :func:`analysis.sourcing.sourcing_balance` (``by="side"``, corpus
    level).  Labels give each share in percent.  Returns ``(fig, data)`` with
    ``measure``, ``side``, ``count``, ``share`` (and the bootstrap interval
    when present)."""
    require_rows(balance, "The corpus has no attributed quotes, so there is no share of voice to show.")
    b = balance.copy()
    b["_r"] = b["side"].map(_side_rank)
    b = b.sort_values("_r")
    rows = []
    for measure, count, share in (("quotes", "quotes", "quote_share"), ("quoted words", "quoted_words", "word_share")):
        for r in b.itertuples(index=False):
            row = {"measure": measure, "side": r.side, "count": int(getattr(r, count)), "share": float(getattr(r, share))}
            lo, hi = f"{share}_low", f"{share}_high"
            if lo in b.columns:
                row["share_low"], row["share_high"] = float(getattr(r, lo)), float(getattr(r, hi))
            rows.append(row)
    data = pd.DataFrame(rows)
    fig, ax = new_figure("double", 2.0)
    measures = ["quotes", "quoted words"]
    for yi, m in enumerate(measures):
        left = 0.0
        for r in data[data["measure"] == m].itertuples(index=False):
            ax.barh(yi, r.share, left=left, color=_colour(r.side), edgecolor="white" if r.side != "unattributed" else "#888888",
                    linewidth=0.6, height=0.6, hatch="//" if r.side == "unattributed" else None)
            if r.share >= 0.06:
                dark = _colour(r.side) in ("#D55E00", "#009E73", "#0072B2", "#CC79A7", "#000000")  # white text reads
                ax.text(left + r.share / 2, yi, f"{100 * r.share:.0f}%", ha="center", va="center", fontsize=7,
                        color="white" if dark else "black")
            left += r.share
    ax.set_yticks(range(len(measures)))
    ax.set_yticklabels([f"{m}\n(n = {int(data.loc[data['measure'] == m, 'count'].sum())})" for m in measures])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xticks(np.linspace(0, 1, 6))
    ax.set_xticklabels([f"{int(x * 100)}%" for x in np.linspace(0, 1, 6)])
    ax.set_xlabel("Share of all quotes / of all quoted words")
    handles = [plt_patch(_colour(s), s) for s in data["side"].drop_duplicates()]
    if sum(len(h.get_label()) for h in handles) <= 50:  # beside the title (the seed's sides fit)
        ax.legend(handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(handles), fontsize=7,
                  borderaxespad=0.2)
    else:  # longer side names: below the axis, clear of the title
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.38), ncol=len(handles), fontsize=7,
                  borderaxespad=0.2)
    ax.set_title("Share of voice by side")
    ax.grid(axis="y", visible=False)
    return fig, data


def plt_patch(colour: str, label: str):
    from matplotlib.patches import Patch

    if colour == "#FFFFFF":
        return Patch(facecolor="white", edgecolor="#888888", hatch="//", label=label)
    return Patch(facecolor=colour, edgecolor="white", label=label)


def directness(table: pd.DataFrame):
    """Words in the speaker's own words (direct and partial quotes) versus
    paraphrased (indirect), per side, from
    :func:`analysis.sourcing.voice_directness`.  Returns ``(fig, data)`` with
    ``side``, ``direct_words``, ``paraphrased_words``, ``direct_share``."""
    require_rows(table, "The corpus has no attributed quotes, so there is nothing to split into direct and paraphrased.")
    t = table.copy()
    t["_r"] = t["side"].map(_side_rank)
    data = t.sort_values("_r")[["side", "direct_words", "paraphrased_words", "direct_share"]].reset_index(drop=True)
    fig, ax = new_figure("double", 0.6 + 0.42 * max(len(data), 1))
    y = np.arange(len(data))
    for yi, r in zip(y, data.itertuples(index=False)):
        col = _colour(r.side)
        edge = "#888888" if r.side == "unattributed" else col  # unattributed is white: drawn as an outline, as in share_of_voice
        outline = {"linewidth": 0.8} if r.side == "unattributed" else {}
        ax.barh(yi, r.direct_words, color=col, height=0.6, edgecolor=edge, **outline)
        ax.barh(yi, r.paraphrased_words, left=r.direct_words, color="white", edgecolor=edge, hatch="////",
                height=0.6, linewidth=0.8)
        total = r.direct_words + r.paraphrased_words
        share = "" if pd.isna(r.direct_share) else f"{100 * r.direct_share:.0f}% in own words"
        ax.text(total, yi, f"  {share}", va="center", fontsize=7)
    ax.set_yticks(y)
    ax.set_yticklabels(data["side"])
    ax.invert_yaxis()
    xmax = float((data["direct_words"] + data["paraphrased_words"]).max()) if len(data) else 1.0
    ax.set_xlim(0, xmax * 1.35)
    ax.set_xlabel("Quoted words (filled: direct and partial quotes; hatched: paraphrase)")
    ax.set_title("Direct versus paraphrased voice by side")
    ax.grid(axis="y", visible=False)
    return fig, data


def positions(quotes_with_positions: pd.DataFrame, *, article_id: str | None = None):
    """Who speaks where: every quote at its position along the article (0 =
    top, 1 = end), one row per side, marker by kind, from
    :func:`analysis.sourcing.quote_positions`.  With several articles
    (``article_id`` None) positions are pooled.  Returns ``(fig, data)`` with
    ``article_id``, ``quote_id``, ``side``, ``kind``, ``speaker_name``,
    ``relative_position``, ``n_words``."""
    require_rows(quotes_with_positions, "The corpus has no quotes, so there are no quote positions to show.")
    q = quotes_with_positions
    if article_id is not None:
        q = q[q["article_id"] == article_id]
    q = q.copy()
    attributed = q["speaker_name"].notna()
    q["side"] = q["side"].where(q["side"].notna(), np.where(attributed, "unknown", "unattributed"))
    data = q[["article_id", "quote_id", "side", "kind", "speaker_name", "relative_position", "n_words"]].reset_index(drop=True)
    sides = sorted(data["side"].unique(), key=_side_rank)
    fig, ax = new_figure("double", 0.8 + 0.38 * max(len(sides), 1))
    rng = np.random.default_rng(0)
    for yi, s in enumerate(sides):
        d = data[data["side"] == s]
        for kind, marker in _KIND_MARKERS.items():
            k = d[d["kind"] == kind]
            if k.empty:
                continue
            jitter = rng.uniform(-0.15, 0.15, len(k)) if len(data) > 60 else np.zeros(len(k))
            ax.scatter(k["relative_position"], yi + jitter, s=12 + 0.6 * np.sqrt(k["n_words"]) * 6, marker=marker,
                       facecolor=_colour(s) if kind != "indirect" else "white", edgecolor=_colour(s) if s != "unattributed" else "#888888",
                       linewidth=0.9, alpha=0.85, zorder=3)
    ax.set_yticks(range(len(sides)))
    ax.set_yticklabels(sides)
    ax.set_ylim(len(sides) - 0.5, -0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
    ax.set_xticklabels(["top", "", "middle", "", "end"])
    ax.set_xlabel("Position in the article (marker size: words quoted)")
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker=m, linestyle="", markerfacecolor="#555555" if k != "indirect" else "white",
                      markeredgecolor="#555555", label=k) for k, m in _KIND_MARKERS.items()]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.35 if len(sides) <= 3 else -0.22), ncol=3)
    ax.set_title("Who speaks where along the article")
    ax.grid(axis="x", visible=True)
    return fig, data
