"""The one road from a corpus to its tables: :func:`measure`.

``analysis.measure(corpus)`` runs every metric family once, through
:func:`analysis.pipeline.run` (in this process for a small corpus, the
pipeline's choice of engine otherwise), and returns a :class:`Results`: the
pipeline's tables by name (``articles``, ``paragraphs``, ``sentences``,
``mentions``, ``quotes``, ``readability_voice``), consistent with each other
(the mentions know which quote they lie in, the quotes which mention names
their speaker: :mod:`analysis.links`), with ``.summary`` (what the run did)
and :meth:`Results.save` / :meth:`Results.load` for a folder of Parquet files.
The report and every notebook read their tables from here.

Example::

    import analysis
    results = analysis.measure("seeds")
    results["quotes"], results["mentions"], results.summary
    results.save("out/seed_tables"); analysis.measure_load("out/seed_tables")

:func:`analysis.actors.counted_mentions` says which mentions count as mentions of actors
(the one rule the notebooks and figures use).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.core.cache import write_parquet_atomic

__all__ = ["measure", "measure_options", "Results", "load_results", "stamp", "RESULTS_FILE"]

RESULTS_FILE = "results.json"  # in a saved folder: the table names, the summary and the stamp


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _token(value: Any) -> Any:
    """A JSON-able token of a codebook or sides argument: a file's content hash."""
    if value is None:
        return None
    if isinstance(value, (str, Path)):
        p = Path(value)
        return {"file": p.name, "sha256": _file_digest(p) if p.is_file() else None}
    if isinstance(value, pd.DataFrame):
        return {"table_sha256": hashlib.sha256(value.to_json(orient="records", default_handler=str)
                                               .encode()).hexdigest()}
    return {"repr": repr(value)}


def stamp(corpus, **options) -> dict:
    """What the tables of ``corpus`` depend on: the corpus content (each
    file's SHA-256, or the table's), the options of :func:`measure`, the
    package version and its code fingerprint.  Two equal stamps mean equal
    tables; :func:`analysis.presentation.notebook.tables` reuses saved tables only then."""
    from analysis import __version__
    from analysis.core.cache import code_fingerprint

    if isinstance(corpus, pd.DataFrame):
        content = _token(corpus)
    else:
        root = Path(corpus)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        content = {str(p.relative_to(root) if root.is_dir() else p.name): _file_digest(p) for p in files}
    opts = {k: (_token(v) if k in ("codebook", "sides") else v) for k, v in sorted(options.items())}
    return {"corpus": content, "options": opts, "version": __version__, "code": code_fingerprint()}


class Results(Mapping):
    """The tables of one :func:`measure` by name (``results["quotes"]``);
    ``summary``: the pipeline's :class:`~analysis.pipeline.RunSummary` (or,
    loaded from a folder, its dict); ``stamp``: see :func:`stamp`."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], *, summary: Any = None, stamp: dict | None = None):
        self._tables = tables
        self.summary = summary
        self.stamp = stamp or {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            raise KeyError(f"no table {name!r}; the results have {list(self._tables)}")
        return self._tables[name]

    def __iter__(self):
        return iter(self._tables)

    def __len__(self):
        return len(self._tables)

    def __repr__(self):
        sizes = ", ".join(f"{name}: {len(self[name]):,} rows" for name in self)
        return f"Results({sizes})"

    def save(self, folder: str | Path) -> Path:
        """Write every table as ``<folder>/<name>.parquet`` (atomically) and
        :data:`RESULTS_FILE` last; returns the folder."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name in self:
            write_parquet_atomic(self[name], folder / f"{name}.parquet")
        summary = self.summary.to_dict() if hasattr(self.summary, "to_dict") else self.summary
        info = {"tables": list(self), "summary": summary, "stamp": self.stamp}
        tmp = folder / f".{RESULTS_FILE}.tmp"
        tmp.write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")
        tmp.replace(folder / RESULTS_FILE)
        return folder

    @classmethod
    def load(cls, folder: str | Path) -> "Results":
        """The results saved in ``folder`` by :meth:`save`."""
        folder = Path(folder)
        info_path = folder / RESULTS_FILE
        if not info_path.is_file():
            raise FileNotFoundError(f"{folder}: no saved results (no {RESULTS_FILE})")
        info = json.loads(info_path.read_text(encoding="utf-8"))
        tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in info["tables"]}
        return cls(tables, summary=info.get("summary"), stamp=info.get("stamp"))


def load_results(folder: str | Path) -> Results:
    """:meth:`Results.load`."""
    return Results.load(folder)


def measure_options(*, families="all", codebook=None, sides=None, discover: bool = True,
                    sentiment_method: str = "vader", sentiment_n_boot: int | None = None) -> dict:
    """The options that decide :func:`measure`'s numbers, with its defaults
    (what :func:`stamp` records)."""
    return {"families": families if isinstance(families, str) else list(families), "codebook": codebook,
            "sides": sides, "discover": bool(discover), "sentiment_method": sentiment_method,
            "sentiment_n_boot": sentiment_n_boot}


def measure(corpus, *, families="all", codebook=None, sides=None, out_dir: str | Path | None = None,
            engine: str = "auto", discover: bool = True, sentiment_method: str = "vader",
            sentiment_n_boot: int | None = None, cache: bool = True, progress: bool = False,
            **pipeline_options) -> Results:
    """Every table of ``corpus``, computed once and linked: a thin face over
    :func:`analysis.pipeline.run` (same arguments, same table names).

    ``corpus``: a path :func:`analysis.load_corpus` reads, or an articles
    table.  ``families``: ``"all"`` or names from ``actors``, ``sourcing``,
    ``readability``, ``sentiment``.  ``codebook``, ``sides``, ``discover``:
    for actors and sourcing; ``sentiment_method``, ``sentiment_n_boot``: for
    sentiment.  ``engine``: ``"auto"`` (in this process up to 400 articles,
    worker processes above), ``"local"``, ``"process"`` or ``"dask"``.
    ``out_dir``: save the tables there (:meth:`Results.save`; the results
    cache lives in ``<out_dir>/cache``, so a second call scores nothing).
    Other keyword options go to :func:`analysis.pipeline.run`."""
    from analysis import pipeline

    options = measure_options(families=families, codebook=codebook, sides=sides, discover=discover,
                              sentiment_method=sentiment_method, sentiment_n_boot=sentiment_n_boot)
    cache_dir = pipeline_options.pop("cache_dir", None)
    if out_dir is not None and cache and cache_dir is None:
        cache_dir = Path(out_dir) / "cache"
    run = pipeline.run(corpus, engine=engine, cache=cache, cache_dir=cache_dir, progress=progress,
                       **options, **pipeline_options)
    results = Results({name: run[name] for name in run}, summary=run.summary, stamp=stamp(corpus, **options))
    if out_dir is not None:
        results.save(out_dir)
    return results
