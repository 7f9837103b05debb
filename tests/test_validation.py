"""analysis.evaluation: the benchmarks rerun for notebook 90 (counts checked
against the benchmark READMEs in ../shared/benchmarks)."""
from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from analysis import evaluation

ROOT = Path(__file__).resolve().parent.parent


def test_absent_data_is_a_clear_skip(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_SHARED", str(tmp_path / "nowhere"))
    for fn in (evaluation.readability_agreement, evaluation.actors_agreement,
               lambda: evaluation.sourcing_agreement(limit=1), lambda: evaluation.sentiment_agreement(n_boot=10)):
        with pytest.raises(evaluation.BenchmarkSkipped, match="absent"):
            fn()


def test_news_scorer_is_refused_in_sample():
    with pytest.raises(ValueError, match="fitted on this benchmark"):
        evaluation.sentiment_agreement(method="news")


def test_the_library_loads_no_code_from_outside_itself():
    """No module of the package imports a file by path (benchmarks/*.py, the
    benchmark's scorer): the benchmark's scorer is run as a program."""
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert not names & {"spec_from_file_location", "SourceFileLoader", "run_path"}, path
    src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "analysis").rglob("*.py"))
    assert "import score_quotes" not in src


def test_benchmark_command_lines_are_thin():
    """The validation command lines hold no scoring of their own: every one
    imports its family's analysis.evaluation module."""
    for name, module in (("readability_validation", "readability"), ("sentiment_validation", "sentiment"),
                         ("sourcing_validation", "sourcing"), ("actors_validation", "actors"),
                         ("speakers_validation", "speakers"), ("syllable_agreement", "syllables"),
                         ("bootstrap_accuracy", "bootstrap_accuracy"), ("actors_aliases", "aliases")):
        text = (ROOT / "benchmarks" / f"{name}.py").read_text(encoding="utf-8")
        assert f"analysis.evaluation.{module} import" in text, name


def test_cached_frames_read_back_equal_what_was_built(tmp_path, monkeypatch):
    """The derived-table store gives back the frames it was given, dtypes,
    NaN and None included; a changed input file or parameter builds afresh."""
    from analysis.evaluation.data import cached_frames

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "gold.txt"
    src.write_text("one", encoding="utf-8")
    frame = pd.DataFrame({"kind": ["a", "b"], "x": [0.1 + 0.2, float("nan")], "n": [3, 4],
                          "acc": [None, 86.5], "ok": [True, False], "note": ["x", None]})
    calls = []

    def build():
        calls.append(1)
        return {"t": frame}

    first = cached_frames("t", params={"p": 1}, inputs=[src], build=build)["t"]
    second = cached_frames("t", params={"p": 1}, inputs=[src], build=build)["t"]
    assert len(calls) == 1
    for got in (first, second):
        pd.testing.assert_frame_equal(got, frame)
    cached_frames("t", params={"p": 2}, inputs=[src], build=build)
    src.write_text("two", encoding="utf-8")
    cached_frames("t", params={"p": 1}, inputs=[src], build=build)
    assert len(calls) == 3
    cached_frames("t", params={"p": 1}, inputs=[src], build=build, cache=False)
    assert len(calls) == 4


def test_sentiment_agreement(shared_dir):
    res = evaluation.sentiment_agreement(n_boot=50)
    s = res["summary"].iloc[0]
    assert (s["n"], s["editorials"]) == (2601, 249)  # the DEV half, per its README
    assert len(res["sentences"]) == 2601
    assert s["r_low"] <= s["r"] <= s["r_high"]
    assert 0.3 < s["r"] < 0.8  # VADER's published agreement on this set is about 0.5


def test_readability_agreement(shared_dir):
    res = evaluation.readability_agreement(indices=["flesch_kincaid_grade"])
    texts, summary = res["texts"], res["summary"]
    assert len(texts) == 282 and texts["text_id"].nunique() == 94
    assert list(summary["measure"]) == ["words", "flesch_kincaid_grade"]
    fk = summary.set_index("measure").loc["flesch_kincaid_grade"]
    assert fk["spearman"] > 0 and 0.5 < fk["cross"] <= 1 and 0.5 < fk["pairs"] <= 1


def test_readability_agreement_cached_equals_fresh(shared_dir):
    cached = evaluation.readability_agreement(indices=["flesch_kincaid_grade"])
    fresh = evaluation.readability_agreement(indices=["flesch_kincaid_grade"], cache=False)
    for key in ("texts", "summary"):
        pd.testing.assert_frame_equal(cached[key], fresh[key])


def test_actors_agreement(shared_dir):
    t = evaluation.actors_agreement()
    gold = t.set_index(["subset", "label"])["gold"]
    assert gold[("all", "PER")] == 1842 and gold[("all", "LOC")] == 1837 and gold[("all", "ORG")] == 1341
    assert set(t["documents"]) == {216, 119}
    assert t[["precision", "recall", "f1"]].stack().between(0, 1).all()


def test_sourcing_agreement_subset(shared_dir):
    t = evaluation.sourcing_agreement(limit=10).set_index("kind")
    assert list(t.index) == ["direct", "mixed", "indirect", "all"]
    assert set(t["articles"]) == {10}
    assert t.loc["all", "n_gold"] == t.loc[["direct", "mixed", "indirect"], "n_gold"].sum()
    assert t[["precision", "recall"]].stack().between(0, 100).all()


def test_sourcing_agreement_is_the_scorers_own(shared_dir):
    """The scorer run as a program gives what the scorer's own function gives
    in process (loaded here, in the test, from beside the gold)."""
    import importlib.util

    from analysis.evaluation.data import read_jsonl
    from analysis.evaluation.sourcing import predictions

    bench = shared_dir / "benchmarks" / "sourcing"
    spec = importlib.util.spec_from_file_location("score_quotes_for_test", bench / "score_quotes.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    records = read_jsonl(bench / "polnear_dev.jsonl")[:8]
    preds = {p["id"]: p for p in predictions(records)}
    t = evaluation.sourcing_agreement(limit=8, cache=False).set_index("kind")
    for kind in ("direct", "mixed", "indirect", "all"):
        res, _ = scorer.score(records, preds, 0.5, None if kind == "all" else {kind}, True)
        assert t.loc[kind, "f1"] == res["overlap@0.5"]["f1"]
        assert t.loc[kind, "n_gold"] == res["n_gold"] and t.loc[kind, "n_pred"] == res["n_pred"]

