"""Speaker gender and sides of the package's own quote table against the
hand annotation in ``benchmarks/annotations/speakers_dev.csv``.

    python benchmarks/speakers_validation.py [--shared ../shared] [--sides FILE] [--json OUT] [--breakdown]

For every annotated article (``benchmarks/annotations/annotated_articles.csv``
gives the paragraphs read), the article is loaded from the shared corpus and
run through :func:`analysis.sourcing.extract_quotes` with **no codebook**
(these corpora have none; the seed's is not used for them) and, for the
Huawei corpus, the sides file ``docs/examples/huawei_uk_sides.yaml`` (or
``--sides``).  Only quotes in the annotated paragraphs count.

Measures (development figures; the held-out sets are scored elsewhere):

* **Gender of sources, Gender Gap Tracker style.**  Per article, the set of
  female and the set of male sources by the fullest name (annotation:
  ``speaker`` of rows with kind ``person``; package: ``speaker_name`` of
  quotes with ``speaker_kind`` person), matched exactly after lower-casing
  and dropping punctuation.  Precision, recall and F1 summed over articles,
  for female and for male sources; and the women's share of the sources with
  a gender (female / (female + male)) in the annotation and in the package.
* **Sides (Huawei).**  Each annotated statement is matched to the package
  quote in the same paragraph whose text contains the annotation's
  ``quote_start`` (first 25 characters, quotation marks and spaces folded);
  its ``side`` (missing = ``unknown``) is compared with the annotation's
  ``country`` (a country the sides file does not list counts as ``other``).  Reported: share of matched statements on the right side
  (higher is better), the same counting unmatched statements as wrong, the
  same on statements whose speaker name the package has right (so that
  attribution errors upstream are told apart), and the package's unknown rate.  Speaker kind agreement on the matched statements is
  reported too.

Ends with a one-line summary.  Takes about half a minute.  The scoring
lives in :mod:`analysis.evaluation.speakers`; this is its command line.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.evaluation.speakers import speakers_agreement  # noqa: E402

ANNOTATIONS = ROOT / "benchmarks" / "annotations"
DEFAULT_SIDES = ROOT / "docs" / "examples" / "huawei_uk_sides.yaml"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--sides", default=str(DEFAULT_SIDES), help="sides file for the Huawei corpus")
    ap.add_argument("--json", help="write the figures as JSON here")
    ap.add_argument("--breakdown", action="store_true", help="also print the misses by cause")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "corpora").is_dir():
        print(f"speakers_validation: {shared}/corpora not found", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    gold = pd.read_csv(ANNOTATIONS / "speakers_dev.csv", dtype=str, keep_default_na=False)
    gold["paragraph"] = gold["paragraph"].astype(int)
    scope = pd.read_csv(ANNOTATIONS / "annotated_articles.csv")
    results = speakers_agreement(gold, scope, shared=shared, sides=args.sides)
    for corpus, res in results.items():
        gs = res["gender"]
        print(f"{corpus}: female F1 {gs['female']['f1']:.1f} (P {gs['female']['precision']:.1f}, "
              f"R {gs['female']['recall']:.1f}, {gs['female']['gold']} annotated); male F1 {gs['male']['f1']:.1f} "
              f"(P {gs['male']['precision']:.1f}, R {gs['male']['recall']:.1f}, {gs['male']['gold']} annotated); "
              f"women's share {gs['women_share']['package']:.1f}% vs {gs['women_share']['annotation']:.1f}% annotated")
    s = results["huawei_uk_5g"]["sides"]
    print(f"huawei_uk_5g sides: {s['matched']}/{s['statements']} statements matched; right side "
          f"{s['right_side_of_matched']:.1f}% of matched ({s['right_side_of_all']:.1f}% of all, "
          f"{s['right_side_where_annotation_knows']:.1f}% where the annotation names a country); "
          f"unknown {s['unknown_rate']:.1f}%; speaker kind agrees {s['kind_agreement_of_matched']:.1f}%; "
          f"right side {s['right_side_where_speaker_right']:.1f}% of the {s['same_speaker']} whose speaker name "
          f"is the annotated one")
    if args.breakdown:
        print("gender of sources, misses and additions by cause (all articles):")
        for key, items in results["all"]["gender_breakdown"].items():
            print(f"  {key}: {len(items)}  e.g. {'; '.join(f'{a} {n}' for a, n in items[:3])}")
        print("huawei_uk_5g statements on the wrong side by cause:", results["huawei_uk_5g"]["side_breakdown"])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=float), encoding="utf-8")
    print(f"[speakers_validation] done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
