"""The HTML report: one self-contained page that opens offline, with a table
of contents whose links work, code hidden behind a toggle, and every figure
loading in a real browser (headless Chromium) without console errors.

The browser tests need Chromium on PATH; they never install it (a test
suite must not change the machine it runs on).  ``.ci/run`` provisions it
before the suite; run by hand without a browser, they skip and point to
that step.
The page is probed by injecting a small script that records JavaScript
errors, failed resources, ``console.error`` calls, every image's
``naturalWidth`` and anchors without a target into a ``<pre id="test-result">``,
read back from ``chromium --dump-dom``."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ._report_runs import seed_report

INSTALL_BROWSER = "`bash .ci/run` (its one provisioning step installs Debian's chromium), or put any Chromium/Chrome on PATH"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return seed_report(tmp_path_factory, "a")


@pytest.fixture(scope="module")
def html(report) -> str:
    return Path(report["html"]).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# static checks of the page


def test_page_fetches_nothing_from_outside(html):
    scripts = re.findall(r"<script\b[^>]*>", html, re.IGNORECASE)
    assert scripts, "the page should carry its small inline toggle script"
    assert not [s for s in scripts if re.search(r"\bsrc\s*=", s)], f"external scripts: {scripts}"
    links = re.findall(r"<link\b[^>]*>", html, re.IGNORECASE)
    assert not [tag for tag in links if re.search(r"href\s*=\s*[\"']?(https?:)?//", tag)], links
    assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", html)
    assert "mathjax" not in html.lower(), "MathJax comes from a CDN: it must not be referenced"
    assert "require.min.js" not in html
    assert "mermaid.esm" not in html
    srcs = re.findall(r"<img\b[^>]*\bsrc=\"([^\"]*)\"", html, re.IGNORECASE)
    assert srcs, "the report on the seeds has at least the corpus figure"
    assert all(s.startswith("data:image/") for s in srcs), [s[:60] for s in srcs if not s.startswith("data:")]


def test_table_of_contents_links_resolve(html, report):
    ids = set(re.findall(r"\bid=\"([^\"]+)\"", html))
    toc = re.search(r'<nav\b[^>]*\bid="contents"[^>]*>.*?</nav>', html, re.DOTALL)
    assert toc, "the contents block is missing"
    targets = re.findall(r'href="#([^"]+)"', toc.group(0))
    # one entry per notebook, plus its sections
    assert len(targets) >= len(report["notebooks"])
    for nb in report["notebooks"]:
        assert f"nb-{Path(nb).stem.replace('_', '-')}" in targets
    # the seed corpus overview has these two sections (read from notebooks/00_corpus_overview.py)
    assert "nb-00-corpus-overview--the-articles" in targets
    assert "nb-00-corpus-overview--paragraph-lengths" in targets
    missing = [t for t in re.findall(r'href="#([^"]+)"', html) if t not in ids]
    assert not missing, f"anchors without a target: {missing}"
    assert len(re.findall(r'\bid="(nb-[^"]+)"', html)) == len(set(re.findall(r'\bid="(nb-[^"]+)"', html)))


def test_code_hidden_by_default_with_a_toggle(html):
    assert 'id="toggle-code"' in html
    assert "body.report-page:not(.show-code) .jp-CodeCell .jp-Cell-inputWrapper { display: none; }" in html
    assert 'class="jp-Notebook report-page"' in html and "show-code" not in re.search(r"<body[^>]*>", html).group(0)
    # the code is there to be shown: notebook 00 loads the corpus (analysis.presentation.notebook.prelude)
    assert "prelude" in html
    # the parameters cells (with the absolute paths papermill injected) are left out
    assert "injected-parameters" not in html
    assert 'notebook_name = "00_corpus_overview"' not in html


def test_figures_carry_their_captions(html, report):
    figures = re.findall(r"<figure class=\"analysis-figure\".*?</figure>", html, re.DOTALL)
    assert figures
    shown = set(re.findall(r'<figure class="analysis-figure" id="figure-([^"]+)"', html))
    saved = {p.stem for p in Path(report["figures_dir"]).glob("*.png")}
    assert shown == saved, f"figures saved but not shown: {saved - shown}; shown but not saved: {shown - saved}"
    corpus_fig = next(f for f in figures if 'id="figure-corpus_paragraph_lengths"' in f)
    assert "<figcaption" in corpus_fig and "Words per paragraph along the article" in corpus_fig
    for f in figures:
        assert "(no caption)" not in f, f[:200]


def test_local_images_in_markdown_are_inlined(tmp_path):
    from analysis.presentation.report_html import _inline_local_images

    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    page = '<p><img src="pic.png" alt="a"><img src="https://example.org/x.png"><img src="missing.png"></p>'
    out = _inline_local_images(page, [tmp_path])
    assert 'src="data:image/png;base64,iVBORw0KGgpmYWtl"' in out
    assert 'src="https://example.org/x.png"' in out and 'src="missing.png"' in out


def test_heading_anchors_are_unique_and_skip_code_fences():
    from analysis.presentation.report_html import _anchor_headings

    used: set = set()
    toc: list = []
    src = "# Title\n\n## Method\ntext\n```\n## not a heading\n```\n## Method\n### Detail"
    out = _anchor_headings(src, "nb-x", used, toc, first_level=1)
    assert toc == [(2, "Method", "nb-x--method"), (2, "Method", "nb-x--method-2")]
    assert out.count('class="toc-anchor"') == 3  # title and the two sections, not the fenced line
    assert "## not a heading" in out


# ---------------------------------------------------------------------------
# in a real browser

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
]

PROBE = """<script>
(function () {
  var errors = [];
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      errors.push("resource failed: " + String(t.src || t.href).slice(0, 120));
    } else {
      errors.push("script error: " + e.message);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (e) { errors.push("unhandled rejection: " + e.reason); });
  var original = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.slice.call(arguments).join(" "));
    return original.apply(console, arguments);
  };
  window.addEventListener("load", function () {
    var images = Array.prototype.map.call(document.images, function (im) {
      return {src: im.src.slice(0, 48), complete: im.complete, width: im.naturalWidth, height: im.naturalHeight};
    });
    var badAnchors = Array.prototype.map.call(document.querySelectorAll('a[href^="#"]'), function (a) {
      return a.getAttribute("href");
    }).filter(function (h) { return h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1))); });
    var fetched = performance.getEntriesByType("resource").map(function (r) { return r.name; })
      .filter(function (n) { return !/^(data|file|blob):/.test(n); });
    var code = document.querySelector(".jp-CodeCell .jp-Cell-inputWrapper");
    var before = code ? getComputedStyle(code).display : null;
    var button = document.getElementById("toggle-code");
    if (button) { button.click(); }
    var after = code ? getComputedStyle(code).display : null;
    var label = button ? button.textContent : null;
    if (button) { button.click(); }
    var pre = document.createElement("pre");
    pre.id = "test-result";
    pre.textContent = JSON.stringify({errors: errors, images: images, badAnchors: badAnchors, fetched: fetched,
                                      codeBefore: before, codeAfter: after, buttonAfterClick: label});
    document.body.appendChild(pre);
  });
})();
</script>"""


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of a Chromium binary on PATH; the test skips when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"no Chromium on PATH, so the report is not opened in a browser; install one with: {INSTALL_BROWSER}")


def _run_chromium(chromium: str, url: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
           *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def _probe(chromium: str, page: Path, tmp_path: Path) -> dict:
    """Open a copy of ``page`` with the probe script injected and return what it recorded."""
    text = page.read_text(encoding="utf-8")
    probed = tmp_path / f"probed-{page.name}"
    probed.write_text(re.sub(r"<head>", "<head>" + PROBE, text, count=1), encoding="utf-8")
    r = _run_chromium(chromium, probed.as_uri(), tmp_path, "--dump-dom", "--virtual-time-budget=15000",
                      "--window-size=1280,1600")
    m = re.search(r'<pre id="test-result">(.*?)</pre>', r.stdout, re.DOTALL)
    assert m, f"the probe wrote no result (chromium exit {r.returncode}):\n{r.stderr[-2000:]}"
    import html as _html

    result = json.loads(_html.unescape(m.group(1)))
    # page errors chromium logged on its own (uncaught exceptions, blocked loads)
    result["stderr_errors"] = [
        ln for ln in r.stderr.splitlines()
        if "CONSOLE" in ln and re.search(r"Uncaught|Error|Failed to load|net::ERR", ln)
    ]
    return result


def test_probe_catches_broken_pages(chromium, tmp_path):
    """The browser check can fail: a missing image, a script error, a dead
    anchor and a console.error are all reported."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>b</title></head><body>"
        '<a href="#nowhere">x</a><img src="missing.png">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">'
        "<script>console.error('boom'); undefinedFunction();</script></body></html>",
        encoding="utf-8",
    )
    result = _probe(chromium, page, tmp_path)
    text = " | ".join(result["errors"])
    assert "resource failed" in text and "missing.png" in text
    assert "console.error: boom" in text
    assert "undefinedFunction" in text
    assert result["badAnchors"] == ["#nowhere"]
    assert [im["width"] for im in result["images"]] == [0, 1]


def test_report_opens_in_chromium(chromium, report, tmp_path):
    page = Path(report["html"])
    result = _probe(chromium, page, tmp_path)
    assert result["errors"] == [], result["errors"]
    assert result["stderr_errors"] == [], result["stderr_errors"]
    assert result["fetched"] == [], f"the page fetched: {result['fetched']}"
    assert result["badAnchors"] == []
    images = result["images"]
    assert images, "no images in the report"
    broken = [im for im in images if not im["complete"] or im["width"] == 0]
    assert not broken, f"images that did not load: {broken}"
    # code hidden by default; the button shows it
    assert result["codeBefore"] == "none"
    assert result["codeAfter"] not in (None, "none")
    assert result["buttonAfterClick"] == "Hide code"

    shot = tmp_path / "report_screenshot.png"
    r = _run_chromium(chromium, page.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1280,1800",
                      "--virtual-time-budget=5000")
    assert shot.exists() and shot.stat().st_size > 10_000, r.stderr[-2000:]
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1280, 1800)
        # not a blank page: the screenshot has dark text pixels as well as white
        extrema = im.convert("L").getextrema()
        assert extrema[0] < 80 and extrema[1] > 240
