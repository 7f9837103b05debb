#!/usr/bin/env python3
"""One entry point for a fresh machine that has only Python 3.11+.

    python3 tasks.py report   # build the whole report on the seeds (figures/ and reports/)
    python3 tasks.py test     # run the test suite
    python3 tasks.py lab      # open JupyterLab on notebooks/ with the package's kernel

Each command creates ``.venv`` when it is missing, installs the package with its
pinned dependencies (``constraints.txt``) when ``pyproject.toml`` or the pins
changed, and then runs.  The installer is ``uv`` (itself pinned in
``constraints.txt`` and installed into the new environment first) because it
installs the same pinned set about ten times faster than pip; where uv cannot
be had, pip installs the same pins.  Extra arguments are passed through, e.g.
``python3 tasks.py report path/to/articles.jsonl`` or
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
CONSTRAINTS = ROOT / "constraints.txt"
COMMANDS = ("report", "test", "lab", "env")


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    h = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def pinned(name: str) -> str:
    """The ``name==version`` line for ``name`` in constraints.txt (or the bare name)."""
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line.split("==")[0].strip().lower() == name:
            return line.strip()
    return name


def _quiet(cmd: list[str], *, show_failure: bool = True) -> bool:
    """Run ``cmd``; print its output only when it fails (and ``show_failure``).
    True on success."""
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 and show_failure:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
    return result.returncode == 0


def _pip(py: Path | str) -> list[str]:
    return [str(py), "-m", "pip", "--disable-pip-version-check", "install", "-q"]


def _has(py: Path, module: str) -> bool:
    return _quiet([str(py), "-m", module, "--version"], show_failure=False)


def _get_uv(py: Path) -> bool:
    """uv into the environment: with its own pip, or with this Python's pip
    (``pip --python``) when the environment was made without one."""
    if _has(py, "pip"):
        return _quiet(_pip(py) + [pinned("uv")], show_failure=False)
    this_pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(py), "install", "-q"]
    return _quiet(this_pip + [pinned("uv")], show_failure=False)


def install(py: Path) -> None:
    """The package (editable) with its dev extras, every version from constraints.txt."""
    project = [f"{ROOT}[dev]"]
    if _has(py, "uv") or _get_uv(py):  # the fallback below says so in one line
        # copies, not hard links into uv's cache: NLTK refuses to open a data file
        # with several links (its path security check), e.g. VADER's lexicon
        uv = [str(py), "-m", "uv", "pip", "install", "--quiet", "--link-mode=copy", "--python", str(py)]
        if _quiet(uv + ["-c", str(CONSTRAINTS), "-e", *project]):
            return
        print("[tasks] uv could not install the pins; trying pip", flush=True)
    else:
        print("[tasks] uv is not available here; installing with pip (slower)", flush=True)
    if not _has(py, "pip"):
        _quiet([str(py), "-m", "ensurepip", "--default-pip"])
    if not _quiet(_pip(py) + ["-c", str(CONSTRAINTS), "-e", *project]):
        sys.exit("[tasks] installing the package failed (see the messages above)")


def create_env() -> None:
    """A new virtual environment.  Where this Python has pip, the environment
    gets none of its own (ensurepip takes about 6 s) and this pip puts uv into
    it; otherwise it is made with pip, as venv does by default."""
    print(f"[tasks] creating virtual environment in {VENV}", flush=True)
    has_pip = _quiet([sys.executable, "-m", "pip", "--version"], show_failure=False)
    venv.EnvBuilder(with_pip=not has_pip, clear=True).create(VENV)


def ensure_env() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    py = venv_python()
    if not py.exists():
        create_env()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted_stamp():
        print("[tasks] installing the package and its pinned dependencies", flush=True)
        install(py)
        STAMP.write_text(wanted_stamp())
    return py


def lab_command(py: Path, rest: list[str]) -> list[str]:
    """JupyterLab on notebooks/: the paired ``NN_name.py`` files open as
    notebooks (jupytext), kernels talk to the server over IPC sockets, and
    nothing is fetched from the network (no extension manager look-ups, no
    update checks)."""
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [
        str(py), "-m", "jupyter", "lab",
        f"--ServerApp.root_dir={ROOT / 'notebooks'}",
        "--KernelManager.transport=ipc",
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        *as_root,
        *rest,
    ]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    py = ensure_env()
    env = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg")
    if command == "env":
        return 0
    # Bytecode of what the commands import is kept in the package's own environment
    # (.venv/pycache, nothing written beside the sources), even where
    # PYTHONDONTWRITEBYTECODE is set: otherwise every process (test workers, report
    # kernels) compiles pandas and matplotlib from source again, seconds each time,
    # and compiling all of .venv at install takes 27 s.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(VENV / "pycache")
    if command == "report":
        return subprocess.call([str(py), "-m", "analysis", "report", *rest], cwd=ROOT, env=env)
    if command == "lab":
        return subprocess.call(lab_command(py, rest), cwd=ROOT, env=env)
    return subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
