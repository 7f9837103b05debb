"""How many discovered actors the alias merges join, and how many merges are right.

For a corpus, :func:`measure` counts distinct actors (people, organisations,
locations) as discovery names them (``discover_entities``: a surname already
joins its full name within an article), after the merges within articles
(``merged_entities``) and after the merges across articles
(``merge_across_articles``, as the drafted codebook has them), and the
mentions each rule merged.

Precision: :func:`review` looks every distinct merge (rule, name as written,
merged name) up in a table of merges each read by hand in its article
(``verdict`` right/wrong; the repository keeps it in
``benchmarks/actors_aliases_reviewed.csv``) and counts merges reviewed,
right, wrong and not yet reviewed.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["corpus_rows", "measure", "review"]

REVIEW_KEY = ["corpus", "alias_basis", "text", "name"]


def corpus_rows(path: Path) -> tuple[pd.DataFrame, int, dict]:
    """One row per merged mention, the distinct actors as discovery names
    them, and the article texts."""
    from analysis.actors.aliases import merged_entities
    from analysis.core.corpus import load_corpus
    from analysis.actors.discovery import discover_entities
    from analysis.core.text import segment_articles

    rows, before = [], set()
    documents = segment_articles(load_corpus(path))
    for doc in documents:
        before |= {e["candidate_id"] for e in discover_entities(doc)}
        for e in merged_entities(doc):
            s0, s1 = doc.sentences[doc.sentence_at(e["start"])]
            rows.append((doc.article_id, e["text"], e["name"], e["candidate_id"], e["kind"], e.get("gender", "n/a"),
                         e.get("gender_basis", ""), e["alias_basis"], doc.text[s0:s1].strip()))
    cols = ["article_id", "text", "name", "candidate_id", "kind", "gender", "gender_basis", "alias_basis",
            "sentence_text"]
    return pd.DataFrame(rows, columns=cols), len(before), {d.article_id: d.text for d in documents}


def measure(path: Path) -> tuple[dict, pd.DataFrame]:
    """The counts of the module docstring for one corpus file, and one row per
    distinct merge (``corpus``, ``alias_basis``, ``text``, ``name``,
    ``mentions``, an example article and sentence)."""
    from analysis.actors.aliases import merge_across_articles

    rows, before, texts = corpus_rows(path)
    within = rows["candidate_id"].nunique()
    across = merge_across_articles(rows, texts)
    merged = across[(across["alias_basis"] != "") & (across["text"] != across["name"])]
    pairs = (merged.groupby(["alias_basis", "text", "name"], sort=True)
             .agg(mentions=("article_id", "size"), example_article=("article_id", "first"),
                  example=("sentence_text", "first")).reset_index())
    pairs.insert(0, "corpus", path.stem)
    figures = {"corpus": path.stem, "mentions": len(rows), "actors_discovered": before,
               "actors_after_article_merges": within, "actors_after_corpus_merges": across["candidate_id"].nunique(),
               "distinct_merges": len(pairs)}
    figures.update({f"mentions merged: {b}": n for b, n in merged["alias_basis"].value_counts().sort_index().items()})
    return figures, pairs


def review(pairs: pd.DataFrame, reviewed: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Counts ``reviewed``, ``right``, ``wrong``, ``not_reviewed`` of the
    merges ``pairs`` against the hand verdicts, and the wrong merges."""
    got = pairs.merge(reviewed[[*REVIEW_KEY, "verdict"]], on=REVIEW_KEY, how="left")
    n_rev = got["verdict"].isin(["right", "wrong"]).sum()
    n_wrong = (got["verdict"] == "wrong").sum()
    counts = {"reviewed": n_rev, "right": n_rev - n_wrong, "wrong": n_wrong,
              "not_reviewed": got["verdict"].isna().sum()}
    return counts, got.loc[got["verdict"] == "wrong", ["alias_basis", "text", "name", "mentions"]]
