"""Speed of sentence scoring against vaderSentiment in the same run.

    python benchmarks/sentiment_speed.py [CORPUS] [--repeat N] [--limit N]

CORPUS defaults to ``../shared/corpora/bbc_news_2004_2005/bbc_news.jsonl``
(falls back to the seeds).  The corpus is loaded and segmented once, before
any timing; both sides then score the same sentences of that segmentation:

* reference: ``vaderSentiment.SentimentIntensityAnalyzer().polarity_scores``
  on each sentence string, results collected in a list;
* ours: :func:`analysis.sentiment.sentence_sentiment` on the Documents
  (``vader``, and the other methods for information), which returns the
  tidy table (keys, offsets, scores, labels).

Prints seconds (best of ``--repeat``) and the ratio ours / reference
(1.0 = as fast; higher = slower).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis import sentiment as S  # noqa: E402
from analysis.core.text import segment_articles  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT if DEFAULT.exists() else ROOT / "seeds"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=300, help="articles to use (default 300; 0 = all)")
    ap.add_argument("--all-methods", action="store_true", help="also time vader-nltk, afinn and news")
    args = ap.parse_args(argv)
    articles = load_corpus(args.corpus)
    articles = articles[articles["duplicate_of"].isna()]
    if args.limit:
        articles = articles.head(args.limit)
    docs = segment_articles(articles)  # once, outside every timing
    sentences = [d.quote_text[s:e] for d in docs for s, e in d.sentences.tolist()]
    print(f"{len(docs)} articles, {len(sentences)} sentences from {args.corpus}")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    ref = SentimentIntensityAnalyzer()
    S.sentence_sentiment(docs[:1])  # load the lexicons outside the timing (both sides)
    # interleaved, best of N each: the machine is shared, so both sides see the same load
    t_ref, t_ours = float("inf"), float("inf")
    for _ in range(args.repeat):
        t_ref = min(t_ref, best_of(lambda: [ref.polarity_scores(t) for t in sentences], 1))
        t_ours = min(t_ours, best_of(lambda: S.sentence_sentiment(docs, method="vader"), 1))
    print(f"vaderSentiment polarity_scores: {t_ref:.2f} s ({len(sentences) / t_ref:,.0f} sentences/s)")
    print(f"analysis.sentiment vader:       {t_ours:.2f} s ({len(sentences) / t_ours:,.0f} sentences/s)")
    if args.all_methods:
        for m in ("vader-nltk", "afinn", "news"):
            S.sentence_sentiment(docs[:1], method=m)
            t = best_of(lambda: S.sentence_sentiment(docs, method=m), 1)
            print(f"analysis.sentiment {m:12s} {t:.2f} s (ratio to vaderSentiment {t / t_ref:.2f})")
    print(f"summary: sentence_sentiment(method='vader') / vaderSentiment = {t_ours / t_ref:.2f} "
          f"on {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
