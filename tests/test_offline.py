"""The whole pipeline, report included, with outside network access blocked.

Every Python process (this test's subprocesses and the Jupyter kernels that
papermill starts) loads tests/netblock/sitecustomize.py, which refuses any
connection that is not to loopback.  NLTK is pointed at an empty data folder,
so a resource that would come from nltk_data (or the NLTK downloader) fails."""
from __future__ import annotations

import subprocess
import sys

import pytest

from ._report_runs import offline_env, seed_report
from .conftest import ROOT, SEEDS

def test_block_is_effective(tmp_path):
    code = (
        "import socket, os\n"
        "assert os.environ.get('ANALYSIS_NETBLOCK_ACTIVE') == '1'\n"
        "s = socket.socket()\n"
        "try:\n"
        "    s.connect(('93.184.216.34', 80))\n"
        "except OSError as e:\n"
        "    print('blocked', type(e).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=offline_env(tmp_path), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "blocked OutsideNetworkBlocked" in out.stdout


@pytest.mark.slow
def test_report_and_commands_run_offline(tmp_path, tmp_path_factory):
    report = seed_report(tmp_path_factory, "a")  # the report's command line, network blocked
    assert report["html"].exists()
    assert list(report["figures_dir"].glob("*.png")), "the report made no figures"
    env = offline_env(tmp_path)
    from analysis.cli import FAMILY_COMMANDS

    for command in ["corpus", *FAMILY_COMMANDS]:
        out = subprocess.run(
            [sys.executable, "-m", "analysis", command, str(SEEDS)],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
        )
        assert out.returncode == 0, (command, out.stderr[-2000:])
        assert out.stdout.strip(), command
    for log in (tmp_path / "blocked.log", report["blocked_log"]):
        assert not log.exists(), f"something tried to reach the network:\n{log.read_text()}"


@pytest.mark.slow
def test_report_prints_nothing_alarming(tmp_path_factory):
    """A normal run prints its progress and summary, and nothing else: no
    warning about kernels talking over unencrypted TCP, no spurious
    KeyboardInterrupt from kernels being shut down, no Python warnings."""
    report = seed_report(tmp_path_factory, "a")
    lines = [ln for ln in report["stderr"].splitlines() if ln.strip()]
    unexpected = [ln for ln in lines if not ln.startswith("[report]")]
    assert unexpected == [], unexpected
    assert any("notebooks in" in ln for ln in lines)
