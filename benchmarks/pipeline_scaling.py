"""Scaling of the pipeline with corpus size and workers, with peak memory.

    python benchmarks/pipeline_scaling.py [--sizes 100,2225,22250] [--workers 1,2] [--engine process]

Corpora: the first 100 articles of ``../shared/corpora/bbc_news_2004_2005/bbc_news.jsonl``,
all 2,225, and the corpus repeated 10 times (22,250 articles, ids made
unique with a ``-rK`` suffix) written to a temporary file outside the repository
and deleted afterwards.

Each configuration (size x workers) runs in a fresh Python process
(``--one``): :func:`analysis.pipeline.run` with every installed family,
Parquet output to a temporary folder, no cache (every article is scored).
A sampling thread in the benchmark's own process reads the resident memory
(RSS, via ``psutil``) of the measured process (the run's driver) and all its
descendants (the worker processes) every 0.25 s: from outside, so that the
run forks its workers as any one-thread script's run does; reported are
the peak RSS of the driver process, the peak RSS of the largest child (a worker,
or the fork server when there is one) and the peak of the sum of
PSS (proportional set size: pages shared copy-on-write between the process
the workers were forked from and its workers are counted once) over all processes.  Time per article should stay flat as the
corpus grows and memory should not grow with it (each batch is written and
dropped).  CPU ms/article is the user + system time of the driver and all
its descendants (sampled, so the last 0.25 s of a process may be missed) per
article: unlike wall-clock time it does not grow when other users load the
machine.  The load column is the 1-minute load average after the run.  The 22,250 run uses only the largest worker count, to keep the
benchmark under half an hour on two shared cores.

Ends with a one-line summary.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from analysis.pipeline import DEFAULT_BATCH_SIZE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"


def write_corpus(src: Path, size: int, dst: Path) -> Path:
    """The first ``size`` articles of ``src``, repeating it (with ids suffixed
    ``-rK``) when ``size`` exceeds its length."""
    lines = [ln for ln in src.read_bytes().splitlines() if ln.strip()]
    with open(dst, "wb") as fh:
        for i in range(size):
            k, j = divmod(i, len(lines))
            if k == 0:
                fh.write(lines[j] + b"\n")
            else:
                rec = json.loads(lines[j])
                rec["id"] = f"{rec['id']}-r{k}"
                fh.write(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
    return dst


class MemorySampler(threading.Thread):
    """Samples the process ``pid`` and its descendants from outside: a thread
    inside the measured process would keep the process engine from forking
    its workers (:func:`analysis.pipeline.workers.fork_is_safe`)."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        import psutil

        self.proc = psutil.Process(pid)
        self.interval = interval
        self.stop = threading.Event()
        self.driver = self.worker = self.total = 0
        self.cpu: dict[int, float] = {}  # pid -> user + system seconds, last seen

    def run(self):
        import psutil

        while not self.stop.is_set():
            try:
                me = self.proc.memory_full_info()
                kids = []
                for c in [self.proc] + self.proc.children(recursive=True):
                    try:
                        t = c.cpu_times()
                        self.cpu[c.pid] = t.user + t.system
                        if c.pid != self.proc.pid:
                            kids.append(c.memory_full_info())
                    except psutil.Error:
                        pass
                self.driver = max(self.driver, me.rss)
                self.worker = max([self.worker] + [k.rss for k in kids])
                pss = [getattr(m, "pss", m.rss) for m in [me] + kids]
                self.total = max(self.total, sum(pss))
            except psutil.Error:
                pass
            self.stop.wait(self.interval)


def one(corpus: Path, workers: int, engine: str, batch_size: int) -> dict:
    from analysis import pipeline

    with tempfile.TemporaryDirectory(prefix="pipeline_scaling_out_") as out:
        t0 = time.perf_counter()
        result = pipeline.run(corpus, engine=engine, n_workers=workers, out_dir=Path(out) / "o", cache=False,
                              batch_size=batch_size, progress=False)
        secs = time.perf_counter() - t0
    s = result.summary
    return {"articles": s.scored, "skipped": s.n_skipped, "workers": s.n_workers, "engine": s.engine,
            "start_method": s.start_method, "seconds": secs, "ms_per_article": 1000 * secs / max(s.scored, 1),
            "families": s.families}


def measure(cmd: list[str]) -> dict:
    """Run one configuration (``--one``) in a new process, sampled from here."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    sampler.stop.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{stderr[-2000:]}")
    r = json.loads(stdout.strip().splitlines()[-1])
    r.update(driver_mb=sampler.driver / 2**20, worker_mb=sampler.worker / 2**20, total_mb=sampler.total / 2**20,
             cpu_ms_per_article=1000 * sum(sampler.cpu.values()) / max(r["articles"], 1))
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--sizes", default="100,2225,22250")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--engine", default="process", choices=["local", "process", "dask"])
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                        help=f"articles per batch (default {DEFAULT_BATCH_SIZE}, the pipeline's)")
    parser.add_argument("--one", nargs=2, metavar=("CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(Path(args.one[0]), int(args.one[1]), args.engine, args.batch_size)))
        return 0
    src = Path(args.corpus)
    if not src.exists():
        print(f"corpus not found: {src} (../shared is needed)", file=sys.stderr)
        return 1
    # The package's bytecode, as any installation has it after its first import (the peers'
    # is compiled by pip; an editable install where PYTHONDONTWRITEBYTECODE is set, as here,
    # would otherwise compile every module from source in every fork server: about 0.1 s).
    compileall.compile_dir(ROOT / "analysis", quiet=1)
    sizes = [int(x) for x in args.sizes.split(",")]
    workers = [int(x) for x in args.workers.split(",")]
    print(f"engine {args.engine}, batch size {args.batch_size}; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs", flush=True)
    print(f"{'articles':>9} {'workers':>7} {'seconds':>8} {'ms/article':>10} {'CPU ms/art':>10} {'driver MB':>9} "
          f"{'worker MB':>9} {'total MB':>8} {'load':>5}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="pipeline_scaling_") as tmp:
        for size in sizes:
            corpus = write_corpus(src, size, Path(tmp) / f"bbc_{size}.jsonl")
            for w in (workers if size <= 5000 else workers[-1:]):
                cmd = [sys.executable, __file__, "--one", str(corpus), str(w), "--engine", args.engine,
                       "--batch-size", str(args.batch_size)]
                try:
                    r = measure(cmd)
                except RuntimeError as exc:
                    print(exc, file=sys.stderr)
                    return 1
                results.append(r)
                print(f"{r['articles']:>9,} {r['workers']:>7} {r['seconds']:>8.1f} {r['ms_per_article']:>10.1f} "
                      f"{r['cpu_ms_per_article']:>10.1f} {r['driver_mb']:>9.0f} {r['worker_mb']:>9.0f} "
                      f"{r['total_mb']:>8.0f} {os.getloadavg()[0]:>5.1f}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}; families: {', '.join(results[0]['families'])}; "
          f"workers started by {', '.join(sorted({str(r['start_method']) for r in results}))}")
    by = {(r["articles"], r["workers"]): r for r in results}
    mid = [r for r in results if r["articles"] == max(x["articles"] for x in results if x["articles"] <= 5000)]
    speedup = ""
    if len(mid) >= 2:
        one_w = min(mid, key=lambda r: r["workers"])
        many = max(mid, key=lambda r: r["workers"])
        speedup = f"; speed-up {one_w['workers']}->{many['workers']} workers {one_w['seconds'] / many['seconds']:.2f}x"
    w_max = max(workers)
    flat = [by[k] for k in sorted(by) if k[1] == w_max]
    print("SUMMARY pipeline_scaling: ms/article " + ", ".join(f"{r['articles']:,}: {r['ms_per_article']:.0f}" for r in flat)
          + "; CPU ms/article " + ", ".join(f"{r['cpu_ms_per_article']:.0f}" for r in flat)
          + f" ({w_max} workers); peak total MB " + ", ".join(f"{r['total_mb']:.0f}" for r in flat) + speedup)
    return 0


if __name__ == "__main__":
    sys.exit(main())
