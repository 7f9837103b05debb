"""Engines: map the scoring of batches, a few in flight at a time, and
give back the outcomes as they complete.  All give identical tables (same
batches, same code).

``"local"``
    in this process, batch after batch (:class:`LocalEngine`);
``"process"``
    a :class:`concurrent.futures.ProcessPoolExecutor` of ``n_workers``
    processes, started warm (:mod:`analysis.pipeline.workers`); a batch
    whose worker died is run again alone, and lost only if it kills its
    worker again; Ctrl-C ends the workers at once (:meth:`ProcessEngine.abort`);
``"dask"``
    a :mod:`dask.distributed` client: a ``LocalCluster`` of ``n_workers``
    single-threaded processes started and closed by the run, or an existing
    cluster given as ``scheduler="tcp://host:8786"`` (or a ``Client``).

Each engine's ``map(fn, tasks)`` yields ``(task, outcome, error)``, with
``error`` a reason when the batch as a whole failed; ``abort()`` stops at
once and returns the ids of the processes it ended; ``close()`` releases
what the engine started.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import itertools
import os
from typing import Iterator

from analysis.pipeline import workers
from analysis.pipeline.batching import BatchTask

__all__ = ["ENGINES", "ENGINE_CLASSES", "LocalEngine", "ProcessEngine", "DaskEngine", "MANAGER_EXIT_SECONDS"]

ENGINES = ("auto", "local", "process", "dask")

# How long an interrupted run waits for the pool's manager thread to tear the
# pool down once the workers are killed (it takes milliseconds when idle).
KILLED_EXIT_SECONDS = 60
MANAGER_EXIT_SECONDS = 10


class LocalEngine:
    """Every batch in this process, one after the other."""

    name = "local"

    def __init__(self, n_workers=None, scheduler=None):
        self.n_workers = 1

    def map(self, fn, tasks: Iterator[BatchTask]):
        for task in tasks:
            try:
                yield task, fn(task), None
            except Exception as exc:  # noqa: BLE001
                yield task, None, f"batch failed: {type(exc).__name__}: {exc}"

    def abort(self) -> list[int]:
        return []

    def close(self):
        pass


class ProcessEngine:
    """A pool of ``n_workers`` warm worker processes, ``2 * n_workers``
    batches in flight; a pool broken by a dying worker is rebuilt and its
    batches run again, one at a time."""

    name = "process"

    def __init__(self, n_workers=None, scheduler=None):
        self.n_workers = n_workers or workers.cpu_count()
        self.start_method = None
        self._pool = self._new_pool()
        self._succeeded = 0

    def _new_pool(self):
        # A pool rebuilt after a crash starts from the fork server: by then
        # this process runs the old pool's threads.
        if workers.fork_is_safe():
            self.start_method = "fork"
            return workers.forked_pool(self.n_workers)
        ctx = workers.start_forkserver()
        self.start_method = ctx.get_start_method()
        return cf.ProcessPoolExecutor(max_workers=self.n_workers, mp_context=ctx, initializer=workers.watch_driver,
                                      initargs=(os.getpid(), ctx.get_start_method() != "forkserver"))

    def _renew_pool(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def map(self, fn, tasks: Iterator[BatchTask]):
        window = 2 * self.n_workers
        pending: dict[cf.Future, BatchTask] = {}
        retry: list[BatchTask] = []   # batches caught in a crashed pool, rerun one at a time
        if self.start_method != "fork":
            # The first submit waits for the fork server to finish loading the
            # resources; the first window of batches is read and screened while it does.
            tasks = itertools.chain(list(itertools.islice(tasks, window)), tasks)
        exhausted = False
        while True:
            while not exhausted and not retry and len(pending) < window:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                task.in_worker = True
                pending[self._pool.submit(fn, task)] = task
            if retry and not pending:
                yield from self._run_alone(fn, retry.pop(0))
                continue
            if not pending:
                if exhausted and not retry:
                    return
                continue
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            yield from self._collect(done, pending, retry)

    def _run_alone(self, fn, task: BatchTask):
        """A batch caught in a crashed pool, run again on its own: if its
        worker dies again, the batch is lost (and the pool rebuilt)."""
        fut = self._pool.submit(fn, task)
        try:
            result = fut.result()
            self._succeeded += 1
            yield task, result, None
        except cf.process.BrokenProcessPool:
            self._renew_pool()
            if not self._succeeded:
                raise RuntimeError(
                    "the worker processes die before finishing any batch: they may fail to start "
                    "(a script run without the `if __name__ == \"__main__\":` guard, or from stdin) "
                    "or run out of memory; use engine='local' to see the error"
                ) from None
            yield task, None, "worker process died while scoring this batch"
        except Exception as exc:  # noqa: BLE001
            yield task, None, f"batch failed: {type(exc).__name__}: {exc}"

    def _collect(self, done, pending: dict[cf.Future, BatchTask], retry: list[BatchTask]):
        """The outcomes of the finished futures ``done``; when a worker died,
        every batch in flight goes to ``retry`` (in batch order) and the pool
        is rebuilt."""
        broken = False
        for fut in done:
            task = pending.pop(fut)
            try:
                result = fut.result()
                self._succeeded += 1
                yield task, result, None
            except cf.process.BrokenProcessPool:
                broken = True
                retry.append(task)
            except Exception as exc:  # noqa: BLE001
                yield task, None, f"batch failed: {type(exc).__name__}: {exc}"
        if broken:
            retry.extend(pending.values())
            pending.clear()
            self._renew_pool()
            retry.sort(key=lambda t: t.index)


    def abort(self) -> list[int]:
        """Stop at once (Ctrl-C): end the workers, dropping the batches they
        were scoring (a resumed run scores them); returns their process ids."""
        procs = list((getattr(self._pool, "_processes", None) or {}).values())
        for proc in procs:
            with contextlib.suppress(Exception):
                proc.kill()
        for proc in procs:
            # A killed process still finishes the system call it is in (on a busy
            # disk, creating a temporary file): wait until it is gone, so that the
            # caller's clean-up sees every file it left.
            proc.join(timeout=KILLED_EXIT_SECONDS)
        manager = getattr(self._pool, "_executor_manager_thread", None)
        self._pool.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            # With its workers gone, the pool's manager thread marks it broken
            # and closes its wakeup pipe.  Wait for that to finish: Python
            # 3.11's exit hook writes to that pipe without the lock that
            # guards its closing, so a teardown still running when the
            # interpreter exits ends in "OSError: Bad file descriptor".
            manager.join(timeout=MANAGER_EXIT_SECONDS)
        self._aborted = True
        return [proc.pid for proc in procs]

    def close(self):
        if not getattr(self, "_aborted", False):
            self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Batches as :mod:`dask.distributed` futures, a window of ``2 *`` the
    cluster's threads at a time, so that the client never holds the corpus."""

    name = "dask"

    def __init__(self, n_workers=None, scheduler=None):
        from dask.distributed import Client, LocalCluster

        self._own = []
        if scheduler is None:
            cluster = LocalCluster(n_workers=n_workers or workers.cpu_count(), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
            self._own = [client, cluster]
        elif isinstance(scheduler, str):
            client = Client(scheduler)
            self._own = [client]
        else:
            client = scheduler
        self.client = client
        self.n_workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))

    def map(self, fn, tasks: Iterator[BatchTask]):
        from dask.distributed import as_completed

        window = 2 * self.n_workers
        tasks = iter(tasks)
        pending: dict = {}

        def submit():
            task = next(tasks, None)
            if task is None:
                return False
            task.in_worker = True
            fut = self.client.submit(fn, task, pure=False, key=f"score-batch-{task.index}-{os.urandom(4).hex()}")
            pending[fut.key] = task
            ac.add(fut)
            return True

        ac = as_completed([])
        for _ in range(window):
            if not submit():
                break
        for fut in ac:
            task = pending.pop(fut.key)
            try:
                yield task, fut.result(), None
            except Exception as exc:  # noqa: BLE001 - KilledWorker and the like
                yield task, None, f"batch failed: {type(exc).__name__}: {exc}"
            fut.release()
            submit()

    def abort(self) -> list[int]:
        self.close()
        self._own = []
        return []

    def close(self):
        for obj in self._own:
            obj.close()


ENGINE_CLASSES = {"local": LocalEngine, "process": ProcessEngine, "dask": DaskEngine}
