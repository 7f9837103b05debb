"""Figures about actors (notebook 30): who is mentioned, where, with whom.

Every helper takes a table from :mod:`analysis.actors` and returns
``(fig, data)``: ``data`` is exactly what is drawn, for ``save_figure``.
Colours are the fixed side colours of :mod:`analysis.presentation.figures`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from analysis.presentation.figures import NEUTRAL_COLOR, SIDE_ORDER, NothingToDraw, new_figure, side_color, require_rows

__all__ = ["mentions_by_actor", "dispersion_strip", "cooccurrence_matrix", "sides_by_outlet"]


def _side_legend(ax, sides, *, loc="lower right"):
    present = [s for s in [*SIDE_ORDER, "unknown"] if s in set(sides)]
    handles = [Patch(facecolor=side_color(s), label=s if s != "unknown" else "no side given") for s in present]
    ax.legend(handles=handles, loc=loc, title="Side", title_fontsize=7)


def _distinct_labels(names: pd.Series, kinds: pd.Series) -> list[str]:
    """Tick labels: the name, with the kind in brackets wherever two drawn
    actors share a name (`Huawei` the organisation and `Huawei` read as a
    person in some articles), so no two bars carry the same label."""
    shared = names.duplicated(keep=False)
    return [f"{n} ({k})" if dup and isinstance(k, str) else n for n, k, dup in zip(names, kinds, shared)]


def mentions_by_actor(frequency: pd.DataFrame, *, top: int = 20, value: str = "mentions",
                      title: str = "Who is mentioned"):
    """Horizontal bars, one per actor, longest on top, coloured by side.

    ``frequency``: :func:`analysis.actors.actor_frequency` at corpus level
    (``by="actor"``).  ``value``: ``mentions`` or ``per_1000_words``.
    Returns ``(fig, data)`` with ``actor_id``, ``name``, ``side``, ``kind``
    and the value, in plotting order (top first)."""
    require_rows(frequency, "No codebook actor is mentioned in the corpus.")
    if value not in ("mentions", "per_1000_words"):
        raise ValueError(f"value must be 'mentions' or 'per_1000_words', not {value!r}")
    d = frequency.groupby(["actor_id", "name", "kind", "side"], dropna=False, sort=False)[value].sum().reset_index()
    d["side"] = d["side"].fillna("unknown")
    d = d.sort_values([value, "name"], ascending=[False, True], kind="stable").head(top).reset_index(drop=True)
    fig, ax = new_figure("single", 0.9 + 0.16 * max(len(d), 3))
    y = np.arange(len(d))[::-1]
    ax.barh(y, d[value], color=[side_color(s) for s in d["side"]], height=0.72)
    ax.set_yticks(y)
    ax.set_yticklabels(_distinct_labels(d["name"], d["kind"]))
    ax.set_xlabel("Mentions" if value == "mentions" else "Mentions per 1,000 words")
    for yi, v in zip(y, d[value]):
        ax.text(v, yi, f" {v:.0f}" if value == "mentions" else f" {v:.1f}", va="center", fontsize=6)
    ax.set_xlim(0, float(d[value].max()) * 1.15 if len(d) else 1)
    ax.set_title(title)
    _side_legend(ax, d["side"])
    return fig, d


def dispersion_strip(mentions: pd.DataFrame, *, top: int = 15, title: str = "Where in the article each actor appears"):
    """A dispersion strip: one row per actor (most mentioned on top), one
    tick per mention at its relative position in the article (0 = top of
    the article, 1 = end), coloured by side.  Over a corpus, ticks of all
    articles overlap (drawn half transparent).

    Returns ``(fig, data)`` with ``article_id``, ``actor_id``, ``name``,
    ``side``, ``relative_position``, ``paragraph``, ``row``."""
    require_rows(mentions, "No codebook actor is mentioned in the corpus.")
    m = mentions.copy()
    m["side"] = m["side"].fillna("unknown")
    order = m.groupby("actor_id", sort=False).size().sort_values(ascending=False, kind="stable").head(top).index
    m = m[m["actor_id"].isin(order)]
    rows = {aid: i for i, aid in enumerate(order)}
    m["row"] = m["actor_id"].map(rows)
    data = m[["article_id", "actor_id", "name", "side", "relative_position", "paragraph", "row"]].sort_values(
        ["row", "relative_position"], kind="stable").reset_index(drop=True)
    n = len(order)
    fig, ax = new_figure("double", 0.8 + 0.22 * max(n, 3))
    alpha = 1.0 if data["article_id"].nunique() <= 1 else 0.35
    ax.scatter(data["relative_position"], n - 1 - data["row"], marker="|", s=90, linewidths=1.6,
               c=[side_color(s) for s in data["side"]], alpha=alpha)
    names = data.drop_duplicates("actor_id").set_index("actor_id")["name"]
    ax.set_yticks(range(n))
    ax.set_yticklabels([names[a] for a in order][::-1])
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
    ax.set_xticklabels(["top (lede)", "25%", "50%", "75%", "end"])
    ax.set_xlabel("Position in the article (share of the text before the mention)")
    ax.grid(axis="y", visible=True, color="#eeeeee")
    ax.set_title(title)
    _side_legend(ax, data["side"], loc="upper left")
    ax.legend_.set_bbox_to_anchor((1.0, 1.0))
    return fig, data


def cooccurrence_matrix(cooc: pd.DataFrame, *, top: int = 12, title: str = "Who appears with whom"):
    """A symmetric matrix of the number of paragraphs naming both actors
    (from :func:`analysis.actors.cooccurrence` at corpus level), for the
    ``top`` actors with the most co-occurrences; names coloured by side,
    counts written in each cell.  Returns ``(fig, data)`` in long form:
    ``actor_a``, ``name_a``, ``actor_b``, ``name_b``, ``units``."""
    require_rows(cooc, "No two actors are named in the same paragraph, so there is no co-occurrence to show.")
    both = pd.concat([
        cooc.rename(columns={"actor_a": "x", "name_a": "xn", "side_a": "xs", "actor_b": "y", "name_b": "yn", "side_b": "ys"}),
        cooc.rename(columns={"actor_b": "x", "name_b": "xn", "side_b": "xs", "actor_a": "y", "name_a": "yn", "side_a": "ys"}),
    ])
    both = both.groupby(["x", "xn", "xs", "y", "yn", "ys"], dropna=False)["units"].sum().reset_index()
    keep = both.groupby("x")["units"].sum().sort_values(ascending=False, kind="stable").head(top).index
    both = both[both["x"].isin(keep) & both["y"].isin(keep)]
    require_rows(both, "No two actors are named in the same paragraph, so there is no co-occurrence to show.")
    order = list(keep)
    names = both.drop_duplicates("x").set_index("x")["xn"].to_dict()
    sides = both.drop_duplicates("x").set_index("x")["xs"].to_dict()
    mat = np.zeros((len(order), len(order)))
    idx = {a: i for i, a in enumerate(order)}
    for r in both.itertuples(index=False):
        mat[idx[r.x], idx[r.y]] = r.units
    size = 1.6 + 0.3 * len(order)
    fig, ax = new_figure("double", size)
    masked = np.ma.masked_where(mat == 0, mat)
    im = ax.imshow(masked, cmap="Greys", vmin=0, vmax=max(mat.max(), 1))
    for i in range(len(order)):
        for j in range(len(order)):
            if mat[i, j]:
                ax.text(j, i, f"{mat[i, j]:.0f}", ha="center", va="center", fontsize=6,
                        color="white" if mat[i, j] > mat.max() * 0.6 else "black")
    ax.set_xticks(range(len(order)))
    ax.set_yticks(range(len(order)))
    ax.set_xticklabels([names[a] for a in order], rotation=60, ha="right")
    ax.set_yticklabels([names[a] for a in order])
    for lab, a in zip(ax.get_xticklabels(), order):
        lab.set_color(side_color(sides.get(a)) if sides.get(a) not in (None, "other") else NEUTRAL_COLOR)
    for lab, a in zip(ax.get_yticklabels(), order):
        lab.set_color(side_color(sides.get(a)) if sides.get(a) not in (None, "other") else NEUTRAL_COLOR)
    ax.grid(False)
    ax.spines[:].set_visible(False)
    ax.tick_params(length=0)
    ax.set_title(title)
    cb = fig.colorbar(im, ax=ax, shrink=0.6, ticks=MaxNLocator(integer=True))
    cb.set_label("Paragraphs naming both", fontsize=7)
    data = pd.DataFrame(
        [(a, names[a], b, names[b], int(mat[idx[a], idx[b]])) for a in order for b in order if a < b and mat[idx[a], idx[b]]],
        columns=["actor_a", "name_a", "actor_b", "name_b", "units"],
    )
    return fig, data


def sides_by_outlet(frequency: pd.DataFrame, *, outlet: str = "outlet",
                    title: str = "Mentions per 1,000 words, by side and outlet"):
    """Grouped horizontal bars: for each outlet, mentions per 1,000 words of
    each side's actors (from ``actor_frequency(..., by="side",
    level="corpus", group_by="outlet")``).  Returns ``(fig, data)`` with
    ``outlet``, ``side``, ``mentions``, ``n_words``, ``per_1000_words``."""
    require_rows(frequency, "No codebook actor is mentioned in the corpus.")
    d = frequency[frequency["side"] != "unknown"].copy()
    sides = [s for s in SIDE_ORDER if s in set(d["side"])]
    if not sides:
        raise NothingToDraw("No mentioned actor has a side, so outlets cannot be compared by side "
                            "(a sides file gives actors their sides).")
    outlets = (d.groupby(outlet)["n_words"].first().sort_values(ascending=False, kind="stable").index.tolist())
    data = d[[outlet, "side", "mentions", "n_words", "per_1000_words"]].sort_values([outlet, "side"]).reset_index(drop=True)
    fig, ax = new_figure("double", 1.0 + 0.32 * max(len(outlets), 2))
    h = 0.8 / max(len(sides), 1)
    for k, s in enumerate(sides):
        sub = d[d["side"] == s].set_index(outlet)["per_1000_words"]
        y = np.arange(len(outlets))[::-1] + (len(sides) / 2 - k - 0.5) * h
        ax.barh(y, [sub.get(o, 0.0) for o in outlets], height=h, color=side_color(s), label=s)
    ax.set_yticks(np.arange(len(outlets))[::-1])
    ax.set_yticklabels(outlets)
    ax.set_xlabel("Mentions per 1,000 words")
    ax.set_title(title)
    ax.legend(title="Side", title_fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig, data
