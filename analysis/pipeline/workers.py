"""Worker processes of the process engine: how they start, warm, and stop.

Workers start warm: forked from this process after it has loaded every
resource when that is safe (:func:`fork_is_safe`: Linux, no other Python
thread, Python 3.11 or a single OS thread), else from a fork server that
preloads :data:`PRELOAD_MODULE` (``forkserver``: in Jupyter, with threads
running, on Python 3.12+), else ``spawn`` (Windows).  Each worker watches
its driver (:func:`watch_driver`) and ends when the driver is gone, and
ignores Ctrl-C, which the driver handles for the whole run.  Child
processes get one BLAS/OpenMP thread each (:func:`single_threaded_env`).
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time

from analysis.pipeline.warm import warm_up

__all__ = ["fork_is_safe", "forked_pool", "start_forkserver", "watch_driver", "single_threaded_env",
           "cpu_count", "PRELOAD_MODULE", "DRIVER_POLL_SECONDS"]

# The module the fork server imports before it forks any worker: it warms the
# resources up and freezes them (analysis/pipeline/preload.py).
PRELOAD_MODULE = "analysis.pipeline.preload"


def fork_is_safe() -> bool:
    """May the workers be forked from this process itself?

    Forking copies only the calling thread; a lock held by another thread at
    that moment stays locked in the child forever.  So only on Linux (macOS
    system libraries are not fork-safe), and only when this process runs no
    Python thread but the main one (not in a Jupyter kernel, not after a
    progress bar's monitor or a Dask client started).  The C libraries' own
    idle threads (OpenBLAS's pool, pyarrow's jemalloc) are made safe by their
    ``pthread_atfork`` handlers, which is also what Python 3.11's default
    ``fork`` start relies on; Python 3.12 deprecates forking a process with any
    other OS thread, so there only a single-threaded process forks.  The gain:
    the workers inherit the imports instead of repeating them (about 0.35 s
    per run on 2 CPUs)."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return False
    if threading.active_count() != 1:
        return False
    if sys.version_info >= (3, 12):
        try:
            return len(os.listdir("/proc/self/task")) == 1
        except OSError:
            return False
    return True


def _noop() -> None:
    """Submitted once so that a fork-started pool forks its workers at once."""


# How often a worker checks that its driver is still there (seconds).
DRIVER_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# Fields of /proc/<pid>/stat after the command name, counted from 0 (proc(5) numbers them from 3).
_STAT_STATE = 0       # field 3: R, S, D, Z (zombie), X (dead) ...
_STAT_START_TIME = 19  # field 22: when the process started, in clock ticks after boot


def process_identity(pid: int) -> str | None:
    """Something that tells process ``pid`` from a later one given the same
    id: its start time from ``/proc`` on Linux (None once it has ended or is a
    zombie), elsewhere ``"alive"`` while a signal 0 reaches it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()  # fields 3.. of proc(5): state, ppid, ...
        return None if fields[_STAT_STATE] in ("Z", "X") else fields[_STAT_START_TIME]
    except FileNotFoundError:
        return None
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return "alive"


def watch_driver(driver_pid: int, direct_child: bool) -> None:
    """Worker initializer: the worker never outlives the process that drives the run.

    A worker blocks on its task queue, whose pipe it holds open itself, so
    when the driver is killed outright (SIGKILL, the out-of-memory killer)
    nothing would wake it; a fork server's worker also keeps the fork server
    alive, and the fork server it.  Two guards, both cheap:

    * a daemon thread checks every :data:`DRIVER_POLL_SECONDS` that the
      driver is still the same live process (:func:`process_identity`) and
      ends the worker when it is not;
    * on Linux, a worker the driver started itself (``direct_child``:
      ``fork``, ``spawn``) is also sent SIGKILL by the kernel the moment the
      driver dies (``prctl(PR_SET_PDEATHSIG)``).

    The worker also ignores SIGINT: Ctrl-C in a terminal reaches every
    process of the group, and it is the driver that stops the run (and its
    workers) cleanly, see :class:`PipelineInterrupted`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if direct_child and sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):  # no libc to load: the thread below still watches
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    identity = process_identity(driver_pid)
    if identity is None or (direct_child and os.getppid() != driver_pid):
        os._exit(1)  # the driver died before the kernel was asked to tell

    def watch():
        while process_identity(driver_pid) == identity:
            time.sleep(DRIVER_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-driver", daemon=True).start()


def forked_pool(n_workers: int) -> cf.ProcessPoolExecutor:
    """A pool of ``n_workers`` processes forked from this one now, after
    :func:`warm_up`: they share the loaded resources copy-on-write, as
    workers of the fork server do.  The garbage collector's view of what is
    alive here is frozen while they fork (:func:`freeze_resources` in the
    children, where it stays) and thawed again here, so this process's
    collection is as before."""
    warm_up()
    gc.collect()
    gc.freeze()
    try:
        with single_threaded_env():
            pool = cf.ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context("fork"),
                                          initializer=watch_driver, initargs=(os.getpid(), True))
            pool.submit(_noop)  # a fork-started pool forks every worker on its first submit
    finally:
        gc.unfreeze()
    return pool


def start_forkserver():
    """The process engine's multiprocessing context.  With a fork server
    (Linux, macOS) the server is started at once and preloads
    :data:`PRELOAD_MODULE` in the background, so the workers forked
    from it later start warm; elsewhere plain ``spawn``."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload([PRELOAD_MODULE])
        from multiprocessing import forkserver

        with single_threaded_env():
            forkserver.ensure_running()
    return ctx


# One worker per CPU: a BLAS thread pool in each would only compete with the
# other workers (OpenBLAS threads also spin, busy, after each call they serve).
_SINGLE_THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextlib.contextmanager
def single_threaded_env():
    """Child processes started inside inherit one BLAS/OpenMP thread (unless
    the caller set those variables); this process's environment is restored."""
    added = [k for k in _SINGLE_THREAD_ENV if k not in os.environ]
    os.environ.update(dict.fromkeys(added, "1"))
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)

