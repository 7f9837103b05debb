"""Corpus-scale runs (analysis.pipeline): streaming reader, engines, cache,
Parquet output, resume and bad articles.

Small corpora are built in tmp_path from the seed article (its paragraphs
rotated, so every article differs); the streaming reader is also checked
against load_corpus on the shared Huawei corpus when ../shared is present.
Families run are whatever is installed (``families="all"``), so these tests exercise
the real entry points; the fault tests add a failing step by patching the
registry (local engine, same process)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus, pipeline
from analysis.pipeline import FAMILIES, Family, screen_text

from .conftest import SEED_FILE, SEEDS

HUAWEI = "corpora/huawei_uk_5g_2019_2022/huawei_uk_5g.jsonl"


def _seed_paragraphs() -> list[str]:
    text = load_corpus(SEED_FILE)["text"].iloc[0]
    return [p.strip() for p in text.split("\n") if p.strip()]


def write_corpus(path: Path, n: int = 12, *, extra_lines: list[bytes] = ()) -> list[dict]:
    """n articles made of the seed's paragraphs, rotated by i (article i starts
    with paragraph i), as JSON Lines; extra raw lines are appended."""
    paras = _seed_paragraphs()
    rows = []
    for i in range(n):
        body = "\n\n".join(paras[i % len(paras):] + paras[: i % len(paras)][:2])
        rows.append({"id": f"a{i:02d}", "date": f"2021-10-{1 + i:02d}", "outlet": "Seed Wire", "text": body})
    with open(path, "wb") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n")
        for raw in extra_lines:
            fh.write(raw.rstrip(b"\n") + b"\n")
    return rows


def assert_same_tables(a, b) -> None:
    assert list(a) == list(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


# ---------------------------------------------------------------------------
# reading


def test_stream_reads_what_load_corpus_reads(tmp_path):
    path = tmp_path / "c.jsonl"
    write_corpus(path, 5)
    loaded = load_corpus(path)
    records = [r for r, p in pipeline.iter_articles(path)]
    assert len(records) == 5 and all(r is not None for r in records)
    for rec, (_, row) in zip(records, loaded.iterrows()):
        for col in ["article_id", "date", "outlet", "text", "n_chars", "n_paragraphs", "n_words", "content_hash"]:
            assert rec[col] == row[col], col
    # a folder of the wire layout (the seeds) gives the same metadata and body
    (seed_rec, _), = list(pipeline.iter_articles(SEEDS))
    seed_row = load_corpus(SEEDS).iloc[0]
    for col in ["article_id", "date", "dateline", "outlet", "byline", "contributors", "text"]:
        assert seed_rec[col] == seed_row[col], col


def test_stream_matches_load_corpus_on_a_real_corpus(shared_dir):
    path = shared_dir / HUAWEI
    loaded = load_corpus(path).drop(columns=["text"])
    result = pipeline.run(path, families=[], engine="local", progress=False)
    art = result["articles"]
    assert len(art) == 68 and result.summary.n_skipped == 0
    cols = [c for c in loaded.columns if c in art.columns]
    pd.testing.assert_frame_equal(art[cols], loaded[cols], check_dtype=False)
    assert art["outlet"].value_counts()["Global Times"] == 13  # as the corpus README lists


def test_results_do_not_depend_on_the_batches(shared_dir):
    # the same articles scored in batches of 5 or of 34: every table identical,
    # to the last bit (the intervals of many same-size paragraphs are computed together)
    path = shared_dir / HUAWEI
    small = pipeline.run(path, engine="local", batch_size=5, cache=False, progress=False)
    whole = pipeline.run(path, engine="local", cache=False, progress=False)
    assert (small.summary.batches, whole.summary.batches) == (14, 2)
    for t in whole:
        pd.testing.assert_frame_equal(small[t], whole[t], check_exact=True)


def test_batch_sizes_shrink_towards_the_end():
    def sizes(total, batch_size):
        out, read = [], 0
        while read < total:
            n = min(pipeline.batching.batch_target(batch_size, total, read), total - read)
            out.append(n)
            read += n
        return out

    # BBC's 2,225 articles in batches of 500: a quarter of what is left, at least 63
    assert sizes(2225, 500) == [500, 432, 324, 243, 182, 136, 102, 77, 63, 63, 52, 51]
    assert sizes(68, 500) == [34, 34]  # the last two share what is left
    assert sizes(8, 2) == [2, 2, 2, 2]  # batches under TAIL_MIN_BATCH are never cut
    assert pipeline.batching.batch_target(500, None, 0) == 500  # no count, no cut


def test_run_tables_match_the_shared_segmentation(seed_articles):
    from analysis.core.text import paragraph_table, sentence_table

    result = pipeline.run(SEEDS, families=[], engine="local", progress=False)
    pd.testing.assert_frame_equal(result["sentences"], sentence_table(seed_articles))
    pd.testing.assert_frame_equal(result["paragraphs"], paragraph_table(seed_articles))
    art = result["articles"]
    assert art["article_id"].tolist() == ["000_48a317448381530b"]
    assert "text" not in art.columns
    # the seed body has 26 paragraphs (one per line) and 36 sentences; paragraph 15
    # is a three-sentence quote whose middle sentence is sentence 20
    assert art["n_paragraphs"].iloc[0] == 26 and art["n_sentences"].iloc[0] == 36
    s20 = result["sentences"].query("sentence == 20").iloc[0]
    assert (s20["paragraph"], s20["text"]) == (15, "And I hope the shadow of hostage diplomacy has been lifted.")
    assert art["outlet"].iloc[0] == seed_articles["outlet"].iloc[0]
    assert result.summary.scored == 1 and result.summary.n_skipped == 0


# ---------------------------------------------------------------------------
# engines


def test_three_engines_give_identical_tables(tmp_path):
    from dask.distributed import Client, LocalCluster

    sample = tmp_path / "sample.jsonl"
    write_corpus(sample, 8)
    common = dict(families="all", batch_size=2, progress=False)
    local = pipeline.run(sample, engine="local", **common)
    assert local.summary.batches == 4 and local.summary.scored == 8
    assert local.summary.n_skipped == 0
    process = pipeline.run(sample, engine="process", n_workers=2, **common)
    assert process.summary.n_workers == 2
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    try:
        dask = pipeline.run(sample, engine="dask", scheduler=client, out_dir=tmp_path / "dask_out", **common)
        assert dask.summary.n_workers == 2
        dask_tables = {name: dask[name] for name in dask}  # read back from Parquet
    finally:
        client.close()
        cluster.close(timeout=10)
    assert_same_tables(local, process)
    assert_same_tables(local, dask_tables)
    assert local["articles"]["article_id"].tolist() == [f"a{i:02d}" for i in range(8)]
    # article i is the seed's 26 paragraphs from paragraph i on, then the first min(i, 2)
    assert local["paragraphs"].groupby("article_id", sort=False).size().tolist() == [26, 26, 26, 25, 24, 23, 22, 21]
    for name in ("mentions", "quotes"):
        if name in local:
            assert len(local[name]) > 0
            assert set(local[name]["article_id"]) <= set(local["articles"]["article_id"])


def test_auto_engine_and_option_errors(tmp_path):
    path = tmp_path / "c.jsonl"
    write_corpus(path, 3)
    assert pipeline.run(path, families=[], progress=False).summary.engine == "local"
    with pytest.raises(ValueError, match=r"engine must be one of \['auto', 'local', 'process', 'dask'\]"):
        pipeline.run(path, engine="spark")
    with pytest.raises(ValueError, match="unknown family"):
        pipeline.run(path, families=["tone"])
    with pytest.raises(ValueError, match="batch_size"):
        pipeline.run(path, batch_size=0)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="not a pipeline output folder"):
        pipeline.run(path, out_dir=tmp_path / "notes", progress=False)
    assert (tmp_path / "notes" / "mine.txt").read_text() == "keep me"


# ---------------------------------------------------------------------------
# cache and resume


def test_cache_second_run_scores_nothing_and_one_change_rescores_one(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = write_corpus(path, 6)
    out = tmp_path / "out"
    first = pipeline.run(path, out_dir=out, batch_size=2, engine="local", progress=False)
    assert (first.summary.scored, first.summary.from_cache, first.summary.batches) == (6, 0, 3)
    tables = {n: first[n] for n in first}
    assert sorted(p.name for p in (out / "sentences").iterdir()) == [
        "batch-000000.parquet", "batch-000001.parquet", "batch-000002.parquet"]

    again = pipeline.run(path, out_dir=out, batch_size=2, engine="local", progress=False)
    assert (again.summary.scored, again.summary.from_cache, again.summary.batches_reused) == (0, 6, 3)
    assert_same_tables(tables, {n: again[n] for n in again})

    # a new output folder with the same cache: rebuilt from the cache alone
    fresh_out = pipeline.run(path, out_dir=tmp_path / "out2", cache_dir=out / "cache", batch_size=2,
                             engine="local", progress=False)
    assert (fresh_out.summary.scored, fresh_out.summary.from_cache, fresh_out.summary.reused) == (0, 6, 0)
    assert_same_tables(tables, {n: fresh_out[n] for n in fresh_out})

    # change one article: exactly one is scored again
    rows[3]["text"] = rows[3]["text"].replace("Biden", "Joe Biden", 1)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    changed = pipeline.run(path, out_dir=out, batch_size=2, engine="local", progress=False)
    assert (changed.summary.scored, changed.summary.from_cache) == (1, 5)
    assert changed.summary.batches_reused == 2  # batches 0 and 2 untouched, a03 is in batch 1
    uncached = pipeline.run(path, cache=False, batch_size=2, engine="local", progress=False)
    assert_same_tables({n: changed[n] for n in changed}, uncached)
    a03 = changed["sentences"].query("article_id == 'a03'")
    assert a03["text"].str.startswith("But she said Joe Biden pushed").sum() == 1


def test_a_body_twice_in_a_batch_is_cached_once_and_comes_back_for_both(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = write_corpus(path, 4)
    rows[2]["text"] = rows[0]["text"]  # a02 repeats a00's body (a wire story run twice)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    first = pipeline.run(path, out_dir=tmp_path / "out", batch_size=4, engine="local", progress=False)
    assert first["articles"]["duplicate_of"].tolist()[2] == "a00"
    cached = pipeline.run(path, out_dir=tmp_path / "out2", cache_dir=tmp_path / "out" / "cache", batch_size=4,
                          engine="local", progress=False)
    assert (cached.summary.scored, cached.summary.from_cache) == (0, 4)
    assert_same_tables({n: first[n] for n in first}, {n: cached[n] for n in cached})
    sentences = cached["sentences"]
    n_a00 = (sentences["article_id"] == "a00").sum()
    assert n_a00 > 0 and (sentences["article_id"] == "a02").sum() == n_a00


def test_interrupted_run_resumes_from_written_batches(tmp_path, monkeypatch):
    path = tmp_path / "c.jsonl"
    write_corpus(path, 12)
    out = tmp_path / "out"
    seg = FAMILIES["segmentation"]

    def interrupt_on_a08(docs, upstream, params):
        if any(d.article_id == "a08" for d in docs):
            raise KeyboardInterrupt  # Ctrl-C while batch 2 (a08-a11) is scored
        return seg.step(docs, upstream, params)

    monkeypatch.setitem(FAMILIES, "segmentation", Family("segmentation", seg.module, interrupt_on_a08, seg.tables))
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(path, out_dir=out, batch_size=4, engine="local", cache=False, families=[], progress=False)
    assert sorted(p.name for p in (out / "_batches").iterdir()) == ["batch-000000.json", "batch-000001.json"]
    # a half-written file from the interruption is hidden and never read
    (out / "sentences" / ".batch-000002.parquet.123.tmp").write_bytes(b"PAR1 truncated")
    monkeypatch.setitem(FAMILIES, "segmentation", seg)
    resumed = pipeline.run(path, out_dir=out, batch_size=4, engine="local", cache=False, families=[],
                           progress=False)
    s = resumed.summary
    assert (s.batches, s.batches_reused, s.scored, s.reused) == (3, 2, 4, 8)
    clean = pipeline.run(path, batch_size=4, engine="local", families=[], progress=False)
    assert_same_tables({n: resumed[n] for n in resumed}, clean)


# ---------------------------------------------------------------------------
# bad articles


_LONG = ("A sentence of words. " * 5 + "\n") * 3_000  # 318,000 characters, paragraphs of 105


@pytest.mark.parametrize(
    "text, limits, reason",
    [
        ("", {}, "empty"),
        (" \n\t ... \n", {}, "empty"),
        (_LONG, {}, None),  # measured, not skipped, unless a researcher sets a limit
        (_LONG, {"max_chars": 200_000}, "too long: 318,000 characters (limit 200,000)"),
        (_LONG, {"max_paragraph_chars": 100}, "pathological: one paragraph of 105 characters (limit 100)"),
        ("x" * 30_000 + ".", {}, "pathological: one paragraph of 30,001 characters"),
        ("x" * 30_000 + ".", {"max_paragraph_chars": None}, "pathological: 30,000 characters without sentence-"),
        (" ".join(["word"] * 500), {}, "pathological: 2,499 characters without sentence-ending punctuation"),
        ("Short. Fine text.\nAnother line without a stop", {}, None),
    ],
)
def test_screen_text(text, limits, reason):
    got = screen_text(text, **limits)
    if reason is None:
        assert got is None
    else:
        assert got is not None and got.startswith(reason), got


def test_bad_articles_are_skipped_and_listed(tmp_path, monkeypatch):
    path = tmp_path / "c.jsonl"
    bad = [
        b'{"id": "undecodable", "text": "caf\x81\x8d broken bytes"}',
        b'{"id": "empty", "text": "   "}',
        json.dumps({"id": "huge", "text": "x" * 5_000_000}).encode(),
        json.dumps({"id": "nopunct", "text": " ".join(["word"] * 600)}).encode(),
        b'{"id": "truncated", "text": "no closing',
        json.dumps({"id": "a03", "text": "Same id as an earlier article. It is skipped."}).encode(),
        json.dumps({"id": "crashes", "text": "This article makes a family raise. Nothing else is lost."}).encode(),
    ]
    write_corpus(path, 10, extra_lines=bad)
    seg = FAMILIES["segmentation"]

    def fragile(docs, upstream, params):
        if any(d.article_id == "crashes" for d in docs):
            raise RuntimeError("cannot score this one")
        return seg.step(docs, upstream, params)

    monkeypatch.setitem(FAMILIES, "segmentation", Family("segmentation", seg.module, fragile, seg.tables))
    out = tmp_path / "out"
    result = pipeline.run(path, out_dir=out, batch_size=4, engine="local", families=[], progress=False)
    s = result.summary
    assert s.read == 17 and s.scored == 10 and s.n_skipped == 7
    skipped = s.skipped.set_index("line")
    assert skipped.loc[11, "reason"].startswith("undecodable bytes")
    assert skipped.loc[12, "reason"] == "record's text is empty"
    assert skipped.loc[13, "reason"].startswith("pathological: one paragraph of 5,000,000 characters")
    assert skipped.loc[14, "reason"].startswith("pathological: 2,999 characters without sentence-ending")
    assert skipped.loc[15, "reason"].startswith("malformed JSON line")
    assert skipped.loc[16, "reason"].startswith("duplicate article_id")
    assert skipped.loc[17, "reason"].startswith("segmentation failed: RuntimeError: cannot score this one")
    assert skipped.loc[17, "article_id"] == "crashes"
    assert result["articles"]["article_id"].tolist() == [f"a{i:02d}" for i in range(10)]
    assert "crashes" not in set(result["sentences"]["article_id"])
    listed = pd.read_csv(out / "skipped.csv")
    assert len(listed) == 7
    assert json.loads((out / "summary.json").read_text())["skipped"] == 7


def test_a_long_document_is_measured_unless_a_limit_is_set(tmp_path):
    path = tmp_path / "c.jsonl"
    long_body = "\n\n".join(_seed_paragraphs() * 40)  # over 200,000 characters, a real article's paragraphs
    assert len(long_body) > 200_000
    write_corpus(path, 2, extra_lines=[json.dumps({"id": "long", "text": long_body}).encode()])
    measured = pipeline.run(path, engine="local", families=[], progress=False)
    assert measured.summary.n_skipped == 0
    assert measured["articles"]["article_id"].tolist() == ["a00", "a01", "long"]
    guarded = pipeline.run(path, engine="local", families=[], progress=False, max_chars=200_000)
    assert guarded.summary.skipped["article_id"].tolist() == ["long"]
    assert guarded.summary.skipped["reason"].iloc[0].startswith(f"too long: {len(long_body):,} characters")


def test_bad_files_in_a_folder_do_not_stop_the_process_engine(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    paras = _seed_paragraphs()
    for i in range(5):
        (folder / f"story{i}.txt").write_text("\n\n".join(paras[i:] + paras[:i]), encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "undecodable.txt").write_bytes(b"Caf\x81 \x8d\x8f\x90 bytes no codec maps.")
    (folder / "blank.txt").write_text("\n\n   \n")
    result = pipeline.run(folder, engine="process", n_workers=2, batch_size=2, families=[], progress=False)
    s = result.summary
    assert s.scored == 5 and s.n_skipped == 3
    reasons = dict(zip(s.skipped["source_path"].map(lambda p: Path(p).name), s.skipped["reason"]))
    assert reasons["binary.txt"].startswith("file looks binary")
    assert reasons["undecodable.txt"].startswith("undecodable bytes")
    assert reasons["blank.txt"].startswith("file is empty")
    assert sorted(result["articles"]["article_id"]) == [f"story{i}" for i in range(5)]


_SCORE_BATCH = pipeline.score_batch  # a worker forked from the test process sees the patched name


def _die_on_batch_1(task):
    """Scores a batch in a worker, except batch 1, whose worker process dies
    (as it would on a segfault or the out-of-memory killer)."""
    if task.index == 1:
        os._exit(3)
    return _SCORE_BATCH(task)


def test_a_dying_worker_loses_only_its_batch(tmp_path, monkeypatch):
    path = tmp_path / "c.jsonl"
    write_corpus(path, 8)
    monkeypatch.setattr(pipeline.scoring, "score_batch", _die_on_batch_1)
    out = tmp_path / "out"
    result = pipeline.run(path, engine="process", n_workers=2, batch_size=2, families=[], out_dir=out,
                          progress=False)
    s = result.summary
    assert (s.batches, s.scored, s.n_skipped) == (4, 6, 2)
    assert s.skipped["article_id"].tolist() == ["a02", "a03"]
    assert set(s.skipped["reason"]) == {"worker process died while scoring this batch"}
    assert result["articles"]["article_id"].tolist() == ["a00", "a01", "a04", "a05", "a06", "a07"]
    # the lost batch is not marked complete, so the next run scores it
    monkeypatch.undo()
    again = pipeline.run(path, engine="local", batch_size=2, families=[], out_dir=out, progress=False)
    assert (again.summary.scored, again.summary.batches_reused) == (2, 3)


_FORKED_RUN = """
import gc, hashlib, json, sys
import pandas as pd
from analysis import pipeline
if __name__ == "__main__":
    first = pipeline.run(sys.argv[1], engine="process", n_workers=2, batch_size=2, progress=True)
    res = pipeline.run(sys.argv[1], engine="process", n_workers=2, batch_size=2, progress=True)
    digest = {t: hashlib.sha256(pd.util.hash_pandas_object(res[t]).values.tobytes()).hexdigest() for t in res}
    print(json.dumps({"start_method": [first.summary.start_method, res.summary.start_method], "scored": res.summary.scored,
                      "frozen": gc.get_freeze_count(), "tables": digest}))
"""


def test_process_engine_forks_from_a_script_and_from_a_fork_server_alike(tmp_path, monkeypatch):
    import hashlib
    import subprocess
    import sys

    sample = tmp_path / "sample.jsonl"
    write_corpus(sample, 6)
    local = pipeline.run(sample, engine="local", batch_size=2, progress=False)
    want = {t: hashlib.sha256(pd.util.hash_pandas_object(local[t]).values.tobytes()).hexdigest() for t in local}
    # a script (one thread): the workers are forked from it, after it loaded the resources,
    # in each of two runs
    script = tmp_path / "run.py"
    script.write_text(_FORKED_RUN, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(sample)], capture_output=True, text=True, check=True)
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    if sys.platform.startswith("linux") and sys.version_info < (3, 12):
        # the progress bar leaves no thread behind, so a second run forks too
        assert got["start_method"] == ["fork", "fork"]
    assert got["scored"] == 6 and got["tables"] == want
    assert got["frozen"] == 0  # the script's own objects are not left frozen
    # not safe to fork here: the fork server
    monkeypatch.setattr(pipeline.workers, "fork_is_safe", lambda: False)
    served = pipeline.run(sample, engine="process", n_workers=2, batch_size=2, progress=False)
    assert served.summary.start_method in ("forkserver", "spawn")
    assert_same_tables(local, served)


def test_a_running_thread_rules_out_forking():
    import threading

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not pipeline.workers.fork_is_safe()
    finally:
        release.set()
        thread.join()


def test_batches_share_column_types_so_the_folder_reads_whole(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = write_corpus(path, 4)
    rows[3]["byline"] = "Jane Reporter"  # batch 0 (a00, a01) has no byline at all, batch 1 has one
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    result = pipeline.run(path, out_dir=out, batch_size=2, families=[], engine="local", progress=False)
    whole = pd.read_parquet(out / "articles")  # pyarrow reads the folder as one dataset
    assert whole["byline"].tolist() == [None, None, None, "Jane Reporter"]
    pd.testing.assert_frame_equal(whole, result["articles"])


def test_unpunctuated_stretch_is_measured_whole_after_punctuation():
    # the stretch reported is the whole run between punctuation, wherever it starts
    text = "Fine. " + "no stop here " * 200 + ". Then fine again."
    got = screen_text(text, max_unpunctuated_chars=100)
    assert got == "pathological: 2,601 characters without sentence-ending punctuation (limit 100)"
    assert screen_text(text, max_unpunctuated_chars=2_601) is None


# ---------------------------------------------------------------------------
# worker processes: threads and the garbage collector


def test_scoring_raises_the_collector_threshold_and_restores_it(tmp_path, monkeypatch):
    import gc

    write_corpus(tmp_path / "c.jsonl", 2)
    seg = FAMILIES["segmentation"]
    seen = []

    def spy(docs, upstream, params):
        seen.append(gc.get_threshold()[0])
        return seg.step(docs, upstream, params)

    monkeypatch.setitem(FAMILIES, "segmentation", Family("segmentation", seg.module, spy, seg.tables))
    before = gc.get_threshold()
    pipeline.run(tmp_path / "c.jsonl", engine="local", cache=False, progress=False)
    assert seen == [max(before[0], 10_000)]
    assert gc.get_threshold() == before


def test_single_threaded_env_is_for_children_only(monkeypatch):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    with pipeline.workers.single_threaded_env():
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert os.environ["OMP_NUM_THREADS"] == "3"  # the caller's own setting stays
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert os.environ["OMP_NUM_THREADS"] == "3"


def test_warm_worker_preload_freezes_its_resources():
    import subprocess
    import sys

    # the module the fork server is told to preload (multiprocessing ignores one that fails to import)
    code = ("import gc, importlib, analysis.pipeline.workers as w; importlib.import_module(w.PRELOAD_MODULE); "
            "print(w.PRELOAD_MODULE, gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    module, frozen = out.stdout.split()
    assert module == "analysis.pipeline.preload"
    assert int(frozen) > 50_000  # the word lists, dictionaries and compiled rules


def test_rows_are_put_in_corpus_order_stably():
    position = {"a": 0, "b": 1, "c": 2}
    ordered = pd.DataFrame({"article_id": ["a", "a", "b", "c", "c"], "x": range(5)})
    assert pipeline.assembly.order_rows(ordered, position) is ordered  # already in order: not copied
    mixed = pd.DataFrame({"article_id": ["b", "a", "a", "c", "b"], "x": range(5)})
    assert pipeline.assembly.order_rows(mixed, position).to_dict("list") == {
        "article_id": ["a", "a", "b", "b", "c"], "x": [1, 2, 0, 4, 3]}
    split = pd.DataFrame({"article_id": ["a", "b", "a"], "x": range(3)})  # one article in two runs
    assert pipeline.assembly.order_rows(split, position)["x"].tolist() == [0, 2, 1]


def test_joins_by_column_append_equal_the_pandas_merge(tmp_path, monkeypatch):
    # the family columns are appended to the output tables when their rows match row for
    # row; a pandas left merge (the path for anything else) must give the same tables
    path = tmp_path / "c.jsonl"
    write_corpus(path, 6)
    appended = pipeline.run(path, engine="local", batch_size=3, cache=False, progress=False)
    monkeypatch.setattr(pipeline.assembly, "aligned", lambda *a: False)
    merged = pipeline.run(path, engine="local", batch_size=3, cache=False, progress=False)
    assert list(appended) == list(merged)
    for t in appended:
        pd.testing.assert_frame_equal(appended[t], merged[t], check_exact=True)
    art = appended["articles"]
    # n_sentences of the segmentation, and sentiment's own count under its prefix
    assert {"n_sentences", "sentiment_n_sentences", "flesch_reading_ease", "mean_compound"} <= set(art.columns)
    assert (art["n_sentences"] == art["sentiment_n_sentences"]).all()


def test_the_package_keeps_the_names_and_the_run_signature_of_the_module():
    import inspect

    old_names = ["run", "read_table", "iter_articles", "screen_text", "available_families", "PipelineResult",
                 "RunSummary", "FAMILIES", "ENGINES", "OUTPUT_TABLES", "PipelineInterrupted", "Family", "MAKER",
                 "DEFAULT_BATCH_SIZE", "AUTO_LOCAL_MAX", "BatchTask", "BatchOutcome", "score_batch", "warm_up",
                 "freeze_resources", "add_cli_arguments", "main", "MANIFEST_DIR", "MARKER", "SKIPPED_COLUMNS"]
    assert [n for n in old_names if not hasattr(pipeline, n)] == []
    assert callable(pipeline.run)
    params = inspect.signature(pipeline.run).parameters
    assert list(params) == [
        "corpus", "families", "engine", "out_dir", "cache_dir", "cache", "batch_size", "n_workers", "scheduler",
        "codebook", "sides", "discover", "sentiment_method", "sentiment_n_boot", "max_chars",
        "max_paragraph_chars", "max_unpunctuated_chars", "progress"]
    assert all(p.kind is p.KEYWORD_ONLY for name, p in params.items() if name != "corpus")
