"""The account of a run while it goes: counts into the :class:`RunSummary`,
skipped articles with their reasons, the tables kept in memory (a run
without an output folder), the table names seen, and the progress bar.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from analysis.pipeline.assembly import OUTPUT_TABLES, concat
from analysis.pipeline.batching import BatchOutcome, BatchTask
from analysis.pipeline.memory import release_free_memory
from analysis.pipeline.reading import SKIPPED_COLUMNS, problem_row
from analysis.pipeline.results import RunSummary
from analysis.pipeline.storage import read_manifest

__all__ = ["RunTally"]


class _NoBar:
    """The progress bar of a run without one (what the tally calls on a bar)."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class RunTally:
    """What a run has done so far, batch by batch."""

    def __init__(self, summary: RunSummary):
        self.summary = summary
        self.skipped: list[dict] = []
        self.collected: dict[int, dict[str, pd.DataFrame]] = {}
        self.outputs_seen: set[str] = set()
        self.bar = None

    def start_bar(self, total: int | None, engine: str, progress: bool) -> None:
        """The progress bar (tqdm, notebook-aware; off unless ``progress``:
        then a bar that counts nothing, and tqdm is not imported)."""
        if not progress:
            self.bar = _NoBar()
            return
        from tqdm.auto import tqdm

        # A bar without tqdm's monitor thread (it only watches for bars stuck between
        # updates, and would outlive the run by up to 10 s, ruling out forking the
        # workers of the next run); the engine is made before the bar all the same.
        bar = type("PipelineBar", (tqdm,), {"monitor_interval": 0})
        self.bar = bar(total=total, unit="article", desc=f"pipeline [{engine}]", file=sys.stderr,
                       dynamic_ncols=True)

    def close_bar(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def read_one(self) -> None:
        """A record was read from the corpus."""
        self.summary.read += 1

    def skip(self, problem: dict) -> None:
        """A record skipped before scoring (unreadable, repeated id, screened out)."""
        self.skipped.append(problem)
        self.bar.update(1)

    def reuse(self, task: BatchTask, manifest: dict) -> None:
        """A batch the output folder holds complete already: passed over."""
        self.outputs_seen.update(manifest["tables"])
        self._account(BatchOutcome(index=task.index, n_articles=len(task.records), scored=0,
                                   from_cache=manifest["scored"] + manifest["from_cache"],
                                   failed=manifest["failed"], reused=True), reused=True)

    def take(self, task: BatchTask, outcome: BatchOutcome | None, error: str | None, out: Path | None) -> None:
        """A batch back from the engine: its ``outcome``, or the ``error``
        that lost it whole (every article skipped with that reason)."""
        if error is not None:
            outcome = BatchOutcome(index=task.index, n_articles=len(task.records), scored=0, from_cache=0,
                                   failed=[problem_row(r.get("source_path"), r.get("_line"), error,
                                                       r["article_id"], stage="engine") for r in task.records])
        self._account(outcome)
        if outcome.tables is not None:
            self.collected[task.index] = outcome.tables
            self.outputs_seen.update(outcome.tables)
        elif out is not None and error is None:
            self.outputs_seen.update(read_manifest(out, task.index)["tables"])

    def _account(self, outcome: BatchOutcome, reused: bool = False) -> None:
        summary = self.summary
        summary.batches += 1
        summary.scored += outcome.scored
        summary.from_cache += outcome.from_cache
        if reused:
            summary.batches_reused += 1
            summary.reused += outcome.from_cache
        self.skipped.extend(outcome.failed)
        for k, v in outcome.family_seconds.items():
            summary.worker_seconds[k] = summary.worker_seconds.get(k, 0.0) + v
        if not reused:
            summary.worker_seconds["batch_total"] = summary.worker_seconds.get("batch_total", 0.0) + outcome.seconds
        self.bar.update(outcome.n_articles)

    def finish(self, seconds: float) -> list[str]:
        """Close the summary (skipped rows, time); the run's table names in order."""
        self.summary.skipped = pd.DataFrame(self.skipped, columns=SKIPPED_COLUMNS)
        self.summary.seconds = seconds
        seen = self.outputs_seen
        return [t for t in OUTPUT_TABLES if t in seen] + sorted(seen - set(OUTPUT_TABLES))

    def tables(self, order: list[str]) -> dict[str, pd.DataFrame]:
        """The tables kept in memory, all batches in corpus order."""
        # each table's batch frames are let go as soon as they are joined (and their
        # memory given back), so the peak holds the tables once, plus one table's batches
        collected = self.collected
        out = {}
        for t in order:
            out[t] = concat([collected[i].pop(t) for i in sorted(collected) if t in collected[i]])
            release_free_memory()
        return out
