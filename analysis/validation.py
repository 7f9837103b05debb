"""Agreement with human annotation, for the validation notebook (90).

Each function reruns one family's benchmark on the DEV half in
``../shared/benchmarks`` (read in place, never copied) by calling that
family's own validation script in ``benchmarks/`` (loaded from its file) and
the family's public functions; nothing is re-implemented or fitted here, so
the numbers are the scripts' numbers.  When the data or the script is absent
the function raises :class:`BenchmarkSkipped` with the reason, which the
notebook prints instead of a figure.

* :func:`readability_agreement`: OneStopEnglish (Vajjala & Lučić 2018),
  282 texts of 94 Guardian articles rewritten at three levels; every index
  against the level (Spearman rho, same-article pair accuracy,
  cross-article concordance; ``benchmarks/readability_validation.py``).
* :func:`sentiment_agreement`: 2,601 NYT editorial sentences rated by 20
  people each (Hutto & Gilbert 2014); VADER compound against the mean
  rating (Pearson r with a bootstrap interval over editorials, macro-F1;
  ``benchmarks/sentiment_validation.py``).
* :func:`sourcing_agreement`: PolNeAR DEV (504 US political articles);
  quote-extraction precision and recall by gold kind with the benchmark's
  own scorer (``score_quotes.py``), predictions from
  ``benchmarks/sourcing_validation.py``.
* :func:`actors_agreement`: CoNLL-2003 English dev (216 Reuters stories);
  name discovery precision, recall, F1 per category (PER, ORG, LOC), exact
  spans (``benchmarks/actors_validation.py``).
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_DIR = ROOT / "benchmarks"

__all__ = [
    "BenchmarkSkipped",
    "shared_dir",
    "benchmark_script",
    "readability_agreement",
    "sentiment_agreement",
    "sourcing_agreement",
    "actors_agreement",
    "LEVEL_NAMES",
]

LEVEL_NAMES = {1: "Elementary", 2: "Intermediate", 3: "Advanced"}


class BenchmarkSkipped(RuntimeError):
    """A benchmark could not be run here; ``str(exc)`` says why."""


def shared_dir() -> Path:
    """``$ANALYSIS_SHARED`` or ``../shared`` beside the repository."""
    return Path(os.environ.get("ANALYSIS_SHARED", ROOT.parent / "shared")).resolve()


def _data(*parts: str) -> Path:
    path = shared_dir().joinpath("benchmarks", *parts)
    if not path.exists():
        raise BenchmarkSkipped(f"benchmark data {path} is absent (../shared is not available here)")
    return path


@lru_cache(maxsize=None)
def _load_file(path: str, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def benchmark_script(name: str) -> ModuleType:
    """The family's validation script ``benchmarks/<name>.py`` as a module
    (its ``main`` is not run)."""
    path = BENCHMARKS_DIR / f"{name}.py"
    if not path.exists():
        raise BenchmarkSkipped(f"benchmarks/{name}.py is not in this checkout")
    return _load_file(str(path), f"_benchmark_{name}")


def readability_agreement(*, indices: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Readability indices against OneStopEnglish levels.

    Returns ``{"texts": ..., "summary": ...}``: ``texts`` has one row per text
    (``id``, ``level``, ``level_num`` 1..3, ``words`` and every index);
    ``summary`` one row per measure (``words`` = the length baseline, then the
    indices, Flesch Reading Ease negated so that higher = harder): ``spearman``
    (rank correlation with level, all texts), ``pairs`` (same-article level
    pairs ordered correctly) and ``cross`` (concordance across different
    articles; 0.5 = chance, 1 = perfect) from the script's own functions."""
    rv = benchmark_script("readability_validation")
    from scipy.stats import spearmanr

    from analysis.readability import INDEX_COLUMNS, readability

    data = _data("readability", "onestopenglish_dev.jsonl")
    df = rv.load(data)
    table = readability(df[["article_id", "text"]], level="article")
    df = df.merge(table, on="article_id", how="left")
    cols = ["words"] + list(indices or INDEX_COLUMNS)
    oriented = df.copy()
    if "flesch_reading_ease" in oriented:
        oriented["flesch_reading_ease"] = -oriented["flesch_reading_ease"]
    rows = []
    for c in cols:
        rows.append({
            "measure": c,
            "spearman": float(spearmanr(oriented[c], oriented["level_num"], nan_policy="omit").statistic),
            "pairs": float(rv.pair_accuracy(oriented, c)),
            "cross": float(rv.cross_concordance(oriented, c)),
            "nan_texts": int(oriented[c].isna().sum()),
        })
    texts = df[["id", "level", "level_num"] + cols].rename(columns={"id": "text_id"})
    return {"texts": texts, "summary": pd.DataFrame(rows)}


def sentiment_agreement(*, method: str = "vader", n_boot: int = 1000) -> dict:
    """Sentence tone against the mean of 20 human ratings (NYT editorials).

    Returns ``{"sentences": ..., "summary": ...}``: ``sentences`` has ``id``,
    ``editorial``, ``human_score`` (-4..4) and ``compound`` (the method's
    score, -1..1); ``summary`` one row with ``method``, ``n``, Pearson ``r``
    and its 95% interval ``r_low``/``r_high`` (cluster bootstrap over
    editorials, the script's :func:`cluster_ci`), Spearman ``rho`` and 3-class
    ``macro_f1`` (human neutral when |mean| < 0.2).  The ``news`` method was
    fitted on this file: its figure here is in-sample and is refused; its
    cross-validated figure is in ``benchmarks/sentiment_validation.py``."""
    if method == "news":
        raise ValueError("the news scorer was fitted on this benchmark: run benchmarks/sentiment_validation.py "
                         "for its cross-validated agreement; use method='vader', 'vader-nltk' or 'afinn' here")
    sv = benchmark_script("sentiment_validation")
    from scipy.stats import pearsonr, spearmanr

    from analysis import sentiment as S

    _data("sentiment", "nyt_editorial_dev.tsv")
    gold = sv.load_gold()
    words = [[w.lower() for w in t] for t in gold["tokens"]]
    sc = S.score_texts(list(gold["unit"]), method=method, words=words)
    y = gold["human_score"].to_numpy(float)
    x = sc["compound"].to_numpy(float)
    (rlo, rhi), _ = sv.cluster_ci(x, y, gold["editorial"].to_numpy(), n_boot=n_boot)
    summary = pd.DataFrame([{
        "method": method, "n": len(gold), "editorials": int(gold["editorial"].nunique()),
        "r": float(pearsonr(x, y)[0]), "r_low": float(rlo), "r_high": float(rhi),
        "rho": float(spearmanr(x, y)[0]),
        "macro_f1": float(S.macro_f1(sc["label"].to_numpy(), S.human_labels(y))),
    }])
    sentences = pd.DataFrame({"id": gold["id"], "editorial": gold["editorial"], "human_score": y, "compound": x})
    return {"sentences": sentences, "summary": summary}


def sourcing_agreement(*, limit: int | None = None, overlap: float = 0.5) -> pd.DataFrame:
    """Quote extraction against PolNeAR DEV, by gold kind, with the benchmark's
    scorer (``score_quotes.py`` beside the gold, quotes split into pieces as
    in the sourcing script's second run).

    One row per ``kind`` (``direct``, ``mixed``: quoted fragment inside a
    paraphrase, ``indirect``: paraphrase, and ``all``): ``precision``,
    ``recall``, ``f1`` (percent; a prediction matches a gold quote when their
    word overlap is at least ``overlap`` of the longer), ``n_gold``,
    ``n_pred``, ``speaker_acc`` (lenient speaker accuracy on matched pairs)
    and ``articles``.  ``limit``: only the first N articles (documented
    subset for speed); None = all 504."""
    so = benchmark_script("sourcing_validation")
    gold_path = _data("sourcing", "polnear_dev.jsonl")
    scorer_path = gold_path.parent / "score_quotes.py"
    if not scorer_path.exists():
        raise BenchmarkSkipped(f"the benchmark's scorer {scorer_path} is absent")
    scorer = _load_file(str(scorer_path), "_benchmark_score_quotes")
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        records = records[:limit]
    preds = {p["id"]: p for p in so.predictions(records)}
    rows = []
    for kind in ("direct", "mixed", "indirect", "all"):
        res, _ = scorer.score(records, preds, overlap, None if kind == "all" else {kind}, True)
        m = res[f"overlap@{overlap:g}"] if f"overlap@{overlap:g}" in res else res["overlap@0.5"]
        rows.append({"kind": kind, "precision": m["precision"], "recall": m["recall"], "f1": m["f1"],
                     "n_gold": int(res["n_gold"]), "n_pred": int(res["n_pred"]),
                     "speaker_acc": (res.get("speaker_acc") or {}).get("acc"), "articles": len(records)})
    return pd.DataFrame(rows)


def actors_agreement() -> pd.DataFrame:
    """Name discovery against CoNLL-2003 dev, exact spans, per category.

    One row per (``subset``: all, non-sport; ``label``: PER, ORG, LOC) with
    ``precision``, ``recall``, ``f1`` (0..1), ``gold``, ``predicted``, from
    :func:`analysis.actors.discovery.discover_entities` through the script's
    ``predict`` and ``score``.  Sports results pages (97 of 216 stories) are
    tables of names, not prose: the non-sport row is the one that speaks for
    news articles."""
    av = benchmark_script("actors_validation")
    docs = av.load(_data("actors", "conll2003_dev.jsonl"))
    preds = {d["id"]: av.predict(d) for d in docs}
    rows = []
    for subset, sel in (("all", docs), ("non-sport", [d for d in docs if not d["is_sport"]])):
        res = av.score(sel, preds)
        for label in av.LABELS:
            rows.append({"subset": subset, "label": label, **res[label], "documents": len(sel)})
    out = pd.DataFrame(rows)
    return out[["subset", "label", "precision", "recall", "f1", "gold", "predicted", "documents"]]
