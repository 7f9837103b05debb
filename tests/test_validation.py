"""analysis.validation: the benchmarks rerun for notebook 90 (counts checked
against the benchmark READMEs in ../shared/benchmarks)."""
from __future__ import annotations

import pytest

from analysis import validation


def test_absent_data_is_a_clear_skip(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_SHARED", str(tmp_path / "nowhere"))
    for fn in (validation.readability_agreement, validation.actors_agreement,
               lambda: validation.sourcing_agreement(limit=1), lambda: validation.sentiment_agreement(n_boot=10)):
        with pytest.raises(validation.BenchmarkSkipped, match="absent"):
            fn()


def test_news_scorer_is_refused_in_sample():
    with pytest.raises(ValueError, match="fitted on this benchmark"):
        validation.sentiment_agreement(method="news")


def test_missing_script_is_a_skip():
    with pytest.raises(validation.BenchmarkSkipped, match="not in this checkout"):
        validation.benchmark_script("no_such_validation")


def test_sentiment_agreement(shared_dir):
    res = validation.sentiment_agreement(n_boot=50)
    s = res["summary"].iloc[0]
    assert (s["n"], s["editorials"]) == (2601, 249)  # the DEV half, per its README
    assert len(res["sentences"]) == 2601
    assert s["r_low"] <= s["r"] <= s["r_high"]
    assert 0.3 < s["r"] < 0.8  # VADER's published agreement on this set is about 0.5


def test_readability_agreement(shared_dir):
    res = validation.readability_agreement(indices=["flesch_kincaid_grade"])
    texts, summary = res["texts"], res["summary"]
    assert len(texts) == 282 and texts["text_id"].nunique() == 94
    assert list(summary["measure"]) == ["words", "flesch_kincaid_grade"]
    fk = summary.set_index("measure").loc["flesch_kincaid_grade"]
    assert fk["spearman"] > 0 and 0.5 < fk["cross"] <= 1 and 0.5 < fk["pairs"] <= 1


def test_actors_agreement(shared_dir):
    t = validation.actors_agreement()
    gold = t.set_index(["subset", "label"])["gold"]
    assert gold[("all", "PER")] == 1842 and gold[("all", "LOC")] == 1837 and gold[("all", "ORG")] == 1341
    assert set(t["documents"]) == {216, 119}
    assert t[["precision", "recall", "f1"]].stack().between(0, 1).all()


def test_sourcing_agreement_subset(shared_dir):
    t = validation.sourcing_agreement(limit=10).set_index("kind")
    assert list(t.index) == ["direct", "mixed", "indirect", "all"]
    assert set(t["articles"]) == {10}
    assert t.loc["all", "n_gold"] == t.loc[["direct", "mixed", "indirect"], "n_gold"].sum()
    assert t[["precision", "recall"]].stack().between(0, 100).all()
