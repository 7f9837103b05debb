"""Running the notebooks: one kernel over IPC sockets, papermill, the
validation results computed beside them.

The report runs every notebook in one kernel (:func:`report_kernel`), each
after a reset cell that gives it the namespace a fresh kernel would, with the
parameters it declares (:func:`execute_each`).  Kernels talk to papermill over
IPC sockets in a private temporary folder, not over TCP, so no port is opened
and nothing can listen in.  While the others run, a second process computes
the validation notebook's results (:func:`validation_in_background`).  A
failing notebook raises :class:`NotebookFailed` naming it and the cell.
"""
from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time
from pathlib import Path

from analysis.presentation.report_paths import ROOT

__all__ = ["NotebookFailed", "report_kernel", "validation_in_background", "execute_each", "VALIDATION_NOTEBOOK"]


class NotebookFailed(RuntimeError):
    """A notebook raised while the report ran it."""

    def __init__(self, notebook: str, cell: int | None, detail: str):
        self.notebook, self.cell, self.detail = notebook, cell, detail
        where = f"{notebook}, cell {cell}" if cell is not None else notebook
        super().__init__(f"notebook {where} failed: {detail}")


def _ipc_kernel_config(folder: Path):
    """Kernel-manager settings: IPC sockets inside ``folder`` instead of TCP ports."""
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(folder / "kernel")
    return config


def _kernel_manager_class():
    """jupyter_client's kernel manager, less the interrupt (SIGINT) it sends a
    kernel it is shutting down: a report that ran to its end has nothing to
    interrupt, and the signal only makes the kernel log a spurious
    ``KeyboardInterrupt caught in kernel`` while it finishes its last message."""
    from jupyter_client.manager import KernelManager

    class ReportKernelManager(KernelManager):
        async def _async_interrupt_kernel(self) -> None:
            if self.shutting_down:
                return
            await super()._async_interrupt_kernel()

    return ReportKernelManager


# The first cell of every notebook as the report runs it in its one kernel:
# a clean namespace and no figure left open, so each notebook sees what a
# fresh kernel would (modules stay imported and their loaded word lists
# stay in memory, which is the point of sharing the kernel).  Tagged so that
# it is dropped from the executed notebook and the HTML page.
_RESET_TAG = "report-reset"
_RESET_SOURCE = (
    'get_ipython().run_line_magic("reset", "-f")\n'
    "import matplotlib.pyplot\n"
    'matplotlib.pyplot.close("all")\n'
    "del matplotlib"
)


@contextlib.contextmanager
def report_kernel(sockets: Path):
    """One kernel for the whole report, over IPC, started in the repository."""
    km = _kernel_manager_class()(kernel_name="python3", config=_ipc_kernel_config(sockets))
    km.start_kernel(cwd=str(ROOT))
    try:
        yield km
    finally:
        km.shutdown_kernel(now=False)


def _with_reset_cell(nb):
    """``nb`` with the reset cell first."""
    import nbformat

    cell = nbformat.v4.new_code_cell(_RESET_SOURCE, metadata={"tags": [_RESET_TAG]})
    nb.cells.insert(0, cell)
    return nb


def _drop_reset_cell(path: Path) -> None:
    """Take the reset cell out of the executed notebook at ``path``."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if _RESET_TAG not in c.metadata.get("tags", [])]
    nbformat.write(nb, path)


def _declared_parameters(nb) -> set[str]:
    """Names assigned in a notebook's cell tagged ``parameters``."""
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    return set(re.findall(r"^(\w+)\s*=", cells[0].source, re.M)) if cells else set()


_OPTIONAL = {"tables_dir"}  # parameters given only to the notebooks that declare them
VALIDATION_NOTEBOOK = "90_validation"


@contextlib.contextmanager
def validation_in_background(sources: list[Path]):
    """While the other notebooks run, a second process computes the results
    the validation notebook draws into the derived-table store
    (:mod:`analysis.evaluation.warm`); yields a function that waits for it
    (called before that notebook).  The process is ended when the report
    ends or is interrupted; nothing is started when the notebook is not run
    or the benchmark data are absent."""
    from analysis.evaluation import shared_dir

    proc = None
    if any(p.stem == VALIDATION_NOTEBOOK for p in sources) and (shared_dir() / "benchmarks").is_dir():
        proc = subprocess.Popen([sys.executable, "-m", "analysis.evaluation.warm"], cwd=str(ROOT),
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield (lambda: proc.wait()) if proc is not None else (lambda: None)
    finally:
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def execute_each(sources: list[Path], params: dict, story: dict, reports_dir: Path, km, progress: bool,
                  validation_ready=lambda: None):
    """Run each notebook in the report's kernel; ``(executed paths, seconds)``.
    ``validation_ready`` is called (and waits) before the validation notebook."""
    import jupytext
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    executed: list[Path] = []
    t0 = time.perf_counter()
    for i, src in enumerate(sources, 1):
        if progress:
            print(f"[report] {i}/{len(sources)} {src.stem} ...", file=sys.stderr, flush=True)
        if src.stem == VALIDATION_NOTEBOOK:
            validation_ready()
        nb = _with_reset_cell(jupytext.read(src))
        declared = _declared_parameters(nb)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        tmp = reports_dir / f"{src.stem}.input.ipynb"
        jupytext.write(nb, tmp, fmt="ipynb")
        out = reports_dir / f"{src.stem}.ipynb"
        t1 = time.perf_counter()
        try:
            pm.execute_notebook(
                str(tmp),
                str(out),
                parameters={**{k: v for k, v in params.items() if k not in _OPTIONAL or k in declared},
                            **{k: v for k, v in story.items() if k in declared}, "notebook_name": src.stem},
                kernel_name="python3",
                cwd=str(ROOT),
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
                km=km,
            )
        except PapermillExecutionError as exc:
            cell = exc.exec_count - 1 if exc.exec_count else exc.cell_index  # less the reset cell
            raise NotebookFailed(src.stem, cell, f"{exc.ename}: {exc.evalue}") from None
        except Exception as exc:  # kernel died, bad parameters cell ...
            raise NotebookFailed(src.stem, None, f"{type(exc).__name__}: {exc}") from None
        finally:
            tmp.unlink(missing_ok=True)
        _drop_reset_cell(out)
        if progress:
            print(f"[report]     done in {time.perf_counter() - t1:.1f} s", file=sys.stderr, flush=True)
        executed.append(out)
    return executed, time.perf_counter() - t0
