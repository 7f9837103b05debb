"""Command-line glue of ``python -m analysis readability PATH``: its options
and the table it prints."""
from __future__ import annotations

import pandas as pd

from analysis.readability.counting import LEVELS
from analysis.readability.tables import readability

__all__ = ["add_cli_arguments", "cli_table"]


def add_cli_arguments(parser) -> None:
    """Options of ``python -m analysis readability PATH``."""
    parser.add_argument("--level", choices=list(LEVELS), default="article",
                        help="one row per article (default), paragraph or sentence")
    parser.add_argument("--min-words", type=int, default=3, dest="min_words",
                        help="indices are null for units with fewer words (default 3)")
    parser.add_argument("--max-sentence-words", type=int, default=150, dest="max_sentence_words",
                        help="indices are null when a sentence is longer: unpunctuated text (default 150; 0 = off)")
    parser.add_argument("--numbers", choices=["one", "read_aloud"], default="one",
                        help="syllables of a numeral: one (default) or as read aloud")
    parser.add_argument("--smog-min-sentences", type=int, default=30, dest="smog_min_sentences",
                        help="SMOG is null below this many sentences (default 30)")


def cli_table(articles: pd.DataFrame, *, level: str = "article", min_words: int = 3,
              max_sentence_words: int | None = 150, smog_min_sentences: int = 30,
              numbers: str = "one") -> pd.DataFrame:
    """The table ``python -m analysis readability`` prints."""
    return readability(
        articles,
        level=level,
        min_words=min_words,
        max_sentence_words=max_sentence_words or None,
        smog_min_sentences=smog_min_sentences,
        numbers=numbers,
    )
