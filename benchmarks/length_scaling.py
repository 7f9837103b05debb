"""Growth of each family's time with the length of one document.

    python benchmarks/length_scaling.py [--sizes 150000,600000,1500000,3000000] [--families all]

One synthetic article per size, built from the seed article's words (a
fixed pseudo-random draw, so every run builds the same text): sentences of
12-28 words, every third one a direct quote attributed to a capitalised
name from the seed ("... ,” said Xi Jinping.), three sentences to a
paragraph.  Each family runs on it as a pipeline worker runs it
(:data:`analysis.pipeline.FAMILIES` steps: actors with discovery, sourcing
given those mentions, readability at every level with the quotes, sentiment
per sentence with its aggregates), each in a fresh Python process so that no
memo filled by a smaller size helps a larger one; segmentation is counted
in every family's time, the upstream tables (mentions, quotes) are not.  The table gives seconds per
size and the growth from the smallest size (``xN``): a linear family grows
as the text does (10x for 150 KB -> 1.5 MB), a quadratic one as its square.

The goal in issue 21: every family within 12x of its 150 KB time at
1.5 MB, and all four families on a 3 MB article in under 15 s.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_48a317448381530b.txt"
FAMILIES = ("actors", "sourcing", "readability", "sentiment")


def synthetic_article(n_chars: int, *, seed: int = 0, paragraph_sentences: int = 3) -> str:
    """About ``n_chars`` characters of text from the seed's words: sentences
    of 12-28 words, every third a quote attributed to a capitalised pair of
    seed words, ``paragraph_sentences`` sentences to a paragraph (0: one
    paragraph)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", SEED.read_text(encoding="utf-8"))
    names = sorted({w for w in words if w[0].isupper() and len(w) > 2})
    rng = random.Random(seed)
    sentences, size = [], 0
    while size < n_chars:
        body = " ".join(rng.choice(words) for _ in range(rng.randint(12, 28)))
        body = body[0].upper() + body[1:]
        if len(sentences) % 3 == 2:
            sentence = f"“{body},” said {rng.choice(names)} {rng.choice(names)}."
        else:
            sentence = body + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    if not paragraph_sentences:
        return " ".join(sentences)
    paras = [" ".join(sentences[i:i + paragraph_sentences]) for i in range(0, len(sentences), paragraph_sentences)]
    return "\n\n".join(paras)


PARAMS = {"actors": {"codebook": None, "discover": True}, "sourcing": {"codebook": None},
          "readability": {}, "sentiment": {"method": "vader", "n_boot": None}}
UPSTREAM = {"actors": (), "sourcing": ("actors",), "readability": ("actors", "sourcing"), "sentiment": ()}


def upstream_tables(family: str, docs: list) -> dict:
    """The tables ``family`` reads from the families before it, as the pipeline passes them."""
    from analysis.pipeline import FAMILIES

    tables: dict = {}
    for name in UPSTREAM[family]:
        tables.update(FAMILIES[name].step(docs, tables, PARAMS[name]))
    return tables


def _measure(family: str, n_chars: int, paragraph_sentences: int) -> dict:
    """CPU seconds of segmenting the article and running ``family``'s
    pipeline step on it (what a worker does), resources loaded beforehand."""
    from analysis.pipeline import FAMILIES, warm_up
    from analysis.core.text import segment

    text = synthetic_article(n_chars, paragraph_sentences=paragraph_sentences)
    warm_up()
    upstream = upstream_tables(family, [segment(text, "long")])
    t0 = time.process_time()
    tables = FAMILIES[family].step([segment(text, "long")], upstream, PARAMS[family])
    seconds = time.process_time() - t0
    return {"seconds": seconds, "rows": {k: len(v) for k, v in tables.items()}, "chars": len(text)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="150000,600000,1500000,3000000", help="characters, comma-separated")
    parser.add_argument("--families", default="all")
    parser.add_argument("--paragraph-sentences", type=int, default=3, help="sentences per paragraph (0: one)")
    parser.add_argument("--_measure", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._measure:
        family, n = args._measure.split(":")
        print(json.dumps(_measure(family, int(n), args.paragraph_sentences)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    families = FAMILIES if args.families == "all" else tuple(args.families.split(","))
    print(f"{'family':<12}" + "".join(f"{n / 1e6:>9.2f}MB" for n in sizes) + "   growth from the first size")
    totals = dict.fromkeys(sizes, 0.0)
    for family in families:
        secs = []
        for n in sizes:
            proc = subprocess.run([sys.executable, __file__, "--_measure", f"{family}:{n}",
                                   "--paragraph-sentences", str(args.paragraph_sentences)],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
            secs.append(json.loads(proc.stdout.strip().splitlines()[-1])["seconds"])
            totals[n] += secs[-1]
        growth = "  ".join(f"x{s / secs[0]:.1f}" for s in secs[1:])
        print(f"{family:<12}" + "".join(f"{s:>10.2f}s" for s in secs) + f"   {growth}", flush=True)
    print(f"{'all four':<12}" + "".join(f"{totals[n]:>10.2f}s" for n in sizes))
    print("CPU seconds of scoring (resources loaded before the clock starts), one fresh process per cell")
    return 0


if __name__ == "__main__":
    sys.exit(main())
