"""How close the computed bootstrap intervals are to the Monte Carlo ones.

    python benchmarks/bootstrap_accuracy.py [--corpus PATH] [--groups 100] [--draws 400000]

``analysis.sentiment.aggregate_sentiment`` gives each paragraph and article a
percentile bootstrap interval of its mean sentence compound, computed by
:mod:`analysis.bootstrap` (exact enumeration up to 7 sentences, saddlepoint
beyond) instead of drawn.  This script takes real groups (VADER compounds of
the sentences of ``../shared/corpora/bbc_news_2004_2005``, by paragraph and by
article), draws ``--draws`` random resamples of each as the reference, and
reports, as a share of the reference interval's width, how far from it are
(a) the computed limits and (b) the limits of an ordinary 2,000-draw Monte
Carlo bootstrap (what the package used before).  Also the time of both for
every group of the corpus.  Ends with a one-line summary.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"


def mc_limits(x: np.ndarray, draws: int, rng: np.random.Generator, alpha: float = 0.025) -> tuple[float, float]:
    n = len(x)
    chunk = max(1, 2_000_000 // n)
    means = np.concatenate([x[rng.integers(0, n, (min(chunk, draws - i), n))].mean(1)
                            for i in range(0, draws, chunk)])
    lo, hi = np.quantile(means, [alpha, 1 - alpha])
    return float(lo), float(hi)


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
    from analysis.bootstrap import EXACT_MAX_N, mean_intervals
    from analysis.sentiment import sentence_sentiment

    sentences = sentence_sentiment(load_corpus(args.corpus)).sort_values(["article_id", "sentence"], kind="stable")
    comp = sentences["compound"].to_numpy(float)
    rng = np.random.default_rng(20261128)
    worst = {}
    for level, keys in (("paragraph", ["article_id", "paragraph"]), ("article", ["article_id"])):
        groups = [v for v in sentences.groupby(keys, sort=False).indices.values()]
        sizes = np.array([len(v) for v in groups])
        flat = np.concatenate([comp[v] for v in groups])
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        t0 = time.perf_counter()
        lo, hi = mean_intervals(flat, offsets)
        t_computed = time.perf_counter() - t0
        t0 = time.perf_counter()
        for v in groups:
            if len(v) > 1:
                mc_limits(comp[v], 2000, rng)
        t_mc = time.perf_counter() - t0
        print(f"{level}: {len(groups)} groups; computed intervals {t_computed:.2f} s, "
              f"2,000-draw Monte Carlo {t_mc:.2f} s ({t_mc / t_computed:.0f}x)")
        for name, sel in (("exact (n <= %d)" % EXACT_MAX_N, (sizes >= 2) & (sizes <= EXACT_MAX_N)),
                          ("saddlepoint (n > %d)" % EXACT_MAX_N, sizes > EXACT_MAX_N)):
            cand = [i for i in np.flatnonzero(sel) if np.ptp(comp[groups[i]]) > 0]
            if not cand:
                continue
            pick = rng.choice(cand, size=min(args.groups, len(cand)), replace=False)
            err_c, err_m = [], []
            for i in pick:
                x = comp[groups[i]]
                rlo, rhi = mc_limits(x, args.draws, rng)
                w = rhi - rlo
                if w <= 0:
                    continue
                mlo, mhi = mc_limits(x, 2000, rng)
                err_c.append(max(abs(lo[i] - rlo), abs(hi[i] - rhi)) / w)
                err_m.append(max(abs(mlo - rlo), abs(mhi - rhi)) / w)
            err_c, err_m = np.array(err_c), np.array(err_m)
            print(f"   {name}: {len(err_c)} groups; distance from the {args.draws:,}-draw limits, share of width: "
                  f"computed median {np.median(err_c):.3f} p95 {np.quantile(err_c, .95):.3f} max {err_c.max():.3f}; "
                  f"2,000 draws median {np.median(err_m):.3f} p95 {np.quantile(err_m, .95):.3f} max {err_m.max():.3f}")
            worst[(level, name)] = (np.median(err_c), np.median(err_m))
    better = all(c <= m for c, m in worst.values())
    print(f"SUMMARY bootstrap_accuracy: computed intervals {'closer' if better else 'NOT closer'} to the "
          f"{args.draws:,}-draw reference than 2,000 draws in median for every level and size class")
    return 0


if __name__ == "__main__":
    sys.exit(main())
