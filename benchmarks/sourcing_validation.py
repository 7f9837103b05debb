"""Validate quote extraction and speaker attribution against PolNeAR.

    python benchmarks/sourcing_validation.py [--gold PATH] [--limit N] [--out DIR]

Reads the development half of PolNeAR (``../shared/benchmarks/sourcing/
polnear_dev.jsonl``, read in place, never copied), runs
:func:`analysis.sourcing.extract_quotes` on every article body *as stored*
(so offsets agree with the gold), writes the predictions in the scorer's JSONL
schema and runs the benchmark's own scorer (``score_quotes.py`` beside the
gold, as a subprocess) three times:

1. direct + mixed quotes, ``--split-pieces`` (one gold quote per quoted piece):
   the quotation-mark task, comparable with the Gender Gap Tracker figures;
2. all kinds, ``--split-pieces``;
3. all kinds as annotated (PolNeAR attributions, several pieces merged).

How our rows become predictions: see :mod:`analysis.evaluation.sourcing`,
which holds the predictions and the scoring; this is its command line.

Ends with a one-line summary.  Takes about a minute on one core.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluation.sourcing import by_attribution, by_speaker_place, predictions, run_scorer, write_jsonl  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks" / "sourcing"


def load_scorer(path: Path):
    """The benchmark's ``score_quotes.py`` as a module (for the per-attribution
    split, which needs its matching functions)."""
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(SHARED / "polnear_dev.jsonl"))
    ap.add_argument("--scorer", default=None, help="score_quotes.py (default: beside the gold)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--out", default=None, help="keep predictions and scores in this folder")
    args = ap.parse_args(argv)
    gold = Path(args.gold)
    if not gold.exists():
        print(f"gold file {gold} is absent: nothing to validate", file=sys.stderr)
        return 1
    scorer = Path(args.scorer) if args.scorer else gold.parent / "score_quotes.py"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        records = records[: args.limit]
    t0 = time.perf_counter()
    preds = predictions(records)
    seconds = time.perf_counter() - t0
    outdir = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="sourcing_validation_"))
    outdir.mkdir(parents=True, exist_ok=True)
    gold_used = gold
    if args.limit:
        gold_used = write_jsonl(outdir / "gold_subset.jsonl", records)
    pred_path = write_jsonl(outdir / "predictions.jsonl", preds)
    dm = run_scorer(scorer, gold_used, pred_path, outdir / "direct_mixed.json", "--kinds", "direct,mixed",
                    "--split-pieces", echo=True)
    al = run_scorer(scorer, gold_used, pred_path, outdir / "all_pieces.json", "--split-pieces", echo=True)
    aa = run_scorer(scorer, gold_used, pred_path, outdir / "all.json", echo=True)
    n_pred = sum(len(p["quotes"]) for p in preds)
    per_type = by_attribution(load_scorer(scorer), records, preds)
    print("speaker accuracy by attribution type (direct+mixed, overlap-matched): " + ", ".join(
        f"{k} {acc}% (n={n})" for k, (acc, n) in per_type.items()))
    per_place = by_speaker_place(load_scorer(scorer), records, preds)
    print("speaker accuracy by where the gold speaker stands (direct+mixed, overlap-matched): " + ", ".join(
        f"{k} {acc}% (n={n})" for k, (acc, n) in per_place.items()))
    print(f"GGT-style@0.3 (direct+mixed): F1 {dm['ggt_style@0.3']['f1']}, speaker match {dm['ggt_style@0.3']['speaker_match_acc']}%")
    print(f"extraction: {len(records)} articles, {n_pred} predicted quotes in {seconds:.1f} s")

    def f(res, key):
        return res[key]["f1"]

    print(
        "SUMMARY sourcing: direct+mixed overlap F1 {:.1f} (P {:.1f} R {:.1f}), exact F1 {:.1f}, GGT@0.3 F1 {:.1f}, "
        "speaker acc {:.1f} | all kinds overlap F1 {:.1f} (pieces {:.1f}), exact F1 {:.1f}, speaker acc {:.1f} "
        "(floor: 74.2 / 28.4 / speaker 65; GGT anchor: 83.7 / speaker 86.5)".format(
            f(dm, "overlap@0.5"), dm["overlap@0.5"]["precision"], dm["overlap@0.5"]["recall"], f(dm, "exact"),
            f(dm, "ggt_style@0.3"), dm["speaker_acc"]["acc"] or 0, f(aa, "overlap@0.5"), f(al, "overlap@0.5"),
            f(aa, "exact"), aa["speaker_acc"]["acc"] or 0,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
