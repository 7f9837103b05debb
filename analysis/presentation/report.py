"""``python -m analysis report``: every notebook, in order, through papermill.

The notebooks in ``notebooks/`` are stored as jupytext pairs: ``NN_name.py``
(percent format, the reviewed source) and ``NN_name.ipynb`` (no outputs).  The
report reads the ``.py`` form, executes it with papermill (passing the corpus
and output folders to the cell tagged ``parameters``), writes each executed
notebook and one self-contained HTML page, ``report.html``, and the figures.

Where the output goes (:func:`output_folders`): on the seeds, the committed
``figures/`` and ``reports/`` of the repository (the package's published
figures); on any other corpus, a folder of its own, ``out/<corpus name>/``
(``report.html``, the executed notebooks, and ``figures/``), or ``--out DIR``.
A run on another corpus never writes into the committed ``figures/``.

The tables come first: :func:`analysis.measure` computes every family once
into ``<reports>/tables/`` (kept as they are when still fresh, and with the
results cache in ``tables/cache``); each notebook reads them there through
:func:`analysis.presentation.notebook.tables` instead of computing them again.  A figure
whose inputs have not changed is not drawn again (:func:`analysis.presentation.figures.draw`).

Kernels talk to papermill over IPC sockets in a private temporary folder, not
over TCP, so no port is opened and nothing can listen in.

A failing notebook stops the run with exit status 1 and a message naming the
notebook and the cell.

The parts live in one module each: :mod:`analysis.presentation.report_paths`
(folders, notebooks in order, output folders), :mod:`analysis.presentation.notebook_runs`
(the kernel, papermill, the validation results in the background) and
:mod:`analysis.presentation.report_html` (the HTML page).  This module runs
them in order and is the command line; the names callers import from it are
re-exported here.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from analysis.presentation.notebook_runs import (  # noqa: F401  (re-exported: callers import them from here)
    VALIDATION_NOTEBOOK,
    NotebookFailed,
    execute_each,
    report_kernel,
    validation_in_background,
)
from analysis.presentation.report_html import build_html
from analysis.presentation.report_paths import (  # noqa: F401  (re-exported: callers import them from here)
    FIGURES_DIR,
    NOTEBOOKS_DIR,
    REPORTS_DIR,
    ROOT,
    SEEDS_DIR,
    TABLES_SUBDIR,
    corpus_name,
    is_seed_corpus,
    notebook_sources,
    output_folders,
)


def run_report(
    corpus: str | Path | None = None,
    *,
    out: str | Path | None = None,
    notebooks_dir: str | Path = NOTEBOOKS_DIR,
    figures_dir: str | Path | None = None,
    reports_dir: str | Path | None = None,
    only: list[str] | None = None,
    engine: str = "auto",
    progress: bool = True,
    html: bool = True,
    codebook: str | Path | None = None,
    sides: str | Path | None = None,
) -> dict:
    """Execute the notebooks and build the report; returns a summary dict
    (``notebooks``, ``html``, ``figures_dir``, ``reports_dir``, ``seconds``).
    Output folders as :func:`output_folders` says.  ``codebook`` and ``sides``
    (files) go to every notebook that takes them; None: the seed story's
    codebook for the seed articles only, and its sides."""
    if engine not in ("auto", "local", "process", "dask"):
        raise ValueError(f"engine must be one of auto, local, process, dask; not {engine!r}")
    corpus = Path(corpus) if corpus is not None else SEEDS_DIR
    if not corpus.exists():
        raise FileNotFoundError(f"{corpus}: no such corpus file or folder")
    figures_dir, reports_dir = output_folders(corpus, out=out, figures_dir=figures_dir, reports_dir=reports_dir)
    story = _story_files(codebook, sides)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="analysis-kernels-") as sockets:
        return _run_notebooks(corpus, figures_dir, reports_dir, Path(sockets), notebooks_dir=notebooks_dir,
                              only=only, engine=engine, progress=progress, html=html, story=story)


def _story_files(codebook, sides) -> dict[str, str]:
    """The codebook and sides files as notebook parameters, each checked here
    so that a bad file fails before any notebook runs."""
    story = {}
    for name, path in (("codebook", codebook), ("sides", sides)):
        if path is not None:
            if not Path(path).is_file():
                raise FileNotFoundError(f"{path}: no such {name} file")
            story[name] = str(Path(path).resolve())
    if "sides" in story:
        from analysis.actors.sides import load_sides

        load_sides(story["sides"])
    if "codebook" in story:
        from analysis.actors.codebook import load_codebook

        load_codebook(story["codebook"], sides=story.get("sides"))
    return story


def _run_notebooks(corpus: Path, figures_dir: Path, reports_dir: Path, sockets: Path, *, notebooks_dir, only,
                   engine: str, progress: bool, html: bool, story: dict) -> dict:
    """:func:`run_report` once its arguments are checked: the tables, every
    notebook in one kernel, the figure index and the HTML page."""
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
    t0 = time.perf_counter()
    with validation_in_background(sources) as validation:
        params["tables_dir"] = str(_measure_once(corpus, reports_dir / TABLES_SUBDIR, story, engine, progress))
        with report_kernel(sockets) as km:
            executed, _ = execute_each(sources, params, story, reports_dir, km, progress, validation)
    seconds = time.perf_counter() - t0  # the tables and the notebooks
    from analysis.presentation.figures import write_figure_index

    write_figure_index(figures_dir)
    html_path = build_html(executed, reports_dir / "report.html", corpus=corpus) if html else None
    return {
        "notebooks": executed,
        "html": html_path,
        "figures_dir": figures_dir,
        "reports_dir": reports_dir,
        "seconds": seconds,
    }


def _measure_once(corpus: Path, tables_dir: Path, story: dict, engine: str, progress: bool) -> Path:
    """Every table of the corpus, once, into ``tables_dir`` (kept when
    fresh: :func:`analysis.presentation.notebook.tables`), before the first notebook;
    each notebook reads them there."""
    from analysis.presentation.notebook import tables

    t0 = time.perf_counter()
    if progress:
        print("[report] 0 tables (analysis.measure) ...", file=sys.stderr, flush=True)
    tables(corpus, tables_dir, codebook=story.get("codebook"), sides=story.get("sides"), engine=engine)
    if progress:
        print(f"[report]     done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    return tables_dir


def add_cli_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``python -m analysis report``."""
    p.add_argument("path", nargs="?", metavar="PATH", default=None,
                   help="corpus file or folder (default: the seeds); same as --corpus")
    p.add_argument("--corpus", dest="corpus", default=None, help="corpus file or folder (default: seeds/)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="output folder: DIR/report.html, the executed notebooks, DIR/figures/ "
                        "(default: figures/ and reports/ for the seeds, out/<corpus name>/ for any other corpus)")
    p.add_argument("--figures", default=None, help="folder for figures (overrides --out)")
    p.add_argument("--reports", default=None, help="folder for executed notebooks and HTML (overrides --out)")
    p.add_argument("--notebooks", default=str(NOTEBOOKS_DIR), help="folder of NN_*.py notebooks")
    p.add_argument("--only", action="append", help="run only notebooks whose name starts with this (repeatable)")
    p.add_argument("--engine", default="auto", choices=["auto", "local", "process", "dask"],
                   help="pipeline engine for large corpora (analysis.pipeline): auto, local, process, dask")
    p.add_argument("--no-html", action="store_true", help="skip the HTML page")
    p.add_argument("--codebook", metavar="FILE", default=None,
                   help="actor codebook (CSV/YAML); default: the seed story's, for the seed articles only")
    p.add_argument("--sides", metavar="FILE", default=None,
                   help="sides file (YAML 'side: [names that speak for it]'); default: the codebook's sides")


def run_from_args(args: argparse.Namespace) -> int:
    """Run ``python -m analysis report``; the exit status (1 on a failing
    notebook or a bad input file)."""
    corpus = args.corpus or args.path
    try:
        summary = run_report(
            corpus,
            out=args.out,
            notebooks_dir=args.notebooks,
            figures_dir=args.figures,
            reports_dir=args.reports,
            only=args.only,
            engine=args.engine,
            html=not args.no_html,
            codebook=args.codebook,
            sides=args.sides,
        )
    except NotebookFailed as exc:
        print(f"analysis report: error: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, ValueError) as exc:  # missing files, bad codebook or sides file
        print(f"analysis report: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"[report] {len(summary['notebooks'])} notebooks in {summary['seconds']:.1f} s; "
        f"figures in {summary['figures_dir']}; HTML: {summary['html']}",
        file=sys.stderr,
    )
    return 0
