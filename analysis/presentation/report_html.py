"""The report's one HTML page: executed notebooks joined, with contents.

:func:`build_html` joins the executed notebooks into one self-contained page
that opens offline: images inlined as ``data:`` URIs, no script, font or
stylesheet fetched from anywhere (the page template below drops nbconvert's
CDN links), a table of contents with working anchors, code cells hidden
behind a "Show code" button.
"""
from __future__ import annotations

import re
from pathlib import Path

from analysis.presentation.report_paths import NOTEBOOKS_DIR, ROOT, display_path

__all__ = ["build_html"]


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
    """An anchor name for a heading: lower case, runs of other characters as ``-``."""
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
    """The notebook's first ``#`` heading, else ``default``."""
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
    import nbformat

    out = Path(out)
    used: set = {"contents"}
    toc_items: list[str] = []
    cells = []
    for path in executed:
        nb_cells, toc_item = _notebook_part(path, used)
        cells += nb_cells
        toc_items.append(toc_item)
    merged = nbformat.v4.new_notebook()
    merged.cells = [nbformat.v4.new_markdown_cell(_page_head(title, corpus, toc_items))] + cells
    for k, c in enumerate(merged.cells):  # unique cell ids across the joined notebooks
        c["id"] = f"cell-{k}"
    merged.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    merged.metadata["language_info"] = {"name": "python"}
    body = _inline_local_images(_export_html(merged, title), [NOTEBOOKS_DIR, ROOT, out.parent])
    out.write_text(body, encoding="utf-8")
    return out


def _notebook_part(path: Path, used: set) -> tuple[list, str]:
    """``(cells, contents item)`` of one executed notebook on the page: an
    anchor, its cells (parameters cells left out, headings anchored, outputs a
    static page cannot show dropped) and a back link; the contents item links
    the notebook and its ``##`` sections.  Anchors taken are added to ``used``."""
    import nbformat

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
    sub = "".join(f'<li><a href="#{a}">{_html_escape(t)}</a></li>' for lvl, t, a in sections if lvl == 2)
    toc_item = (
        f'<li><a href="#{anchor}">{_html_escape(nb_title)}</a>'
        + (f"<ol>{sub}</ol>" if sub else "") + "</li>"
    )
    return nb_cells, toc_item


def _page_head(title: str, corpus: str | Path | None, toc_items: list[str]) -> str:
    """The page's title, what made it (corpus, package version, command) and
    its table of contents, as HTML for the first Markdown cell."""
    meta = []
    if corpus is not None:
        meta.append(f"Corpus: <code>{_html_escape(display_path(corpus))}</code>")
    from analysis import __version__

    meta.append(f"package version {__version__}")
    meta.append("made by <code>python -m analysis report</code>")
    return (
        f"<h1>{_html_escape(title)}</h1>\n"
        f'<p class="report-meta">{" · ".join(meta)}. Code cells are hidden; use <em>Show code</em> '
        "at the top right to see the Python behind every table and figure.</p>\n"
        '<nav class="report-toc" id="contents" aria-label="Contents"><h2>Contents</h2>'
        f'<ol>{"".join(toc_items)}</ol></nav>'
    )


def _export_html(merged, title: str) -> str:
    """The joined notebook as HTML through nbconvert's JupyterLab template
    and the page template above (no prompts, no anchor link text)."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        template_file="coverage_report.html.j2",
        extra_loaders=[DictLoader({"coverage_report.html.j2": _TEMPLATE})],
    )
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = ""
    body, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": title}})
    return body


def _html_escape(text: str) -> str:
    import html

    return html.escape(str(text), quote=True)

