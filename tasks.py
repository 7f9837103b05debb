#!/usr/bin/env python3
"""One entry point for a fresh machine that has only Python 3.11+.

    python3 tasks.py report   # build the whole report on the seeds (figures/ and reports/)
    python3 tasks.py test     # run the test suite

Each command creates ``.venv`` when it is missing, installs the package with its
pinned dependencies (``constraints.txt``) when ``pyproject.toml`` or the pins
changed, and then runs.  Extra arguments are passed through, e.g.
``python3 tasks.py report --corpus path/to/articles.jsonl`` or
``python3 tasks.py test -k readability``.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("ANALYSIS_VENV", ROOT / ".venv"))
STAMP = VENV / ".installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    h = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_env() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    py = venv_python()
    if not py.exists():
        print(f"[tasks] creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text().strip() != wanted_stamp():
        print("[tasks] installing the package and its pinned dependencies", flush=True)
        pip = [str(py), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
        subprocess.run(pip + ["--upgrade", "pip"], check=True)
        subprocess.run(
            pip + ["-c", str(ROOT / "constraints.txt"), "-e", f"{ROOT}[dev]"], check=True
        )
        STAMP.write_text(wanted_stamp())
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"report", "test", "env"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    py = ensure_env()
    env = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg")
    if command == "env":
        return 0
    if command == "report":
        return subprocess.call([str(py), "-m", "analysis", "report", *rest], cwd=ROOT, env=env)
    result = subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env)
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
