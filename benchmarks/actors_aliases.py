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
that review.  The counting lives in :mod:`analysis.evaluation.aliases`; this
is its command line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluation.aliases import measure, review  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT = [CORPORA / "bbc_news_2004_2005" / "bbc_news.jsonl", CORPORA / "huawei_uk_5g_2019_2022" / "huawei_uk_5g.jsonl"]
REVIEWED = Path(__file__).with_name("actors_aliases_reviewed.csv")


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
            n, wrong = review(pairs, reviewed)
            print(f"{'reviewed merges (right / wrong)':>40}: {n['reviewed']} ({n['right']} / {n['wrong']}); "
                  f"not reviewed: {n['not_reviewed']}")
            if len(wrong):
                print(wrong.to_string(index=False))
        print()
    if args.list:
        pd.concat(all_pairs).to_csv(args.list, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
