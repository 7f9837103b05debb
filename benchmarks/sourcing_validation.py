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

How our rows become predictions (conventions of the gold, not tuning):

* a ``partial`` quote inside an ``indirect`` one is left out and the indirect
  quote is sent with kind ``mixed`` (PolNeAR annotates the whole paraphrase
  with its quoted fragment as one "mixed" attribution); a partial quote with no
  enclosing paraphrase is sent as ``mixed``;
* an indirect quote's span starts at the complementiser ``that`` when the
  sentence has one (PolNeAR content spans include it; ours do not);
* a quotation continued over several paragraphs (wire style) is sent as one
  prediction with one span per paragraph;
* ``speaker`` is the resolved name (``speaker_name``) when there is one, else
  the phrase as written; ``speaker_start``/``speaker_end`` are the offsets of
  the mention as written (for a pronoun: the pronoun).

Ends with a one-line summary.  Takes about a minute on one core.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis.sourcing import extract_quotes  # noqa: E402
from analysis.text import segment  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks" / "sourcing"


def predictions(gold_records: list[dict]) -> list[dict]:
    """Predictions in the scorer's schema, one record per gold article."""
    docs = [segment(r["text"], r["id"]) for r in gold_records]
    table = extract_quotes(docs)
    out = []
    for rec in gold_records:
        text = rec["text"]
        rows = table[table["article_id"] == rec["id"]]
        parents = set(rows["parent_quote_id"].dropna())
        quotes: list[dict] = []
        for r in rows.itertuples(index=False):
            if r.kind == "partial" and isinstance(r.parent_quote_id, str):
                continue
            start, end = int(r.start), int(r.end)
            if r.kind == "indirect":
                kind = "mixed" if r.quote_id in parents else "indirect"
                if text[max(0, start - 5) : start].lower() == "that ":
                    start -= 5
            else:
                kind = "direct" if r.kind == "direct" else "mixed"
            q = {
                "start": start,
                "end": end,
                "kind": kind,
                "attribution": r.attribution,
                "speaker": r.speaker_name if isinstance(r.speaker_name, str) else r.speaker,
                "speaker_start": None if pd.isna(r.speaker_start) else int(r.speaker_start),
                "speaker_end": None if pd.isna(r.speaker_end) else int(r.speaker_end),
            }
            if q["speaker"] is not None and not isinstance(q["speaker"], str):
                q["speaker"] = None
            if r.irregular == "continuation" and quotes and quotes[-1]["kind"] == "direct":
                prev = quotes[-1]
                prev.setdefault("spans", [[prev["start"], prev["end"]]]).append([start, end])
                prev["end"] = end
                continue
            quotes.append(q)
        out.append({"id": rec["id"], "quotes": quotes})
    return out


def by_attribution(scorer: Path, gold_records: list[dict], preds: list[dict]) -> dict:
    """Speaker accuracy (lenient, the scorer's definition) on overlap-matched
    direct+mixed quotes, split by our ``attribution`` type: how far each
    kind of attribution can be trusted."""
    sys.path.insert(0, str(scorer.parent))
    try:
        import score_quotes as S
    finally:
        sys.path.pop(0)
    by_id = {p["id"]: p for p in preds}
    hits: dict[str, list[int]] = {}
    for gr in gold_records:
        text = gr["text"]
        tok = S.Tok(text)
        golds = S.split_pieces(text, [g for g in gr["quotes"] if S.q_spans(g)])
        ps = S.split_pieces(text, [dict(p) for p in by_id[gr["id"]]["quotes"] if p["kind"] in ("direct", "mixed")])
        gt = [S.q_tokens(tok, g) for g in golds]
        pt = [S.q_tokens(tok, p) for p in ps]
        pairs = []
        for gi, G in enumerate(gt):
            for pi, P in enumerate(pt):
                inter = len(G & P)
                if inter and inter / max(len(G), len(P)) >= 0.5:
                    pairs.append((inter / max(len(G), len(P)), gi, pi))
        for gi, pi in S.greedy(pairs).items():
            g, p = golds[gi], ps[pi]
            if g.get("kind") in ("direct", "mixed") and S.speaker_info(g):
                hits.setdefault(p.get("attribution") or "none", []).append(int(S.speaker_lenient(g, p)))
    return {k: (round(100 * sum(v) / len(v), 1), len(v)) for k, v in sorted(hits.items())}


def run_scorer(scorer: Path, gold: Path, pred: Path, outdir: Path, name: str, *extra: str) -> dict:
    js = outdir / f"{name}.json"
    cmd = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json", str(js), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    print(proc.stdout)
    return json.loads(js.read_text())


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
        gold_used = outdir / "gold_subset.jsonl"
        gold_used.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    pred_path = outdir / "predictions.jsonl"
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    dm = run_scorer(scorer, gold_used, pred_path, outdir, "direct_mixed", "--kinds", "direct,mixed", "--split-pieces")
    al = run_scorer(scorer, gold_used, pred_path, outdir, "all_pieces", "--split-pieces")
    aa = run_scorer(scorer, gold_used, pred_path, outdir, "all")
    n_pred = sum(len(p["quotes"]) for p in preds)
    per_type = by_attribution(scorer, records, preds)
    print("speaker accuracy by attribution type (direct+mixed, overlap-matched): " + ", ".join(
        f"{k} {acc}% (n={n})" for k, (acc, n) in per_type.items()))
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
