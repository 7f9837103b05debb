"""Validate actor discovery against human annotation: CoNLL-2003 English dev set.

    python benchmarks/actors_validation.py [--data PATH] [--errors N]

Reads ``../shared/benchmarks/actors/conll2003_dev.jsonl`` in place (Reuters
news 1996 with gold PER/ORG/LOC/MISC spans; see its README), runs
:func:`analysis.actors.discovery.discover_entities` on each document's text (the
package's own segmentation; no codebook) and scores exact-span matches per
label: precision = correct / predicted, recall = correct / gold, F1 their
harmonic mean (CoNLL's official criterion: same start, end and label).
Reported for all 216 documents and for the 119 non-sport ones.  MISC is not
predicted (demonyms, events are not actors), so it is not scored.

Reference points (PER F1, all / non-sport): capitalisation heuristic
0.74 / 0.63; spaCy ``en_core_web_md`` 0.78 / 0.81.

The loading and scoring live in :mod:`analysis.evaluation.actors`; this is
its command line (with the error listing).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluation.actors import LABELS, load, predict, score  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "benchmarks" / "actors" / "conll2003_dev.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print N example errors per label")
    ap.add_argument("--label", default="PER")
    ap.add_argument("--subset", choices=["all", "non-sport", "sport"], default="all", help="documents for --errors")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"benchmark data not found: {args.data}", file=sys.stderr)
        return 2
    docs = load(args.data)
    t0 = time.perf_counter()
    preds = {d["id"]: predict(d) for d in docs}
    secs = time.perf_counter() - t0
    results = {"all": score(docs, preds), "non-sport": score([d for d in docs if not d["is_sport"]], preds),
               "sport": score([d for d in docs if d["is_sport"]], preds)}
    print(f"CoNLL-2003 dev: {len(docs)} documents ({sum(not d['is_sport'] for d in docs)} non-sport), "
          f"discovery in {secs:.1f} s")
    print(f"{'subset':<10} {'label':<5} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>6} {'pred':>6}")
    for subset, res in results.items():
        for lab in LABELS:
            r = res[lab]
            print(f"{subset:<10} {lab:<5} {r['precision']:9.3f} {r['recall']:7.3f} {r['f1']:6.3f} {r['gold']:6d} {r['predicted']:6d}")
    if args.errors:
        fps, fns = Counter(), Counter()
        for d in docs:
            if (args.subset == "non-sport" and d["is_sport"]) or (args.subset == "sport" and not d["is_sport"]):
                continue
            gold = {(e["start"], e["end"]): e["label"] for e in d["entities"]}
            for s, e, l in sorted(preds[d["id"]]):  # in text order: the same listing whatever the hash seed
                if l == args.label and gold.get((s, e)) != l:
                    fps[(d["text"][s:e], gold.get((s, e), "-"), d["is_sport"])] += 1
            for (s, e), l in gold.items():
                if l == args.label and (s, e, l) not in preds[d["id"]]:
                    ctx = d["text"][max(0, s - 30):e + 30].replace("\n", " / ")
                    fns[(d["text"][s:e], d["is_sport"], ctx)] += 1
        print(f"\nfalse positives ({args.label}): text, gold label, sport")
        for k, v in sorted(fps.items(), key=lambda kv: (-kv[1], repr(kv[0])))[: args.errors]:  # ties by text
            print(" ", v, k)
        print(f"\nmissed ({args.label}):")
        for k, v in list(fns.items())[: args.errors]:
            print(" ", v, k)
    a, n = results["all"]["PER"], results["non-sport"]["PER"]
    print(f"SUMMARY actors discovery PER F1 all {a['f1']:.3f} / non-sport {n['f1']:.3f}; "
          f"ORG F1 {results['all']['ORG']['f1']:.3f}; LOC F1 {results['all']['LOC']['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
