"""analysis.measure (the one road), analysis.links (mentions x quotes),
analysis.presentation.notebook (the notebooks' prelude and tables) and "which mentions
count" (analysis.actors.counted_mentions)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import links, pipeline
from analysis.presentation import notebook
from analysis.actors import find_mentions
from analysis.actors import counted_mentions
from analysis.measure import Results, measure_options, stamp
from analysis.sourcing import extract_quotes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_results():
    return analysis.measure(SEEDS, engine="local", cache=False)


def test_measure_is_the_pipeline(seed_results):
    run = pipeline.run(SEEDS, engine="local", cache=False, progress=False)
    assert list(seed_results) == list(run)
    for name in run:
        pd.testing.assert_frame_equal(seed_results[name], run[name])
    assert seed_results.summary.read == 1


def test_in_quote_filled_as_find_mentions_with_the_quotes(seed_results, seed_articles):
    m = seed_results["mentions"]
    assert m["in_quote"].notna().all()
    assert int(m["in_quote"].sum()) == 17  # notebook 50's number, the pipeline's was NA for all 95
    quotes = extract_quotes(seed_articles)
    expected = find_mentions(seed_articles, quotes=quotes)
    pd.testing.assert_frame_equal(m.drop(columns=["quote_id"]), expected)
    pd.testing.assert_frame_equal(seed_results["quotes"].drop(columns=["speaker_mention_start"]), quotes)


def test_tables_are_linked_both_ways(seed_results):
    m, q = seed_results["mentions"], seed_results["quotes"]
    by_id = q.set_index("quote_id")
    inside = m[m["in_quote"]]
    assert inside["quote_id"].notna().all() and m.loc[~m["in_quote"], "quote_id"].isna().all()
    for r in inside.itertuples(index=False):
        quote = by_id.loc[r.quote_id]
        assert quote["kind"] in ("direct", "partial") and quote["start"] <= r.start < quote["end"]
    linked = q[q["speaker_mention_start"].notna()]
    assert len(linked) >= 15
    starts = set(zip(m["article_id"], m["start"]))
    for r in linked.itertuples(index=False):
        assert (r.article_id, r.speaker_mention_start) in starts
        mention = m[(m["article_id"] == r.article_id) & (m["start"] == r.speaker_mention_start)].iloc[0]
        assert mention["start"] < r.speaker_end and mention["end"] > r.speaker_start
    back = links.quotes_spoken_by(m, q)
    assert len(back) == len(linked) and set(back["spoken_quote_id"]) == set(linked["quote_id"])


def test_links_on_a_small_example():
    mentions = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "start": [0, 12, 30, 5], "end": [5, 16, 34, 9]})
    quotes = pd.DataFrame({"article_id": ["a", "a", "a"], "quote_id": ["a-q1", "a-q2", "a-q3"],
                           "kind": ["indirect", "direct", "partial"], "start": [10, 10, 13], "end": [40, 20, 15],
                           "speaker_start": [0, 0, pd.NA], "speaker_end": [5, 5, pd.NA]})
    m, q = links.link(mentions, quotes)
    # 12 is inside a-q2 (direct; a-q3 starts later), 30 only inside the indirect one: not in a quote
    assert m["in_quote"].tolist() == [False, True, False, False]
    assert m["quote_id"].tolist() == [None, "a-q2", None, None]
    assert q["speaker_mention_start"].tolist() == [0, 0, pd.NA]
    with pytest.raises(ValueError, match="lacks column"):
        links.mark_in_quote(mentions.drop(columns=["start"]), quotes)


def test_results_save_and_load(seed_results, tmp_path):
    seed_results.save(tmp_path / "t")
    back = Results.load(tmp_path / "t")
    assert list(back) == list(seed_results) and back.stamp == seed_results.stamp
    for name in back:
        pd.testing.assert_frame_equal(back[name], seed_results[name])
    with pytest.raises(FileNotFoundError, match="no saved results"):
        Results.load(tmp_path / "none")
    with pytest.raises(KeyError, match="the results have"):
        back["nope"]


def test_counted_mentions_is_the_filters_of_notebooks_20_and_30(seed_results):
    m = seed_results["mentions"]
    counted = counted_mentions(m)
    nb20 = m[~m["actor_id"].astype(str).str.startswith("cand:")]
    nb30 = m[m["match"] != "discovered"]
    pd.testing.assert_frame_equal(counted, nb20)
    pd.testing.assert_frame_equal(counted, nb30)
    assert 0 < len(counted) < len(m)
    discovered_only = m[m["match"] == "discovered"]
    assert counted_mentions(discovered_only) is discovered_only  # no codebook: the discovered actors


def test_notebook_tables_reuses_fresh_tables_only(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "tables"
    first = notebook.tables(corpus, out, engine="local")
    assert (out / "results.json").is_file() and (out / "quotes.parquet").is_file()
    notebook._MEMO.clear()
    calls = []
    real = notebook.measure
    monkeypatch.setattr(notebook, "measure", lambda *a, **k: calls.append(k) or real(*a, **k))
    again = notebook.tables(corpus, out, engine="local")
    assert calls == []  # read from the folder
    for name in first:
        pd.testing.assert_frame_equal(again[name], first[name])
    notebook._MEMO.clear()
    notebook.tables(corpus, out, engine="local", discover=False)  # other options: measured again
    assert len(calls) == 1
    notebook._MEMO.clear()
    (corpus / "000_48a317448381530b.txt").write_text("OTTAWA A changed story, officials said.\n", encoding="utf-8")
    changed = notebook.tables(corpus, out, engine="local")  # changed corpus: measured again
    assert len(calls) == 2 and len(changed["sentences"]) < len(first["sentences"])


def test_notebook_tables_keep_the_prelude_articles(seed_results):
    articles = analysis.load_corpus(SEEDS)
    none = articles.iloc[:0]
    limited = notebook.for_articles(seed_results, none)
    assert all(len(limited[name]) == 0 for name in limited)
    same = notebook.for_articles(seed_results, articles)
    assert all(same[name] is seed_results[name] for name in same)


def test_prelude_drops_duplicates_and_sets_provenance(tmp_path):
    from analysis.presentation.figures import _PROVENANCE

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    shutil.copy(corpus / "000_48a317448381530b.txt", corpus / "001_copy.txt")
    all_articles = notebook.prelude(corpus, notebook="x", parameters={"corpus": "c"}, duplicates=True, story=False)
    assert len(all_articles) == 2
    articles = notebook.prelude(corpus, notebook="nb", parameters={"corpus": "c", "n": 1}, sides=None)
    assert len(articles) == 1 and articles["duplicate_of"].isna().all()
    assert _PROVENANCE["notebook"] == "nb" and _PROVENANCE["parameters"] == {"corpus": "c", "n": 1}
    assert _PROVENANCE["corpus_articles"] == 1


def test_stamp_records_what_the_tables_depend_on(tmp_path):
    a = stamp(SEEDS, **measure_options())
    assert a == stamp(str(SEEDS), **measure_options())
    assert a != stamp(SEEDS, **measure_options(discover=False))
    assert set(a) == {"corpus", "options", "version", "code"}
