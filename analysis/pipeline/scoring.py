"""Scoring one batch, in a worker: the cache where it has results, the
family steps for the rest, the batch's tables assembled and written.

:func:`score_batch` runs the families of :data:`~analysis.pipeline.registry.FAMILIES`
in order on the batch's documents.  A family that raises is run again
article by article, so that only the articles that fail are lost (listed
with the reason in the outcome).  Results of each family are stored in the
cache (:mod:`analysis.core.cache`) under the exact text hash of each body, and
taken from it for a body already scored with the same family key.
"""
from __future__ import annotations

import contextlib
import gc
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa

from analysis.core.cache import HASH_COLUMN, ResultCache
from analysis.pipeline.assembly import arrow_normal, assemble, concat, order_rows, to_arrow
from analysis.pipeline.batching import BatchOutcome, BatchTask
from analysis.pipeline.memory import release_free_memory, system_arrow_pool
from analysis.pipeline.reading import problem_row
from analysis.pipeline.registry import FAMILIES, Family
from analysis.pipeline.storage import write_batch
from analysis.core.text import clear_segment_cache, segment

__all__ = ["score_batch", "run_family", "ARTICLE_PREFIXED_COLUMNS"]

# Columns whose values are made from the article id (``<article_id>-q3``): rows
# taken from the cache for another article with the same body get its id there too.
ARTICLE_PREFIXED_COLUMNS = ("quote_id", "parent_quote_id")


def score_batch(task: BatchTask) -> BatchOutcome:
    """Score one batch: cached results where the cache has them, the family
    entry points for the rest; write the tables (when ``out_dir``) and the
    batch manifest last.  Never raises for a bad article.  What the batch
    freed goes back to the operating system (:mod:`analysis.pipeline.memory`)."""
    with scoring_gc(), system_arrow_pool():
        outcome = _score_batch(task)
    release_free_memory()
    return outcome


@dataclass(slots=True)
class _Batch:
    """A batch while it is scored: its articles by id (text hash, text,
    position in the corpus), those still alive, the raw tables made so far
    (``arrow``: those already converted), the Documents and the failures."""

    task: BatchTask
    hash_of: dict[str, str]
    text_of: dict[str, str]
    position: dict[str, int]
    alive: list[str]
    cache: ResultCache | None
    failed: dict[str, str] = field(default_factory=dict)
    fresh_ids: set[str] = field(default_factory=set)
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)
    arrow: dict[str, pa.Table] = field(default_factory=dict)
    docs: dict = field(default_factory=dict)
    family_seconds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, task: BatchTask) -> _Batch:
        ids = task.ids
        return cls(task=task, hash_of=dict(zip(ids, task.hashes)), text_of=dict(zip(ids, task.texts)),
                   position={a: i for i, a in enumerate(ids)}, alive=list(ids),
                   cache=ResultCache(task.cache_dir) if task.cache_dir else None)

    def doc(self, aid: str):
        """The Document of article ``aid``, segmented once."""
        if aid not in self.docs:
            self.docs[aid] = segment(self.text_of[aid], aid)
        return self.docs[aid]

    def drop(self, fails: dict[str, str]) -> None:
        """Articles a family failed on leave the batch, and their rows every table made so far."""
        self.failed.update(fails)
        self.alive = [a for a in self.alive if a not in fails]
        for t, df in self.raw.items():
            self.raw[t] = df[~df["article_id"].isin(fails)].reset_index(drop=True)
            self.arrow.pop(t, None)


def _score_batch(task: BatchTask) -> BatchOutcome:
    t0 = time.perf_counter()
    batch = _Batch.of(task)
    for name in task.families:
        _score_family(batch, name)
    tables = assemble(task.records, batch.raw, batch.arrow, batch.alive)
    outcome = _outcome(batch)
    if task.out_dir:
        write_batch(task, tables, outcome)
    else:
        outcome.tables = {name: table.to_pandas() for name, table in tables.items()}
    # Neither a long-lived worker nor a local run of a large corpus may keep the
    # Documents of batches already scored (each holds its tokens and the
    # families' per-article memos): in one process they were 2/3 of the peak
    # memory on the BBC corpus, and every full collection walked them again.
    clear_segment_cache()
    outcome.seconds = time.perf_counter() - t0
    outcome.family_seconds = batch.family_seconds
    return outcome


def _score_family(batch: _Batch, name: str) -> None:
    """One family's raw tables for the alive articles of the batch: from the
    cache where it has them, scored for the rest, in corpus order."""
    fam = FAMILIES[name]
    cached = _from_cache_for(batch, name)
    cached_ids = set(cached.ids) if cached is not None else set()
    miss = [a for a in batch.alive if a not in cached_ids]
    fresh = fresh_arrow = None
    if miss:
        fresh, fresh_arrow = _score_fresh(batch, fam, miss)
    cached = cached.tables if cached is not None else None
    for t in fam.tables:
        if cached and fresh:  # as the cache gives them back, so both parts have the same dtypes
            batch.raw[t] = order_rows(concat([cached[t], arrow_normal(fresh[t])]), batch.position)
        elif fresh:
            batch.raw[t], batch.arrow[t] = fresh[t], fresh_arrow[t]
        else:
            batch.raw[t] = order_rows(concat([cached[t] if cached else None]), batch.position)


@dataclass(slots=True)
class _Cached:
    """A family's tables taken from the cache, and the articles they are for."""

    ids: list[str]
    tables: dict[str, pd.DataFrame]


def _from_cache_for(batch: _Batch, name: str) -> _Cached | None:
    """The family's cached tables for the alive articles whose bodies the
    cache holds (``task.cache_hits``), or None."""
    hits = batch.task.cache_hits.get(name, {})
    hit_hashes = {h for hs in hits.values() for h in hs}
    cached_ids = [a for a in batch.alive if batch.hash_of[a] in hit_hashes]
    if not cached_ids or batch.cache is None:
        return None
    cached = batch.cache.load(name, batch.task.keys[name], hits, FAMILIES[name].tables)
    if cached is None:
        return None
    return _Cached(cached_ids, {t: _from_cache(df, cached_ids, batch.hash_of) for t, df in cached.items()})


def _score_fresh(batch: _Batch, fam: Family, miss: list[str]):
    """Score the family on the articles ``miss``; the failed ones leave the
    batch; the tables, in corpus order and as Arrow, are stored in the
    cache.  Returns ``(tables, arrow_tables)``, ``(None, None)`` when every
    article failed."""
    upstream = {t: batch.raw[t] for t in fam.uses if t in batch.raw}
    t1 = time.perf_counter()
    fresh, fails = run_family(fam, [batch.doc(a) for a in miss], upstream, batch.task.params.get(fam.name, {}))
    batch.family_seconds[fam.name] = time.perf_counter() - t1
    if fails:
        batch.drop(fails)
        miss = [a for a in miss if a not in fails]
    batch.fresh_ids.update(miss)
    if fresh is None:
        return None, None
    fresh = {t: order_rows(df, batch.position) for t, df in fresh.items()}
    fresh_arrow = {t: to_arrow(df) for t, df in fresh.items()}
    if batch.cache is not None and miss:
        _store(batch.cache, fam.name, batch.task.keys[fam.name], fresh, fresh_arrow, miss, batch.hash_of,
               batch.task.index)
    return fresh, fresh_arrow


def _outcome(batch: _Batch) -> BatchOutcome:
    """The counts and failures of a scored batch (tables not yet attached)."""
    task, position = batch.task, batch.position
    scored = sum(1 for a in batch.alive if a in batch.fresh_ids)
    return BatchOutcome(
        index=task.index,
        n_articles=len(task.records),
        scored=scored,
        from_cache=len(batch.alive) - scored,
        failed=[
            problem_row(task.records[position[a]].get("source_path"), task.records[position[a]].get("_line"),
                        reason, a, stage=reason.split(" ", 1)[0])
            for a, reason in batch.failed.items()
        ],
    )


def _check_table(family: str, name: str, df) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{family} returned {type(df).__name__} for {name}, not a DataFrame")
    if "article_id" not in df.columns:
        raise ValueError(f"{family} table {name} has no article_id column")
    return df


def run_family(fam: Family, docs: list, upstream: dict[str, pd.DataFrame], params: dict):
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
    tables = {name: concat([p[name] for p in parts]) for name in fam.tables} if parts else None
    return tables, failures


def _reason(family: str, exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({Path(frame.filename).name}:{frame.lineno})" if frame else ""
    return f"{family} failed: {type(exc).__name__}: {str(exc)[:200]}{where}"


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


@contextlib.contextmanager
def scoring_gc():
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


