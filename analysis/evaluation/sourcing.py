"""Quote extraction and speaker attribution against PolNeAR.

Reads the development half of PolNeAR (``<shared>/benchmarks/sourcing/
polnear_dev.jsonl``, read in place, never copied) and runs
:func:`analysis.sourcing.extract_quotes` on every article body *as stored*
(so offsets agree with the gold).  :func:`predictions` turns our rows into the
scorer's JSONL schema; the benchmark's own scorer (``score_quotes.py`` beside
the gold) is run as a program by :func:`run_scorer`, never imported here (the
package loads no code from outside itself).

How our rows become predictions (conventions of the gold, not tuning):

* a ``partial`` quote inside an ``indirect`` one is left out and the indirect
  quote is sent with kind ``mixed`` (PolNeAR annotates the whole paraphrase
  with its quoted fragment as one "mixed" attribution); a partial quote with no
  enclosing paraphrase is sent as ``mixed``;
* an indirect quote's span starts at the complementiser ``that`` when the
  sentence has one (PolNeAR content spans include it; ours do not);
* a quotation continued over several paragraphs (wire style) is sent as one
  prediction with one span per paragraph;
* consecutive quotations of one paragraph given to the same speaker mention
  (``"A," he said. "B."``) are sent as one prediction with one span per piece
  (PolNeAR joins a source's consecutive fragments into one attribution);
* ``speaker`` is the resolved name (``speaker_name``) when there is one, else
  the phrase as written; ``speaker_start``/``speaker_end`` are the offsets of
  the mention as written (for a pronoun: the pronoun).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from analysis.evaluation.data import BenchmarkSkipped, benchmark_file, cached_frames, read_jsonl

__all__ = ["GOLD", "predictions", "write_jsonl", "run_scorer", "by_attribution", "by_speaker_place",
           "sourcing_agreement"]

GOLD = ("sourcing", "polnear_dev.jsonl")
KINDS = ("direct", "mixed", "indirect", "all")


def _prediction(r, text: str, parents: set) -> dict:
    """One of our quote rows (a named tuple) in the scorer's schema."""
    start, end = int(r.start), int(r.end)
    if r.kind == "indirect":
        kind = "mixed" if r.quote_id in parents else "indirect"
        if text[max(0, start - 5) : start].lower() == "that ":
            start -= 5
    else:
        kind = "direct" if r.kind == "direct" else "mixed"
    speaker = r.speaker_name if isinstance(r.speaker_name, str) else r.speaker
    pieces = _around_attribution(text, start, end, r) if r.kind == "indirect" else None
    return {
        "start": start,
        "end": end,
        **({"spans": pieces} if pieces else {}),
        "kind": kind,
        "attribution": r.attribution,
        "cue": r.cue if isinstance(r.cue, str) else None,
        "speaker": speaker if speaker is None or isinstance(speaker, str) else None,
        "speaker_start": None if pd.isna(r.speaker_start) else int(r.speaker_start),
        "speaker_end": None if pd.isna(r.speaker_end) else int(r.speaker_end),
    }


def _around_attribution(text: str, start: int, end: int, r) -> list[list[int]] | None:
    """The two pieces of an indirect quote interrupted by its own speaker
    and cue (``The latest test, North Korea said, was its biggest yet``;
    ``which they say left a vacuum``), or None when its speaker mention is not
    inside it: PolNeAR leaves the attribution out of the content."""
    if pd.isna(r.speaker_start) or not isinstance(r.cue, str):
        return None
    s0, e0 = int(r.speaker_start), int(r.speaker_end)
    if not start < s0 < e0 < end:
        return None
    cue_at = text.find(r.cue, e0, end)
    if cue_at < 0:
        return None
    a, b = s0, cue_at + len(r.cue)
    while a > start and text[a - 1] in " ,\n":
        a -= 1
    while b < end and text[b] in " ,\n":
        b += 1
    return [[start, a], [b, end]] if a > start and b < end else None


def _same_source_piece(prev: dict, q: dict, same_paragraph: bool) -> bool:
    """Is ``q`` the next piece of ``prev``'s attribution: both quotations of
    the same kind in one paragraph, given to the same speaker mention?"""
    return (same_paragraph and q["kind"] == prev["kind"] and q["kind"] in ("direct", "mixed")
            and q["speaker_start"] is not None and q["speaker_start"] == prev["speaker_start"]
            and q["start"] >= prev["end"])


def predictions(gold_records: list[dict]) -> list[dict]:
    """Predictions in the scorer's schema, one record per gold article."""
    from analysis.sourcing import extract_quotes
    from analysis.core.text import segment

    docs = [segment(r["text"], r["id"]) for r in gold_records]
    table = extract_quotes(docs)
    out = []
    for rec in gold_records:
        rows = table[table["article_id"] == rec["id"]]
        parents = set(rows["parent_quote_id"].dropna())
        quotes: list[dict] = []
        last_par = None
        for r in rows.itertuples(index=False):
            if r.kind == "partial" and isinstance(r.parent_quote_id, str):
                continue
            q = _prediction(r, rec["text"], parents)
            prev = quotes[-1] if quotes else None
            if prev is not None and (r.irregular == "continuation" and prev["kind"] == "direct"
                                     or _same_source_piece(prev, q, r.paragraph == last_par)):
                prev.setdefault("spans", [[prev["start"], prev["end"]]]).extend(q.get("spans", [[q["start"], q["end"]]]))
                prev["end"] = q["end"]
                continue
            quotes.append(q)
            last_par = r.paragraph
        out.append({"id": rec["id"], "quotes": quotes})
    return out


def write_jsonl(path: str | Path, records: list[dict]) -> Path:
    """``records`` as JSON Lines (UTF-8) at ``path``."""
    path = Path(path)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def run_scorer(scorer: Path, gold: Path, pred: Path, out_json: Path, *extra: str, echo: bool = False) -> dict:
    """The benchmark's scorer run as a program on ``gold`` and ``pred``
    (extra command-line options ``extra``); its metrics as a dict.
    ``echo``: print its report."""
    cmd = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json", str(out_json), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    if echo:
        print(proc.stdout)
    return json.loads(Path(out_json).read_text())


def by_attribution(scorer, gold_records: list[dict], preds: list[dict]) -> dict:
    """Speaker accuracy (lenient, the scorer's definition) on overlap-matched
    direct+mixed quotes, split by our ``attribution`` type: how far each
    kind of attribution can be trusted.  ``scorer``: the benchmark's
    ``score_quotes`` module, loaded by the caller (the command line)."""
    by_id = {p["id"]: p for p in preds}
    hits: dict[str, list[int]] = {}
    for gr in gold_records:
        text = gr["text"]
        tok = scorer.Tok(text)
        golds = scorer.split_pieces(text, [g for g in gr["quotes"] if scorer.q_spans(g)])
        ps = scorer.split_pieces(text, [dict(p) for p in by_id[gr["id"]]["quotes"] if p["kind"] in ("direct", "mixed")])
        gt = [scorer.q_tokens(tok, g) for g in golds]
        pt = [scorer.q_tokens(tok, p) for p in ps]
        pairs = []
        for gi, G in enumerate(gt):
            for pi, P in enumerate(pt):
                inter = len(G & P)
                if inter and inter / max(len(G), len(P)) >= 0.5:
                    pairs.append((inter / max(len(G), len(P)), gi, pi))
        for gi, pi in scorer.greedy(pairs).items():
            g, p = golds[gi], ps[pi]
            if g.get("kind") in ("direct", "mixed") and scorer.speaker_info(g):
                hits.setdefault(p.get("attribution") or "none", []).append(int(scorer.speaker_lenient(g, p)))
    return {k: (round(100 * sum(v) / len(v), 1), len(v)) for k, v in sorted(hits.items())}


def by_speaker_place(scorer, gold_records: list[dict], preds: list[dict]) -> dict:
    """Speaker accuracy (lenient, the scorer's) on overlap-matched direct+mixed
    quotes, split by where the *gold* speaker mention stands relative to the
    quoted piece: ``same paragraph``, ``earlier paragraph`` (a speaker carried
    over, as the annotators saw it), ``later paragraph``.  Unlike
    :func:`by_attribution` it does not depend on the package's own label, so
    its ``earlier paragraph`` row is the denominator for "speakers carried
    over from an earlier paragraph".  Paragraphs are the package's
    (:func:`analysis.core.text.segment`)."""
    from analysis.core.text import segment

    by_id = {p["id"]: p for p in preds}
    hits: dict[str, list[int]] = {}
    for gr in gold_records:
        text = gr["text"]
        doc = segment(text, gr["id"])
        tok = scorer.Tok(text)
        golds = scorer.split_pieces(text, [g for g in gr["quotes"] if scorer.q_spans(g)])
        ps = scorer.split_pieces(text, [dict(p) for p in by_id[gr["id"]]["quotes"] if p["kind"] in ("direct", "mixed")])
        gt = [scorer.q_tokens(tok, g) for g in golds]
        pt = [scorer.q_tokens(tok, p) for p in ps]
        pairs = [(len(G & P) / max(len(G), len(P)), gi, pi) for gi, G in enumerate(gt) for pi, P in enumerate(pt)
                 if G & P and len(G & P) / max(len(G), len(P)) >= 0.5]
        for gi, pi in scorer.greedy(pairs).items():
            g = golds[gi]
            if g.get("kind") not in ("direct", "mixed") or g.get("speaker_start") is None:
                continue
            p_quote, p_speaker = doc.paragraph_at(g["start"]), doc.paragraph_at(g["speaker_start"])
            place = "same paragraph" if p_quote == p_speaker else \
                "earlier paragraph" if p_speaker < p_quote else "later paragraph"
            hits.setdefault(place, []).append(int(scorer.speaker_lenient(g, ps[pi])))
    return {k: (round(100 * sum(v) / len(v), 1), len(v)) for k, v in sorted(hits.items())}


def sourcing_agreement(*, limit: int | None = None, overlap: float = 0.5, cache: bool = True) -> pd.DataFrame:
    """Quote extraction against PolNeAR DEV, by gold kind, with the benchmark's
    scorer (run as a program, quotes split into pieces as in the sourcing
    command line's second run).

    One row per ``kind`` (``direct``, ``mixed``: quoted fragment inside a
    paraphrase, ``indirect``: paraphrase, and ``all``): ``precision``,
    ``recall``, ``f1`` (percent; a prediction matches a gold quote when their
    word overlap is at least ``overlap`` of the longer), ``n_gold``,
    ``n_pred``, ``speaker_acc`` (lenient speaker accuracy on matched pairs)
    and ``articles``.  ``limit``: only the first N articles (documented
    subset for speed); None = all 504.  ``cache``: keep the result in the
    derived-table store."""
    gold_path = benchmark_file(*GOLD)
    scorer = gold_path.parent / "score_quotes.py"
    if not scorer.exists():
        raise BenchmarkSkipped(f"the benchmark's scorer {scorer} is absent")

    def build() -> dict[str, pd.DataFrame]:
        records = read_jsonl(gold_path)
        if limit:
            records = records[:limit]
        rows = []
        with tempfile.TemporaryDirectory(prefix="sourcing_agreement_") as tmp:
            gold_used = write_jsonl(Path(tmp) / "gold.jsonl", records) if limit else gold_path
            pred = write_jsonl(Path(tmp) / "predictions.jsonl", predictions(records))
            for kind in KINDS:
                extra = ["--overlap", f"{overlap!r}", "--split-pieces"] + ([] if kind == "all" else ["--kinds", kind])
                res = run_scorer(scorer, gold_used, pred, Path(tmp) / f"{kind}.json", *extra)
                m = res[f"overlap@{overlap:g}"] if f"overlap@{overlap:g}" in res else res["overlap@0.5"]
                rows.append({"kind": kind, "precision": m["precision"], "recall": m["recall"], "f1": m["f1"],
                             "n_gold": int(res["n_gold"]), "n_pred": int(res["n_pred"]),
                             "speaker_acc": (res.get("speaker_acc") or {}).get("acc"), "articles": len(records)})
        return {"table": pd.DataFrame(rows)}

    return cached_frames("sourcing", params={"limit": limit, "overlap": overlap}, inputs=[gold_path, scorer],
                         build=build, cache=cache)["table"]
