"""The whole pipeline, report included, with outside network access blocked.

Every Python process (this test's subprocesses and the Jupyter kernels that
papermill starts) loads tests/netblock/sitecustomize.py, which refuses any
connection that is not to loopback.  NLTK is pointed at an empty data folder,
so a resource that would come from nltk_data (or the NLTK downloader) fails."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

NETBLOCK = Path(__file__).resolve().parent / "netblock"


def offline_env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(NETBLOCK), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir(exist_ok=True)
    env["NLTK_DATA"] = str(empty)
    env["HOME"] = str(tmp_path)  # no ~/nltk_data, no user caches
    env["ANALYSIS_NETBLOCK_LOG"] = str(tmp_path / "blocked.log")
    env["MPLBACKEND"] = "Agg"
    env["MPLCONFIGDIR"] = str(tmp_path / "mpl")
    env.pop("HTTP_PROXY", None)
    env.pop("HTTPS_PROXY", None)
    return env


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
def test_report_and_commands_run_offline(tmp_path):
    env = offline_env(tmp_path)
    figures, reports = tmp_path / "figures", tmp_path / "reports"
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEEDS), "--figures", str(figures), "--reports", str(reports)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert (reports / "report.html").exists()
    assert list(figures.glob("*.png")), "the report made no figures"
    from analysis.cli import FAMILY_COMMANDS

    for command in ["corpus", *FAMILY_COMMANDS]:
        out = subprocess.run(
            [sys.executable, "-m", "analysis", command, str(SEEDS)],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
        )
        assert out.returncode == 0, (command, out.stderr[-2000:])
        assert out.stdout.strip(), command
    log = tmp_path / "blocked.log"
    assert not log.exists(), f"something tried to reach the network:\n{log.read_text()}"
