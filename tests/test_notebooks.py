"""Notebooks: paired with jupytext, no outputs, one parameters cell; the
report runner executes them and stops with the notebook and cell named."""
from __future__ import annotations

import json
import subprocess
import sys

import jupytext
import nbformat
import pytest

from analysis.presentation.report import NotebookFailed, notebook_sources, run_report

from ._report_runs import seed_report

from .conftest import ROOT, SEEDS

SOURCES = notebook_sources(ROOT / "notebooks")


def test_there_are_notebooks_in_reading_order():
    names = [p.stem for p in SOURCES]
    assert names[0] == "00_corpus_overview"
    assert names == sorted(names)


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_paired_stripped_one_parameters_cell(src):
    ipynb = src.with_suffix(".ipynb")
    assert ipynb.exists(), f"{ipynb.name} missing: run `jupytext --to ipynb {src}`"
    nb = nbformat.read(ipynb, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.get("outputs"), f"{ipynb.name} is committed with outputs"
            assert cell.get("execution_count") is None
    from_py = jupytext.read(src)
    code = lambda n: [c.source.strip() for c in n.cells if c.cell_type == "code"]  # noqa: E731
    assert code(from_py) == code(nb), f"{ipynb.name} and {src.name} differ: re-sync with jupytext"
    tagged = [c for c in from_py.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged `parameters`"
    for name in ("corpus", "figures_dir", "reports_dir", "notebook_name"):
        assert f"{name} =" in tagged[0].source
    assert "sys.path" not in src.read_text()


def test_failing_notebook_names_notebook_and_cell(tmp_path):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    (nbdir / "00_ok.py").write_text(
        '# %% tags=["parameters"]\ncorpus = "seeds"\nfigures_dir = "f"\nreports_dir = "r"\n'
        'engine = "auto"\nnotebook_name = "00_ok"\n\n# %%\nx = 1\n'
    )
    (nbdir / "10_broken.py").write_text(
        '# %% tags=["parameters"]\ncorpus = "seeds"\nfigures_dir = "f"\nreports_dir = "r"\n'
        'engine = "auto"\nnotebook_name = "10_broken"\n\n# %%\ny = 2\n\n# %%\nraise ValueError("boom")\n'
    )
    with pytest.raises(NotebookFailed) as exc:
        run_report(SEEDS, notebooks_dir=nbdir, figures_dir=tmp_path / "fig", reports_dir=tmp_path / "rep",
                   progress=False, html=False)
    assert exc.value.notebook == "10_broken"
    assert "ValueError: boom" in str(exc.value)
    assert exc.value.cell is not None
    r = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEEDS), "--notebooks", str(nbdir),
         "--figures", str(tmp_path / "fig"), "--reports", str(tmp_path / "rep")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert r.returncode == 1
    assert "10_broken" in r.stderr and "boom" in r.stderr and "cell" in r.stderr


@pytest.mark.slow
def test_report_on_seeds_end_to_end(tmp_path_factory):
    summary = seed_report(tmp_path_factory, "a")
    assert [p.stem for p in summary["notebooks"]] == [p.stem for p in SOURCES]
    html = summary["html"].read_text(encoding="utf-8")
    assert "Corpus overview" in html and "data:image/png;base64" in html
    figures = summary["figures_dir"]
    assert (figures / "corpus_paragraph_lengths.png").exists()
    assert (figures / "index.md").exists()
    prov = json.loads((figures / "corpus_paragraph_lengths.json").read_text())
    assert prov["notebook"] == "00_corpus_overview" and prov["corpus_articles"] == 1
