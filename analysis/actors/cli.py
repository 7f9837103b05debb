"""The ``actors`` command: ``python -m analysis actors PATH`` prints the
mentions, frequency, prominence, co-occurrence or candidates table."""
from __future__ import annotations

import pandas as pd

from analysis.actors.candidates import discover_actors
from analysis.actors.codebook import load_codebook
from analysis.actors.frequency import actor_frequency, cooccurrence, prominence
from analysis.actors.mentions import SURNAME_MODES, find_mentions

__all__ = ["add_cli_arguments", "cli_table"]


def add_cli_arguments(parser) -> None:
    parser.add_argument("--codebook", metavar="FILE",
                        help="codebook CSV/YAML (default: the seed story's codebook for the seed articles only, "
                             "no codebook for any other article)")
    parser.add_argument("--sides", metavar="FILE",
                        help="sides file (YAML 'side: [names that speak for it]'): gives discovered actors a side")
    parser.add_argument("--no-discover", dest="discover", action="store_false",
                        help="codebook matches only (no discovered candidates)")
    parser.add_argument("--surnames", choices=SURNAME_MODES, default="after_full",
                        help="count a surname alone only after a full mention (default) or always")
    parser.add_argument("--table", choices=["mentions", "frequency", "prominence", "cooccurrence", "candidates"],
                        default="mentions", help="which table to print (default: mentions)")


def cli_table(articles: pd.DataFrame, *, codebook=None, discover=True, surnames="after_full",
              table="mentions", sides=None, **_ignored) -> pd.DataFrame:
    if codebook is not None and sides is not None:
        codebook = load_codebook(codebook, sides=sides)
    if table == "candidates":
        return discover_actors(articles, codebook=codebook)
    mentions = find_mentions(articles, codebook=codebook, discover=discover, surnames=surnames, sides=sides)
    if table == "mentions":
        return mentions
    if table == "frequency":
        return actor_frequency(mentions, articles)
    if table == "prominence":
        return prominence(mentions, articles)
    return cooccurrence(mentions, level="article")
