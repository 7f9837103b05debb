"""The sampling rule of the hand-annotated speaker checks (speakers_dev.csv).

Prints, for each corpus, the articles in the order they were read.  The
annotator took articles from the front of each list, without skipping any, and
annotated every attributed statement in paragraphs 1-20 of each (paragraphs as
``analysis.core.text.segment`` numbers them, from 1).  ``annotated_articles.csv``
says how far down each list the annotation went.

Rule (seed 19, the issue's number):

* Huawei/UK 5G: all 68 record ids, sorted, then ``random.Random(19).shuffle``.
* BBC News: records with category politics or business, ``duplicate_of`` null
  and at least one double quotation mark (``"`` or ``“``) in the text; ids
  sorted, then ``random.Random(19).shuffle``.

Run: ``python benchmarks/annotations/sample_articles.py [SHARED_DIR]``
(default ``../shared`` next to the project).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 19
HUAWEI = Path("corpora/huawei_uk_5g_2019_2022/huawei_uk_5g.jsonl")
BBC = Path("corpora/bbc_news_2004_2005/bbc_news.jsonl")
BBC_CATEGORIES = ("politics", "business")
PARAGRAPHS_READ = 20  # paragraphs 1..20 of each sampled article were annotated


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _shuffled(ids: list[str]) -> list[str]:
    order = sorted(ids)
    random.Random(SEED).shuffle(order)
    return order


def huawei_order(shared: Path) -> list[str]:
    """Every Huawei/UK 5G article id, in reading order."""
    return _shuffled([r["id"] for r in _records(shared / HUAWEI)])


def bbc_order(shared: Path) -> list[str]:
    """BBC politics and business articles with a quotation mark, not duplicates, in reading order."""
    return _shuffled([
        r["id"] for r in _records(shared / BBC)
        if r["category"] in BBC_CATEGORIES and r["duplicate_of"] is None
        and ('"' in r["text"] or "“" in r["text"])
    ])


def main(argv: list[str]) -> None:
    shared = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[3] / "shared"
    for name, order in (("huawei_uk_5g", huawei_order(shared)), ("bbc_news", bbc_order(shared))):
        print(f"{name}: {len(order)} candidates")
        for rank, article_id in enumerate(order, 1):
            print(f"  {rank:4d}  {article_id}")


if __name__ == "__main__":
    main(sys.argv)
