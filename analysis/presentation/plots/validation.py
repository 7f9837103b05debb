"""Figures of agreement with human annotation (notebook 90), from the tables
of :mod:`analysis.evaluation`.  Each helper returns ``(fig, plotted_data)``."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.presentation.figures import NEUTRAL_COLOR, new_figure

# measures are not sides: two neutral-but-distinct Okabe–Ito colours
PRECISION_COLOR = "#0072B2"
RECALL_COLOR = "#E69F00"
F1_COLOR = "#555555"


def sentiment_scatter(sentences: pd.DataFrame, summary: pd.DataFrame):
    """Each sentence's score (y, -1..1) against the mean human rating (x,
    -4..4), with the least-squares line and Pearson r (95% interval over
    editorials) and macro-F1 in the corner.  Returns ``(fig, data)``: the
    plotted points (``id``, ``human_score``, ``compound``)."""
    s = summary.iloc[0]
    data = sentences[["id", "human_score", "compound"]].reset_index(drop=True)
    fig, ax = new_figure("single", 3.0)
    ax.scatter(data["human_score"], data["compound"], s=3, alpha=0.25, color=PRECISION_COLOR, linewidths=0,
               rasterized=False)
    slope, intercept = np.polyfit(data["human_score"], data["compound"], 1)
    xs = np.array([-4.0, 4.0])
    ax.plot(xs, intercept + slope * xs, color=NEUTRAL_COLOR, linewidth=1.0)
    ax.axhline(0, color="#bbbbbb", linewidth=0.5)
    ax.axvline(0, color="#bbbbbb", linewidth=0.5)
    ax.text(0.03, 0.97,
            f"r = {s['r']:.2f} [{s['r_low']:.2f}, {s['r_high']:.2f}]\n"
            f"Spearman ρ = {s['rho']:.2f}\nmacro-F1 = {s['macro_f1']:.2f}\n"
            f"{int(s['n']):,} sentences",
            transform=ax.transAxes, ha="left", va="top", fontsize=6.5,
            bbox=dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1.5))
    ax.set_xlim(-3.2, 3.2)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("Mean of 20 human ratings\n(−4 very negative … +4 very positive)")
    ax.set_ylabel(f"{str(s['method']).upper()} compound (−1 … +1)")
    ax.grid(axis="both", visible=True)
    ax.set_title("Sentiment vs. human ratings")
    return fig, data


_INDEX_LABELS = {
    "words": "Word count (baseline)",
    "flesch_reading_ease": "Flesch Reading Ease (−)",
    "flesch_kincaid_grade": "Flesch–Kincaid",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "dale_chall": "New Dale–Chall",
    "linsear_write": "Linsear Write",
    "spache": "Spache",
}


def readability_by_level(texts: pd.DataFrame, summary: pd.DataFrame, *, index: str = "flesch_kincaid_grade"):
    """Two panels: left, ``index`` for every text by its human level
    (Elementary, Intermediate, Advanced; box and points); right, each
    measure's concordance with level across different articles (0.5 = chance),
    with the word-count baseline as a dashed line.  Returns ``(fig, data)``:
    the long table of both panels (``panel``, ``level``/``measure``,
    ``value``)."""
    if index not in texts.columns:
        raise ValueError(f"index must be one of {[c for c in texts.columns if c in _INDEX_LABELS]}, not {index!r}")
    from analysis.evaluation import LEVEL_NAMES

    fig, (left, right) = new_figure("double", 2.8, ncols=2, gridspec_kw={"width_ratios": [1, 1.25]})
    levels = sorted(texts["level_num"].unique())
    groups = [texts.loc[texts["level_num"] == lv, index].dropna().to_numpy() for lv in levels]
    left.boxplot(groups, positions=range(len(levels)), widths=0.5, showfliers=False,
                 medianprops=dict(color="#D55E00", linewidth=1.2), boxprops=dict(linewidth=0.7),
                 whiskerprops=dict(linewidth=0.7), capprops=dict(linewidth=0.7))
    rng = np.random.default_rng(0)  # fixed jitter: the figure is byte-for-byte reproducible
    for i, g in enumerate(groups):
        left.scatter(i + rng.uniform(-0.16, 0.16, len(g)), g, s=4, alpha=0.45, color=PRECISION_COLOR, linewidths=0,
                     zorder=3)
    left.set_xticks(range(len(levels)))
    left.set_xticklabels([LEVEL_NAMES.get(int(lv), str(lv)) for lv in levels])
    rho = summary.set_index("measure").loc[index, "spearman"]
    left.set_ylabel(f"{_INDEX_LABELS.get(index, index)} grade (school years)" if "grade" in index
                    else _INDEX_LABELS.get(index, index))
    left.set_xlabel("Level assigned by teachers (OneStopEnglish)")
    left.set_title(f"{_INDEX_LABELS.get(index, index)} by level (Spearman ρ = {rho:.2f})")
    left.grid(axis="y", visible=True)
    left.grid(axis="x", visible=False)

    s = summary.copy()
    base = float(s.loc[s["measure"] == "words", "cross"].iloc[0]) if (s["measure"] == "words").any() else None
    idx = s[s["measure"] != "words"].sort_values("cross")
    y = np.arange(len(idx))
    right.barh(y, idx["cross"], color=NEUTRAL_COLOR, height=0.65)
    for yi, v in zip(y, idx["cross"]):
        right.text(v + 0.005, yi, f"{v:.2f}", va="center", fontsize=6.5)
    if base is not None:
        right.axvline(base, color="#D55E00", linestyle="--", linewidth=0.9)
        right.text(base, len(idx) - 0.3, f" word count {base:.2f}", color="#D55E00", fontsize=6.5, va="bottom")
    right.axvline(0.5, color="#999999", linewidth=0.6)
    right.set_yticks(y)
    right.set_yticklabels([_INDEX_LABELS.get(m, m) for m in idx["measure"]])
    right.set_xlim(0.45, 1.0)
    right.set_ylim(-0.6, len(idx) + 0.4)
    right.set_xlabel("Cross-article concordance with level (0.5 = chance)")
    right.set_title("Which index orders the levels?")
    right.grid(axis="x", visible=True)
    rows = [{"panel": "by_level", "level": LEVEL_NAMES.get(int(r.level_num)), "text_id": r.text_id,
             "measure": index, "value": getattr(r, index)} for r in texts.itertuples(index=False)]
    rows += [{"panel": "concordance", "level": None, "text_id": None, "measure": r.measure, "value": r.cross}
             for r in s.itertuples(index=False)]
    return fig, pd.DataFrame(rows)


def quote_pr_by_kind(table: pd.DataFrame):
    """Grouped bars of precision and recall (percent) by gold quote kind
    (direct, mixed, indirect, all), from
    :func:`analysis.evaluation.sourcing_agreement`; gold counts under the
    labels.  Returns ``(fig, data)``: ``kind``, ``measure``, ``value``,
    ``n_gold``."""
    order = ["direct", "mixed", "indirect", "all"]
    names = {"direct": "Direct", "mixed": "Partial\n(mixed)", "indirect": "Indirect", "all": "All kinds"}
    t = table.set_index("kind").loc[[k for k in order if k in set(table["kind"])]].reset_index()
    fig, ax = new_figure("single", 2.6)
    x = np.arange(len(t))
    w = 0.38
    for dx, col, color, label in ((-w / 2, "precision", PRECISION_COLOR, "precision"),
                                  (w / 2, "recall", RECALL_COLOR, "recall")):
        bars = ax.bar(x + dx, t[col], width=w, color=color, label=label)
        for b, v in zip(bars, t[col]):
            ax.text(b.get_x() + b.get_width() / 2, v + 1.5, f"{v:.0f}", ha="center", va="bottom", fontsize=6)
    ax.set_xticks(x)
    ax.set_xticklabels([f"{names[k]}\nn = {n:,}" for k, n in zip(t["kind"], t["n_gold"])], fontsize=6.5)
    ax.set_ylim(0, 112)
    ax.set_yticks(range(0, 101, 20))
    ax.set_ylabel("Percent (word overlap ≥ 50%)")
    ax.grid(axis="y", visible=True)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper right", ncol=2)
    ax.set_title(f"Quote extraction, PolNeAR ({int(t['articles'].iloc[0])} articles)")
    data = t.melt(id_vars=["kind", "n_gold"], value_vars=["precision", "recall"], var_name="measure")
    return fig, data[["kind", "measure", "value", "n_gold"]]


def discovery_by_category(table: pd.DataFrame, *, subset: str = "non-sport"):
    """Grouped bars of precision, recall and F1 per name category (people,
    organisations, places) for one ``subset`` of CoNLL-2003 dev, from
    :func:`analysis.evaluation.actors_agreement`.  Returns ``(fig, data)``:
    ``label``, ``measure``, ``value``, ``gold``."""
    if subset not in set(table["subset"]):
        raise ValueError(f"subset must be one of {sorted(set(table['subset']))}, not {subset!r}")
    names = {"PER": "People", "ORG": "Organisations", "LOC": "Places"}
    t = table[table["subset"] == subset].reset_index(drop=True)
    fig, ax = new_figure("single", 2.6)
    x = np.arange(len(t))
    w = 0.27
    for dx, col, color in ((-w, "precision", PRECISION_COLOR), (0, "recall", RECALL_COLOR), (w, "f1", F1_COLOR)):
        bars = ax.bar(x + dx, 100 * t[col], width=w, color=color, label=col if col != "f1" else "F1")
        for b, v in zip(bars, t[col]):
            ax.text(b.get_x() + b.get_width() / 2, 100 * v + 1.5, f"{100 * v:.0f}", ha="center", va="bottom",
                    fontsize=5.5)
    ax.set_xticks(x)
    ax.set_xticklabels([f"{names.get(lab, lab)}\nn = {g:,}" for lab, g in zip(t["label"], t["gold"])], fontsize=6.5)
    ax.set_ylim(0, 115)
    ax.set_yticks(range(0, 101, 20))
    ax.set_ylabel("Percent (exact name spans)")
    ax.grid(axis="y", visible=True)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper right", ncol=3)
    ax.set_title(f"Name discovery, CoNLL-2003 {subset}")
    data = t.melt(id_vars=["label", "gold"], value_vars=["precision", "recall", "f1"], var_name="measure")
    return fig, data[["label", "measure", "value", "gold"]]
