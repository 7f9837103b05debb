"""A result cache for :mod:`analysis.pipeline`, keyed by article content.

What is cached: the tables one metric family returned for a set of article
bodies.  The key has two parts:

* the **family key** (:func:`family_key`): family name, its parameters, the
  keys of the families it reads (sourcing reads the actor mentions,
  readability reads the quotes), the package version and a fingerprint of the
  package's code and reference data (:func:`code_fingerprint`), so editing a
  word list or a module invalidates what it could change;
* the **text hash** (:func:`text_hash`): SHA-256 of the body exactly as
  scored (offsets depend on every character, so unlike
  ``articles.content_hash`` no white space or case folding).

Results depend on the body only, never on the ``article_id``: a cached row is
stored under its text hash and given the current ``article_id`` when it is
read back, so a renamed or duplicated article is a cache hit.

Layout (plain Arrow IPC files, readable with ``pyarrow.feather.read_table``
or ``pandas.read_feather``; nothing hidden, only where the caller asks)::

    <root>/<family>/<family_key>/<entry>.<table>.arrow   rows, with column _text_hash
    <root>/<family>/<family_key>/<entry>.done.arrow      the hashes the entry covers

Uncompressed Arrow rather than Parquet: the cache is written for every batch
and read back whole, and Arrow IPC writes about 3 times and reads about 3
times faster than Parquet (at 2-3 times the disk space; the *outputs* of a
run stay Parquet).

An entry is one store call (one batch of one run).  Its table files are written
first and the ``done`` file last, each under a temporary name and then renamed,
so an interrupted write leaves no entry that looks complete: readers only
trust entries whose ``done`` file exists.  Several processes may write to the
same cache at once (entries have unique names).  Nothing is ever downloaded;
delete the folder to empty the cache.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq

__all__ = ["ResultCache", "text_hash", "family_key", "code_fingerprint", "write_parquet_atomic", "write_arrow_atomic", "HASH_COLUMN"]

HASH_COLUMN = "_text_hash"
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the analysis package
# Code whose content cannot change a metric: the presentation layer (a folder that
# the families never import) and the command lines and cache machinery.
_NOT_METRIC_FOLDERS = {"presentation"}
_NOT_METRIC_CODE = {"cli.py", "__main__.py", "cache.py", "house.mplstyle"}


def text_hash(text: str) -> str:
    """SHA-256 of the exact body (UTF-8), first 32 hex digits."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 (16 hex digits) over the package's metric code and reference
    data: every ``analysis/**/*.py`` and ``analysis/data/**`` file except
    the presentation layer (figures, plots, views, report), the command
    lines and the cache itself.

    Computed once per process.  Any edit to a module or data file that could
    change a number changes the fingerprint and so every family key."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        rel = path.relative_to(PACKAGE_DIR)
        if not path.is_file() or "__pycache__" in rel.parts or rel.parts[0] in _NOT_METRIC_FOLDERS:
            continue
        if path.name in _NOT_METRIC_CODE or not (path.suffix == ".py" or rel.parts[0] == "data"):
            continue
        h.update(rel.as_posix().encode() + b"\x00" + path.read_bytes() + b"\x01")
    return h.hexdigest()[:16]


def family_key(family: str, params: Mapping, upstream: Mapping[str, str] | None = None) -> str:
    """The cache key of one family's results: SHA-256 (16 hex digits) of the
    family name, its parameters (JSON), its upstream family keys, the package
    version and :func:`code_fingerprint`."""
    from analysis import __version__

    payload = {
        "family": family,
        "params": params,
        "upstream": dict(sorted((upstream or {}).items())),
        "version": __version__,
        "code": code_fingerprint(),
    }
    blob = json.dumps(payload, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def _write_atomic(write, df: pd.DataFrame, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(_arrow_table(df), tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_parquet_atomic(df: pd.DataFrame | pa.Table, path: Path) -> None:
    """Write ``df`` (a DataFrame or an Arrow table) to ``path`` (Parquet) through a hidden temporary file in
    the same folder and an atomic rename: readers never see a half-written
    file."""
    _write_atomic(pq.write_table, df, path)


def write_arrow_atomic(df: pd.DataFrame | pa.Table, path: Path) -> None:
    """As :func:`write_parquet_atomic`, as an uncompressed Arrow IPC file."""
    _write_atomic(lambda table, where: feather.write_feather(table, where, compression="uncompressed"), df, path)


def _arrow_table(df: pd.DataFrame | pa.Table) -> pa.Table:
    """``df`` as Arrow, with columns that hold only missing values typed as
    strings rather than Arrow's ``null`` type.  Read back with pandas they are
    the same (``None`` in an object column), but every batch file then has the
    same type for metadata that is empty in some batches (``byline``), so
    readers of a whole folder (``pandas.read_parquet``, ``dask``) can combine
    them."""
    if isinstance(df, pa.Table):
        table = df
    else:
        if df.attrs:  # pandas deep-copies attrs on every column access; the caller's frame keeps them
            df = pd.DataFrame(dict(df.items()), index=df.index)
        table = pa.Table.from_pandas(df, preserve_index=False, nthreads=1)
    for i, f in enumerate(table.schema):
        if pa.types.is_null(f.type):
            table = table.set_column(i, pa.field(f.name, pa.string()), table.column(i).cast(pa.string()))
    return table


class ResultCache:
    """Per-family results on disk, looked up by text hash (see the module doc).

    ``root`` is created when the first entry is stored."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _dir(self, family: str, key: str) -> Path:
        return self.root / family / key

    def index(self, family: str, key: str) -> dict[str, str]:
        """``{text_hash: entry}`` for every complete entry of this family key
        (the last entry wins when a text was stored twice)."""
        folder = self._dir(family, key)
        out: dict[str, str] = {}
        if not folder.is_dir():
            return out
        for done in sorted(folder.glob("*.done.arrow")):
            entry = done.name[: -len(".done.arrow")]
            try:
                hashes = feather.read_table(done, columns=[HASH_COLUMN]).column(0).to_pylist()
            except Exception:  # an unreadable entry is a miss, never an error
                continue
            out.update(dict.fromkeys(hashes, entry))
        return out

    def load(self, family: str, key: str, entries: Mapping[str, Iterable[str]],
             tables: Iterable[str]) -> dict[str, pd.DataFrame] | None:
        """Rows of ``tables`` for the wanted hashes, ``entries`` mapping entry
        name to the hashes wanted from it.  The rows keep their
        ``_text_hash`` column (the caller sets ``article_id``).  Returns None
        when a file is missing or unreadable (the caller rescores)."""
        out: dict[str, list[pd.DataFrame]] = {t: [] for t in tables}
        folder = self._dir(family, key)
        try:
            for entry, hashes in sorted(entries.items()):
                wanted = set(hashes)
                for table in out:
                    df = feather.read_table(folder / f"{entry}.{table}.arrow").to_pandas()
                    out[table].append(df[df[HASH_COLUMN].isin(wanted)])
        except Exception:
            return None
        return {t: pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[HASH_COLUMN])
                for t, frames in out.items()}

    def store(self, family: str, key: str, tables: Mapping[str, pd.DataFrame | pa.Table], hashes: Iterable[str],
              *, label: str = "") -> str:
        """Store one entry: ``tables`` (each with a ``_text_hash`` column) for
        the bodies ``hashes`` (also those that produced no rows).  Returns the
        entry name."""
        folder = self._dir(family, key)
        entry = f"{label}{'-' if label else ''}{uuid.uuid4().hex[:12]}"
        for table, df in tables.items():
            if HASH_COLUMN not in (df.column_names if isinstance(df, pa.Table) else df.columns):
                raise ValueError(f"cache table {table!r} lacks the {HASH_COLUMN} column")
            write_arrow_atomic(df, folder / f"{entry}.{table}.arrow")
        write_arrow_atomic(pd.DataFrame({HASH_COLUMN: sorted(set(hashes))}), folder / f"{entry}.done.arrow")
        return entry
