"""Batches: the unit of work, of scoring and of storage.

A :class:`BatchTask` is everything a worker needs to score and write one
batch; a :class:`BatchOutcome` is what comes back.  :func:`batch_target`
says how many articles a batch holds (``batch_size``, smaller towards the
end of a corpus), :func:`batch_name` how its files are named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["BatchTask", "BatchOutcome", "batch_target", "batch_name", "DEFAULT_BATCH_SIZE", "TAIL_MIN_BATCH"]

# A batch is one task and one Parquet file per table.  Each costs a fixed
# 40-80 ms (table conversions, file writes, the sentiment aggregates), so
# batches are large; the last ones are smaller (batch_target).
DEFAULT_BATCH_SIZE = 500
TAIL_MIN_BATCH = 20  # batches smaller than this are never cut


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
    """What scoring a batch gave: counts, the failed articles (rows of
    ``summary.skipped``), the tables when they are not written to
    ``out_dir``, whether an earlier run's batch was reused, and the seconds
    spent, in all and per family."""

    index: int
    n_articles: int
    scored: int
    from_cache: int
    failed: list[dict]
    tables: dict[str, pd.DataFrame] | None = None
    reused: bool = False
    seconds: float = 0.0
    family_seconds: dict[str, float] = field(default_factory=dict)


def batch_target(batch_size: int, total: int | None, read: int) -> int:
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


def batch_name(index: int) -> str:
    """The file name of batch ``index`` (without suffix): ``batch-NNNNNN``."""
    return f"batch-{index:06d}"

