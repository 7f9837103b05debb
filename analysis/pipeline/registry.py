"""The family registry: which metric families a run can compute, in which
order, and how each is called on one batch of documents.

A :class:`Family` names its module, its step (``step(docs,
upstream_tables, params)`` returning ``{raw_table_name: DataFrame}``), the
raw tables it makes and the upstream tables it reads.  The families run per
batch in the order of :data:`FAMILIES`: segmentation, actors, sourcing
(reads the mentions), readability (reads the quotes), sentiment, each
through its public entry point in ``docs/data-dictionary.md``, imported when the
batch runs.  :data:`MAKER` tells which family makes a raw table.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Callable

import pandas as pd

__all__ = ["Family", "FAMILIES", "MAKER", "available_families", "resolve_families"]

def _step_segmentation(docs, upstream, params):
    from analysis.core.text import paragraph_table, sentence_table

    counts = pd.DataFrame(
        {"article_id": [d.article_id for d in docs], "n_sentences": [d.n_sentences for d in docs]}
    )
    return {"article_counts": counts, "paragraphs": paragraph_table(docs), "sentences": sentence_table(docs)}


def _step_actors(docs, upstream, params):
    from analysis.actors import find_mentions

    mentions = find_mentions(docs, codebook=params.get("codebook"), discover=params["discover"],
                             sides=params.get("sides"))
    # the per-article sizes in attrs serve actor_frequency without documents; here every
    # later step has the documents, and pandas would deep-copy them on each operation
    mentions.attrs = {}
    return {"mentions": mentions}


def _step_sourcing(docs, upstream, params):
    from analysis.links import link
    from analysis.sourcing import extract_quotes

    mentions = upstream.get("mentions")
    if mentions is None:  # actors not in the run: the mentions extract_quotes would find for its speakers
        from analysis.actors import find_mentions

        mentions = find_mentions(docs, codebook=params.get("codebook"), sides=params.get("sides"))
        mentions.attrs = {}
    quotes = extract_quotes(docs, codebook=params.get("codebook"), mentions=mentions, sides=params.get("sides"))
    # the two tables made consistent: mentions.in_quote / quote_id, quotes.speaker_mention_start
    mentions, quotes = link(mentions, quotes)
    return {"quotes": quotes, "mentions": mentions}


def _step_readability(docs, upstream, params):
    from analysis.readability import readability_levels

    # one counting pass for the three levels and the voice split of articles
    quotes = upstream.get("quotes")
    tables = readability_levels(docs, ("article", "paragraph", "sentence"), quotes=quotes, voice_level="article")
    out = {f"readability_{level}": tables[level] for level in ("article", "paragraph", "sentence")}
    if quotes is not None:
        out["readability_voice"] = tables["voice"]
    else:  # same columns, no rows: the table exists whether or not sourcing ran
        empty = tables["article"].iloc[:0].reset_index(drop=True)
        empty.insert(1, "voice", pd.Series(dtype=object))
        out["readability_voice"] = empty
    return out


def _step_sentiment(docs, upstream, params):
    from analysis.sentiment import aggregate_sentiment, sentence_sentiment

    sentences = sentence_sentiment(docs, method=params["method"])
    boot = {"n_boot": params["n_boot"]} if params.get("n_boot") is not None else {}
    return {
        "sentiment_sentence": sentences,
        "sentiment_paragraph": aggregate_sentiment(sentences, level="paragraph", **boot),
        "sentiment_article": aggregate_sentiment(sentences, level="article", **boot),
    }


@dataclass(frozen=True)
class Family:
    """One per-batch step: ``step(docs, upstream_tables, params)`` returns
    ``{raw_table_name: DataFrame}``; ``uses`` names the upstream raw tables it
    reads when the family that makes them is in the run."""

    name: str
    module: str
    step: Callable
    tables: tuple[str, ...]
    uses: tuple[str, ...] = ()


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in [
        Family("segmentation", "analysis.core.text", _step_segmentation, ("article_counts", "paragraphs", "sentences")),
        Family("actors", "analysis.actors", _step_actors, ("mentions",)),
        # sourcing also returns the mentions, linked to its quotes (analysis.links); they replace the actors'
        Family("sourcing", "analysis.sourcing", _step_sourcing, ("quotes", "mentions"), uses=("mentions",)),
        Family("readability", "analysis.readability", _step_readability,
               ("readability_article", "readability_paragraph", "readability_sentence", "readability_voice"),
               uses=("quotes",)),
        Family("sentiment", "analysis.sentiment", _step_sentiment,
               ("sentiment_sentence", "sentiment_paragraph", "sentiment_article")),
    ]
}
# table -> the family that first makes it (sourcing re-makes the mentions, linked to its quotes)
MAKER = {t: f.name for f in reversed(FAMILIES.values()) for t in f.tables}


def available_families() -> list[str]:
    """Families whose module is installed here, in run order (segmentation
    first).  The module is found, not imported: a step imports it when its
    first batch runs."""
    return [name for name, fam in FAMILIES.items() if importlib.util.find_spec(fam.module) is not None]


def resolve_families(families) -> list[str]:
    """The families a run computes, in run order, segmentation first:
    ``"all"`` (or None) is every available family; an unknown or
    unavailable name is an error that lists the allowed ones."""
    metric = [n for n in FAMILIES if n != "segmentation"]
    if families in (None, "all"):
        return available_families()
    if isinstance(families, str):
        families = [families]
    names = list(families)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown famil{'y' if len(unknown) == 1 else 'ies'} {unknown}; "
                         f"choose from {metric} or 'all'")
    have = set(available_families())
    missing = [n for n in names if n not in have]
    if missing:
        raise ValueError(f"famil{'y' if len(missing) == 1 else 'ies'} {missing} not available "
                         f"(module not importable); available: {[n for n in metric if n in have]}")
    return [n for n in FAMILIES if n == "segmentation" or n in names]

