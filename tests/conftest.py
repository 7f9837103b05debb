"""Shared fixtures.  Data in ../shared (benchmarks, corpora) is read in place,
never copied; tests that need it skip with a clear reason when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

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
    from analysis.text import segment_articles

    return segment_articles(seed_articles)[0]


@pytest.fixture(scope="session")
def seed_text(seed_articles) -> str:
    return seed_articles["text"].iloc[0]
