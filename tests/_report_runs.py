"""Runs of the whole report, shared by the tests that only read their outputs.

Running every notebook takes a while, so the suite runs the report on the
seeds twice, no more, each at most once per pytest session into its own
temporary folder:

* ``"a"``: the command line (``python -m analysis report``) in a subprocess
  with outside network access blocked (``tests/netblock``), read by the
  offline, notebook, HTML and reproducibility tests;
* ``"b"``: :func:`analysis.presentation.report.run_report` in this process, compared byte
  for byte with ``"a"`` by the reproducibility tests.

With several pytest workers (pytest-xdist), each run still happens once:
the first worker that needs it runs it under a file lock in the folder the
workers share, and the others read its summary."""
from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NETBLOCK = Path(__file__).resolve().parent / "netblock"
SEEDS = ROOT / "seeds"
_RUNS: dict[str, dict] = {}


def offline_env(tmp_path: Path) -> dict:
    """The environment of a process that may not reach beyond loopback, with no
    NLTK data, an empty home folder and its own matplotlib configuration."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(NETBLOCK), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir(exist_ok=True)
    env["NLTK_DATA"] = str(empty)
    env["HOME"] = str(tmp_path)  # no ~/nltk_data, no user caches
    env["ANALYSIS_NETBLOCK_LOG"] = str(tmp_path / "blocked.log")
    env["MPLBACKEND"] = "Agg"
    env.pop("HTTP_PROXY", None)
    env.pop("HTTPS_PROXY", None)
    return env


def seed_report(tmp_path_factory, key: str = "a") -> dict:
    """The summary of a report run on the seeds into ``<tmp>/report-<key>/``
    (``figures/`` and ``reports/``), running it the first time it is asked for."""
    if key not in _RUNS:
        _RUNS[key] = _shared_run(tmp_path_factory, key)
    return _RUNS[key]


def _shared_run(tmp_path_factory, key: str) -> dict:
    base = Path(tmp_path_factory.getbasetemp())
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the folder every worker's own temporary folder is in
    folder, done = base / f"report-{key}", base / f"report-{key}.json"
    with _locked(base / f"report-{key}.lock"):
        if not done.exists():
            folder.mkdir(parents=True, exist_ok=True)
            try:
                summary = _offline_cli_run(folder) if key == "a" else _in_process_run(folder)
                record = {k: _plain(summary[k]) for k in _KEPT}
            except Exception as exc:  # recorded, so that the run is not tried again by every test
                record = {"error": f"{type(exc).__name__}: {exc}"}
            done.write_text(json.dumps(record), encoding="utf-8")
    saved = json.loads(done.read_text(encoding="utf-8"))
    if "error" in saved:
        pytest.fail(f"the report run {key!r} on the seeds failed: {saved['error'][-3000:]}")
    return {k: (v if k in ("stderr",) else [Path(x) for x in v] if isinstance(v, list) else Path(v))
            for k, v in saved.items()}


_KEPT = ("notebooks", "html", "figures_dir", "reports_dir", "stderr", "blocked_log")


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [str(x) for x in value]
    return value if isinstance(value, str) else str(value)


@contextlib.contextmanager
def _locked(path: Path):
    with open(path, "w") as fh:
        try:
            import fcntl
        except ImportError:  # no POSIX locks: without parallel workers none is needed
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _in_process_run(base: Path) -> dict:
    from analysis.presentation.report import SEEDS_DIR, run_report

    summary = run_report(SEEDS_DIR, figures_dir=base / "figures", reports_dir=base / "reports", progress=False)
    return {**summary, "stderr": "", "blocked_log": base / "no-network-block.log"}


def _offline_cli_run(base: Path) -> dict:
    figures, reports = base / "figures", base / "reports"
    env = offline_env(base)
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEEDS), "--figures", str(figures), "--reports", str(reports)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    notebooks = sorted(p for p in reports.glob("[0-9][0-9]_*.ipynb"))
    return {
        "notebooks": notebooks,
        "html": reports / "report.html",
        "figures_dir": figures,
        "reports_dir": reports,
        "stderr": run.stderr,
        "blocked_log": Path(env["ANALYSIS_NETBLOCK_LOG"]),
    }
