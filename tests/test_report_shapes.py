"""The report on a corpus other than the seeds: it goes into a folder of its
own (``out/<corpus name>/`` under the working folder by default), never into
the committed ``figures/``, and completes on a small corpus that holds several
shapes at once (``tests/data/shapes_corpus.jsonl``: two outlets, one outlet
with two articles, articles without date or outlet, one article without
quotes or names), every section drawn or explained in one sentence.

The run covers the corpus notebooks 00-50; notebook 90 (agreement with human
annotation) reads only ``../shared/benchmarks`` and is the same for every
corpus, so the seed runs cover it."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.presentation.report import FIGURES_DIR, REPORTS_DIR, SEEDS_DIR, corpus_name, output_folders

from .conftest import ROOT

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "shapes_corpus.jsonl"
CORPUS_NOTEBOOKS = ["00", "10", "20", "30", "40", "50"]


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_output_folders_by_corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert output_folders(SEEDS_DIR) == (FIGURES_DIR.resolve(), REPORTS_DIR.resolve())
    assert output_folders(SHAPES_FILE) == (tmp_path / "out" / "shapes_corpus" / "figures",
                                           tmp_path / "out" / "shapes_corpus")
    assert output_folders(SEEDS_DIR, out="mine") == (tmp_path / "mine" / "figures", tmp_path / "mine")
    assert output_folders(SHAPES_FILE, out="x", figures_dir="f") == (tmp_path / "f", tmp_path / "x")
    folder = tmp_path / "My Corpus (2024)"
    folder.mkdir()
    assert corpus_name(folder) == "My_Corpus_2024"


@pytest.fixture(scope="module")
def shapes_report(tmp_path_factory) -> dict:
    """``python -m analysis report CORPUS`` run from an empty working folder."""
    work = tmp_path_factory.mktemp("shapes-report")
    before = _digests(ROOT / "figures")
    only = [arg for n in CORPUS_NOTEBOOKS for arg in ("--only", n)]
    run = subprocess.run([sys.executable, "-m", "analysis", "report", str(SHAPES_FILE), *only],
                         cwd=work, capture_output=True, text=True, timeout=1800)
    return {"run": run, "out": work / "out" / "shapes_corpus", "work": work,
            "committed_before": before, "committed_after": _digests(ROOT / "figures")}


@pytest.mark.slow
def test_report_on_other_corpus_writes_its_own_folder(shapes_report):
    run, out = shapes_report["run"], shapes_report["out"]
    assert run.returncode == 0, run.stderr[-3000:]
    assert shapes_report["committed_after"] == shapes_report["committed_before"], "figures/ was rewritten"
    assert sorted(p.name for p in shapes_report["work"].iterdir()) == ["out"]
    assert (out / "report.html").exists()
    assert sorted(p.stem for p in out.glob("*.ipynb")) == sorted(
        p.stem for p in (ROOT / "notebooks").glob("[0-5]0_*.py"))
    figures = {p.stem for p in (out / "figures").glob("*.png")}
    # drawn: the two-outlet views exist because the corpus has dates and outlets
    assert {"corpus_paragraph_lengths", "corpus_articles_over_time", "corpus_outlet_profile",
            "readability_grade_levels", "sentiment_tone_arc", "sourcing_share_of_voice"} <= figures
    # no codebook applies to this corpus: the actor figures count the discovered names
    # (Linda Okafor, James Whitfield, Maria Santos)
    assert {"actors_mentions_by_actor", "actors_dispersion"} <= figures
    # nothing to draw: without a sides file no actor has a side; no one is both quoted and a codebook actor
    assert not figures & {"actors_sides_by_outlet", "synthesis_heard_and_mentioned"}
    prov = json.loads((out / "figures" / "corpus_paragraph_lengths.json").read_text(encoding="utf-8"))
    assert prov["corpus_articles"] == 4


def _printed(notebook: Path) -> str:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return "".join("".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", [])
                   if o.get("output_type") == "stream")


@pytest.mark.slow
def test_every_missing_figure_is_explained(shapes_report):
    out = shapes_report["out"]
    assert shapes_report["run"].returncode == 0, shapes_report["run"].stderr[-3000:]
    actors = _printed(out / "30_actors.ipynb")
    assert "4 article(s) and no codebook: the counts below are of the 3 mentions of discovered names." in actors
    assert "No figure 'actors_sides_by_outlet': No mentioned actor has a side" in actors
    synthesis = _printed(out / "50_synthesis.ipynb")
    assert "No figure 'synthesis_heard_and_mentioned': No actor is both mentioned and quoted" in synthesis
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "No mentioned actor has a side, so outlets cannot be compared by side" in html
    for nb in out.glob("*.ipynb"):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            for o in cell.get("outputs", []):
                assert o.get("output_type") != "error", (nb.name, o)
                assert o.get("name") != "stderr" or "Warning" not in "".join(o.get("text", "")), (nb.name, o)


def test_validation_in_background_leaves_no_process_when_the_report_is_interrupted():
    """The report computes notebook 90's results in a second process while
    the other notebooks run; an interrupted report ends that process."""
    import psutil
    import pytest
    from pathlib import Path

    from analysis.evaluation import shared_dir
    from analysis.presentation import report

    if not (shared_dir() / "benchmarks").is_dir():
        pytest.skip("no ../shared/benchmarks here: nothing is started")
    me = psutil.Process()
    with pytest.raises(KeyboardInterrupt):
        with report.validation_in_background([Path("90_validation.py")]):
            started = [p for p in me.children() if "analysis.evaluation.warm" in " ".join(p.cmdline())]
            assert len(started) == 1
            raise KeyboardInterrupt
    assert not started[0].is_running() or started[0].status() == psutil.STATUS_ZOMBIE
    with report.validation_in_background([Path("10_readability.py")]) as ready:  # no notebook 90: nothing
        assert [p for p in me.children() if "analysis.evaluation.warm" in " ".join(p.cmdline())] == []
        assert ready() is None
