"""Command line: ``python -m analysis quotes PATH`` (its options and its
table; :mod:`analysis.cli` does the reading and writing)."""
from __future__ import annotations

import argparse

import pandas as pd

from analysis.actors.codebook import load_codebook
from analysis.sourcing.table import KINDS, extract_quotes


def add_cli_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m analysis quotes``."""
    parser.add_argument("--kinds", default="direct,partial,indirect",
                        help="comma-separated kinds to print (direct, partial, indirect; default all)")
    parser.add_argument("--codebook", default=None, metavar="FILE",
                        help="actor codebook file (default: the seed story's codebook for the seed articles only, "
                             "no codebook for any other article)")
    parser.add_argument("--sides", default=None, metavar="FILE",
                        help="sides file (YAML 'side: [names that speak for it]'); default: codebook sides only")


def cli_table(articles: pd.DataFrame, *, kinds: str = "direct,partial,indirect", codebook: str | None = None,
              sides: str | None = None, mentions: pd.DataFrame | None = None, **_options) -> pd.DataFrame:
    """The quote table for ``python -m analysis quotes PATH``; ``mentions``
    (the articles' actor mentions) when already found, as for
    :func:`~analysis.sourcing.extract_quotes`."""
    wanted = [k.strip() for k in str(kinds).split(",") if k.strip()]
    bad = [k for k in wanted if k not in KINDS]
    if bad:
        raise ValueError(f"--kinds {','.join(bad)} not allowed; choose from {', '.join(KINDS)}")
    cb = load_codebook(codebook, sides=sides) if codebook is not None else None
    table = extract_quotes(articles, codebook=cb, mentions=mentions, sides=sides)
    return table[table["kind"].isin(wanted)].reset_index(drop=True)
