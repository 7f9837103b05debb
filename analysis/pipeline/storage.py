"""The output folder: Parquet per table and batch, manifests, resume.

With ``out_dir`` each batch is written as
``<out_dir>/<table>/batch-NNNNNN.parquet`` by the worker that scored it.  A
batch is complete when its manifest ``<out_dir>/_batches/batch-NNNNNN.json``
exists; every file is written under a hidden temporary name and renamed
(:func:`analysis.core.cache.write_parquet_atomic`), so an interrupted run leaves
no half-written batch that looks complete.  Running again with the same
``out_dir`` resumes: complete batches whose articles (ids and text hashes)
and family keys are unchanged are kept as they are (:func:`reusable`).
:func:`read_table` reads one table back, all batches in corpus order.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow as pa

from analysis.core.cache import write_parquet_atomic
from analysis.pipeline.assembly import concat
from analysis.pipeline.batching import BatchOutcome, BatchTask, batch_name

__all__ = ["read_table", "write_batch", "read_manifest", "reusable", "prepare_out_dir", "finish_out_dir",
           "remove_temporary_files", "finished_in_flight", "MANIFEST_DIR", "MARKER"]

MANIFEST_DIR = "_batches"
MARKER = "pipeline.json"


def _manifest(task: BatchTask, outcome: BatchOutcome, tables: list[str]) -> dict:
    """What a complete batch records: its articles (id, text hash), family
    keys, tables and counts."""
    return {
        "batch": task.index,
        "articles": [[a, h] for a, h in zip(task.ids, task.hashes)],
        "keys": task.keys,
        "tables": sorted(tables),
        "scored": outcome.scored,
        "from_cache": outcome.from_cache,
        "failed": outcome.failed,
    }


def write_batch(task: BatchTask, tables: dict[str, pa.Table], outcome: BatchOutcome) -> None:
    """Write a batch's tables, each atomically, then its manifest last (the
    batch is incomplete until the manifest is back); a table an earlier run
    wrote for this batch and this one does not make is removed."""
    out = Path(task.out_dir)
    name = batch_name(task.index)
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


def prepare_out_dir(out: Path, corpus, names, keys, batch_size) -> None:
    """Make ``out`` a pipeline output folder (:data:`MARKER`), refusing a
    folder with other contents."""
    marker = out / MARKER
    if out.exists() and any(out.iterdir()) and not marker.exists():
        raise FileExistsError(f"{out} exists and is not a pipeline output folder (no {MARKER}); "
                              "choose an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    info = {"corpus": str(corpus) if not isinstance(corpus, pd.DataFrame) else "<DataFrame>",
            "families": names, "keys": keys, "batch_size": batch_size}
    marker.write_text(json.dumps(info, indent=1), encoding="utf-8")


def read_manifest(out: Path, index: int) -> dict | None:
    """The manifest of batch ``index`` in ``out``, or None (not complete)."""
    path = out / MANIFEST_DIR / f"{batch_name(index)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def reusable(out: Path, task: BatchTask) -> dict | None:
    """The manifest of ``task``'s batch when ``out`` holds it complete, with
    the same articles and family keys (a resumed run keeps it), else None."""
    m = read_manifest(out, task.index)
    if m is None:
        return None
    if m.get("keys") != task.keys or m.get("articles") != [[a, h] for a, h in zip(task.ids, task.hashes)]:
        return None
    name = batch_name(task.index)
    if not all((out / t / f"{name}.parquet").exists() for t in m.get("tables", [])):
        return None
    return m


def finish_out_dir(out: Path, n_batches: int, summary) -> None:
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


def finished_in_flight(out: Path | None, tasks: Iterable[BatchTask]) -> int:
    """Articles of ``tasks`` (interrupted before their outcome reached this
    process) that a worker nevertheless wrote complete to ``out``: a resumed
    run reuses them, so the interrupted run counts them as written."""
    if out is None:
        return 0
    return sum(m["scored"] + m["from_cache"] for m in (reusable(out, t) for t in tasks) if m is not None)


TEMPORARY = re.compile(r"^\..+\.(\d+)(?:\.[0-9a-f]{8})?\.tmp$")  # _write_atomic's and the manifest's


def remove_temporary_files(folder: Path, pids: set[int]) -> None:
    """Remove the hidden temporary files that processes ``pids`` (ended) left
    half-written under ``folder``."""
    if not folder.is_dir():
        return
    for f in folder.rglob(".*.tmp"):
        m = TEMPORARY.match(f.name)
        if m and int(m.group(1)) in pids:
            f.unlink(missing_ok=True)


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
    return concat([pd.read_parquet(f) for f in files])

