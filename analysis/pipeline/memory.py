"""Keeping a run's resident memory down: freed memory given back to the
operating system between batches.

Measured on the BBC corpus in one process (``benchmarks/cpu_and_memory.py``;
docs/performance.md): the peak resident memory was about 345 MB although
Python's own objects (``tracemalloc``) never held more than 30 MB above the
loaded resources during a batch.  Two allocators kept what the batches had
freed:

* Arrow's default memory pool (mimalloc in the pyarrow wheels) keeps the
  pages of freed buffers (every batch converts its tables to Arrow and
  back): about 40 MB of the peak.  :func:`system_arrow_pool` makes Arrow
  allocate from the C library's ``malloc`` while a batch is scored (each
  buffer remembers its pool, so switching back is safe); no measurable
  CPU cost.
* The C library's heap keeps freed small blocks (the batch's numpy arrays,
  the per-batch frames joined at the end of a run) in place:
  :func:`release_free_memory` asks glibc to give free pages back
  (``malloc_trim``) after each batch and after each table is joined;
  elsewhere (macOS, musl) it does nothing.

Neither changes a result: they decide only where freed memory goes.
"""
from __future__ import annotations

import contextlib
import ctypes
import functools

import pyarrow as pa

__all__ = ["system_arrow_pool", "release_free_memory"]


@contextlib.contextmanager
def system_arrow_pool():
    """Arrow allocates from the C library's ``malloc`` inside the block (the
    previous default pool is restored after it)."""
    before = pa.default_memory_pool()
    system = pa.system_memory_pool()
    if before.backend_name == system.backend_name:
        yield
        return
    pa.set_memory_pool(system)
    try:
        yield
    finally:
        pa.set_memory_pool(before)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        libc = ctypes.CDLL(None)
    except OSError:  # pragma: no cover - no C library to open
        return None
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_free_memory() -> None:
    """Give the C heap's free pages back to the operating system (glibc's
    ``malloc_trim(0)``, a few milliseconds); elsewhere nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
