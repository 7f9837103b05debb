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
  sorted, then ``random.Random(19).shuffle``.  This is the **random** stratum;
  it is read from the front and never goes past rank 200.
* BBC News, **women** stratum (added in round 3, written before any of its
  articles was read): the articles of the same shuffled list from rank 201 on
  whose text has a female cue (she, her, Mrs, Ms, Miss, spokeswoman,
  chairwoman, businesswoman) within 60 characters of a speech verb (said,
  says, told, added, argued, insisted, warned, stated), in list order.  It
  over-samples articles that quote women, so F1 can be measured on more women;
  the women's share of sources must be read on the random stratum only.

Run: ``python benchmarks/annotations/sample_articles.py [SHARED_DIR]``
(default ``../shared`` next to the project).
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 19
HUAWEI = Path("corpora/huawei_uk_5g_2019_2022/huawei_uk_5g.jsonl")
BBC = Path("corpora/bbc_news_2004_2005/bbc_news.jsonl")
BBC_CATEGORIES = ("politics", "business")
PARAGRAPHS_READ = 20  # paragraphs 1..20 of each sampled article were annotated
RANDOM_RANKS = 200  # the random BBC stratum stops here; the women stratum starts after it
_FEMALE = r"\b(?:she|her|Mrs|Ms|Miss|spokeswoman|chairwoman|businesswoman)\b"
_SPEECH = r"\b(?:said|says|told|added|argued|insisted|warned|stated)\b"
FEMALE_NEAR_SPEECH = re.compile(
    rf"{_FEMALE}[^\n]{{0,60}}?{_SPEECH}|{_SPEECH}[^\n]{{0,60}}?{_FEMALE}", re.IGNORECASE)


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


def bbc_women_order(shared: Path) -> list[str]:
    """The women stratum: candidates past rank 200 of the BBC list with a female cue near a speech verb."""
    texts = {r["id"]: r["text"] for r in _records(shared / BBC)}
    return [a for a in bbc_order(shared)[RANDOM_RANKS:] if FEMALE_NEAR_SPEECH.search(texts[a])]


def main(argv: list[str]) -> None:
    shared = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[3] / "shared"
    orders = (("huawei_uk_5g", huawei_order(shared)), ("bbc_news", bbc_order(shared)[:RANDOM_RANKS]),
              ("bbc_news women stratum", bbc_women_order(shared)))
    for name, order in orders:
        print(f"{name}: {len(order)} candidates")
        for rank, article_id in enumerate(order, 1):
            print(f"  {rank:4d}  {article_id}")


if __name__ == "__main__":
    main(sys.argv)
