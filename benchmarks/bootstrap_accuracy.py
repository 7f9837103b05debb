"""How close the computed bootstrap intervals are to the Monte Carlo ones.

    python benchmarks/bootstrap_accuracy.py [--corpus PATH] [--groups 100] [--draws 400000]

``analysis.sentiment.aggregate_sentiment`` gives each paragraph and article a
percentile bootstrap interval of its mean sentence compound, computed by
:mod:`analysis.core.bootstrap` (exact enumeration up to 7 sentences, saddlepoint
beyond) instead of drawn.  This script takes real groups (VADER compounds of
the sentences of ``../shared/corpora/bbc_news_2004_2005``, by paragraph and by
article), draws ``--draws`` random resamples of each as the reference, and
reports, as a share of the reference interval's width, how far from it are
(a) the computed limits and (b) the limits of an ordinary 2,000-draw Monte
Carlo bootstrap (what the package used before).  Also the time of both for
every group of the corpus.  Ends with a one-line summary.  The measuring
lives in :mod:`analysis.evaluation.bootstrap_accuracy`; this is its command line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", default=str(DEFAULT))
    p.add_argument("--groups", type=int, default=100, help="groups per level and size class")
    p.add_argument("--draws", type=int, default=400_000)
    args = p.parse_args()
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus} (../shared is needed)", file=sys.stderr)
        return 1
    from analysis import load_corpus
    from analysis.evaluation.bootstrap_accuracy import interval_accuracy
    from analysis.sentiment import sentence_sentiment

    worst = {}
    for res in interval_accuracy(sentence_sentiment(load_corpus(args.corpus)), groups=args.groups, draws=args.draws):
        t_mc, t_computed = res["t_mc"], res["t_computed"]
        print(f"{res['level']}: {res['groups']} groups; computed intervals {t_computed:.2f} s, "
              f"2,000-draw Monte Carlo {t_mc:.2f} s ({t_mc / t_computed:.0f}x)")
        for c in res["classes"]:
            err_c, err_m = c["computed"], c["mc"]
            print(f"   {c['name']}: {c['n']} groups; distance from the {args.draws:,}-draw limits, share of width: "
                  f"computed median {np.median(err_c):.3f} p95 {np.quantile(err_c, .95):.3f} max {err_c.max():.3f}; "
                  f"2,000 draws median {np.median(err_m):.3f} p95 {np.quantile(err_m, .95):.3f} max {err_m.max():.3f}")
            worst[(res["level"], c["name"])] = (np.median(err_c), np.median(err_m))
    better = all(c <= m for c, m in worst.values())
    print(f"SUMMARY bootstrap_accuracy: computed intervals {'closer' if better else 'NOT closer'} to the "
          f"{args.draws:,}-draw reference than 2,000 draws in median for every level and size class")
    return 0


if __name__ == "__main__":
    sys.exit(main())
