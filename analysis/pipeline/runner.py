"""The run: a corpus in, its tables out (in memory or as Parquet), read as
the plan it follows: count the records, choose the engine, settle the
families and their cache keys, cut the stream into batches (passing over
those a resumed run finds written), score them on the engine, store them,
and summarise.  See :mod:`analysis.pipeline` for the whole picture.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from analysis.core.cache import ResultCache
from analysis.pipeline import scoring, workers
from analysis.pipeline.batching import DEFAULT_BATCH_SIZE
from analysis.pipeline.engines import ENGINE_CLASSES
from analysis.pipeline.planning import BatchPlanner, check_arguments, choose_engine, family_keys, family_params
from analysis.pipeline.reading import count_records
from analysis.pipeline.registry import resolve_families
from analysis.pipeline.results import PipelineInterrupted, PipelineResult, RunSummary
from analysis.pipeline.storage import finish_out_dir, finished_in_flight, prepare_out_dir, remove_temporary_files
from analysis.pipeline.tally import RunTally

__all__ = ["run"]


def run(
    corpus: str | Path | pd.DataFrame,
    *,
    families: str | Iterable[str] = "all",
    engine: str = "auto",
    out_dir: str | Path | None = None,
    cache_dir: str | Path | None = None,
    cache: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_workers: int | None = None,
    scheduler: Any = None,
    codebook: Any = None,
    sides: Any = None,
    discover: bool = True,
    sentiment_method: str = "vader",
    sentiment_n_boot: int | None = None,
    max_chars: int | None = None,
    max_paragraph_chars: int | None = 20_000,
    max_unpunctuated_chars: int = 2_000,
    progress: bool = True,
) -> PipelineResult:
    """Run the metric families over a corpus; see :mod:`analysis.pipeline`.

    ``corpus``: a path :func:`analysis.load_corpus` reads, or an articles table.
    ``families``: ``"all"`` (every family installed) or names from
    ``actors``, ``sourcing``, ``readability``, ``sentiment`` (segmentation
    always runs).  ``engine``: one of :data:`ENGINES`.  ``out_dir``: write
    Parquet there, batch by batch, and resume from it; without it the tables
    are kept in memory.  ``cache_dir``: where cached results live (default
    ``<out_dir>/cache``); ``cache=False`` turns the cache off.
    ``batch_size``: articles per batch (= per Parquet file, per task;
    smaller towards the end of a corpus, see
    :func:`analysis.pipeline.batching.batch_target`).
    ``n_workers``: processes for ``process``/``dask`` (default: the CPUs
    this process may use).  ``scheduler``: a Dask scheduler address or
    ``Client`` (default: a LocalCluster).  ``codebook``, ``sides`` (a sides
    file, :mod:`analysis.actors.sides`), ``discover``: passed to the actor and
    sourcing families (codebook None: the seed story's codebook for the seed
    articles only, no codebook for any other article); ``sentiment_method`` to sentiment, and
    ``sentiment_n_boot`` to its aggregates (the paragraph and article
    intervals are computed, not sampled: ``0`` switches them off, any other
    value leaves them as they are; None = the sentiment module's default).
    ``max_*``: limits of :func:`screen_text` (``max_chars`` is off unless
    set: a long document is measured, not skipped).  ``progress``: a tqdm bar
    (notebook-aware) and the summary on stderr at the end.

    Returns a :class:`PipelineResult`: the tables by name and ``.summary``.
    """
    check_arguments(corpus, engine, batch_size, n_workers)
    t0 = time.perf_counter()
    total = count_records(corpus)
    engine = choose_engine(engine, scheduler, corpus, total)
    if engine == "process" and not workers.fork_is_safe():
        workers.start_forkserver()  # it loads every resource while this process prepares the run
    names = resolve_families(families)
    params = family_params(names, codebook=codebook, sides=sides, discover=discover,
                           sentiment_method=sentiment_method, sentiment_n_boot=sentiment_n_boot)
    keys = family_keys(names, params)
    limits = {"max_chars": max_chars, "max_paragraph_chars": max_paragraph_chars,
              "max_unpunctuated_chars": max_unpunctuated_chars}

    out = Path(out_dir) if out_dir is not None else None
    if out is not None:
        prepare_out_dir(out, corpus, names, keys, batch_size)
    if cache and cache_dir is None and out is not None:
        cache_dir = out / "cache"
    store = ResultCache(cache_dir) if cache and cache_dir is not None else None

    summary = RunSummary(engine=engine, n_workers=1, families=[n for n in names if n != "segmentation"],
                         out_dir=str(out) if out else None)
    tally = RunTally(summary)
    planner = BatchPlanner(corpus, names=names, params=params, keys=keys, batch_size=batch_size, total=total,
                           limits=limits, cache_dir=str(cache_dir) if store else None,
                           cache_index={n: store.index(n, keys[n]) for n in names} if store else None,
                           out=out, tally=tally)
    _score_batches(planner, tally, engine=engine, n_workers=n_workers, scheduler=scheduler, total=total,
                   progress=progress, cache_folder=Path(cache_dir) if store else None)

    order = tally.finish(time.perf_counter() - t0)
    if out is not None:
        finish_out_dir(out, planner.n_batches, summary)
        result = PipelineResult(order, summary, out_dir=out)
    else:
        result = PipelineResult(order, summary, tables=tally.tables(order))
    if progress:
        print(summary, file=sys.stderr)
    return result


def _score_batches(planner: BatchPlanner, tally: RunTally, *, engine: str, n_workers: int | None, scheduler: Any,
                   total: int | None, progress: bool, cache_folder: Path | None) -> None:
    """Hand the planned batches to the engine and tally what comes back.  On
    Ctrl-C: end the workers, remove the files they left half-written, and
    raise :class:`PipelineInterrupted` with what is kept."""
    eng = None
    try:
        eng = ENGINE_CLASSES[engine](n_workers=n_workers, scheduler=scheduler)
        tally.summary.n_workers = eng.n_workers
        tally.summary.start_method = getattr(eng, "start_method", None)
        tally.start_bar(total, engine, progress)
        for task, outcome, error in eng.map(scoring.score_batch, planner.tasks()):
            planner.in_flight.pop(task.index, None)
            tally.take(task, outcome, error, planner.out)
    except KeyboardInterrupt:
        ended = eng.abort() if eng is not None else []
        for folder in {planner.out, cache_folder} - {None}:
            remove_temporary_files(folder, {os.getpid(), *ended})
        summary, out = tally.summary, planner.out
        written = summary.scored + summary.from_cache + finished_in_flight(out, planner.in_flight.values())
        raise PipelineInterrupted(written, total, out) from None
    finally:
        if eng is not None:
            eng.close()
        tally.close_bar()
