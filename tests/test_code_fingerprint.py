"""The cache's code fingerprint: metric code and data count, presentation does not."""
from __future__ import annotations

from analysis.core import cache


def _tree(root):
    files = {
        "sourcing/frames.py": "RULE = 1\n",
        "data/speech_verbs.txt": "say\n",
        "presentation/plots/sourcing.py": "COLOR = 'red'\n",
        "presentation/report_html.py": "TITLE = 'x'\n",
        "cli.py": "MAIN = 1\n",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _fingerprint(monkeypatch, root):
    monkeypatch.setattr(cache, "PACKAGE_DIR", root)
    return cache.code_fingerprint.__wrapped__()


def test_presentation_and_command_lines_do_not_change_the_fingerprint(tmp_path, monkeypatch):
    _tree(tmp_path)
    before = _fingerprint(monkeypatch, tmp_path)
    (tmp_path / "presentation/plots/sourcing.py").write_text("COLOR = 'blue'\n", encoding="utf-8")
    (tmp_path / "presentation/report_html.py").write_text("TITLE = 'y'\n", encoding="utf-8")
    (tmp_path / "cli.py").write_text("MAIN = 2\n", encoding="utf-8")
    assert _fingerprint(monkeypatch, tmp_path) == before


def test_family_code_and_data_change_the_fingerprint(tmp_path, monkeypatch):
    _tree(tmp_path)
    before = _fingerprint(monkeypatch, tmp_path)
    (tmp_path / "sourcing/frames.py").write_text("RULE = 2\n", encoding="utf-8")
    after_code = _fingerprint(monkeypatch, tmp_path)
    assert after_code != before
    (tmp_path / "data/speech_verbs.txt").write_text("say\nwarn\n", encoding="utf-8")
    assert _fingerprint(monkeypatch, tmp_path) != after_code
