"""analysis.presentation.figures.draw does not redraw a figure whose inputs and files are unchanged."""
from __future__ import annotations

import hashlib

import pandas as pd

from analysis.presentation import figures


def _plot(calls):
    def bars(table, *, title=""):
        calls.append(1)
        fig, ax = figures.new_figure()
        ax.bar(table["x"], table["y"])
        ax.set_title(title)
        return fig, table
    return bars


def _bytes(saved):
    return {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in saved.items()}


def test_draw_reuses_unchanged_figures(tmp_path):
    calls = []
    plot = _plot(calls)
    table = pd.DataFrame({"x": ["a", "b"], "y": [1.0, 2.0]})
    figures.set_provenance(notebook="t", parameters={"corpus": "c"})
    first = figures.draw("cached_bars", plot, table, title="T", caption="c", outdir=tmp_path)
    again = figures.draw("cached_bars", plot, table.copy(), title="T", caption="c", outdir=tmp_path)
    assert len(calls) == 1 and _bytes(again) == _bytes(first) and set(again) == set(first)
    figures.draw("cached_bars", plot, table.assign(y=[1.0, 3.0]), title="T", caption="c", outdir=tmp_path)
    assert len(calls) == 2  # other data: drawn
    figures.draw("cached_bars", plot, table.assign(y=[1.0, 3.0]), title="U", caption="c", outdir=tmp_path)
    assert len(calls) == 3  # other option: drawn
    (tmp_path / "cached_bars.png").write_bytes(b"edited")
    redrawn = figures.draw("cached_bars", plot, table.assign(y=[1.0, 3.0]), title="U", caption="c", outdir=tmp_path)
    assert len(calls) == 4 and (tmp_path / "cached_bars.png").read_bytes() != b"edited"
    figures.set_provenance(notebook="other", parameters={"corpus": "c"})
    figures.draw("cached_bars", plot, table.assign(y=[1.0, 3.0]), title="U", caption="c", outdir=tmp_path)
    assert len(calls) == 5  # other provenance: drawn (the JSON records it)
    assert _bytes(redrawn)["png"] == hashlib.sha256((tmp_path / "cached_bars.png").read_bytes()).hexdigest()


def test_unhashable_arguments_are_always_drawn(tmp_path):
    calls = []
    plot = _plot(calls)
    table = pd.DataFrame({"x": ["a", "b"], "y": [1.0, 2.0]})
    for _ in range(2):  # an argument the key cannot hash: drawn each time
        figures.draw("uncached_bars", lambda t, o: plot(t), table, object(), caption="c", outdir=tmp_path)
    assert len(calls) == 2
