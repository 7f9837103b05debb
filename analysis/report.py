"""``python -m analysis report``: every notebook, in order, through papermill.

The notebooks in ``notebooks/`` are stored as jupytext pairs: ``NN_name.py``
(percent format, the reviewed source) and ``NN_name.ipynb`` (no outputs).  The
report reads the ``.py`` form, executes it with papermill (passing the corpus
and output folders to the cell tagged ``parameters``), writes each executed
notebook to ``reports/NN_name.ipynb`` and one self-contained HTML page,
``reports/report.html``, and the figures into ``figures/``.

A failing notebook stops the run with exit status 1 and a message naming the
notebook and the cell.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = ROOT / "notebooks"
SEEDS_DIR = ROOT / "seeds"
FIGURES_DIR = ROOT / "figures"
REPORTS_DIR = ROOT / "reports"


class NotebookFailed(RuntimeError):
    """A notebook raised while the report ran it."""

    def __init__(self, notebook: str, cell: int | None, detail: str):
        self.notebook, self.cell, self.detail = notebook, cell, detail
        where = f"{notebook}, cell {cell}" if cell is not None else notebook
        super().__init__(f"notebook {where} failed: {detail}")


def notebook_sources(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The jupytext sources ``NN_*.py`` in reading order."""
    return sorted(p for p in Path(notebooks_dir).glob("[0-9][0-9]_*.py"))


def run_report(
    corpus: str | Path | None = None,
    *,
    notebooks_dir: str | Path = NOTEBOOKS_DIR,
    figures_dir: str | Path = FIGURES_DIR,
    reports_dir: str | Path = REPORTS_DIR,
    only: list[str] | None = None,
    engine: str = "auto",
    progress: bool = True,
    html: bool = True,
) -> dict:
    """Execute the notebooks and build the report; returns a summary dict
    (``notebooks``, ``html``, ``figures_dir``, ``seconds``)."""
    import jupytext
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    corpus = Path(corpus) if corpus is not None else SEEDS_DIR
    if not corpus.exists():
        raise FileNotFoundError(f"{corpus}: no such corpus file or folder")
    figures_dir, reports_dir = Path(figures_dir).resolve(), Path(reports_dir).resolve()
    figures_dir.mkdir(parents=True, exist_ok=True)
    reports_dir.mkdir(parents=True, exist_ok=True)
    sources = notebook_sources(Path(notebooks_dir))
    if only:
        sources = [p for p in sources if any(p.stem.startswith(o) or p.stem == o for o in only)]
    if not sources:
        raise FileNotFoundError(f"no notebooks NN_*.py in {notebooks_dir}")
    # kernels run with this interpreter and a headless backend
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ["PYTHONHASHSEED"] = "0"
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    params = {
        "corpus": str(corpus.resolve()),
        "figures_dir": str(figures_dir),
        "reports_dir": str(reports_dir),
        "engine": engine,
    }
    executed: list[Path] = []
    t0 = time.perf_counter()
    for i, src in enumerate(sources, 1):
        if progress:
            print(f"[report] {i}/{len(sources)} {src.stem} ...", file=sys.stderr, flush=True)
        nb = jupytext.read(src)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        tmp = reports_dir / f"{src.stem}.input.ipynb"
        jupytext.write(nb, tmp, fmt="ipynb")
        out = reports_dir / f"{src.stem}.ipynb"
        t1 = time.perf_counter()
        try:
            pm.execute_notebook(
                str(tmp),
                str(out),
                parameters={**params, "notebook_name": src.stem},
                kernel_name="python3",
                cwd=str(ROOT),
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
            )
        except PapermillExecutionError as exc:
            raise NotebookFailed(src.stem, exc.exec_count or exc.cell_index, f"{exc.ename}: {exc.evalue}") from None
        except Exception as exc:  # kernel died, bad parameters cell ...
            raise NotebookFailed(src.stem, None, f"{type(exc).__name__}: {exc}") from None
        finally:
            tmp.unlink(missing_ok=True)
        if progress:
            print(f"[report]     done in {time.perf_counter() - t1:.1f} s", file=sys.stderr, flush=True)
        executed.append(out)
    from analysis.figures import write_figure_index

    write_figure_index(figures_dir)
    html_path = build_html(executed, reports_dir / "report.html") if html else None
    return {
        "notebooks": executed,
        "html": html_path,
        "figures_dir": figures_dir,
        "seconds": time.perf_counter() - t0,
    }


def build_html(executed: list[Path], out: Path) -> Path:
    """Join executed notebooks into one self-contained HTML page (images
    inlined, code cells hidden) with a table of contents."""
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook()
    toc = ["# Coverage report", "", "Contents:", ""]
    cells = []
    for path in executed:
        nb = nbformat.read(path, as_version=4)
        title = path.stem
        for c in nb.cells:
            if c.cell_type == "markdown" and c.source.lstrip().startswith("# "):
                title = c.source.lstrip()[2:].splitlines()[0].strip()
                break
        anchor = path.stem
        toc.append(f"- [{title}](#{anchor})")
        cells.append(nbformat.v4.new_markdown_cell(f'<a id="{anchor}"></a>'))
        for c in nb.cells:
            if "parameters" in c.metadata.get("tags", []) or "injected-parameters" in c.metadata.get("tags", []):
                continue
            cells.append(c)
    merged.cells = [nbformat.v4.new_markdown_cell("\n".join(toc))] + cells
    merged.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": "Coverage report"}})
    out.write_text(body, encoding="utf-8")
    return out


def add_cli_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", metavar="PATH", default=None,
                   help="corpus file or folder (default: the seeds); same as --corpus")
    p.add_argument("--corpus", dest="corpus", default=None, help="corpus file or folder (default: seeds/)")
    p.add_argument("--figures", default=str(FIGURES_DIR), help="folder for figures (default: figures/)")
    p.add_argument("--reports", default=str(REPORTS_DIR), help="folder for executed notebooks and HTML")
    p.add_argument("--notebooks", default=str(NOTEBOOKS_DIR), help="folder of NN_*.py notebooks")
    p.add_argument("--only", action="append", help="run only notebooks whose name starts with this (repeatable)")
    p.add_argument("--engine", default="auto", help="pipeline engine for large corpora: auto, local, process, dask")
    p.add_argument("--no-html", action="store_true", help="skip the HTML page")


def run_from_args(args: argparse.Namespace) -> int:
    corpus = args.corpus or args.path
    try:
        summary = run_report(
            corpus,
            notebooks_dir=args.notebooks,
            figures_dir=args.figures,
            reports_dir=args.reports,
            only=args.only,
            engine=args.engine,
            html=not args.no_html,
        )
    except NotebookFailed as exc:
        print(f"analysis report: error: {exc}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"analysis report: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"[report] {len(summary['notebooks'])} notebooks in {summary['seconds']:.1f} s; "
        f"figures in {summary['figures_dir']}; HTML: {summary['html']}",
        file=sys.stderr,
    )
    return 0
