"""Byte-for-byte reproducible figures, and publication checks of the figures
committed in ``figures/``.

* two runs of the report on the seeds, into two temporary folders, write the
  same bytes for every figure file (PNG, SVG, PDF, CSV, JSON, ``index.md``);
* the files in ``figures/`` are exactly what the report writes from the seeds:
  none missing, none stale, none different (regenerate with
  ``python -m analysis report``);
* every committed PDF embeds its fonts as TrueType (Type 42, ``/FontFile2``)
  and none as Type 3; every PNG is 300 dpi at a journal column width
  (single 3.5 in = 1050 px, double 7.2 in = 2160 px); every figure has its
  five files and a caption.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from ._report_runs import seed_report
from .conftest import ROOT

COMMITTED = ROOT / "figures"
REGENERATE = "regenerate them from the seeds with `.venv/bin/python -m analysis report`"


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(folder).iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def run_a(tmp_path_factory):
    return seed_report(tmp_path_factory, "a")


@pytest.fixture(scope="module")
def run_b(tmp_path_factory):
    return seed_report(tmp_path_factory, "b")


@pytest.mark.slow
def test_two_runs_write_identical_bytes(run_a, run_b):
    a, b = _digests(run_a["figures_dir"]), _digests(run_b["figures_dir"])
    assert a, "the report wrote no figures"
    assert sorted(a) == sorted(b)
    differ = sorted(name for name in a if a[name] != b[name])
    assert not differ, f"these files differ between two runs of the report: {differ}"


def _needs_shared(folder: Path) -> set[str]:
    """Files of the figures that notebook 90 makes from ../shared/benchmarks."""
    out = set()
    for p in Path(folder).glob("*.json"):
        try:
            prov = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        if prov.get("notebook") == "90_validation":
            out |= {f"{prov['figure']}.{ext}" for ext in ("png", "svg", "pdf", "csv", "json")}
    return out


@pytest.mark.slow
def test_committed_figures_are_what_the_report_makes(run_a):
    made, committed = _digests(run_a["figures_dir"]), _digests(COMMITTED)
    from analysis.evaluation import shared_dir

    if not (shared_dir() / "benchmarks").is_dir():
        # the validation figures need ../shared: compare everything else (index.md lists them too)
        skip = _needs_shared(COMMITTED) | {"index.md"}
        made = {k: v for k, v in made.items() if k not in skip}
        committed = {k: v for k, v in committed.items() if k not in skip}
    missing = sorted(set(made) - set(committed))
    stale = sorted(set(committed) - set(made))
    differ = sorted(n for n in set(made) & set(committed) if made[n] != committed[n])
    assert not missing, f"figures/ lacks files the report makes: {missing}; {REGENERATE}"
    assert not stale, f"figures/ has files the report no longer makes: {stale}; delete them and {REGENERATE}"
    assert not differ, f"figures/ files differ from what the report makes: {differ}; {REGENERATE}"


def test_provenance_is_portable(run_a):
    """No absolute path of this checkout or of the output folder leaks into the
    provenance, so another checkout produces the same JSON."""
    for p in sorted(Path(run_a["figures_dir"]).glob("*.json")):
        text = p.read_text(encoding="utf-8")
        assert str(ROOT) not in text, f"{p.name} holds the checkout path {ROOT}"
        assert str(run_a["figures_dir"]) not in text, f"{p.name} holds the output folder"
        prov = json.loads(text)
        if "corpus" in prov.get("parameters", {}):  # notebook 90 does not read the corpus
            assert prov["parameters"]["corpus"] == "seeds", p.name


def test_repo_paths_stored_relative(tmp_path):
    from analysis.presentation.figures import _PROVENANCE, set_provenance

    set_provenance(notebook="nb", parameters={"corpus": str(ROOT / "seeds"), "figures_dir": str(tmp_path),
                                              "other": "/elsewhere/corpus.jsonl", "n": 3})
    assert _PROVENANCE["parameters"] == {"corpus": "seeds", "other": "/elsewhere/corpus.jsonl", "n": 3}


# ---------------------------------------------------------------------------
# publication checks of the committed files

PNGS = sorted(COMMITTED.glob("*.png"))
PDFS = sorted(COMMITTED.glob("*.pdf"))
SINGLE_PX, DOUBLE_PX = round(3.5 * 300), round(7.2 * 300)


def test_there_are_committed_figures():
    assert PNGS and PDFS, f"figures/ is empty; {REGENERATE}"


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_pdf_fonts_are_embedded_truetype(pdf):
    raw = pdf.read_bytes()
    assert b"/Type3" not in raw.replace(b" ", b""), f"{pdf.name} has Type 3 fonts (set pdf.fonttype 42)"
    fonts = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-_]+)", raw)
    if fonts:  # a figure with text
        assert b"/FontFile2" in raw, f"{pdf.name}: fonts are not embedded as TrueType"
        names = {f.decode().split("+")[-1] for f in fonts}
        assert all(n.startswith("DejaVuSans") for n in names), f"{pdf.name} uses fonts other than the house font: {names}"
    assert b"/CreationDate" not in raw, f"{pdf.name} carries a creation date"


@pytest.mark.parametrize("png", PNGS, ids=lambda p: p.name)
def test_png_300_dpi_at_column_width(png):
    from PIL import Image

    with Image.open(png) as im:
        dpi = im.info.get("dpi")
        assert dpi and round(dpi[0]) == 300 and round(dpi[1]) == 300, f"{png.name}: {dpi} dpi"
        width, height = im.size
    assert min(abs(width - SINGLE_PX), abs(width - DOUBLE_PX)) <= 2, (
        f"{png.name} is {width / 300:.2f} in wide: use new_figure('single') (3.5 in) or new_figure('double') (7.2 in)"
    )
    assert height <= 9.0 * 300, f"{png.name} is taller than a page ({height / 300:.1f} in)"


@pytest.mark.parametrize("png", PNGS, ids=lambda p: p.stem)
def test_every_figure_has_its_files_and_caption(png):
    name = png.stem
    for ext in ("svg", "pdf", "csv", "json"):
        assert (COMMITTED / f"{name}.{ext}").exists(), f"{name}.{ext} missing"
    prov = json.loads((COMMITTED / f"{name}.json").read_text(encoding="utf-8"))
    assert prov["figure"] == name and prov.get("caption"), f"{name} has no caption"
    assert re.fullmatch(r"\d\d_\w+", prov.get("notebook", "")), f"{name}: no source notebook in provenance"
    assert f"### {name}" in (COMMITTED / "index.md").read_text(encoding="utf-8"), f"{name} is not in figures/index.md"


def test_readme_gallery_shows_every_committed_figure():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r'<img src="figures/([^"]+\.png)"', text))
    assert shown, "the README has no gallery"
    missing_files = sorted(s for s in shown if not (COMMITTED / s).exists())
    assert not missing_files, f"README shows figures that figures/ lacks: {missing_files}"
    not_shown = sorted(p.name for p in PNGS if p.name not in shown)
    assert not not_shown, f"figures/ has figures the README gallery does not show: {not_shown}"
