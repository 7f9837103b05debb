"""Where the annotated sets are, and how a validation result is kept.

The human annotations live outside the package, in ``../shared/benchmarks``
beside the repository (or ``$ANALYSIS_SHARED/benchmarks``), and are read in
place, never copied.  :func:`benchmark_file` finds one of them or raises
:class:`BenchmarkSkipped` with the reason, which the validation notebook
prints instead of a figure.

:func:`cached_frames` keeps a validation result (one or more DataFrames) in
the package's derived-table store (:mod:`analysis.core.derived`) so that a second
report run reads it instead of recomputing it.  Its key holds the package
version and code fingerprint (any edit to metric or evaluation code), the
result's parameters and the SHA-256 of every input file's contents, so a
changed annotation file, scorer or parameter never reads a stale result.
The frames go through JSON column by column with their dtypes, and Python
floats print exactly, so what is read back equals what was computed (a test
checks it).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Callable, Iterable, Mapping

import pandas as pd

from analysis.core.derived import derived_table

__all__ = ["BenchmarkSkipped", "shared_dir", "benchmark_file", "read_jsonl", "file_digest", "cached_frames"]

REPO_PARENT = Path(__file__).resolve().parents[3]


class BenchmarkSkipped(RuntimeError):
    """A benchmark could not be run here; ``str(exc)`` says why."""


def shared_dir() -> Path:
    """``$ANALYSIS_SHARED`` or ``../shared`` beside the repository."""
    return Path(os.environ.get("ANALYSIS_SHARED", REPO_PARENT / "shared")).resolve()


def benchmark_file(*parts: str) -> Path:
    """``<shared>/benchmarks/<parts...>``, or :class:`BenchmarkSkipped` when absent."""
    path = shared_dir().joinpath("benchmarks", *parts)
    if not path.exists():
        raise BenchmarkSkipped(f"benchmark data {path} is absent (../shared is not available here)")
    return path


def read_jsonl(path: str | Path) -> list[dict]:
    """Every non-blank line of a JSON Lines file, parsed."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's contents (hex)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _frame_to_json(df: pd.DataFrame) -> dict:
    return {"columns": [str(c) for c in df.columns], "dtypes": [str(t) for t in df.dtypes],
            "data": {str(c): df[c].tolist() for c in df.columns}}


def _frame_from_json(obj: dict) -> pd.DataFrame:
    df = pd.DataFrame({c: obj["data"][c] for c in obj["columns"]}, columns=obj["columns"])
    return df.astype(dict(zip(obj["columns"], obj["dtypes"])))


def cached_frames(name: str, *, params: Mapping, inputs: Iterable[str | Path],
                  build: Callable[[], dict[str, pd.DataFrame]], cache: bool = True) -> dict[str, pd.DataFrame]:
    """``build()`` (a dict of DataFrames), or the same read back from the
    derived-table store when it holds it for these ``params`` and the
    contents of ``inputs`` (see the module docstring).  ``cache=False``
    always builds and stores nothing."""
    if not cache:
        return build()
    inputs = [Path(p) for p in inputs]
    h = hashlib.sha256(json.dumps(dict(params), sort_keys=True, default=str).encode())
    for path in inputs:
        h.update(f"\x00{path.name}\x00{file_digest(path)}".encode())
    key = f"validation-{name}-{h.hexdigest()[:16]}"
    stored = derived_table(key, [], lambda: {k: _frame_to_json(v) for k, v in build().items()})
    return {k: _frame_from_json(v) for k, v in stored.items()}
