"""analysis.presentation.figures: house style, side colours and reproducible files."""
from __future__ import annotations

import hashlib
import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.presentation.figures import (
    SIDE_COLORS,
    SIDE_ORDER,
    new_figure,
    save_figure,
    set_provenance,
    side_color,
    write_figure_index,
)


def _draw():
    fig, ax = new_figure("single")
    data = pd.DataFrame({"side": SIDE_ORDER, "quotes": [5, 3, 2, 1]})
    ax.barh(data["side"], data["quotes"], color=[side_color(s) for s in data["side"]])
    ax.set_xlabel("Quotes")
    return fig, data


def _digests(paths):
    return {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in paths.items()}


def test_save_figure_writes_all_files_byte_identical(tmp_path):
    set_provenance(notebook="test", parameters={"corpus": "seeds"}, corpus="abc123")
    fig, data = _draw()
    first = _digests(save_figure(fig, "demo", data, outdir=tmp_path / "a", caption="A demo."))
    plt.close(fig)
    fig, data = _draw()  # a fresh figure, drawn again
    second = _digests(save_figure(fig, "demo", data, outdir=tmp_path / "b", caption="A demo."))
    plt.close(fig)
    assert set(first) == {"png", "svg", "pdf", "csv", "json"}
    assert first == second


def test_provenance_and_csv(tmp_path):
    set_provenance(notebook="nb", parameters={"corpus": "seeds", "n": 3}, corpus="hash1")
    fig, data = _draw()
    paths = save_figure(fig, "prov", data, outdir=tmp_path, caption="Caption text.")
    plt.close(fig)
    prov = json.loads(paths["json"].read_text())
    assert prov["notebook"] == "nb" and prov["corpus_hash"] == "hash1"
    assert prov["parameters"] == {"corpus": "seeds", "n": 3}
    assert prov["caption"] == "Caption text." and prov["package_version"]
    assert pd.read_csv(paths["csv"]).equals(data)
    assert "CreationDate" not in paths["pdf"].read_bytes().decode("latin-1")
    assert b"/FontFile2" in paths["pdf"].read_bytes()  # TrueType (Type 42) embedded
    index = write_figure_index(tmp_path).read_text()
    assert "## prov" in index and "Caption text." in index and "`nb`" in index


def test_png_is_300_dpi(tmp_path):
    from PIL import Image

    fig, data = _draw()
    paths = save_figure(fig, "dpi", data, outdir=tmp_path)
    plt.close(fig)
    with Image.open(paths["png"]) as im:
        assert round(im.info["dpi"][0]) == 300
        assert im.size[0] == pytest.approx(3.5 * 300, abs=2)


def test_side_colours_fixed_and_distinct():
    assert [side_color(s) for s in SIDE_ORDER] == [SIDE_COLORS[s] for s in SIDE_ORDER]
    assert len({side_color(s) for s in SIDE_ORDER}) == 4
    assert side_color(None) == SIDE_COLORS["unknown"]
    assert side_color("Narnia") == SIDE_COLORS["other"]


def test_bad_name_and_width(tmp_path):
    fig, data = _draw()
    with pytest.raises(ValueError):
        save_figure(fig, "a/b", data, outdir=tmp_path)
    plt.close(fig)
    with pytest.raises(ValueError, match="single"):
        new_figure("triple")


def test_style_needs_no_latex():
    from analysis.presentation.figures import STYLE_PATH

    text = STYLE_PATH.read_text()
    assert "usetex" not in text.replace("# No LaTeX (text.usetex stays False)", "")
