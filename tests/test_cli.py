"""python -m analysis: one shape for every command."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from analysis.cli import main

from .conftest import ROOT, SEEDS


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_corpus_command_jsonl(capsys):
    assert main(["corpus", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["article_id"] == "000_48a317448381530b"
    assert rec["byline"] == "Mike Blancfield" and rec["dateline"] == "OTTAWA"
    assert rec["duplicate_of"] is None
    assert rec["text"].startswith("US President Joe Biden urged")


def test_corpus_command_csv_no_text(capsys, tmp_path):
    out = tmp_path / "a.csv"
    assert main(["corpus", str(SEEDS), "--format", "csv", "--no-text", "-o", str(out)]) == 0
    df = pd.read_csv(out)
    assert "text" not in df.columns and df.loc[0, "outlet"] == "The Canadian Press"


def test_errors_go_to_stderr_with_nonzero_exit(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    r = run("corpus", str(bad))
    assert r.returncode == 1
    assert r.stdout == ""
    assert str(bad) in r.stderr and "empty" in r.stderr
    r = run("corpus", str(tmp_path / "missing"))
    assert r.returncode == 1 and "no such file" in r.stderr
    r = run("nonsense", str(SEEDS))
    assert r.returncode == 2


def test_partial_corpus_exit_3_keeps_good_rows(tmp_path):
    (tmp_path / "good.txt").write_text("A good body. Two sentences.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    r = run("corpus", str(tmp_path))
    assert r.returncode == 3
    assert [json.loads(x)["article_id"] for x in r.stdout.splitlines()] == ["good"]
    assert "bad.txt" in r.stderr and "binary" in r.stderr


def test_actors_and_quotes_commands_are_linked_like_measure(capsys):
    """The command line gives the cells analysis.measure gives: on the seed,
    17 of the 95 mentions lie inside a direct or partial quote (read by hand:
    "Huawei" and "Chinese" twice inside Hua Chunying's "a political stunt and
    persecution against a Chinese citizen ..."), and 22 of the 26 quotes name
    their speaker with a mention."""
    import analysis

    tables = analysis.measure(str(SEEDS), progress=False)
    assert main(["actors", str(SEEDS)]) == 0
    mentions = pd.DataFrame([json.loads(x) for x in capsys.readouterr().out.splitlines()])
    assert int(mentions["in_quote"].sum()) == 17 and mentions["in_quote"].notna().all()
    assert mentions["in_quote"].tolist() == tables["mentions"]["in_quote"].tolist()
    assert [None if pd.isna(v) else v for v in mentions["quote_id"]] == [
        None if pd.isna(v) else v for v in tables["mentions"]["quote_id"]]
    assert main(["quotes", str(SEEDS)]) == 0
    quotes = pd.DataFrame([json.loads(x) for x in capsys.readouterr().out.splitlines()])
    assert int(quotes["speaker_mention_start"].notna().sum()) == 22
    assert [None if pd.isna(v) else int(v) for v in quotes["speaker_mention_start"]] == [
        None if pd.isna(v) else int(v) for v in tables["quotes"]["speaker_mention_start"]]
