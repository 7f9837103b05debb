"""Shared fixtures.  Data in ../shared (benchmarks, corpora) is read in place,
never copied; tests that need it skip with a clear reason when it is absent.

The suite leaves the machine as it found it: every place a library would keep
state in the home folder (the package's derived-table store, matplotlib's font
cache, IPython's profile, Jupyter's runtime files) points into one temporary
folder for the run, removed at its end; Hypothesis keeps no example database;
pytest keeps no cache (``-p no:cacheprovider`` in pyproject.toml).  Subprocesses
and notebook kernels inherit these settings."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("suite", database=None)
settings.load_profile("suite")

_STATE_VARIABLES = {
    "ANALYSIS_CACHE_DIR": "analysis-cache",
    "MPLCONFIGDIR": "matplotlib",
    "IPYTHONDIR": "ipython",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "XDG_CACHE_HOME": "cache",
    "HYPOTHESIS_STORAGE_DIRECTORY": "hypothesis",  # its charmap cache, which database=None does not cover
}
_STATE: dict = {}


def pytest_configure(config):
    state = Path(tempfile.mkdtemp(prefix="analysis-tests-"))
    _STATE["dir"] = state
    _STATE["saved"] = {name: os.environ.get(name) for name in _STATE_VARIABLES}
    for name, sub in _STATE_VARIABLES.items():
        (state / sub).mkdir()
        os.environ[name] = str(state / sub)


def pytest_unconfigure(config):
    for name, value in _STATE.pop("saved", {}).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if "dir" in _STATE:
        shutil.rmtree(_STATE.pop("dir"), ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_48a317448381530b.txt"
SHARED = Path(os.environ.get("ANALYSIS_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): benchmark and corpus data are not available here")
    return SHARED


@pytest.fixture(scope="session")
def seed_articles():
    from analysis import load_corpus

    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_doc(seed_articles):
    from analysis.core.text import segment_articles

    return segment_articles(seed_articles)[0]


@pytest.fixture(scope="session")
def seed_text(seed_articles) -> str:
    return seed_articles["text"].iloc[0]
