"""Name discovery against human annotation: CoNLL-2003 English dev set.

Reads ``<shared>/benchmarks/actors/conll2003_dev.jsonl`` in place (Reuters
news 1996 with gold PER/ORG/LOC/MISC spans; see its README), runs
:func:`analysis.actors.discovery.discover_entities` on each document's text (the
package's own segmentation; no codebook) and scores exact-span matches per
label: precision = correct / predicted, recall = correct / gold, F1 their
harmonic mean (CoNLL's official criterion: same start, end and label).
MISC is not predicted (demonyms, events are not actors), so it is not scored.
Sports results pages (97 of 216 stories) are tables of names, not prose: the
non-sport subset is the one that speaks for news articles.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.evaluation.data import benchmark_file, cached_frames, read_jsonl

__all__ = ["LABELS", "load", "predict", "score", "actors_agreement"]

LABELS = ("PER", "ORG", "LOC")
DATA = ("actors", "conll2003_dev.jsonl")


def load(path: str | Path) -> list[dict]:
    """The annotated documents (``id``, ``text``, ``entities``, ``is_sport``)."""
    return read_jsonl(path)


def predict(doc: dict) -> set[tuple[int, int, str]]:
    """``(start, end, label)`` of every name discovery finds in one document."""
    from analysis.actors.discovery import discover_entities
    from analysis.core.text import segment

    d = segment(doc["text"], doc["id"])
    return {(e["start"], e["end"], e["label"]) for e in discover_entities(d)}


def score(docs: list[dict], preds: dict) -> dict:
    """Exact-span precision, recall, F1, gold and predicted counts per label
    over ``docs`` (``preds``: document id -> :func:`predict`'s set)."""
    out = {}
    for lab in LABELS:
        tp = fp = fn = 0
        for doc in docs:
            gold = {(e["start"], e["end"]) for e in doc["entities"] if e["label"] == lab}
            pred = {(s, e) for s, e, l in preds[doc["id"]] if l == lab}
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"precision": p, "recall": r, "f1": f, "gold": tp + fn, "predicted": tp + fp}
    return out


def actors_agreement(*, cache: bool = True) -> pd.DataFrame:
    """Name discovery against CoNLL-2003 dev, exact spans, per category.

    One row per (``subset``: all, non-sport; ``label``: PER, ORG, LOC) with
    ``precision``, ``recall``, ``f1`` (0..1), ``gold``, ``predicted`` and
    ``documents``.  ``cache``: keep the result in the derived-table store."""
    data = benchmark_file(*DATA)

    def build() -> dict[str, pd.DataFrame]:
        docs = load(data)
        preds = {d["id"]: predict(d) for d in docs}
        rows = []
        for subset, sel in (("all", docs), ("non-sport", [d for d in docs if not d["is_sport"]])):
            res = score(sel, preds)
            for label in LABELS:
                rows.append({"subset": subset, "label": label, **res[label], "documents": len(sel)})
        out = pd.DataFrame(rows)
        return {"table": out[["subset", "label", "precision", "recall", "f1", "gold", "predicted", "documents"]]}

    return cached_frames("actors", params={}, inputs=[data], build=build, cache=cache)["table"]
