"""How many discovered actors the alias merges join, and how many merges are right.

    python benchmarks/actors_aliases.py [CORPUS ...] [--list FILE]

For each corpus (default: the BBC News and Huawei/UK 5G corpora in
``../shared/corpora``), counts distinct actors (people, organisations,
locations) as discovery names them (``discover_entities``: a surname
already joins its full name within an article), after the merges within
articles (``merged_entities``) and after the merges across articles
(``merge_across_articles``, as the drafted codebook has them), and the
mentions each rule merged.

Precision: every distinct merge (rule, name as written, merged name) is
looked up in ``benchmarks/actors_aliases_reviewed.csv``, where each was read
by hand in its article (``verdict`` right/wrong, with a note on doubtful
ones).  Printed: merges reviewed, right, wrong, and merges not yet reviewed
(new merges after a change of rules or data: read them, add them).
``--list FILE`` writes every distinct merge with an example sentence, for
that review.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.actors.aliases import merge_across_articles, merged_entities  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from analysis.actors.discovery import discover_entities  # noqa: E402
from analysis.text import segment_articles  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT = [CORPORA / "bbc_news_2004_2005" / "bbc_news.jsonl", CORPORA / "huawei_uk_5g_2019_2022" / "huawei_uk_5g.jsonl"]
REVIEWED = Path(__file__).with_name("actors_aliases_reviewed.csv")


def corpus_rows(path: Path) -> tuple[pd.DataFrame, int, dict]:
    """One row per merged mention, the distinct actors as discovery names
    them, and the article texts."""
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--list", type=Path, help="write every distinct merge with an example sentence (CSV)")
    args = ap.parse_args(argv)
    reviewed = pd.read_csv(REVIEWED, comment="#", dtype=str, keep_default_na=False) if REVIEWED.exists() else None
    all_pairs = []
    for path in args.corpora:
        figures, pairs = measure(path)
        all_pairs.append(pairs)
        for k, v in figures.items():
            print(f"{k:>40}: {v}")
        if reviewed is not None:
            key = ["corpus", "alias_basis", "text", "name"]
            got = pairs.merge(reviewed[[*key, "verdict"]], on=key, how="left")
            n_rev = got["verdict"].isin(["right", "wrong"]).sum()
            n_wrong = (got["verdict"] == "wrong").sum()
            print(f"{'reviewed merges (right / wrong)':>40}: {n_rev} ({n_rev - n_wrong} / {n_wrong}); "
                  f"not reviewed: {got['verdict'].isna().sum()}")
            wrong = got.loc[got["verdict"] == "wrong", ["alias_basis", "text", "name", "mentions"]]
            if len(wrong):
                print(wrong.to_string(index=False))
        print()
    if args.list:
        pd.concat(all_pairs).to_csv(args.list, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
