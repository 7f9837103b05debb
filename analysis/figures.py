"""Publication figures: the house style, side colours and :func:`save_figure`.

Every published figure is written as PNG (300 dpi), SVG and PDF (TrueType
fonts embedded, Type 42), together with a CSV of exactly the plotted data and
a JSON of provenance (caption, notebook, parameters, corpus hash, package
version).  Saving the same figure twice gives byte-identical files: no
timestamps, a fixed SVG hash salt, sorted JSON.

Sizes follow journal columns: :data:`SINGLE_COLUMN` (3.5 in) and
:data:`DOUBLE_COLUMN` (7.2 in) wide.  The palette is Okabe & Ito (2008),
distinguishable with the common colour-vision deficiencies; each side of the
story keeps one colour in every figure (:data:`SIDE_COLORS`).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))  # headless by default
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis.resources import data_path  # noqa: E402

__all__ = [
    "SIDE_COLORS",
    "SIDE_ORDER",
    "SINGLE_COLUMN",
    "DOUBLE_COLUMN",
    "STYLE_PATH",
    "use_house_style",
    "new_figure",
    "side_color",
    "save_figure",
    "set_provenance",
    "write_figure_index",
]

SINGLE_COLUMN = 3.5
DOUBLE_COLUMN = 7.2
STYLE_PATH = data_path("house.mplstyle")
SIDE_ORDER = ["Canada", "China", "United States", "other"]
SIDE_COLORS = {
    "Canada": "#D55E00",  # vermillion
    "China": "#009E73",  # bluish green
    "United States": "#0072B2",  # blue
    "other": "#999999",  # grey
    "unknown": "#CCCCCC",
}
NEUTRAL_COLOR = "#555555"

_PROVENANCE: dict[str, Any] = {}


def use_house_style() -> None:
    """Apply the house style to every figure made afterwards."""
    plt.style.use(str(STYLE_PATH))


@contextlib.contextmanager
def house_style():
    """Context manager form of :func:`use_house_style`."""
    with plt.style.context(str(STYLE_PATH)):
        yield


def side_color(side: str | None) -> str:
    """The fixed colour of a side (``Canada``, ``China``, ``United States``,
    ``other``); unknown or missing sides are light grey."""
    if side is None or (isinstance(side, float) and side != side):
        return SIDE_COLORS["unknown"]
    return SIDE_COLORS.get(str(side), SIDE_COLORS["other"])


def new_figure(width: str | float = "single", height: float | None = None, **kwargs):
    """A figure and axes at a journal column width, in the house style.

    ``width`` is ``"single"`` (3.5 in), ``"double"`` (7.2 in) or inches;
    ``height`` defaults to 0.72 of a single column's width (or 0.45 of a double).
    Extra keyword arguments go to :func:`matplotlib.pyplot.subplots`."""
    use_house_style()
    w = {"single": SINGLE_COLUMN, "double": DOUBLE_COLUMN}.get(width, width)
    if not isinstance(w, (int, float)):
        raise ValueError(f"width must be 'single', 'double' or inches, not {width!r}")
    h = height if height is not None else (w * 0.72 if w <= SINGLE_COLUMN else w * 0.45)
    return plt.subplots(figsize=(w, h), **kwargs)


def set_provenance(*, notebook: str | None = None, parameters: dict | None = None,
                   corpus: pd.DataFrame | str | None = None, **extra: Any) -> None:
    """Record where the next figures come from (written into each figure's JSON).

    ``corpus`` is the articles table (its content hash is stored) or a hash."""
    from analysis import __version__
    from analysis.corpus import corpus_hash

    _PROVENANCE.clear()
    _PROVENANCE["package_version"] = __version__
    if notebook:
        _PROVENANCE["notebook"] = notebook
    if parameters is not None:
        _PROVENANCE["parameters"] = {k: _jsonable(v) for k, v in parameters.items()}
    if corpus is not None:
        _PROVENANCE["corpus_hash"] = corpus if isinstance(corpus, str) else corpus_hash(corpus)
        if isinstance(corpus, pd.DataFrame):
            _PROVENANCE["corpus_articles"] = int(len(corpus))
    _PROVENANCE.update({k: _jsonable(v) for k, v in extra.items()})


def _jsonable(v: Any) -> Any:
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, Path):
        return v.as_posix()
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return str(v)


def _default_outdir() -> Path:
    env = os.environ.get("ANALYSIS_FIGURES_DIR")
    return Path(env) if env else Path.cwd() / "figures"


def save_figure(fig, name: str, data: pd.DataFrame | None = None, *, caption: str = "",
                outdir: str | Path | None = None, formats=("png", "svg", "pdf")) -> dict[str, Path]:
    """Write ``fig`` as ``<outdir>/<name>.{png,svg,pdf}``, ``data`` as
    ``<name>.csv`` and provenance as ``<name>.json``; return the paths.

    ``outdir`` defaults to ``$ANALYSIS_FIGURES_DIR`` or ``./figures``.  The
    output is byte-for-byte reproducible: PNG without software/date chunks,
    PDF without creation date, SVG with a fixed hash salt and no date."""
    if not name or any(c in name for c in "/\\ "):
        raise ValueError(f"figure name must be a plain file stem, got {name!r}")
    out = Path(outdir) if outdir is not None else _default_outdir()
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    meta = {
        "png": {"Software": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
        "svg": {"Date": None, "Creator": None},
    }
    with plt.rc_context({"svg.hashsalt": f"analysis-{name}", "pdf.fonttype": 42, "ps.fonttype": 42}):
        for fmt in formats:
            p = out / f"{name}.{fmt}"
            kw = {"dpi": 300} if fmt == "png" else {}
            fig.savefig(p, format=fmt, metadata=meta.get(fmt), **kw)
            paths[fmt] = p
    if data is not None:
        p = out / f"{name}.csv"
        data.to_csv(p, index=False, lineterminator="\n", float_format="%.6g")
        paths["csv"] = p
    prov = dict(_PROVENANCE)
    prov.update({"figure": name, "caption": caption, "files": sorted(f"{name}.{k}" for k in paths)})
    if data is not None:
        prov["data_sha256"] = hashlib.sha256(paths["csv"].read_bytes()).hexdigest()[:16]
    p = out / f"{name}.json"
    p.write_text(json.dumps(prov, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    paths["json"] = p
    return paths


def write_figure_index(outdir: str | Path | None = None) -> Path:
    """Write ``<outdir>/index.md``: every figure with its caption, source
    notebook and files, from the provenance JSON files, in name order."""
    out = Path(outdir) if outdir is not None else _default_outdir()
    lines = ["# Figure index", "", "Generated by `python -m analysis report`; one entry per figure.", ""]
    for p in sorted(out.glob("*.json")):
        try:
            prov = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        if "figure" not in prov:
            continue
        name = prov["figure"]
        lines += [
            f"## {name}",
            "",
            f"![{name}]({name}.png)",
            "",
            prov.get("caption") or "(no caption)",
            "",
            f"Source notebook: `{prov.get('notebook', 'n/a')}`; corpus hash `{prov.get('corpus_hash', 'n/a')}`; "
            f"files: {', '.join(prov.get('files', []))}.",
            "",
        ]
    path = out / "index.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
