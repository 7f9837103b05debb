"""Runs of the whole report on the seeds, shared by the report tests.

Running every notebook takes a while, so each run (``"a"``, ``"b"``) happens
at most once per pytest session, into its own temporary folder, and is reused
by ``test_report_html.py`` and ``test_reproducible.py``."""
from __future__ import annotations

from pathlib import Path

_RUNS: dict[str, dict] = {}


def seed_report(tmp_path_factory, key: str = "a") -> dict:
    """The summary of ``run_report`` on the seeds into ``<tmp>/report-<key>/``
    (``figures/`` and ``reports/``), running it the first time it is asked for."""
    if key not in _RUNS:
        from analysis.report import SEEDS_DIR, run_report

        base = Path(tmp_path_factory.mktemp(f"report-{key}"))
        _RUNS[key] = run_report(
            SEEDS_DIR, figures_dir=base / "figures", reports_dir=base / "reports", progress=False
        )
    return _RUNS[key]
