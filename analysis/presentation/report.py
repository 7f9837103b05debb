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
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = ROOT / "notebooks"
SEEDS_DIR = ROOT / "seeds"
FIGURES_DIR = ROOT / "figures"
REPORTS_DIR = ROOT / "reports"
TABLES_SUBDIR = "tables"  # in the reports folder: the tables every notebook reads (analysis.measure)


class NotebookFailed(RuntimeError):
    """A notebook raised while the report ran it."""

    def __init__(self, notebook: str, cell: int | None, detail: str):
        self.notebook, self.cell, self.detail = notebook, cell, detail
        where = f"{notebook}, cell {cell}" if cell is not None else notebook
        super().__init__(f"notebook {where} failed: {detail}")


def notebook_sources(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The jupytext sources ``NN_*.py`` in reading order."""
    return sorted(p for p in Path(notebooks_dir).glob("[0-9][0-9]_*.py"))


def is_seed_corpus(corpus: str | Path) -> bool:
    """True when ``corpus`` is the package's own ``seeds/`` folder."""
    return Path(corpus).resolve() == SEEDS_DIR.resolve()


def corpus_name(corpus: str | Path) -> str:
    """A folder name for a corpus: its file name without suffix, or its folder's name."""
    p = Path(corpus).resolve()
    name = p.stem if p.is_file() else p.name
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "corpus"


def output_folders(corpus: str | Path, *, out: str | Path | None = None,
                   figures_dir: str | Path | None = None,
                   reports_dir: str | Path | None = None) -> tuple[Path, Path]:
    """``(figures_dir, reports_dir)`` for a report on ``corpus``.

    Explicit ``figures_dir``/``reports_dir`` win; otherwise ``out`` (figures in
    ``out/figures``, notebooks and HTML in ``out``); otherwise the repository's
    ``figures/`` and ``reports/`` for the seeds and ``out/<corpus name>/`` under
    the working folder for every other corpus."""
    if out is None and is_seed_corpus(corpus):
        default_figures, default_reports = FIGURES_DIR, REPORTS_DIR
    else:
        base = Path(out) if out is not None else Path.cwd() / "out" / corpus_name(corpus)
        default_figures, default_reports = base / "figures", base
    return (Path(figures_dir or default_figures).resolve(), Path(reports_dir or default_reports).resolve())


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
def _report_kernel(sockets: Path):
    """One kernel for the whole report, over IPC, started in the repository."""
    km = _kernel_manager_class()(kernel_name="python3", config=_ipc_kernel_config(sockets))
    km.start_kernel(cwd=str(ROOT))
    try:
        yield km
    finally:
        km.shutdown_kernel(now=False)


def _with_reset_cell(nb):
    import nbformat

    cell = nbformat.v4.new_code_cell(_RESET_SOURCE, metadata={"tags": [_RESET_TAG]})
    nb.cells.insert(0, cell)
    return nb


def _drop_reset_cell(path: Path) -> None:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if _RESET_TAG not in c.metadata.get("tags", [])]
    nbformat.write(nb, path)


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


def _declared_parameters(nb) -> set[str]:
    """Names assigned in a notebook's cell tagged ``parameters``."""
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    return set(re.findall(r"^(\w+)\s*=", cells[0].source, re.M)) if cells else set()


def _run_notebooks(corpus: Path, figures_dir: Path, reports_dir: Path, sockets: Path, *, notebooks_dir, only,
                   engine: str, progress: bool, html: bool, story: dict) -> dict:
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
    with _validation_in_background(sources) as validation:
        params["tables_dir"] = str(_measure_once(corpus, reports_dir / TABLES_SUBDIR, story, engine, progress))
        with _report_kernel(sockets) as km:
            executed, _ = _execute_each(sources, params, story, reports_dir, km, progress, validation)
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


_OPTIONAL = {"tables_dir"}  # parameters given only to the notebooks that declare them
VALIDATION_NOTEBOOK = "90_validation"


@contextlib.contextmanager
def _validation_in_background(sources: list[Path]):
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


def _execute_each(sources: list[Path], params: dict, story: dict, reports_dir: Path, km, progress: bool,
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


# The page template: JupyterLab's nbconvert template with every script and
# stylesheet that would come from a CDN removed (require.js, MathJax, Mermaid,
# the widget manager), a contents block, and a small inline script that
# toggles the code cells (hidden by default; without JavaScript they stay hidden).
_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
body.report-page { max-width: 62rem; margin: 0 auto; padding: 0 1.2rem 4rem 1.2rem; }
body.report-page:not(.show-code) .jp-CodeCell .jp-Cell-inputWrapper { display: none; }
body.report-page:not(.show-code) .jp-CodeCell.jp-mod-noOutputs { display: none; }
.report-toolbar { position: sticky; top: 0; z-index: 10; display: flex; gap: 1rem; align-items: center;
  justify-content: flex-end; padding: 0.4rem 0; background: rgba(255,255,255,0.95);
  border-bottom: 1px solid #ddd; font-size: 0.9rem; }
.report-toolbar { font-family: var(--jp-ui-font-family, sans-serif); }
.report-toolbar a { color: #0b5cad; }
#toggle-code { font: inherit; padding: 0.2rem 0.7rem; border: 1px solid #888; border-radius: 4px;
  background: #f4f4f4; cursor: pointer; }
#toggle-code:focus { outline: 2px solid #0072B2; }
nav.report-toc { border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 1.2rem; margin: 1rem 0 2rem 0;
  background: #fafafa; font-size: 0.95rem; line-height: 1.5; }
nav.report-toc h2 { margin-top: 0.2rem; font-size: 1.2rem; }
nav.report-toc ol { margin: 0.2rem 0; padding-left: 1.4rem; }
nav.report-toc ol ol { font-size: 0.92em; list-style-type: disc; }
.report-meta { color: #444; font-size: 0.9rem; }
.report-notebook-start { border-top: 3px solid #333; margin-top: 3rem; padding-top: 0.2rem; }
.report-back { font-size: 0.85rem; text-align: right; }
.toc-anchor { scroll-margin-top: 3rem; }
figure.analysis-figure { margin-left: 0; }
figure.analysis-figure figcaption { font-size: 0.95rem !important; color: #222 !important; max-width: 46rem; }
.jp-RenderedHTMLCommon table { font-size: 0.85rem; }
@media print {
  .report-toolbar { display: none; }
  body.report-page:not(.show-code) .jp-CodeCell .jp-Cell-inputWrapper { display: none; }
}
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
<body class="jp-Notebook report-page" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
<div class="report-toolbar" role="toolbar">
<a href="#contents">Contents</a>
<button id="toggle-code" type="button" aria-pressed="false" title="Show or hide the Python code that made each table and figure">Show code</button>
</div>
<main>
{%- endblock body_header -%}
{%- block footer_js -%}
<script type="text/javascript">
(function () {
  var button = document.getElementById("toggle-code");
  if (!button) { return; }
  button.addEventListener("click", function () {
    var shown = document.body.classList.toggle("show-code");
    button.textContent = shown ? "Hide code" : "Show code";
    button.setAttribute("aria-pressed", shown ? "true" : "false");
  });
})();
</script>
{%- endblock footer_js -%}
"""

_HEADING_RE = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")


def _slug(text: str) -> str:
    text = re.sub(r"<[^>]+>|[`*\[\]()]", "", text).strip().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "section"


def _anchor_headings(source: str, prefix: str, used: set, toc: list, *, first_level: int) -> str:
    """Put a unique ``<div id=...>`` before each ``#``/``##`` heading of a
    Markdown cell (outside code fences) and record ``(level, title, id)``."""
    out, fenced = [], False
    for line in source.splitlines():
        if _FENCE_RE.match(line):
            fenced = not fenced
        m = None if fenced else _HEADING_RE.match(line)
        if m and len(m.group(1)) <= 2:
            level = len(m.group(1))
            title = m.group(2).strip()
            anchor = f"{prefix}--{_slug(title)}"
            k = 2
            while anchor in used:
                anchor, k = f"{prefix}--{_slug(title)}-{k}", k + 1
            used.add(anchor)
            if level > first_level:  # the notebook's own title is linked by the notebook anchor
                toc.append((level, title, anchor))
            out += [f'<div id="{anchor}" class="toc-anchor"></div>', ""]
        out.append(line)
    return "\n".join(out)


def _notebook_title(nb, default: str) -> str:
    for c in nb.cells:
        if c.cell_type == "markdown":
            m = _HEADING_RE.match(c.source.lstrip().splitlines()[0] if c.source.strip() else "")
            if m and len(m.group(1)) == 1:
                return m.group(2).strip()
    return default


def _clean_outputs(cell) -> None:
    """Drop outputs a static offline page cannot show (widget views and their
    JavaScript), keeping their HTML or text fallbacks."""
    keep = []
    for o in cell.get("outputs", []):
        data = o.get("data")
        if data is not None:
            for mime in ("application/vnd.jupyter.widget-view+json", "application/javascript",
                         "application/vnd.jupyter.widget-state+json"):
                data.pop(mime, None)
            if not data:
                continue
        keep.append(o)
    cell["outputs"] = keep


_IMG_SRC_RE = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")', re.IGNORECASE)


def _inline_local_images(html: str, base_dirs: list[Path]) -> str:
    """Replace ``<img src="relative/path.png">`` by a ``data:`` URI when the
    file exists under one of ``base_dirs``, so the page needs no other file."""
    import base64
    import mimetypes

    def repl(m):
        src = m.group(2)
        if src.startswith(("data:", "#")) or re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE):
            return m.group(0)
        for base in base_dirs:
            f = (base / src).resolve()
            if f.is_file():
                mime = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
                b64 = base64.b64encode(f.read_bytes()).decode("ascii")
                return f"{m.group(1)}data:{mime};base64,{b64}{m.group(3)}"
        return m.group(0)

    return _IMG_SRC_RE.sub(repl, html)


def build_html(executed: list[Path], out: Path, *, title: str = "Coverage report",
               corpus: str | Path | None = None) -> Path:
    """Join executed notebooks into one self-contained HTML page.

    The page opens offline: images are inlined as ``data:`` URIs and no script,
    font or stylesheet is fetched from anywhere (nbconvert's CDN links for
    require.js, MathJax and Mermaid are removed, so LaTeX in Markdown is shown
    as written).  It starts with a table of contents (each notebook and its
    ``##`` sections, with working anchors); code cells are hidden by default
    and a "Show code" button toggles them; the parameters cells are left out.
    """
    # kept whole: merge the notebooks, fix their anchors, export with the template, in that order
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    out = Path(out)
    merged = nbformat.v4.new_notebook()
    used: set = {"contents"}
    toc_items: list[str] = []
    cells = []
    for path in executed:
        nb = nbformat.read(path, as_version=4)
        stem = Path(path).stem
        nb_title = _notebook_title(nb, stem)
        anchor = f"nb-{_slug(stem)}"
        used.add(anchor)
        sections: list[tuple[int, str, str]] = []
        nb_cells = [nbformat.v4.new_markdown_cell(f'<div id="{anchor}" class="toc-anchor report-notebook-start"></div>')]
        for c in nb.cells:
            tags = c.metadata.get("tags", [])
            if "parameters" in tags or "injected-parameters" in tags:
                continue
            c = nbformat.from_dict(dict(c))
            if c.cell_type == "markdown":
                c.source = _anchor_headings(c.source, anchor, used, sections, first_level=1)
            elif c.cell_type == "code":
                _clean_outputs(c)
            nb_cells.append(c)
        nb_cells.append(nbformat.v4.new_markdown_cell(
            f'<p class="report-back"><a href="#contents">↑ Contents</a> · source: <code>notebooks/{stem}.py</code></p>'))
        cells += nb_cells
        sub = "".join(f'<li><a href="#{a}">{_html_escape(t)}</a></li>' for lvl, t, a in sections if lvl == 2)
        toc_items.append(
            f'<li><a href="#{anchor}">{_html_escape(nb_title)}</a>'
            + (f"<ol>{sub}</ol>" if sub else "") + "</li>"
        )
    meta = []
    if corpus is not None:
        meta.append(f"Corpus: <code>{_html_escape(_display_path(corpus))}</code>")
    from analysis import __version__

    meta.append(f"package version {__version__}")
    meta.append("made by <code>python -m analysis report</code>")
    head = (
        f"<h1>{_html_escape(title)}</h1>\n"
        f'<p class="report-meta">{" · ".join(meta)}. Code cells are hidden; use <em>Show code</em> '
        "at the top right to see the Python behind every table and figure.</p>\n"
        '<nav class="report-toc" id="contents" aria-label="Contents"><h2>Contents</h2>'
        f'<ol>{"".join(toc_items)}</ol></nav>'
    )
    merged.cells = [nbformat.v4.new_markdown_cell(head)] + cells
    for k, c in enumerate(merged.cells):  # unique cell ids across the joined notebooks
        c["id"] = f"cell-{k}"
    merged.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    merged.metadata["language_info"] = {"name": "python"}
    exporter = HTMLExporter(
        template_name="lab",
        template_file="coverage_report.html.j2",
        extra_loaders=[DictLoader({"coverage_report.html.j2": _TEMPLATE})],
    )
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = ""
    body, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": title}})
    body = _inline_local_images(body, [NOTEBOOKS_DIR, ROOT, out.parent])
    out.write_text(body, encoding="utf-8")
    return out


def _html_escape(text: str) -> str:
    import html

    return html.escape(str(text), quote=True)


def _display_path(p: str | Path) -> str:
    """A corpus path as shown in the report: relative to the repository when inside it."""
    try:
        return Path(p).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(p)


def add_cli_arguments(p: argparse.ArgumentParser) -> None:
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
