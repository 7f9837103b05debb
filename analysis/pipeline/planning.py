"""Planning a run: check its options, choose the engine, settle the family
parameters and cache keys, and cut the corpus stream into batches.

:class:`BatchPlanner` reads the corpus as a stream (:func:`iter_articles`),
screens each body (:func:`screen_text`), settles repeated ids and repeated
bodies, cuts batches of :func:`~analysis.pipeline.batching.batch_target`
articles, marks what the cache already holds for each, and passes over
the batches a resumed run finds complete in the output folder.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pandas as pd

from analysis.core import corpus as _corpus
from analysis.core.cache import family_key, text_hash
from analysis.pipeline.batching import BatchTask, batch_target
from analysis.pipeline.engines import ENGINES
from analysis.pipeline.reading import corpus_bytes, iter_articles, problem_row, screen_text
from analysis.pipeline.registry import FAMILIES, MAKER
from analysis.pipeline.storage import reusable

__all__ = ["check_arguments", "choose_engine", "family_params", "family_keys", "BatchPlanner", "AUTO_LOCAL_MAX"]

AUTO_LOCAL_MAX = 400  # engine="auto": at most this many articles run in this process


def check_arguments(corpus, engine: str, batch_size, n_workers) -> None:
    """Raise on an option :func:`~analysis.pipeline.run` cannot take, naming what it can."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {list(ENGINES)}, not {engine!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    if n_workers is not None and (not isinstance(n_workers, int) or n_workers < 1):
        raise ValueError(f"n_workers must be a positive integer or None, not {n_workers!r}")
    if not isinstance(corpus, pd.DataFrame) and not Path(corpus).exists():
        raise FileNotFoundError(f"{corpus}: no such corpus file or folder")


def choose_engine(engine: str, scheduler, corpus, total: int | None) -> str:
    """``engine="auto"``: ``dask`` when a scheduler is given; else ``local``
    for a corpus of at most :data:`AUTO_LOCAL_MAX` articles (or, when the
    count is not known without parsing, under 2 MB), ``process`` above."""
    if engine == "auto" and scheduler is not None:
        engine = "dask"
    if engine == "auto":
        small = total <= AUTO_LOCAL_MAX if total is not None else corpus_bytes(corpus) < 2_000_000
        engine = "local" if small else "process"
    return engine


def family_params(names: list[str], *, codebook, sides, discover, sentiment_method,
                  sentiment_n_boot) -> dict[str, dict]:
    """The parameters each family of the run is called with."""
    params = {
        "segmentation": {},
        "actors": {"codebook": codebook, "discover": bool(discover), "sides": sides},
        "sourcing": {"codebook": codebook, "sides": sides},
        "readability": {"levels": ["article", "paragraph", "sentence"]},
        "sentiment": {"method": sentiment_method, "n_boot": sentiment_n_boot},
    }
    return {n: params[n] for n in names}


def family_keys(names: list[str], params: dict[str, dict]) -> dict[str, str]:
    """The cache key of each family: its parameters (a codebook or sides
    file by its content) and the keys of the families it reads from."""
    keys: dict[str, str] = {}
    for n in names:
        token = {k: (_codebook_token(v) if k in ("codebook", "sides") else v) for k, v in params[n].items()
                 if k != "sides" or v is not None}  # no sides: the keys of runs before sides existed
        upstream = {MAKER[t]: keys[MAKER[t]] for t in FAMILIES[n].uses if MAKER[t] in keys}
        keys[n] = family_key(n, token, upstream)
    return keys


def _codebook_token(codebook) -> Any:
    """A codebook or sides option as it enters a cache key: a file by its path and content, a table by its content."""
    if codebook is None:
        return None
    if isinstance(codebook, (str, Path)):
        p = Path(codebook)
        return {"path": str(p), "sha256": text_hash(p.read_text(encoding="utf-8")) if p.is_file() else None}
    if isinstance(codebook, pd.DataFrame):
        return {"table_sha256": text_hash(codebook.to_json(orient="records", default_handler=str))}
    return {"repr": repr(codebook)}


class BatchPlanner:
    """The batches of a run, made as the engine asks for them (:meth:`tasks`).

    Each record read, skipped or passed over is told to ``tally`` (a
    :class:`~analysis.pipeline.tally.RunTally`); ``in_flight`` holds the
    batches handed out whose outcome has not come back, ``n_batches`` the
    batches cut so far."""

    def __init__(self, corpus, *, names: list[str], params: dict, keys: dict[str, str], batch_size: int,
                 total: int | None, limits: dict, cache_dir: str | None, cache_index: dict | None,
                 out: Path | None, tally):
        self.corpus, self.names, self.params, self.keys = corpus, names, params, keys
        self.batch_size, self.total, self.limits = batch_size, total, limits
        self.cache_dir, self.cache_index, self.out, self.tally = cache_dir, cache_index, out, tally
        self.in_flight: dict[int, BatchTask] = {}
        self.n_batches = 0
        self._seen_ids: set[str] = set()
        self._first_of_hash: dict[str, str] = {}

    def tasks(self) -> Iterator[BatchTask]:
        """Read, screen and cut the corpus into batches; yield those to score."""
        records: list[dict] = []
        texts: list[str] = []
        target = self.batch_size
        for rec, problem in iter_articles(self.corpus):
            self.tally.read_one()
            if problem is not None:
                self.tally.skip(problem)
                continue
            text = rec.pop("text")
            if not self._admit(rec, text):
                continue
            if not records:
                target = batch_target(self.batch_size, self.total, self.tally.summary.read - 1)
            records.append(rec)
            texts.append(text)
            if len(records) >= target:
                yield from self._prepare(self._cut(records, texts))
        if records:
            yield from self._prepare(self._cut(records, texts))

    def _admit(self, rec: dict, text: str) -> bool:
        """Is the article scored?  A repeated id or a body :func:`screen_text`
        rejects is skipped (told to the tally); an admitted record gets its
        ``content_hash``, ``duplicate_of`` and ``text_hash``."""
        aid = rec["article_id"]
        if aid in self._seen_ids:
            reason = "duplicate article_id: an earlier record has the same id"
        else:
            reason = screen_text(text, **self.limits)
        if reason:
            self.tally.skip(problem_row(rec.get("source_path"), rec.get("_line"), reason, aid,
                                        stage="read" if reason.startswith("duplicate") else "screen"))
            return False
        self._seen_ids.add(aid)
        ch = rec.get("content_hash") or _corpus.body_counts(text)["content_hash"]
        rec["content_hash"] = ch
        if "duplicate_of" not in rec or not isinstance(self.corpus, pd.DataFrame):
            first = self._first_of_hash.setdefault(ch, aid)
            rec["duplicate_of"] = first if first != aid else None
        rec["text_hash"] = text_hash(text)
        return True

    def _cut(self, records: list[dict], texts: list[str]) -> BatchTask:
        """The next batch, of the records gathered (which are then cleared)."""
        task = BatchTask(index=self.n_batches, records=list(records), texts=list(texts), families=self.names,
                         params=self.params, keys=self.keys, cache_dir=self.cache_dir,
                         out_dir=str(self.out) if self.out else None)
        self.n_batches += 1
        records.clear()
        texts.clear()
        return task

    def _prepare(self, task: BatchTask) -> Iterator[BatchTask]:
        """Mark the cache's hits in ``task``; yield it unless the output
        folder holds it complete already (then it is told to the tally)."""
        if self.cache_index is not None:
            for n in self.names:
                hits: dict[str, list[str]] = {}
                for h in set(task.hashes):
                    entry = self.cache_index[n].get(h)
                    if entry is not None:
                        hits.setdefault(entry, []).append(h)
                task.cache_hits[n] = hits
        if self.out is not None:
            done = reusable(self.out, task)
            if done is not None:
                self.tally.reuse(task, done)
                return
        self.in_flight[task.index] = task
        yield task
