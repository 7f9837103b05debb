"""Corpus scale: the metric families over thousands (or millions) of articles.

:func:`run` reads a corpus as a stream, cuts it into batches of
``batch_size`` articles (smaller towards the end: :func:`_batch_target`),
scores each batch with the chosen families and returns (or writes, batch by
batch, as Parquet) the tidy tables.  No number depends on how the corpus is
cut (a test scores the same articles in batches of 5 and of 34):

``articles``
    one row per article: the corpus metadata (as :func:`analysis.load_corpus`
    gives it, without the body text), ``text_hash``, ``n_sentences``, and the
    article-level columns of readability and sentiment;
``paragraphs`` / ``sentences``
    one row per paragraph / sentence (:func:`analysis.text.paragraph_table`,
    :func:`analysis.text.sentence_table`) with the readability and sentiment
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
public entry point in ``docs/CONTRACTS.md``, imported when the batch runs; a
family whose module is not installed is left out of ``families="all"``.

Engines (``engine=``), all giving identical tables (same batches, same code):

``"local"``
    in this process, batch after batch;
``"process"``
    a :class:`concurrent.futures.ProcessPoolExecutor` of ``n_workers``
    processes, started warm: forked from this process after it has loaded
    every resource when that is safe (:func:`_fork_is_safe`: Linux, no other
    Python thread, Python 3.11 or a single OS thread), else from a fork server
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

Cache (:mod:`analysis.cache`): results of each family are stored under the
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
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import gc
import importlib
import itertools
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis import corpus as _corpus
from analysis.cache import HASH_COLUMN, ResultCache, family_key, text_hash, write_parquet_atomic

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

ENGINES = ("auto", "local", "process", "dask")
OUTPUT_TABLES = ("articles", "paragraphs", "sentences", "mentions", "quotes")
MANIFEST_DIR = "_batches"
# A batch is one task and one Parquet file per table.  Each costs a fixed
# 40-80 ms (table conversions, file writes, the sentiment aggregates), so
# batches are large; the last ones are smaller (_batch_target).
DEFAULT_BATCH_SIZE = 500
AUTO_LOCAL_MAX = 400  # engine="auto": at most this many articles run in this process
MARKER = "pipeline.json"
SKIPPED_COLUMNS = ["article_id", "source_path", "line", "stage", "reason"]

# ---------------------------------------------------------------------------
# the family registry


def _step_segmentation(docs, upstream, params):
    from analysis.text import paragraph_table, sentence_table

    counts = pd.DataFrame(
        {"article_id": [d.article_id for d in docs], "n_sentences": [d.n_sentences for d in docs]}
    )
    return {"article_counts": counts, "paragraphs": paragraph_table(docs), "sentences": sentence_table(docs)}


def _step_actors(docs, upstream, params):
    from analysis.actors import find_mentions

    mentions = find_mentions(docs, codebook=params.get("codebook"), discover=params["discover"],
                             sides=params.get("sides"))
    # the per-article sizes in attrs serve actor_frequency without documents; here every
    # later step has the documents, and pandas would deep-copy them on each operation
    mentions.attrs = {}
    return {"mentions": mentions}


def _step_sourcing(docs, upstream, params):
    from analysis.links import link
    from analysis.sourcing import extract_quotes

    mentions = upstream.get("mentions")
    if mentions is None:  # actors not in the run: the mentions extract_quotes would find for its speakers
        from analysis.actors import find_mentions

        mentions = find_mentions(docs, codebook=params.get("codebook"), sides=params.get("sides"))
        mentions.attrs = {}
    quotes = extract_quotes(docs, codebook=params.get("codebook"), mentions=mentions, sides=params.get("sides"))
    # the two tables made consistent: mentions.in_quote / quote_id, quotes.speaker_mention_start
    mentions, quotes = link(mentions, quotes)
    return {"quotes": quotes, "mentions": mentions}


def _step_readability(docs, upstream, params):
    from analysis.readability import readability_levels

    # one counting pass for the three levels and the voice split of articles
    quotes = upstream.get("quotes")
    tables = readability_levels(docs, ("article", "paragraph", "sentence"), quotes=quotes, voice_level="article")
    out = {f"readability_{level}": tables[level] for level in ("article", "paragraph", "sentence")}
    if quotes is not None:
        out["readability_voice"] = tables["voice"]
    else:  # same columns, no rows: the table exists whether or not sourcing ran
        empty = tables["article"].iloc[:0].reset_index(drop=True)
        empty.insert(1, "voice", pd.Series(dtype=object))
        out["readability_voice"] = empty
    return out


def _step_sentiment(docs, upstream, params):
    from analysis.sentiment import aggregate_sentiment, sentence_sentiment

    sentences = sentence_sentiment(docs, method=params["method"])
    boot = {"n_boot": params["n_boot"]} if params.get("n_boot") is not None else {}
    return {
        "sentiment_sentence": sentences,
        "sentiment_paragraph": aggregate_sentiment(sentences, level="paragraph", **boot),
        "sentiment_article": aggregate_sentiment(sentences, level="article", **boot),
    }


@dataclass(frozen=True)
class Family:
    """One per-batch step: ``step(docs, upstream_tables, params)`` returns
    ``{raw_table_name: DataFrame}``; ``uses`` names the upstream raw tables it
    reads when the family that makes them is in the run."""

    name: str
    module: str
    step: Callable
    tables: tuple[str, ...]
    uses: tuple[str, ...] = ()


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in [
        Family("segmentation", "analysis.text", _step_segmentation, ("article_counts", "paragraphs", "sentences")),
        Family("actors", "analysis.actors", _step_actors, ("mentions",)),
        # sourcing also returns the mentions, linked to its quotes (analysis.links); they replace the actors'
        Family("sourcing", "analysis.sourcing", _step_sourcing, ("quotes", "mentions"), uses=("mentions",)),
        Family("readability", "analysis.readability", _step_readability,
               ("readability_article", "readability_paragraph", "readability_sentence", "readability_voice"),
               uses=("quotes",)),
        Family("sentiment", "analysis.sentiment", _step_sentiment,
               ("sentiment_sentence", "sentiment_paragraph", "sentiment_article")),
    ]
}
# table -> the family that first makes it (sourcing re-makes the mentions, linked to its quotes)
MAKER = {t: f.name for f in reversed(FAMILIES.values()) for t in f.tables}
# raw tables joined onto an output table: raw name -> (output table, join keys)
_JOINS = {
    "article_counts": ("articles", ["article_id"]),
    "readability_article": ("articles", ["article_id"]),
    "sentiment_article": ("articles", ["article_id"]),
    "readability_paragraph": ("paragraphs", ["article_id", "paragraph"]),
    "sentiment_paragraph": ("paragraphs", ["article_id", "paragraph"]),
    "readability_sentence": ("sentences", ["article_id", "sentence"]),
    "sentiment_sentence": ("sentences", ["article_id", "sentence"]),
}
_SAME_SPAN = {"start", "end", "text", "paragraph", "sentence"}
_SPLIT_COLUMNS = ("voice",)


_WARM_TEXT = ("OTTAWA Prime Minister Justin Trudeau said on Monday that the talks with China would go on. "
              "\u201cWe are pleased,\u201d he told reporters.\n\nThe two men were released, officials said.")


def warm_up(families: Iterable[str] | None = None) -> dict[str, str]:
    """Run each family once on a two-paragraph text so that its lazily
    loaded resources are in memory; returns ``{family: "ok" | error}``.
    Used by the process engine's fork server, so that workers start warm."""
    from analysis.text import _segment_cached, segment

    status: dict[str, str] = {}
    doc = segment(_WARM_TEXT, "warm-up")
    upstream: dict[str, pd.DataFrame] = {}
    defaults = {"discover": True, "method": "vader", "codebook": None}
    for name in families or available_families():
        try:
            upstream.update(FAMILIES[name].step([doc], upstream, defaults))
            status[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - a warm-up never fails
            status[name] = f"{type(exc).__name__}: {exc}"
    _segment_cached.cache_clear()
    return status


def freeze_resources() -> None:
    """Move every object alive now (the loaded word lists, dictionaries and
    models) out of the garbage collector's view (:func:`gc.freeze`): they live
    as long as the process, and the collector's full passes would otherwise walk
    millions of them again and again (and, in a forked worker, touch the memory
    pages it shares with its parent).  For worker processes, after
    :func:`warm_up`."""
    gc.collect()
    gc.freeze()


def available_families() -> list[str]:
    """Families whose module imports here, in run order (segmentation first)."""
    out = []
    for name, fam in FAMILIES.items():
        try:
            importlib.import_module(fam.module)
        except ImportError:
            continue
        out.append(name)
    return out


def _resolve_families(families) -> list[str]:
    metric = [n for n in FAMILIES if n != "segmentation"]
    if families in (None, "all"):
        return available_families()
    if isinstance(families, str):
        families = [families]
    names = list(families)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown famil{'y' if len(unknown) == 1 else 'ies'} {unknown}; "
                         f"choose from {metric} or 'all'")
    have = set(available_families())
    missing = [n for n in names if n not in have]
    if missing:
        raise ValueError(f"famil{'y' if len(missing) == 1 else 'ies'} {missing} not available "
                         f"(module not importable); available: {[n for n in metric if n in have]}")
    return [n for n in FAMILIES if n == "segmentation" or n in names]


# ---------------------------------------------------------------------------
# reading: a stream of articles


def screen_text(text: str, *, max_chars: int | None = None, max_paragraph_chars: int | None = 20_000,
                max_unpunctuated_chars: int = 2_000) -> str | None:
    """Why a body cannot be scored meaningfully, or None when it can.

    Rules, in order (limits are keyword options of :func:`run`):

    * **empty**: no letter or digit at all;
    * **too long** (only when a researcher sets ``max_chars``): more than
      ``max_chars`` characters.  Off by default: every family's time grows
      linearly with the length of a document (``benchmarks/length_scaling.py``:
      a 3 MB article is scored by all four in seconds), so a long transcript
      or report is measured, not skipped; set it (200,000 characters is about
      33,000 words; the longest BBC article has 4,428) to keep such documents
      out of a corpus on purpose;
    * **one huge paragraph**: a line longer than ``max_paragraph_chars``
      (20,000 characters, about 3,300 words; None turns the rule off), such
      as a 5 MB file on one line or a scraped page without paragraph breaks.
      Kept on by default because the quote family attributes each quotation
      against every speech frame of its paragraph: linear in the length of
      a document, but quadratic in the length of one paragraph (measured:
      a 1.5 MB one-paragraph article takes the quote family 47 s, 168x its
      150 KB time; see ``docs/SCALE.md``);
    * **no sentence punctuation**: a stretch of more than
      ``max_unpunctuated_chars`` characters (2,000, over 300 words) with no
      ``.``, ``!``, ``?``, ``…`` and no line break, where sentences cannot be
      found and every sentence-level number would be meaningless.
    """
    if not re.search(r"[^\W_]", text):
        return "empty: no letters or digits in the body"
    if max_chars is not None and len(text) > max_chars:
        return f"too long: {len(text):,} characters (limit {max_chars:,})"
    if max_paragraph_chars is not None:
        longest = max((len(line) for line in text.split("\n")), default=0)
        if longest > max_paragraph_chars:
            return f"pathological: one paragraph of {longest:,} characters (limit {max_paragraph_chars:,})"
    # anchored at the start of a stretch (lookbehind), so the search is linear in the text
    m = re.search(r"(?<![^.!?…。！？\n])[^.!?…。！？\n]{%d,}" % (max_unpunctuated_chars + 1), text)
    if m:
        return (f"pathological: {len(m.group()):,} characters without sentence-ending punctuation "
                f"(limit {max_unpunctuated_chars:,})")
    return None


def _problem(path, line, problem, article_id=None, stage="read") -> dict:
    return {"article_id": article_id, "source_path": str(path) if path is not None else None,
            "line": line, "stage": stage, "reason": problem}


def iter_articles(corpus: str | Path | pd.DataFrame) -> Iterator[tuple[dict | None, dict | None]]:
    """Stream a corpus: ``(record, None)`` for each article, ``(None, problem)``
    for each record that cannot be read.

    ``corpus`` is what :func:`analysis.load_corpus` reads (a file or a folder
    of ``.txt``, ``.jsonl``, ``.json``, ``.csv``) or an articles table.  Each
    record is parsed by :mod:`analysis.corpus` itself (its per-format readers
    and ``_normalise_record``), so a record has the same ``article_id``,
    metadata and body as in ``load_corpus``; JSON Lines files are read line by
    line, one file at a time, so memory does not grow with the corpus.
    ``content_hash`` and ``n_*`` counts follow ``load_corpus``;
    ``duplicate_of`` and repeated ids are settled by :func:`run`, which sees
    the whole stream.  A problem is a dict with ``source_path``, ``line``,
    ``stage`` and ``reason``.
    """
    if isinstance(corpus, pd.DataFrame):
        missing = {"article_id", "text"} - set(corpus.columns)
        if missing:
            raise ValueError(f"articles table lacks column(s) {sorted(missing)}")
        for rec in corpus.to_dict("records"):
            rec["article_id"] = str(rec["article_id"])
            if not isinstance(rec.get("text"), str):
                yield None, _problem(rec.get("source_path"), None, "text is not a string", rec["article_id"])
                continue
            yield rec, None
        return
    path = Path(corpus)
    if path.is_file() and path.suffix.lower() not in _corpus.SUPPORTED_SUFFIXES:
        raise _corpus.CorpusError(path, f"unsupported file type {path.suffix or '(none)'}; "
                                        f"use one of {', '.join(_corpus.SUPPORTED_SUFFIXES)}")
    for f in _corpus._iter_files(path):
        k = 0
        for line, item, problem in _file_records(f):
            if problem is not None:
                yield None, problem
                continue
            try:
                rec = _corpus._normalise_record(f, line, item, k)
            except _corpus.CorpusError as exc:
                yield None, _problem(exc.path, exc.line, exc.problem)
                continue
            finally:
                k += 1
            rec["source_path"] = str(f)
            rec["_line"] = line
            rec.update(_corpus.body_counts(rec["text"]))
            rec["article_id"] = str(rec["article_id"])
            yield rec, None


def _file_records(f: Path):
    """(line, item, problem) for every record of one file, through
    :mod:`analysis.corpus`'s own reader for its format (JSON Lines stream
    line by line); a file-level error is one problem, a bad record another."""
    try:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            for line, item in _corpus._READERS[f.suffix.lower()](f):
                if isinstance(item, _corpus.CorpusError):
                    yield line, None, _problem(item.path, item.line, item.problem)
                else:
                    yield line, item, None
    except _corpus.CorpusError as exc:
        yield exc.line, None, _problem(exc.path, exc.line, exc.problem)


def _corpus_bytes(corpus) -> int:
    path = Path(corpus)
    return sum(f.stat().st_size for f in _corpus._iter_files(path))


def _count_records(corpus) -> int | None:
    """Quick count for the progress bar (None when it would mean parsing)."""
    if isinstance(corpus, pd.DataFrame):
        return len(corpus)
    path = Path(corpus)
    try:
        files = _corpus._iter_files(path)
    except FileNotFoundError:
        raise
    total = 0
    for f in files:
        suffix = f.suffix.lower()
        if suffix == ".txt":
            total += 1
        elif suffix == ".jsonl":
            with open(f, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            return None
    return total


# ---------------------------------------------------------------------------
# one batch, in a worker


@dataclass
class BatchTask:
    """Everything a worker needs to score and write one batch."""

    index: int
    records: list[dict]                 # metadata rows (no text), in corpus order
    texts: list[str]
    families: list[str]
    params: dict[str, dict]
    keys: dict[str, str]
    cache_dir: str | None = None
    cache_hits: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # family -> entry -> hashes
    out_dir: str | None = None
    outputs: list[str] = field(default_factory=list)
    in_worker: bool = False

    @property
    def ids(self) -> list[str]:
        return [r["article_id"] for r in self.records]

    @property
    def hashes(self) -> list[str]:
        return [r["text_hash"] for r in self.records]


@dataclass
class BatchOutcome:
    index: int
    n_articles: int
    scored: int
    from_cache: int
    failed: list[dict]
    tables: dict[str, pd.DataFrame] | None = None
    reused: bool = False
    seconds: float = 0.0
    family_seconds: dict[str, float] = field(default_factory=dict)


def _to_arrow(df: pd.DataFrame) -> pa.Table:
    """The table as Arrow; a column of mixed Python objects Arrow cannot type
    is written as JSON text."""
    if df.attrs:  # pandas deep-copies attrs on every column access; the caller's frame keeps them
        df = pd.DataFrame(dict(df.items()), index=df.index)
    df = df.reset_index(drop=True)
    try:
        return pa.Table.from_pandas(df, preserve_index=False, nthreads=1)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        df = df.copy()
        for col in df.columns:
            if df[col].dtype == object:
                try:
                    pa.array(df[col], from_pandas=True)
                except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
                    df[col] = df[col].map(lambda v: v if v is None or isinstance(v, str) else json.dumps(v, default=str))
        return pa.Table.from_pandas(df, preserve_index=False, nthreads=1)


def _arrow_normal(df: pd.DataFrame) -> pd.DataFrame:
    """The table as it comes back from Parquet (same dtypes whether it was
    just computed, read from the cache or read from the output)."""
    return _to_arrow(df).to_pandas()


def _check_table(family: str, name: str, df) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{family} returned {type(df).__name__} for {name}, not a DataFrame")
    if "article_id" not in df.columns:
        raise ValueError(f"{family} table {name} has no article_id column")
    return df


def _run_family(fam: Family, docs: list, upstream: dict[str, pd.DataFrame], params: dict):
    """Run one family on docs; on an exception, run it article by article so
    that only the articles that fail are lost.  Returns (tables, failures)."""

    def once(ds):
        ids = {d.article_id for d in ds}
        up = {k: v[v["article_id"].isin(ids)].reset_index(drop=True) for k, v in upstream.items()}
        out = fam.step(ds, up, params)
        return {name: _check_table(fam.name, name, out[name]) for name in fam.tables}

    try:
        return once(docs), {}
    except Exception as exc:  # noqa: BLE001 - isolate, never stop the run
        if len(docs) == 1:
            return None, {docs[0].article_id: _reason(fam.name, exc)}
    parts, failures = [], {}
    for d in docs:
        try:
            parts.append(once([d]))
        except Exception as exc:  # noqa: BLE001
            failures[d.article_id] = _reason(fam.name, exc)
    tables = {name: _concat([p[name] for p in parts]) for name in fam.tables} if parts else None
    return tables, failures


def _reason(family: str, exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({Path(frame.filename).name}:{frame.lineno})" if frame else ""
    return f"{family} failed: {type(exc).__name__}: {str(exc)[:200]}{where}"


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None]
    nonempty = [f for f in frames if len(f)]
    if nonempty:
        return pd.concat(nonempty, ignore_index=True)
    return frames[0].iloc[:0].reset_index(drop=True) if frames else pd.DataFrame()


def _order_rows(df: pd.DataFrame, position: dict[str, int]) -> pd.DataFrame:
    """Rows in corpus order of their article, stable within an article."""
    if not len(df):
        return df.reset_index(drop=True)
    ids = df["article_id"].to_numpy()
    heads = np.flatnonzero(ids[1:] != ids[:-1]) + 1  # where a run of one article's rows starts
    run_pos = [position[ids[0]], *(position[a] for a in ids[heads].tolist())]
    if all(a < b for a, b in zip(run_pos, run_pos[1:])):  # the usual case: a family's rows follow its documents
        return df if df.index.equals(pd.RangeIndex(len(df))) else df.reset_index(drop=True)
    pos = df["article_id"].map(position).to_numpy()
    order = np.argsort(pos, kind="stable")
    return df.iloc[order].reset_index(drop=True)


def score_batch(task: BatchTask) -> BatchOutcome:
    """Score one batch: cached results where the cache has them, the family
    entry points for the rest; write the tables (when ``out_dir``) and the
    batch manifest last.  Never raises for a bad article."""
    with _scoring_gc():
        return _score_batch(task)


def _score_batch(task: BatchTask) -> BatchOutcome:
    from analysis.text import segment

    t0 = time.perf_counter()
    ids, hashes = task.ids, task.hashes
    hash_of = dict(zip(ids, hashes))
    text_of = dict(zip(ids, task.texts))
    position = {a: i for i, a in enumerate(ids)}
    alive = list(ids)
    failed: dict[str, str] = {}
    fresh_ids: set[str] = set()
    raw: dict[str, pd.DataFrame] = {}
    arrow: dict[str, pa.Table] = {}  # raw tables already converted (fresh ones, once for cache and output)
    cache = ResultCache(task.cache_dir) if task.cache_dir else None
    docs: dict = {}
    family_seconds: dict[str, float] = {}

    def doc(aid):
        if aid not in docs:
            docs[aid] = segment(text_of[aid], aid)
        return docs[aid]

    for name in task.families:
        fam = FAMILIES[name]
        key = task.keys[name]
        hits = task.cache_hits.get(name, {})
        hit_hashes = {h for hs in hits.values() for h in hs}
        cached_ids = [a for a in alive if hash_of[a] in hit_hashes]
        cached = None
        if cached_ids and cache is not None:
            cached = cache.load(name, key, hits, fam.tables)
            if cached is not None:
                cached = {t: _from_cache(df, cached_ids, hash_of) for t, df in cached.items()}
        if cached is None:
            cached_ids = []
        miss = [a for a in alive if a not in set(cached_ids)]
        fresh = None
        if miss:
            upstream = {t: raw[t] for t in fam.uses if t in raw}
            t1 = time.perf_counter()
            fresh, fails = _run_family(fam, [doc(a) for a in miss], upstream, task.params.get(name, {}))
            family_seconds[name] = time.perf_counter() - t1
            if fails:
                failed.update(fails)
                alive = [a for a in alive if a not in fails]
                miss = [a for a in miss if a not in fails]
                for t, df in raw.items():
                    raw[t] = df[~df["article_id"].isin(fails)].reset_index(drop=True)
                    arrow.pop(t, None)
            fresh_ids.update(miss)
            if fresh is not None:
                fresh = {t: _order_rows(df, position) for t, df in fresh.items()}
                fresh_arrow = {t: _to_arrow(df) for t, df in fresh.items()}
                if cache is not None and miss:
                    _store(cache, name, key, fresh, fresh_arrow, miss, hash_of, task.index)
        for t in fam.tables:
            if cached and fresh:  # as the cache gives them back, so both parts have the same dtypes
                raw[t] = _order_rows(_concat([cached[t], _arrow_normal(fresh[t])]), position)
            elif fresh:
                raw[t], arrow[t] = fresh[t], fresh_arrow[t]
            else:
                raw[t] = _order_rows(_concat([cached[t] if cached else None]), position)
    tables = _assemble(task, raw, arrow, alive)
    scored = sum(1 for a in alive if a in fresh_ids)
    outcome = BatchOutcome(
        index=task.index,
        n_articles=len(ids),
        scored=scored,
        from_cache=len(alive) - scored,
        failed=[
            _problem(task.records[position[a]].get("source_path"), task.records[position[a]].get("_line"),
                     reason, a, stage=reason.split(" ", 1)[0])
            for a, reason in failed.items()
        ],
    )
    if task.out_dir:
        _write_batch(task, tables, outcome)
    else:
        outcome.tables = {name: table.to_pandas() for name, table in tables.items()}
    from analysis.text import _segment_cached

    # Neither a long-lived worker nor a local run of a large corpus may keep the
    # Documents of batches already scored (each holds its tokens and the
    # families' per-article memos): in one process they were 2/3 of the peak
    # memory on the BBC corpus, and every full collection walked them again.
    _segment_cached.cache_clear()
    outcome.seconds = time.perf_counter() - t0
    outcome.family_seconds = family_seconds
    return outcome


# Columns whose values are made from the article id (``<article_id>-q3``): rows
# taken from the cache for another article with the same body get its id there too.
ARTICLE_PREFIXED_COLUMNS = ("quote_id", "parent_quote_id")


def _from_cache(df: pd.DataFrame, ids: list[str], hash_of: dict[str, str]) -> pd.DataFrame:
    """Cached rows (keyed by text hash) given the current article ids; a body
    shared by several articles gets its rows once per article, and the ids
    made from the article id (:data:`ARTICLE_PREFIXED_COLUMNS`) name the
    article the rows are now for, not the one they were scored as."""
    want = pd.DataFrame({"article_id": ids, HASH_COLUMN: [hash_of[a] for a in ids]})
    body = df.rename(columns={"article_id": "_scored_as"})
    merged = want.merge(body, on=HASH_COLUMN, how="inner", sort=False)
    moved = (merged["_scored_as"] != merged["article_id"]).to_numpy()
    if moved.any():
        for col in ARTICLE_PREFIXED_COLUMNS:
            if col in merged.columns:
                merged[col] = [
                    new + value[len(old):] if m and isinstance(value, str) and value.startswith(old + "-") else value
                    for value, old, new, m in zip(merged[col], merged["_scored_as"], merged["article_id"], moved)
                ]
    cols = [c for c in df.columns if c != HASH_COLUMN]
    return merged[cols].reset_index(drop=True)


def _store(cache: ResultCache, family: str, key: str, tables: dict[str, pd.DataFrame],
           arrow: dict[str, pa.Table], ids: list[str], hash_of: dict[str, str], index: int) -> None:
    """Store a family's fresh tables (``arrow``: the same tables as Arrow) in
    the cache, each row with the text hash of its article's body."""
    first: dict[str, str] = {}
    for a in ids:
        first.setdefault(hash_of[a], a)
    keep = set(first.values())
    out = {}
    for t, df in tables.items():
        table = arrow[t]
        if len(keep) < len(ids):  # a body twice in the batch: its rows once
            mask = df["article_id"].isin(keep).to_numpy()
            df = df[mask]
            table = table.filter(pa.array(mask))
        hashes = pa.array(df["article_id"].map(hash_of).to_numpy(dtype=object), type=pa.string())
        out[t] = table.append_column(HASH_COLUMN, hashes)
    try:
        cache.store(family, key, out, first.keys(), label=f"b{index:06d}")
    except OSError as exc:  # a full disk must not lose the batch itself
        warnings.warn(f"could not write the {family} cache: {exc}", stacklevel=2)


def _join_plan(columns: list[str], extra: pd.DataFrame, keys: list[str], family: str,
               target: str) -> list[tuple[str, str]]:
    """The columns of ``extra`` that a left merge on ``keys`` adds to a table
    with ``columns``, as ``(column, name in the output)``: the span columns
    the table already has are dropped (and a sentence's paragraph), other
    shared names get the family as prefix."""
    have = set(columns)
    cols = []
    for c in extra.columns:
        if c in keys or (c in have and c in _SAME_SPAN) or (c == "paragraph" and target == "sentences"):
            continue
        cols.append((c, f"{family}_{c}" if c in have else c))
    return cols


def _aligned(base: pd.DataFrame, extra: pd.DataFrame, keys: list[str]) -> bool:
    """Does ``extra`` have exactly ``base``'s key values, row for row (so a
    left merge is a column append)?"""
    return len(base) > 0 and len(extra) == len(base) and all(
        k in extra.columns and extra[k].dtype == base[k].dtype
        and np.array_equal(extra[k].to_numpy(), base[k].to_numpy()) for k in keys)


def _append_columns(base: pa.Table, extra: pa.Table, cols: list[tuple[str, str]]) -> pa.Table:
    """``base`` with columns of ``extra`` (same rows) appended under new names,
    the pandas metadata of both merged so that the columns read back with the
    dtypes they had (``Int64`` stays ``Int64``)."""
    meta = json.loads(base.schema.metadata[b"pandas"])
    extra_meta = {c["name"]: c for c in json.loads(extra.schema.metadata[b"pandas"])["columns"]}
    for src, dst in cols:
        base = base.append_column(pa.field(dst, extra.schema.field(src).type), extra.column(src))
        meta["columns"].append({**extra_meta[src], "name": dst, "field_name": dst})
    return base.replace_schema_metadata({**base.schema.metadata, b"pandas": json.dumps(meta).encode()})


def _assemble(task: BatchTask, raw: dict[str, pd.DataFrame], arrow: dict[str, pa.Table],
              alive: list[str]) -> dict[str, pa.Table]:
    """The output tables of a batch, as Arrow: the articles (metadata, no
    text), paragraphs, sentences, mentions and quotes, with each family's
    per-article, per-paragraph and per-sentence columns joined on
    (:data:`_JOINS`).  Where the family's rows match the output's row for row
    (the usual case) the join appends the converted columns; otherwise it is
    a pandas left merge."""
    keep = set(alive)
    meta = pd.DataFrame([r for r in task.records if r["article_id"] in keep])
    if not len(meta):
        meta = pd.DataFrame({c: pd.Series(dtype=object) for c in task.records[0]}) if task.records else pd.DataFrame()
    meta = meta.drop(columns=[c for c in meta.columns if c == "text" or str(c).startswith("_")])
    for col in _corpus.ARTICLE_COLUMNS:
        if col != "text" and col not in meta.columns:
            meta[col] = None
    first = [c for c in _corpus.ARTICLE_COLUMNS if c != "text"] + ["text_hash"]
    meta = meta[first + [c for c in meta.columns if c not in first]]

    def as_arrow(t: str) -> pa.Table:
        if t not in arrow:
            arrow[t] = _to_arrow(raw[t])
        return arrow[t]

    base: dict[str, pd.DataFrame] = {"articles": meta}
    for t in ("paragraphs", "sentences", "mentions", "quotes"):
        if t in raw:
            base[t] = raw[t]
    own = [t for t in raw if t not in _JOINS and t not in base and t != "article_counts"]  # readability_voice
    out: dict[str, pa.Table] = {t: as_arrow(t) for t in base if t != "articles"}
    out.update({t: as_arrow(t) for t in own})
    out["articles"] = None
    apart: list[str] = []  # per-unit tables that cannot be joined (several rows per key): kept as they are
    for target in ("articles", "paragraphs", "sentences"):
        if target not in base:
            continue
        joins = []
        for t, (tgt, keys) in _JOINS.items():
            if tgt != target or t not in raw:
                continue
            extra = raw[t]
            if any(c in extra.columns for c in _SPLIT_COLUMNS) or extra.duplicated(keys).any():
                apart.append(t)
            else:
                joins.append((t, keys))
        names = list(base[target].columns)
        plans = []
        for t, keys in joins:
            cols = _join_plan(names, raw[t], keys, MAKER[t], target)
            if not _aligned(base[target], raw[t], keys) or any(dst in names for _, dst in cols):
                plans = None  # a merge decides (and names a clash as pandas does)
                break
            names += [dst for _, dst in cols]
            plans.append((t, cols))
        if plans is not None:
            table = out[target] if target != "articles" else _to_arrow(meta)
            for t, cols in plans:
                table = _append_columns(table, as_arrow(t), cols)
        else:
            merged = base[target]
            for t, keys in joins:
                cols = _join_plan(list(merged.columns), raw[t], keys, MAKER[t], target)
                extra = raw[t][keys + [src for src, _ in cols]].rename(columns=dict(cols))
                merged = merged.merge(extra, on=keys, how="left", sort=False)
            table = _to_arrow(merged)
        out[target] = table
    out.update({t: as_arrow(t) for t in apart})
    return out


def _batch_name(index: int) -> str:
    return f"batch-{index:06d}"


def _manifest(task: BatchTask, outcome: BatchOutcome, tables: list[str]) -> dict:
    return {
        "batch": task.index,
        "articles": [[a, h] for a, h in zip(task.ids, task.hashes)],
        "keys": task.keys,
        "tables": sorted(tables),
        "scored": outcome.scored,
        "from_cache": outcome.from_cache,
        "failed": outcome.failed,
    }


def _write_batch(task: BatchTask, tables: dict[str, pa.Table], outcome: BatchOutcome) -> None:
    out = Path(task.out_dir)
    name = _batch_name(task.index)
    manifest = out / MANIFEST_DIR / f"{name}.json"
    manifest.unlink(missing_ok=True)  # the batch is incomplete until the manifest is back
    for table, df in tables.items():
        write_parquet_atomic(df, out / table / f"{name}.parquet")
    for stale in out.glob(f"*/{name}.parquet"):
        if stale.parent.name not in tables and stale.parent.name != MANIFEST_DIR:
            stale.unlink()
    tmp = manifest.with_name(f".{manifest.name}.{os.getpid()}.tmp")
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(_manifest(task, outcome, list(tables)), default=str), encoding="utf-8")
    os.replace(tmp, manifest)


# ---------------------------------------------------------------------------
# engines: map batches, a few in flight at a time, results as they complete


class _LocalEngine:
    name = "local"

    def __init__(self, n_workers=None, scheduler=None):
        self.n_workers = 1

    def map(self, fn, tasks: Iterator[BatchTask]):
        for task in tasks:
            try:
                yield task, fn(task), None
            except Exception as exc:  # noqa: BLE001
                yield task, None, f"batch failed: {type(exc).__name__}: {exc}"

    def abort(self) -> list[int]:
        return []

    def close(self):
        pass


def _fork_is_safe() -> bool:
    """May the workers be forked from this process itself?

    Forking copies only the calling thread; a lock held by another thread at
    that moment stays locked in the child forever.  So only on Linux (macOS
    system libraries are not fork-safe), and only when this process runs no
    Python thread but the main one (not in a Jupyter kernel, not after a
    progress bar's monitor or a Dask client started).  The C libraries' own
    idle threads (OpenBLAS's pool, pyarrow's jemalloc) are made safe by their
    ``pthread_atfork`` handlers, which is also what Python 3.11's default
    ``fork`` start relies on; Python 3.12 deprecates forking a process with any
    other OS thread, so there only a single-threaded process forks.  The gain:
    the workers inherit the imports instead of repeating them (about 0.35 s
    per run on 2 CPUs)."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return False
    if threading.active_count() != 1:
        return False
    if sys.version_info >= (3, 12):
        try:
            return len(os.listdir("/proc/self/task")) == 1
        except OSError:
            return False
    return True


def _noop() -> None:
    """Submitted once so that a fork-started pool forks its workers at once."""


# How often a worker checks that its driver is still there (seconds).
DRIVER_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _process_identity(pid: int) -> str | None:
    """Something that tells process ``pid`` from a later one given the same
    id: its start time from ``/proc`` on Linux (None once it has ended or is a
    zombie), elsewhere ``"alive"`` while a signal 0 reaches it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()  # fields 3.. of proc(5): state, ppid, ...
        return None if fields[0] in ("Z", "X") else fields[19]  # field 22: start time
    except FileNotFoundError:
        return None
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return "alive"


def _watch_driver(driver_pid: int, direct_child: bool) -> None:
    """Worker initializer: the worker never outlives the process that drives the run.

    A worker blocks on its task queue, whose pipe it holds open itself, so
    when the driver is killed outright (SIGKILL, the out-of-memory killer)
    nothing would wake it; a fork server's worker also keeps the fork server
    alive, and the fork server it.  Two guards, both cheap:

    * a daemon thread checks every :data:`DRIVER_POLL_SECONDS` that the
      driver is still the same live process (:func:`_process_identity`) and
      ends the worker when it is not;
    * on Linux, a worker the driver started itself (``direct_child``:
      ``fork``, ``spawn``) is also sent SIGKILL by the kernel the moment the
      driver dies (``prctl(PR_SET_PDEATHSIG)``).

    The worker also ignores SIGINT: Ctrl-C in a terminal reaches every
    process of the group, and it is the driver that stops the run (and its
    workers) cleanly, see :class:`PipelineInterrupted`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if direct_child and sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):  # no libc to load: the thread below still watches
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    identity = _process_identity(driver_pid)
    if identity is None or (direct_child and os.getppid() != driver_pid):
        os._exit(1)  # the driver died before the kernel was asked to tell

    def watch():
        while _process_identity(driver_pid) == identity:
            time.sleep(DRIVER_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-driver", daemon=True).start()


def _forked_pool(n_workers: int) -> cf.ProcessPoolExecutor:
    """A pool of ``n_workers`` processes forked from this one now, after
    :func:`warm_up`: they share the loaded resources copy-on-write, as
    workers of the fork server do.  The garbage collector's view of what is
    alive here is frozen while they fork (:func:`freeze_resources` in the
    children, where it stays) and thawed again here, so this process's
    collection is as before."""
    warm_up()
    gc.collect()
    gc.freeze()
    try:
        with _single_threaded_env():
            pool = cf.ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context("fork"),
                                          initializer=_watch_driver, initargs=(os.getpid(), True))
            pool.submit(_noop)  # a fork-started pool forks every worker on its first submit
    finally:
        gc.unfreeze()
    return pool


def _start_forkserver():
    """The process engine's multiprocessing context.  With a fork server
    (Linux, macOS) the server is started at once and preloads
    :mod:`analysis._pipeline_warm` in the background, so the workers forked
    from it later start warm; elsewhere plain ``spawn``."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["analysis._pipeline_warm"])
        from multiprocessing import forkserver

        with _single_threaded_env():
            forkserver.ensure_running()
    return ctx


# One worker per CPU: a BLAS thread pool in each would only compete with the
# other workers (OpenBLAS threads also spin, busy, after each call they serve).
_SINGLE_THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextlib.contextmanager
def _single_threaded_env():
    """Child processes started inside inherit one BLAS/OpenMP thread (unless
    the caller set those variables); this process's environment is restored."""
    added = [k for k in _SINGLE_THREAD_ENV if k not in os.environ]
    os.environ.update(dict.fromkeys(added, "1"))
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


@contextlib.contextmanager
def _scoring_gc():
    """Collect the youngest generation less often while a batch is scored.

    Scoring allocates millions of short-lived objects (tokens, spans, rows)
    and almost no reference cycles, so at CPython's default threshold (700)
    the collector runs thousands of times per batch, each pass walking every
    young object; at 10,000 it runs 14 times less often.  Results do not
    depend on it; the previous thresholds are restored."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 10_000), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


# How long an interrupted run waits for the pool's manager thread to tear the
# pool down once the workers are killed (it takes milliseconds when idle).
MANAGER_EXIT_SECONDS = 10


class _ProcessEngine:
    name = "process"

    def __init__(self, n_workers=None, scheduler=None):
        self.n_workers = n_workers or _cpu_count()
        self.start_method = None
        self._pool = self._new_pool()
        self._succeeded = 0

    def _new_pool(self):
        # A pool rebuilt after a crash starts from the fork server: by then
        # this process runs the old pool's threads.
        if _fork_is_safe():
            self.start_method = "fork"
            return _forked_pool(self.n_workers)
        ctx = _start_forkserver()
        self.start_method = ctx.get_start_method()
        return cf.ProcessPoolExecutor(max_workers=self.n_workers, mp_context=ctx, initializer=_watch_driver,
                                      initargs=(os.getpid(), ctx.get_start_method() != "forkserver"))

    def map(self, fn, tasks: Iterator[BatchTask]):
        window = 2 * self.n_workers
        pending: dict[cf.Future, BatchTask] = {}
        retry: list[BatchTask] = []   # batches caught in a crashed pool, rerun one at a time
        if self.start_method != "fork":
            # The first submit waits for the fork server to finish loading the
            # resources; the first window of batches is read and screened while it does.
            tasks = itertools.chain(list(itertools.islice(tasks, window)), tasks)
        exhausted = False
        while True:
            while not exhausted and not retry and len(pending) < window:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                task.in_worker = True
                pending[self._pool.submit(fn, task)] = task
            if retry and not pending:
                task = retry.pop(0)
                fut = self._pool.submit(fn, task)
                try:
                    result = fut.result()
                    self._succeeded += 1
                    yield task, result, None
                except cf.process.BrokenProcessPool:
                    self._pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = self._new_pool()
                    if not self._succeeded:
                        raise RuntimeError(
                            "the worker processes die before finishing any batch: they may fail to start "
                            "(a script run without the `if __name__ == \"__main__\":` guard, or from stdin) "
                            "or run out of memory; use engine='local' to see the error"
                        ) from None
                    yield task, None, "worker process died while scoring this batch"
                except Exception as exc:  # noqa: BLE001
                    yield task, None, f"batch failed: {type(exc).__name__}: {exc}"
                continue
            if not pending:
                if exhausted and not retry:
                    return
                continue
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            broken = False
            for fut in done:
                task = pending.pop(fut)
                try:
                    result = fut.result()
                    self._succeeded += 1
                    yield task, result, None
                except cf.process.BrokenProcessPool:
                    broken = True
                    retry.append(task)
                except Exception as exc:  # noqa: BLE001
                    yield task, None, f"batch failed: {type(exc).__name__}: {exc}"
            if broken:
                retry.extend(pending.values())
                pending.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                retry.sort(key=lambda t: t.index)

    def abort(self) -> list[int]:
        """Stop at once (Ctrl-C): end the workers, dropping the batches they
        were scoring (a resumed run scores them); returns their process ids."""
        procs = list((getattr(self._pool, "_processes", None) or {}).values())
        for proc in procs:
            with contextlib.suppress(Exception):
                proc.kill()
        for proc in procs:
            proc.join(timeout=5)
        manager = getattr(self._pool, "_executor_manager_thread", None)
        self._pool.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            # With its workers gone, the pool's manager thread marks it broken
            # and closes its wakeup pipe.  Wait for that to finish: Python
            # 3.11's exit hook writes to that pipe without the lock that
            # guards its closing, so a teardown still running when the
            # interpreter exits ends in "OSError: Bad file descriptor".
            manager.join(timeout=MANAGER_EXIT_SECONDS)
        self._aborted = True
        return [proc.pid for proc in procs]

    def close(self):
        if not getattr(self, "_aborted", False):
            self._pool.shutdown(wait=True, cancel_futures=True)


class _DaskEngine:
    name = "dask"

    def __init__(self, n_workers=None, scheduler=None):
        from dask.distributed import Client, LocalCluster

        self._own = []
        if scheduler is None:
            cluster = LocalCluster(n_workers=n_workers or _cpu_count(), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
            self._own = [client, cluster]
        elif isinstance(scheduler, str):
            client = Client(scheduler)
            self._own = [client]
        else:
            client = scheduler
        self.client = client
        self.n_workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))

    def map(self, fn, tasks: Iterator[BatchTask]):
        from dask.distributed import as_completed

        window = 2 * self.n_workers
        tasks = iter(tasks)
        pending: dict = {}

        def submit():
            task = next(tasks, None)
            if task is None:
                return False
            task.in_worker = True
            fut = self.client.submit(fn, task, pure=False, key=f"score-batch-{task.index}-{os.urandom(4).hex()}")
            pending[fut.key] = task
            ac.add(fut)
            return True

        ac = as_completed([])
        for _ in range(window):
            if not submit():
                break
        for fut in ac:
            task = pending.pop(fut.key)
            try:
                yield task, fut.result(), None
            except Exception as exc:  # noqa: BLE001 - KilledWorker and the like
                yield task, None, f"batch failed: {type(exc).__name__}: {exc}"
            fut.release()
            submit()

    def abort(self) -> list[int]:
        self.close()
        self._own = []
        return []

    def close(self):
        for obj in self._own:
            obj.close()


_ENGINE_CLASSES = {"local": _LocalEngine, "process": _ProcessEngine, "dask": _DaskEngine}


def _cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------
# results


@dataclass
class RunSummary:
    """What a run did.  ``scored``: articles scored now by at least one family;
    ``from_cache``: articles whose every result came from the cache or from a
    batch already written by an earlier run (``reused``, a subset);
    ``skipped``: one row per article left out, with ``stage`` and ``reason``;
    ``worker_seconds``: wall-clock seconds inside the workers per family
    (segmentation includes building the Documents) and per batch in total
    (``batch_total``: also cache reads, table assembly and Parquet writes);
    ``start_method``: how the process engine started its workers (``fork``,
    ``forkserver`` or ``spawn``, see :func:`_fork_is_safe`; a pool rebuilt
    after a worker died always starts from the fork server), else None."""

    engine: str
    n_workers: int
    families: list[str]
    batches: int = 0
    batches_reused: int = 0
    read: int = 0
    scored: int = 0
    from_cache: int = 0
    reused: int = 0
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))
    seconds: float = 0.0
    out_dir: str | None = None
    worker_seconds: dict[str, float] = field(default_factory=dict)
    start_method: str | None = None

    @property
    def n_skipped(self) -> int:
        return len(self.skipped)

    def reasons(self) -> pd.Series:
        """Skipped articles per kind of reason (the text before the colon)."""
        if not len(self.skipped):
            return pd.Series(dtype=int, name="articles")
        kinds = self.skipped["reason"].str.split(":").str[0]
        return kinds.value_counts().rename("articles")

    def to_dict(self) -> dict:
        return {
            "engine": self.engine, "n_workers": self.n_workers, "start_method": self.start_method,
            "families": self.families,
            "batches": self.batches, "batches_reused": self.batches_reused, "read": self.read,
            "scored": self.scored, "from_cache": self.from_cache, "reused": self.reused,
            "skipped": self.n_skipped, "skipped_reasons": self.reasons().to_dict(),
            "seconds": round(self.seconds, 3), "out_dir": self.out_dir,
            "worker_seconds": {k: round(v, 3) for k, v in self.worker_seconds.items()},
        }

    def __str__(self) -> str:
        lines = [
            f"{self.read:,} records read in {self.seconds:.1f} s ({self.engine}, {self.n_workers} worker(s)"
            f"{' started by ' + self.start_method if self.start_method else ''}; "
            f"families: {', '.join(self.families) or 'segmentation only'})",
            f"  scored now:  {self.scored:,}",
            f"  from cache:  {self.from_cache:,}" + (f" ({self.reused:,} in {self.batches_reused} batch(es) "
                                                     f"already written)" if self.reused else ""),
            f"  skipped:     {self.n_skipped:,}",
        ]
        for kind, n in self.reasons().items():
            lines.append(f"    {n:>6,}  {kind}")
        return "\n".join(lines)


class PipelineResult(Mapping):
    """The tables of a run by name (``result["sentences"]``), read from
    ``out_dir`` on first access when the run wrote Parquet; ``summary`` is
    the :class:`RunSummary`."""

    def __init__(self, names: list[str], summary: RunSummary, tables: dict | None = None,
                 out_dir: str | Path | None = None):
        self._names = list(names)
        self._tables = dict(tables or {})
        self.summary = summary
        self.out_dir = Path(out_dir) if out_dir is not None else None

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(f"no table {name!r}; this run has {self._names}")
        if name not in self._tables:
            self._tables[name] = read_table(self.out_dir, name)
        return self._tables[name]

    def __iter__(self):
        return iter(self._names)

    def __len__(self):
        return len(self._names)

    def __repr__(self):
        return f"PipelineResult(tables={self._names}, out_dir={self.out_dir})\n{self.summary}"


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    """One table of a run written to ``out_dir``, all batches in corpus order.

    (For an output too large for memory, read the folder
    ``<out_dir>/<name>/`` with ``dask.dataframe.read_parquet`` or
    ``pyarrow.dataset`` instead: one file per batch.)"""
    folder = Path(out_dir) / name
    if not folder.is_dir():
        have = sorted(p.name for p in Path(out_dir).iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
        raise KeyError(f"no table {name!r} in {out_dir}; found {have}")
    files = sorted(folder.glob("batch-*.parquet"))
    return _concat([pd.read_parquet(f) for f in files])


# ---------------------------------------------------------------------------
# the run


def _codebook_token(codebook) -> Any:
    if codebook is None:
        return None
    if isinstance(codebook, (str, Path)):
        p = Path(codebook)
        return {"path": str(p), "sha256": text_hash(p.read_text(encoding="utf-8")) if p.is_file() else None}
    if isinstance(codebook, pd.DataFrame):
        return {"table_sha256": text_hash(codebook.to_json(orient="records", default_handler=str))}
    return {"repr": repr(codebook)}


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
    """Run the metric families over a corpus; see the module docstring.

    ``corpus``: a path :func:`analysis.load_corpus` reads, or an articles table.
    ``families``: ``"all"`` (every family installed) or names from
    ``actors``, ``sourcing``, ``readability``, ``sentiment`` (segmentation
    always runs).  ``engine``: one of :data:`ENGINES`.  ``out_dir``: write
    Parquet there, batch by batch, and resume from it; without it the tables
    are kept in memory.  ``cache_dir``: where cached results live (default
    ``<out_dir>/cache``); ``cache=False`` turns the cache off.
    ``batch_size``: articles per batch (= per Parquet file, per task;
    smaller towards the end of a corpus, see :func:`_batch_target`).
    ``n_workers``: processes for ``process``/``dask`` (default: the CPUs
    this process may use).  ``scheduler``: a Dask scheduler address or
    ``Client`` (default: a LocalCluster).  ``codebook``, ``sides`` (a sides
    file, :mod:`analysis.sides`), ``discover``: passed to the actor and
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
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {list(ENGINES)}, not {engine!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    if n_workers is not None and (not isinstance(n_workers, int) or n_workers < 1):
        raise ValueError(f"n_workers must be a positive integer or None, not {n_workers!r}")
    if not isinstance(corpus, pd.DataFrame) and not Path(corpus).exists():
        raise FileNotFoundError(f"{corpus}: no such corpus file or folder")
    t0 = time.perf_counter()
    total = _count_records(corpus)
    if engine == "auto" and scheduler is not None:
        engine = "dask"
    if engine == "auto":
        small = total <= AUTO_LOCAL_MAX if total is not None else _corpus_bytes(corpus) < 2_000_000
        engine = "local" if small else "process"
    if engine == "process" and not _fork_is_safe():
        _start_forkserver()  # it loads every resource while this process prepares the run
    names = _resolve_families(families)
    params = {
        "segmentation": {},
        "actors": {"codebook": codebook, "discover": bool(discover), "sides": sides},
        "sourcing": {"codebook": codebook, "sides": sides},
        "readability": {"levels": ["article", "paragraph", "sentence"]},
        "sentiment": {"method": sentiment_method, "n_boot": sentiment_n_boot},
    }
    params = {n: params[n] for n in names}
    keys: dict[str, str] = {}
    for n in names:
        token = {k: (_codebook_token(v) if k in ("codebook", "sides") else v) for k, v in params[n].items()
                 if k != "sides" or v is not None}  # no sides: the keys of runs before sides existed
        upstream = {MAKER[t]: keys[MAKER[t]] for t in FAMILIES[n].uses if MAKER[t] in keys}
        keys[n] = family_key(n, token, upstream)
    limits = {"max_chars": max_chars, "max_paragraph_chars": max_paragraph_chars,
              "max_unpunctuated_chars": max_unpunctuated_chars}

    out = Path(out_dir) if out_dir is not None else None
    if out is not None:
        _prepare_out_dir(out, corpus, names, keys, batch_size)
    if cache and cache_dir is None and out is not None:
        cache_dir = out / "cache"
    store = ResultCache(cache_dir) if cache and cache_dir is not None else None
    index = {n: store.index(n, keys[n]) for n in names} if store else {}

    summary = RunSummary(engine=engine, n_workers=1, families=[n for n in names if n != "segmentation"],
                         out_dir=str(out) if out else None)
    skipped: list[dict] = []
    from tqdm.auto import tqdm

    # A bar without tqdm's monitor thread (it only watches for bars stuck between
    # updates, and would outlive the run by up to 10 s, ruling out forking the
    # workers of the next run); the engine is made before the bar all the same.
    tqdm = type("PipelineBar", (tqdm,), {"monitor_interval": 0})
    eng = bar = None
    collected: dict[int, dict[str, pd.DataFrame]] = {}
    outputs_seen: set[str] = set()
    in_flight: dict[int, BatchTask] = {}  # handed to the engine, its outcome not back yet
    n_batches = 0

    def tasks() -> Iterator[BatchTask]:
        seen_ids: set[str] = set()
        first_of_hash: dict[str, str] = {}
        batch: list[dict] = []
        texts: list[str] = []

        def make():
            nonlocal n_batches
            task = BatchTask(index=n_batches, records=list(batch), texts=list(texts), families=names,
                             params=params, keys=keys, cache_dir=str(cache_dir) if store else None,
                             out_dir=str(out) if out else None)
            n_batches += 1
            batch.clear()
            texts.clear()
            return task

        for rec, problem in iter_articles(corpus):
            summary.read += 1
            if problem is not None:
                skipped.append(problem)
                bar.update(1)
                continue
            aid = rec["article_id"]
            text = rec.pop("text")
            reason = None
            if aid in seen_ids:
                reason = "duplicate article_id: an earlier record has the same id"
            else:
                reason = screen_text(text, **limits)
            if reason:
                skipped.append(_problem(rec.get("source_path"), rec.get("_line"), reason, aid,
                                       stage="read" if reason.startswith("duplicate") else "screen"))
                bar.update(1)
                continue
            seen_ids.add(aid)
            ch = rec.get("content_hash") or _corpus._body_hash(text)
            rec["content_hash"] = ch
            if "duplicate_of" not in rec or not isinstance(corpus, pd.DataFrame):
                first = first_of_hash.setdefault(ch, aid)
                rec["duplicate_of"] = first if first != aid else None
            rec["text_hash"] = text_hash(text)
            if not batch:
                target = _batch_target(batch_size, total, summary.read - 1)
            batch.append(rec)
            texts.append(text)
            if len(batch) >= target:
                yield from _prepare(make())
        if batch:
            yield from _prepare(make())

    def _prepare(task: BatchTask) -> Iterator[BatchTask]:
        if store:
            for n in names:
                hits: dict[str, list[str]] = {}
                for h in set(task.hashes):
                    entry = index[n].get(h)
                    if entry is not None:
                        hits.setdefault(entry, []).append(h)
                task.cache_hits[n] = hits
        if out is not None:
            done = _reusable(out, task)
            if done is not None:
                _account(done_outcome(task, done), reused=True)
                return
        in_flight[task.index] = task
        yield task

    def done_outcome(task, manifest) -> BatchOutcome:
        outputs_seen.update(manifest["tables"])
        return BatchOutcome(index=task.index, n_articles=len(task.records), scored=0,
                            from_cache=manifest["scored"] + manifest["from_cache"],
                            failed=manifest["failed"], reused=True)

    def _account(outcome: BatchOutcome, reused=False):
        summary.batches += 1
        summary.scored += outcome.scored
        summary.from_cache += outcome.from_cache
        if reused:
            summary.batches_reused += 1
            summary.reused += outcome.from_cache
        skipped.extend(outcome.failed)
        for k, v in outcome.family_seconds.items():
            summary.worker_seconds[k] = summary.worker_seconds.get(k, 0.0) + v
        if not reused:
            summary.worker_seconds["batch_total"] = summary.worker_seconds.get("batch_total", 0.0) + outcome.seconds
        bar.update(outcome.n_articles)

    try:
        eng = _ENGINE_CLASSES[engine](n_workers=n_workers, scheduler=scheduler) if engine != "local" else _LocalEngine()
        summary.n_workers = eng.n_workers
        summary.start_method = getattr(eng, "start_method", None)
        bar = tqdm(total=total, unit="article", desc=f"pipeline [{engine}]", disable=not progress,
                   file=sys.stderr, dynamic_ncols=True)
        for task, outcome, error in eng.map(score_batch, tasks()):
            in_flight.pop(task.index, None)
            if error is not None:
                outcome = BatchOutcome(index=task.index, n_articles=len(task.records), scored=0, from_cache=0,
                                       failed=[_problem(r.get("source_path"), r.get("_line"), error,
                                                        r["article_id"], stage="engine") for r in task.records])
            _account(outcome)
            if outcome.tables is not None:
                collected[task.index] = outcome.tables
                outputs_seen.update(outcome.tables)
            elif out is not None and error is None:
                outputs_seen.update(_read_manifest(out, task.index)["tables"])
    except KeyboardInterrupt:
        workers = eng.abort() if eng is not None else []
        for folder in {out, Path(cache_dir) if store else None} - {None}:
            _remove_temporary_files(folder, {os.getpid(), *workers})
        written = summary.scored + summary.from_cache + _finished_in_flight(out, in_flight.values())
        raise PipelineInterrupted(written, total, out) from None
    finally:
        if eng is not None:
            eng.close()
        if bar is not None:
            bar.close()

    summary.skipped = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)
    summary.seconds = time.perf_counter() - t0
    order = [t for t in OUTPUT_TABLES if t in outputs_seen] + sorted(outputs_seen - set(OUTPUT_TABLES))
    if out is not None:
        _finish_out_dir(out, n_batches, summary)
        result = PipelineResult(order, summary, out_dir=out)
    else:
        # each table's batch frames are let go as soon as they are joined, so the
        # peak holds the tables once, plus one table's batches
        tables = {t: _concat([collected[i].pop(t) for i in sorted(collected) if t in collected[i]]) for t in order}
        result = PipelineResult(order, summary, tables=tables)
    if progress:
        print(summary, file=sys.stderr)
    return result


class PipelineInterrupted(KeyboardInterrupt):
    """Raised by :func:`run` on Ctrl-C (SIGINT), after the workers are ended
    and their half-written files removed.  ``written``: articles in the
    batches complete in ``out_dir`` (kept; running again with the same
    ``out_dir`` resumes after them); ``total``: articles in the corpus, when
    known.  A KeyboardInterrupt, so a notebook or script stops as before."""

    def __init__(self, written: int, total: int | None, out_dir: Path | None):
        super().__init__(written, total, out_dir)
        self.written, self.total, self.out_dir = written, total, out_dir

    def __str__(self) -> str:
        if self.out_dir is None:
            return "interrupted: nothing kept (no output folder); run again to score the corpus"
        of = f" of {self.total:,}" if self.total is not None else ""
        return (f"interrupted: {self.written:,}{of} articles written to {self.out_dir}; "
                "the same command resumes from there")


def _finished_in_flight(out: Path | None, tasks: Iterable[BatchTask]) -> int:
    """Articles of ``tasks`` (interrupted before their outcome reached this
    process) that a worker nevertheless wrote complete to ``out``: a resumed
    run reuses them, so the interrupted run counts them as written."""
    if out is None:
        return 0
    return sum(m["scored"] + m["from_cache"] for m in (_reusable(out, t) for t in tasks) if m is not None)


_TEMPORARY = re.compile(r"^\..+\.(\d+)(?:\.[0-9a-f]{8})?\.tmp$")  # _write_atomic's and the manifest's


def _remove_temporary_files(folder: Path, pids: set[int]) -> None:
    """Remove the hidden temporary files that processes ``pids`` (ended) left
    half-written under ``folder``."""
    if not folder.is_dir():
        return
    for f in folder.rglob(".*.tmp"):
        m = _TEMPORARY.match(f.name)
        if m and int(m.group(1)) in pids:
            f.unlink(missing_ok=True)


TAIL_MIN_BATCH = 20  # batches smaller than this are never cut


def _batch_target(batch_size: int, total: int | None, read: int) -> int:
    """Articles in a batch that starts after ``read`` of ``total`` records.

    Guided sizes: a quarter of the records still to read, at most
    ``batch_size`` and at least an eighth of it, so that towards the end of
    the corpus the batches shrink and the workers run out of work within a
    small batch of each other, instead of one idling while another scores a
    whole last batch (small batches, which cost more per article, only at
    the end; the last two share what is left evenly).  The sizes depend
    only on the corpus and ``batch_size``, not on the engine or the number
    of workers, so every engine writes the same batches and a resumed run
    finds them again (a corpus grown since moves only the last few
    boundaries: those batches are rebuilt from the cache).
    Without a record count, or with ``batch_size`` under
    :data:`TAIL_MIN_BATCH`, every batch is ``batch_size``."""
    if total is None or batch_size < TAIL_MIN_BATCH:
        return batch_size
    left, least = total - read, -(-batch_size // 8)
    size = max(least, min(batch_size, -(-left // 4)))
    if left <= size:
        return max(left, 1)
    if left - size < least:
        return -(-left // 2)  # the last two batches share what is left, not one and a sliver
    return size


def _prepare_out_dir(out: Path, corpus, names, keys, batch_size) -> None:
    marker = out / MARKER
    if out.exists() and any(out.iterdir()) and not marker.exists():
        raise FileExistsError(f"{out} exists and is not a pipeline output folder (no {MARKER}); "
                              "choose an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    info = {"corpus": str(corpus) if not isinstance(corpus, pd.DataFrame) else "<DataFrame>",
            "families": names, "keys": keys, "batch_size": batch_size}
    marker.write_text(json.dumps(info, indent=1), encoding="utf-8")


def _read_manifest(out: Path, index: int) -> dict | None:
    path = out / MANIFEST_DIR / f"{_batch_name(index)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _reusable(out: Path, task: BatchTask) -> dict | None:
    m = _read_manifest(out, task.index)
    if m is None:
        return None
    if m.get("keys") != task.keys or m.get("articles") != [[a, h] for a, h in zip(task.ids, task.hashes)]:
        return None
    name = _batch_name(task.index)
    if not all((out / t / f"{name}.parquet").exists() for t in m.get("tables", [])):
        return None
    return m


def _finish_out_dir(out: Path, n_batches: int, summary: RunSummary) -> None:
    """Remove batches beyond the end of this corpus (left by an earlier, longer
    run) and write ``skipped.csv`` and ``summary.json``."""
    for f in list(out.glob("*/batch-*.parquet")) + list((out / MANIFEST_DIR).glob("batch-*.json")):
        m = re.match(r"batch-(\d+)\.", f.name)
        if m and int(m.group(1)) >= n_batches and f.parent.name != "cache":
            f.unlink()
    for d in out.iterdir():
        if d.is_dir() and d.name not in {"cache", MANIFEST_DIR} and not any(d.iterdir()):
            d.rmdir()
    summary.skipped.to_csv(out / "skipped.csv", index=False)
    (out / "summary.json").write_text(json.dumps(summary.to_dict(), indent=1, default=str), encoding="utf-8")


# ---------------------------------------------------------------------------
# command line: python -m analysis.pipeline CORPUS --out DIR


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
