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
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))  # headless by default
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis.core.resources import data_path  # noqa: E402
from analysis.actors.sides import SIDE_ORDER, set_side_order  # noqa: E402,F401  (SIDE_ORDER re-exported: the figures show it)

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
    "use_sides",
    "side_order",
    "set_provenance",
    "write_figure_index",
    "SavedFigure",
]

SINGLE_COLUMN = 3.5
DOUBLE_COLUMN = 7.2
STYLE_PATH = data_path("house.mplstyle")
# The sides in use (analysis.actors.sides.SIDE_ORDER, the same list) and their
# colours.  The defaults are the seed story's (its codebook's sides);
# :func:`use_sides` replaces them, in place, with the sides of the file or
# codebook a corpus is measured with.
# Okabe-Ito colours, given to the sides in their order (other and unknown greys)
SIDE_PALETTE = ["#D55E00", "#009E73", "#0072B2", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
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


def use_sides(sides) -> list[str]:
    """Make the figures show the sides in use: ``sides`` is a
    :class:`analysis.actors.sides.Sides` (or a list of side names), in display
    order.  Colours go to the sides in that order from :data:`SIDE_PALETTE`
    (the seed's Canada, China, United States keep vermillion, green, blue);
    ``other`` is grey, ``unknown`` light grey.  Updates :data:`SIDE_ORDER` and
    :data:`SIDE_COLORS` in place; returns the order."""
    names = [str(s) for s in getattr(sides, "names", sides) if str(s) not in ("other", "unknown")]
    if len(names) > len(SIDE_PALETTE):
        raise ValueError(f"at most {len(SIDE_PALETTE)} sides can be told apart by colour, not {len(names)}")
    set_side_order(names)
    SIDE_COLORS.clear()
    SIDE_COLORS.update(zip(names, SIDE_PALETTE))
    SIDE_COLORS.update({"other": "#999999", "unknown": "#CCCCCC"})
    return list(SIDE_ORDER)


def side_order(*extra: str) -> list[str]:
    """The sides in use (:data:`SIDE_ORDER`) followed by ``extra``."""
    return [*SIDE_ORDER, *extra]


def side_color(side: str | None) -> str:
    """The colour of a side in use (:func:`use_sides`); unknown or missing
    sides are light grey."""
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
    from analysis.core.corpus import corpus_hash

    _PROVENANCE.clear()
    _PROVENANCE["package_version"] = __version__
    if notebook:
        _PROVENANCE["notebook"] = notebook
    if parameters is not None:
        # where the output went is not how it was made: output folders are left
        # out, and paths inside the repository are stored relative to it, so the
        # JSON is the same in every checkout and every output folder
        _PROVENANCE["parameters"] = {
            k: _jsonable(v) for k, v in parameters.items() if k not in _OUTPUT_PARAMETERS
        }
    if corpus is not None:
        _PROVENANCE["corpus_hash"] = corpus if isinstance(corpus, str) else corpus_hash(corpus)
        if isinstance(corpus, pd.DataFrame):
            _PROVENANCE["corpus_articles"] = int(len(corpus))
    _PROVENANCE.update({k: _jsonable(v) for k, v in extra.items()})


_OUTPUT_PARAMETERS = frozenset({"figures_dir", "reports_dir", "outdir", "output_dir"})
_REPO_ROOT = Path(__file__).resolve().parents[2]


def _repo_relative(v: str | Path) -> str:
    """``v`` as a POSIX path relative to the repository when it is an absolute
    path inside it (``/home/x/repo/seeds`` -> ``seeds``), else unchanged."""
    s = v.as_posix() if isinstance(v, Path) else v
    if not os.path.isabs(s):
        return s
    try:
        return Path(s).resolve().relative_to(_REPO_ROOT).as_posix() or "."
    except (ValueError, OSError):
        return s


def _jsonable(v: Any) -> Any:
    if isinstance(v, str):
        return _repo_relative(v)
    if isinstance(v, (int, float, bool)) or v is None:
        return v
    if isinstance(v, Path):
        return _repo_relative(v)
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
    PDF without creation date, SVG with a fixed hash salt and no date.

    Returns a :class:`SavedFigure` (a dict ``format -> Path``).  Inside a
    Jupyter kernel the saved PNG is also displayed with its caption (this is
    what the HTML report shows) and ``fig`` is closed."""
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
    saved = SavedFigure(paths, name=name, caption=caption, width_in=float(fig.get_size_inches()[0]))
    if _in_notebook_kernel():
        _show(saved)
        plt.close(fig)  # so that the inline backend does not show it a second time
    return saved


def _show(saved: "SavedFigure") -> None:
    """In a Jupyter kernel, show the published PNG with its caption (the report's HTML is built from these outputs)."""
    if _in_notebook_kernel():
        from IPython.display import HTML, display

        display(HTML(saved.html()))


class NothingToDraw(ValueError):
    """A plot function was given data with nothing it can draw (no quotes, no
    pair of actors in one paragraph, one outlet with one article ...).  The
    message is one sentence a reader of the report can take as the section's
    explanation."""


def require_rows(table: pd.DataFrame, reason: str) -> None:
    """Raise :class:`NothingToDraw` with ``reason`` when ``table`` has no rows."""
    if table is None or len(table) == 0:
        raise NothingToDraw(reason)


def draw(name: str, plot, *args, caption: str = "", outdir: str | Path | None = None, **kwargs):
    """Call ``plot(*args, **kwargs)`` (a function of :mod:`analysis.presentation.plots`
    returning ``(fig, data)``) and :func:`save_figure` the result as ``name``.

    When the plot function finds nothing to draw it raises
    :class:`NothingToDraw`; ``draw`` then prints that one-sentence reason
    instead of a figure (so the report explains the gap) and returns
    ``None``.  Any other error is raised as usual.

    A figure whose inputs (the arguments, caption, provenance, sides in use,
    plotting code and Matplotlib version: :func:`_figure_key`) are those of
    the files already in ``outdir``, unchanged since, is not drawn again
    (the key lives in ``<outdir>/.cache/``): a warm report redraws nothing."""
    out = Path(outdir) if outdir is not None else _default_outdir()
    key = _figure_key(name, plot, args, kwargs, caption)
    saved = _saved_figure(out, name, key, caption) if key else None
    if saved is not None:
        _show(saved)
        return saved
    try:
        fig, data = plot(*args, **kwargs)
    except NothingToDraw as reason:
        print(f"No figure '{name}': {reason}")
        return None
    saved = save_figure(fig, name, data, caption=caption, outdir=out)
    if key:
        _remember_figure(out, saved, key)
    return saved


FIGURE_CACHE_DIR = ".cache"  # in the figures folder: the key of each figure drawn there (git-ignored)


@functools.cache
def _plotting_code() -> str:
    """SHA-256 of the plotting code and style: ``analysis/plots/*.py``, this module, the house style."""
    h = hashlib.sha256()
    for path in [*sorted((Path(__file__).parent / "plots").glob("*.py")), Path(__file__), STYLE_PATH]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _digest(value: Any, h) -> None:
    """Feed ``value`` into the hash ``h``; TypeError for a value it cannot hash faithfully."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        frame = value.to_frame() if isinstance(value, pd.Series) else value
        h.update(repr((type(value).__name__, list(frame.columns), [str(t) for t in frame.dtypes],
                       getattr(value, "name", None), frame.shape)).encode())
        h.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    elif isinstance(value, (str, int, float, bool, type(None))):
        h.update(repr((type(value).__name__, value)).encode())
    elif isinstance(value, (list, tuple)):
        h.update(f"{type(value).__name__}[{len(value)}]".encode())
        for v in value:
            _digest(v, h)
    elif isinstance(value, dict):
        h.update(f"dict[{len(value)}]".encode())
        for k, v in value.items():
            _digest(k, h)
            _digest(v, h)
    else:
        raise TypeError(f"cannot key a figure on a {type(value).__name__}")


def _figure_key(name: str, plot, args: tuple, kwargs: dict, caption: str) -> str | None:
    """What a figure is drawn from, hashed; None when an argument cannot be hashed (always drawn)."""
    h = hashlib.sha256()
    try:
        _digest([name, caption, f"{plot.__module__}.{plot.__qualname__}", matplotlib.__version__,
                 _plotting_code(), json.dumps(_PROVENANCE, sort_keys=True, default=str),
                 list(SIDE_ORDER), dict(SIDE_COLORS), list(args), dict(sorted(kwargs.items()))], h)
    except (TypeError, ValueError, AttributeError):
        return None
    return h.hexdigest()


def _file_sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _saved_figure(out: Path, name: str, key: str, caption: str) -> "SavedFigure | None":
    """The figure ``name`` already in ``out`` when it was drawn from ``key`` and its files are unchanged."""
    try:
        memo = json.loads((out / FIGURE_CACHE_DIR / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if memo.get("key") != key or not memo.get("files"):
        return None
    paths = {fmt: out / f for fmt, f in memo["files"].items()}
    if any(_file_sha(p) != memo["sha256"].get(p.name) for p in paths.values()):
        return None
    return SavedFigure(paths, name=name, caption=caption, width_in=float(memo["width_in"]))


def _remember_figure(out: Path, saved: "SavedFigure", key: str) -> None:
    folder = out / FIGURE_CACHE_DIR
    folder.mkdir(exist_ok=True)
    memo = {"key": key, "files": {fmt: Path(p).name for fmt, p in saved.items()}, "width_in": saved.width_in,
            "sha256": {Path(p).name: _file_sha(Path(p)) for p in saved.values()}}
    tmp = folder / f".{saved.name}.json.tmp"
    tmp.write_text(json.dumps(memo, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(folder / f"{saved.name}.json")


class SavedFigure(dict):
    """What :func:`save_figure` wrote: a dict ``format -> Path`` (``png``,
    ``svg``, ``pdf``, ``csv``, ``json``) that also knows the figure's ``name``,
    ``caption`` and width in inches.

    In a notebook, :func:`save_figure` has already displayed the saved PNG with
    its caption, so this object displays nothing itself; :meth:`html` gives
    that ``<figure>`` block again."""

    def __init__(self, paths: dict, *, name: str, caption: str, width_in: float):
        super().__init__(paths)
        self.name, self.caption, self.width_in = name, caption, width_in

    def html(self) -> str:
        """A ``<figure>`` with the PNG inlined (base64) at 1.25 times its print
        width (96 CSS px per inch, so 7-point labels stay legible on screen;
        never wider than the page) and the caption."""
        import base64
        import html as _html

        px = round(self.width_in * 96 * 1.25)
        img = ""
        if "png" in self:
            b64 = base64.b64encode(Path(self["png"]).read_bytes()).decode("ascii")
            alt = _html.escape(self.caption or self.name, quote=True)
            img = (f'<img src="data:image/png;base64,{b64}" alt="{alt}" width="{px}" '
                   f'style="max-width:100%;height:auto;display:block">')
        cap = _html.escape(self.caption) if self.caption else "(no caption)"
        return (
            f'<figure class="analysis-figure" id="figure-{_html.escape(self.name, quote=True)}" '
            f'style="margin:0.8em 0 1.2em 0">{img}'
            f'<figcaption style="font-size:0.92em;line-height:1.4;color:#333;margin-top:0.4em;'
            f'max-width:{max(px, 640)}px">'
            f'<strong>{_html.escape(self.name)}</strong>: {cap}</figcaption></figure>'
        )

    def _ipython_display_(self) -> None:  # already shown by save_figure
        return None


def _in_notebook_kernel() -> bool:
    """True inside a Jupyter kernel (not in plain Python, pytest or IPython's terminal)."""
    import sys

    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def write_figure_index(outdir: str | Path | None = None) -> Path:
    """Write ``<outdir>/index.md``: every figure with a thumbnail, its caption,
    source notebook and files, from the provenance JSON files.

    Figures are grouped by notebook (in reading order, ``00_`` first) and
    sorted by name inside a notebook; the page is the same bytes for the same
    figures."""
    out = Path(outdir) if outdir is not None else _default_outdir()
    entries: dict[str, list[dict]] = {}
    for p in sorted(out.glob("*.json")):
        try:
            prov = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        if not isinstance(prov, dict) or "figure" not in prov:
            continue
        entries.setdefault(str(prov.get("notebook") or "(no notebook)"), []).append(prov)
    n = sum(len(v) for v in entries.values())
    lines = [
        "# Figure index",
        "",
        f"{n} figure{'s' if n != 1 else ''} made by `python -m analysis report`, grouped by the notebook "
        "that makes them (`notebooks/<notebook>.py`). Each figure is saved as PNG (300 dpi), "
        "SVG and PDF (fonts embedded as TrueType), with a CSV of exactly the plotted data "
        "and a JSON of provenance (caption, notebook, parameters, corpus hash, package version). "
        "Click a thumbnail for the full-size PNG.",
        "",
    ]
    if entries:
        lines += ["Notebooks: " + " · ".join(f"[{nb}](#{_md_anchor(nb)})" for nb in sorted(entries)), ""]
    for nb in sorted(entries):
        lines += [f"## {nb}", ""]
        for prov in sorted(entries[nb], key=lambda d: d["figure"]):
            name = prov["figure"]
            files = sorted(set(prov.get("files", [])) | {f"{name}.json"},
                           key=lambda f: _FORMAT_ORDER.get(Path(f).suffix, 9))
            links = " · ".join(f"[{Path(f).suffix[1:].upper()}]({f})" for f in files)
            corpus = prov.get("corpus_hash")
            lines += [
                f"### {name}",
                "",
                f'[<img src="{name}.png" width="360" alt="{name}">]({name}.png)',
                "",
                " ".join(str(prov.get("caption") or "(no caption)").split()),
                "",
                f"Source notebook: `{nb}` · files: {links}"
                + (f" · corpus hash `{corpus}`" if corpus else ""),
                "",
            ]
    path = out / "index.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


_FORMAT_ORDER = {".png": 0, ".svg": 1, ".pdf": 2, ".csv": 3, ".json": 4}


def _md_anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading (lower case, spaces to dashes,
    punctuation other than ``-`` and ``_`` dropped)."""
    import re

    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
