"""Command line: ``python -m analysis.pipeline CORPUS --out DIR``.

:func:`add_cli_arguments` adds the run's options to a parser; :func:`main`
runs the pipeline and returns the exit status: 0, 3 when articles were
skipped (listed in ``DIR/skipped.csv``), 1 on a bad option or path, 130 on
Ctrl-C (the same command resumes).
"""
from __future__ import annotations

import argparse
import sys

from analysis.pipeline.batching import DEFAULT_BATCH_SIZE
from analysis.pipeline.engines import ENGINES
from analysis.pipeline.results import PipelineInterrupted
from analysis.pipeline.runner import run

__all__ = ["add_cli_arguments", "main"]


def add_cli_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=ENGINES, default="auto", help="auto (default), local, process or dask")
    p.add_argument("--families", default="all", help="comma-separated families or 'all' (default)")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                   help=f"articles per batch and per Parquet file (default {DEFAULT_BATCH_SIZE})")
    p.add_argument("--workers", type=int, default=None, help="worker processes (process, dask)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address (default: a LocalCluster)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    p.add_argument("--cache-dir", default=None, help="cache folder (default: OUT/cache)")
    p.add_argument("--max-chars", type=int, default=None,
                   help="skip articles longer than this many characters (default: no limit, all are measured)")
    p.add_argument("--max-paragraph-chars", type=int, default=20_000,
                   help="skip articles with a paragraph longer than this (default 20,000; 0: no limit)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.pipeline",
                                     description="Score a corpus with every metric family; Parquet out.")
    parser.add_argument("corpus", help="corpus file or folder")
    parser.add_argument("--out", required=True, help="output folder (Parquet per table and batch)")
    add_cli_arguments(parser)
    args = parser.parse_args(argv)
    fams = "all" if args.families == "all" else [f.strip() for f in args.families.split(",") if f.strip()]
    try:
        result = run(args.corpus, families=fams, engine=args.engine, out_dir=args.out,
                     batch_size=args.batch_size, n_workers=args.workers, scheduler=args.scheduler,
                     cache=not args.no_cache, cache_dir=args.cache_dir, max_chars=args.max_chars,
                     max_paragraph_chars=args.max_paragraph_chars or None)
    except (ValueError, FileNotFoundError, FileExistsError) as exc:
        print(f"analysis.pipeline: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:
        message = str(exc) if isinstance(exc, PipelineInterrupted) else "interrupted"
        print(f"analysis.pipeline: {message}", file=sys.stderr)
        return 130
    return 3 if result.summary.n_skipped else 0

