"""Validate the readability indices against OneStopEnglish (human-levelled texts).

OneStopEnglish (Vajjala & Lučić 2018; ``../shared/benchmarks/readability``)
has Guardian articles each rewritten by teachers at three levels: elementary
(1), intermediate (2), advanced (3).  For every index (oriented so that
higher = harder; Flesch Reading Ease is negated) and for plain word count
(the length baseline the benchmark README warns about), this reports:

``pairs``, ``spearman`` and ``cross`` (defined in
:mod:`analysis.evaluation.readability`).

The same three figures are given for textstat 0.7.13's implementation of
each index (columns ``ts_*``; its CMU lookup pointed at the same dictionary,
see ``benchmarks/readability_speed.py``), unless ``--no-textstat``.

Every figure is on the DEV half (94 articles, 282 texts); the held-out half
is kept aside by the benchmark's owners.  Nothing is fitted here.

Run: ``python benchmarks/readability_validation.py [--data PATH]``; ends
with a one-line summary.  The loading and scoring live in
:mod:`analysis.evaluation.readability`; this is its command line.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd
from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluation.readability import cross_concordance, load, pair_accuracy, scored_texts  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "benchmarks" / "readability" / "onestopenglish_dev.jsonl"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT, help="OneStopEnglish JSONL (default: the DEV half in ../shared)")
    p.add_argument("--numbers", choices=["one", "read_aloud"], default="one",
                   help="syllables of a numeral (analysis.readability's numbers option)")
    p.add_argument("--no-textstat", action="store_true", help="skip the textstat comparison columns")
    args = p.parse_args(argv)
    if not args.data.exists():
        print(f"benchmark data not found: {args.data}", file=sys.stderr)
        return 1
    from analysis.readability import INDEX_COLUMNS

    t0 = time.perf_counter()
    df = scored_texts(load(args.data), numbers=args.numbers)
    df["flesch_reading_ease"] = -df["flesch_reading_ease"]  # oriented: higher = harder
    have_ts = False
    if not args.no_textstat:
        try:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from readability_speed import TEXTSTAT_FUNCS, textstat_with_cmu

            ts = textstat_with_cmu()
            for k, f in TEXTSTAT_FUNCS.items():
                df["ts_" + k] = [getattr(ts, f)(t) for t in df["text"]]
            df["ts_flesch_reading_ease"] = -df["ts_flesch_reading_ease"]
            have_ts = True
        except ImportError:
            print("textstat is not installed: comparison columns skipped", file=sys.stderr)
    cols = ["words"] + INDEX_COLUMNS
    rows = []
    for c in cols:
        rho = spearmanr(df[c], df["level_num"], nan_policy="omit").statistic
        row = {"measure": c if c != "flesch_reading_ease" else "flesch_reading_ease (negated)",
               "pairs": pair_accuracy(df, c), "spearman": rho, "cross": cross_concordance(df, c),
               "nan_texts": int(df[c].isna().sum())}
        if have_ts and "ts_" + c in df:
            t = "ts_" + c
            row.update({"ts_pairs": pair_accuracy(df, t),
                        "ts_spearman": spearmanr(df[t], df["level_num"]).statistic,
                        "ts_cross": cross_concordance(df, t)})
        rows.append(row)
    res = pd.DataFrame(rows)
    pd.set_option("display.width", 160)
    print(f"OneStopEnglish {args.data.name}: {df['id'].nunique()} articles, {len(df)} texts, numbers={args.numbers} "
          f"({time.perf_counter() - t0:.1f} s)")
    print(res.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    idx = res[res["measure"] != "words"]
    best = idx.sort_values("cross", ascending=False).iloc[0]
    print(f"SUMMARY readability on OneStopEnglish DEV: best cross-article concordance {best['measure']} "
          f"{best['cross']:.3f} (spearman {best['spearman']:.3f}, pairs {best['pairs']:.3f}); "
          f"word count: cross {res.iloc[0]['cross']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
