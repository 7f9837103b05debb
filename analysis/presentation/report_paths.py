"""Where the report reads and writes: the repository's folders, the
notebooks in reading order, and the output folders of a report on a corpus.

On the seeds the report writes the committed ``figures/`` and ``reports/``
of the repository; on any other corpus a folder of its own,
``out/<corpus name>/``, or ``--out DIR`` (:func:`output_folders`).
"""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["ROOT", "NOTEBOOKS_DIR", "SEEDS_DIR", "FIGURES_DIR", "REPORTS_DIR", "TABLES_SUBDIR", "notebook_sources",
           "is_seed_corpus", "corpus_name", "output_folders", "display_path"]

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = ROOT / "notebooks"
SEEDS_DIR = ROOT / "seeds"
FIGURES_DIR = ROOT / "figures"
REPORTS_DIR = ROOT / "reports"
TABLES_SUBDIR = "tables"  # in the reports folder: the tables every notebook reads (analysis.measure)


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


def display_path(p: str | Path) -> str:
    """A corpus path as shown in the report: relative to the repository when inside it."""
    try:
        return Path(p).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(p)
