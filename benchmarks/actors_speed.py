"""Speed of actor mention matching and discovery, as ratios to a plain regex pass.

    python benchmarks/actors_speed.py [--corpus PATH] [--limit N]

Reads ``../shared/corpora/bbc_news_2004_2005/bbc_news.jsonl`` in place
(2,225 BBC News articles).  Segmentation (:mod:`analysis.core.text`) is shared by
every family and cached, so it is done once up front and not timed.  Timed,
in the same run, on the same texts:

* ``regex``: the reference, one ``re.finditer`` pass per text with one
  compiled alternation of every codebook name form (what a plain keyword
  count would do);
* ``matching``: :func:`analysis.actors.find_mentions` with ``discover=False``
  (one compiled pass plus title, surname and adjective rules and the tidy
  table);
* ``discovery``: :func:`analysis.actors.discovery.discover_entities` alone (rules
  for people, organisations, places);
* ``matching + discovery``: ``find_mentions(..., discover=True)``.

Prints articles per second for each and its ratio to the regex pass (how many
times slower); ends with a one-line summary.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis.actors import find_mentions  # noqa: E402
from analysis.actors.codebook import load_codebook  # noqa: E402
from analysis.core.text import segment_articles  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"


def best_of(fn, repeat=2):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles only")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    articles = load_corpus(args.corpus)
    if args.limit:
        articles = articles.head(args.limit)
    n = len(articles)
    docs = segment_articles(articles)  # shared, cached segmentation: not timed
    cb = load_codebook()
    forms = sorted({f for r in cb.to_dict("records") for f in [r["name"], *r["aliases"], *r["descriptions"], *r["adjectives"]]},
                   key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")
    texts = [d.text for d in docs]

    def regex_pass():
        return sum(1 for t in texts for _ in plain.finditer(t))

    def matching():
        return find_mentions(docs, codebook=cb, discover=False)

    def discovery():
        from analysis.actors.discovery import doc_entities

        return [len(doc_entities(d)) for d in docs]

    def both():
        for d in docs:
            d._cache.pop("discovered", None)
        return find_mentions(docs, codebook=cb, discover=True)

    find_mentions(docs[:5], codebook=cb, discover=True)  # load resources once (first names, places, frequencies)
    times = {"regex": best_of(regex_pass, 3), "matching": best_of(matching), "discovery": best_of(discovery),
             "matching + discovery": best_of(both, 1)}
    print(f"{n} articles from {args.corpus.name}; best of repeated runs")
    print(f"{'step':<22} {'seconds':>8} {'articles/s':>11} {'x regex':>8}")
    for k, t in times.items():
        print(f"{k:<22} {t:8.3f} {n / t:11.0f} {t / times['regex']:8.1f}")
    print(f"SUMMARY actors speed: matching {n / times['matching']:.0f} articles/s "
          f"({times['matching'] / times['regex']:.1f}x a plain regex pass), discovery "
          f"{n / times['discovery']:.0f} articles/s ({times['discovery'] / times['regex']:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
