"""Corpus scale: the metric families over thousands (or millions) of articles.

:func:`run` reads a corpus as a stream, cuts it into batches of
``batch_size`` articles (smaller towards the end:
:func:`~analysis.pipeline.batching.batch_target`), scores each batch with
the chosen families and returns (or writes, batch by batch, as Parquet) the
tidy tables.  No number depends on how the corpus is cut (a test scores
the same articles in batches of 5 and of 34):

``articles``
    one row per article: the corpus metadata (as :func:`analysis.load_corpus`
    gives it, without the body text), ``text_hash``, ``n_sentences``, and the
    article-level columns of readability and sentiment;
``paragraphs`` / ``sentences``
    one row per paragraph / sentence (:func:`analysis.core.text.paragraph_table`,
    :func:`analysis.core.text.sentence_table`) with the readability and sentiment
    columns of that level joined on ``article_id`` + ``paragraph`` /
    ``sentence``;
``mentions`` / ``quotes``
    :func:`analysis.actors.find_mentions`, :func:`analysis.sourcing.extract_quotes`;
``readability_voice``
    one row per article and ``voice`` (quoted / narrative words), from
    :func:`analysis.readability.readability` given the quotes.

A family column whose name is already taken in the table it joins (other
than ``start``/``end``/``text``/``paragraph``, the same spans) is prefixed
with the family name (``sentiment_n_sentences``).

The families run per batch in the order actors -> sourcing (reads the
mentions) -> readability (reads the quotes) -> sentiment, each through its
public entry point in ``docs/data-dictionary.md``, imported when the batch runs; a
family whose module is not installed is left out of ``families="all"``.

Engines (``engine=``), all giving identical tables (same batches, same code):

``"local"``
    in this process, batch after batch;
``"process"``
    a :class:`concurrent.futures.ProcessPoolExecutor` of ``n_workers``
    processes, started warm: forked from this process after it has loaded
    every resource when that is safe
    (:func:`~analysis.pipeline.workers.fork_is_safe`: Linux, no other Python
    thread, Python 3.11 or a single OS thread), else from a fork server
    that loads them (``forkserver``: in Jupyter, with threads running, on
    Python 3.12+), else ``spawn`` (Windows);
``"dask"``
    a :mod:`dask.distributed` client: a ``LocalCluster`` of ``n_workers``
    single-threaded processes started and closed by the run, or an existing
    cluster given as ``scheduler="tcp://host:8786"`` (or a ``Client``).  The
    batches are the Dask partitions, submitted as futures a few at a time so
    that the client never holds the corpus; the workers need the package
    installed and, when ``out_dir`` is given, the same view of that folder;
``"auto"`` (default)
    ``dask`` when a ``scheduler`` is given; else ``local`` for a corpus of at
    most :data:`AUTO_LOCAL_MAX` (400) articles (or, when the count is not
    known without parsing, under 2 MB), ``process`` above that.

Streaming and Parquet: with ``out_dir`` each batch is written as
``<out_dir>/<table>/batch-NNNNNN.parquet`` by the worker that scored it, so
only a window of ``2 * n_workers`` batches is ever in memory.  A batch is
complete when its manifest ``<out_dir>/_batches/batch-NNNNNN.json`` exists;
every file is written under a hidden temporary name and renamed, so an
interrupted run leaves no half-written batch that looks complete.  Running
again with the same ``out_dir`` resumes: complete batches whose articles
(ids and text hashes) and family keys are unchanged are kept as they are.

Cache (:mod:`analysis.core.cache`): results of each family are stored under the
exact text hash of each body and a key of family, parameters, package
version and code fingerprint, in ``cache_dir`` (default
``<out_dir>/cache``; no cache when neither is given).  A second run scores
nothing; a changed article is scored again, alone.

Bad articles never stop a run: an unreadable record (undecodable bytes,
malformed JSON, no text field), a duplicate ``article_id``, a body that is
empty or pathological (see :func:`screen_text`) and an article on which a
family raises are all skipped and listed, with the reason, in
``result.summary.skipped``.

Example::

    from analysis import pipeline
    result = pipeline.run("../shared/corpora/bbc_news_2004_2005/bbc_news.jsonl",
                          out_dir="out/bbc", engine="process")
    print(result.summary)          # scored, from cache, skipped (reasons)
    sentences = result["sentences"]

or ``python -m analysis.pipeline CORPUS --out out/bbc --engine dask``.

The subpackage, module by module (each says more in its docstring):

=================  ===========================================================
``registry``       the families: ``Family`` records, their steps, run order
``reading``        the corpus as a stream (:func:`iter_articles`), screening
``planning``       options, engine choice, cache keys, the stream cut in batches
``batching``       ``BatchTask`` / ``BatchOutcome``, batch sizes and names
``scoring``        one batch in a worker (:func:`score_batch`), the cache
``assembly``       a batch's output tables from the families' raw tables
``storage``        the atomic Parquet store, manifests, resume, ``read_table``
``engines``        local, process and Dask engines
``workers``        worker start (fork, fork server, spawn), driver watch
``warm``           every family's resources loaded once, then frozen
``preload``        what the fork server imports before it forks a worker
``results``        ``PipelineResult``, ``RunSummary``, ``PipelineInterrupted``
``tally``          the account of a run while it goes
``runner``         :func:`run`, which reads as the plan
``cli``            ``python -m analysis.pipeline``
=================  ===========================================================
"""
from __future__ import annotations

# Every name importable from analysis.pipeline before it became a package.
from analysis.pipeline.assembly import OUTPUT_TABLES  # noqa: F401
from analysis.pipeline.batching import DEFAULT_BATCH_SIZE, TAIL_MIN_BATCH, BatchOutcome, BatchTask  # noqa: F401
from analysis.pipeline.cli import add_cli_arguments, main  # noqa: F401
from analysis.pipeline.engines import ENGINES, MANAGER_EXIT_SECONDS  # noqa: F401
from analysis.pipeline.planning import AUTO_LOCAL_MAX  # noqa: F401
from analysis.pipeline.reading import SKIPPED_COLUMNS, iter_articles, screen_text  # noqa: F401
from analysis.pipeline.registry import FAMILIES, MAKER, Family, available_families  # noqa: F401
from analysis.pipeline.results import PipelineInterrupted, PipelineResult, RunSummary  # noqa: F401
from analysis.pipeline.runner import run  # noqa: F401
from analysis.pipeline.scoring import ARTICLE_PREFIXED_COLUMNS, score_batch  # noqa: F401
from analysis.pipeline.storage import MANIFEST_DIR, MARKER, read_table  # noqa: F401
from analysis.pipeline.warm import freeze_resources, warm_up  # noqa: F401
from analysis.pipeline.workers import DRIVER_POLL_SECONDS  # noqa: F401

__all__ = [
    "run",
    "read_table",
    "iter_articles",
    "screen_text",
    "available_families",
    "PipelineResult",
    "RunSummary",
    "FAMILIES",
    "ENGINES",
    "OUTPUT_TABLES",
    "PipelineInterrupted",
]
