"""What a run gives back: :class:`PipelineResult` (the tables by name, read
from the output folder on first access) with its :class:`RunSummary` (what
was read, scored, taken from the cache and skipped, and why), and
:class:`PipelineInterrupted`, raised on Ctrl-C.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.pipeline.reading import SKIPPED_COLUMNS
from analysis.pipeline.storage import read_table

__all__ = ["RunSummary", "PipelineResult", "PipelineInterrupted"]


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
    ``forkserver`` or ``spawn``, see :func:`analysis.pipeline.workers.fork_is_safe`; a pool rebuilt
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

