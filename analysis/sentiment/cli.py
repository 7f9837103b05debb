"""Command-line glue of ``python -m analysis sentiment PATH``: its options
and the table it prints."""
from __future__ import annotations

import pandas as pd

from analysis.sentiment.aggregates import DEFAULT_N_BOOT, DEFAULT_SEED, aggregate_sentiment
from analysis.sentiment.scorers import METHODS, sentence_sentiment

__all__ = ["LEVELS", "add_cli_arguments", "cli_table"]

LEVELS = ("sentence", "paragraph", "article", "corpus")


def add_cli_arguments(parser) -> None:
    """Options of ``python -m analysis sentiment PATH``."""
    parser.add_argument("--level", choices=["sentence", "paragraph", "article", "corpus"], default="sentence",
                        help="one row per sentence (default), paragraph, article, or one for the corpus")
    parser.add_argument("--method", choices=list(METHODS), default="vader",
                        help="scorer: vader (vaderSentiment 3.3.2, default), vader-nltk, afinn, "
                             "news (validated combination fitted on NYT editorials)")
    parser.add_argument("--n-boot", type=int, default=DEFAULT_N_BOOT, dest="n_boot",
                        help=f"bootstrap draws for the intervals of aggregates (default {DEFAULT_N_BOOT})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="bootstrap seed (default fixed)")
    parser.add_argument("--text", action="store_true", help="add each sentence's text (sentence level)")


def cli_table(articles: pd.DataFrame, *, level: str = "sentence", method: str = "vader",
              n_boot: int = DEFAULT_N_BOOT, seed: int = DEFAULT_SEED, text: bool = False, **_ignored) -> pd.DataFrame:
    """The table ``python -m analysis sentiment`` prints."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")
    sentences = sentence_sentiment(articles, method=method)
    if level == "sentence":
        if text:
            bodies = dict(zip(articles["article_id"].astype(str), articles["text"]))
            sentences = sentences.assign(text=[bodies[a][s:e] for a, s, e in
                                               zip(sentences["article_id"], sentences["start"], sentences["end"])])
        return sentences
    return aggregate_sentiment(sentences, level=level, n_boot=n_boot, seed=seed)
