"""analysis.core.corpus: loading articles, the seed's wire layout, bad input."""
from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.corpus import (
    ARTICLE_COLUMNS,
    CorpusError,
    EncodingWarning,
    load_corpus,
    parse_wire_text,
    split_dateline,
)

from .conftest import SEED_FILE, SEEDS


# --------------------------------------------------------------------------- the seed


def test_seed_metadata_exact(seed_articles):
    assert len(seed_articles) == 1
    r = seed_articles.iloc[0]
    assert r.article_id == "000_48a317448381530b"
    assert r.date == "2021-09-28"  # the header line's date
    assert r.dateline == "OTTAWA"
    assert r.outlet == "The Canadian Press"
    assert r.byline == "Mike Blancfield"  # spelled as written
    assert r.contributors == "James McCarten"
    assert r.published_note == "This report by The Canadian Press was first published on September 27, 2021."
    assert r.published_date == "2021-09-27"
    assert r.duplicate_of is None
    assert list(seed_articles.columns[: len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS


def test_seed_body_is_body_only(seed_text):
    assert seed_text.startswith("US President Joe Biden urged")
    assert seed_text.endswith("the fingerprints are on China.”")
    # the header repeats the lede: counted once
    assert seed_text.count("urged his Chinese counterpart Xi Jinping") == 1
    for meta in ("OTTAWA", "date 2021", "first published", "James McCarten", "Blancfield"):
        assert meta not in seed_text


def test_seed_counts(seed_articles):
    r = seed_articles.iloc[0]
    assert r.n_paragraphs == 26  # 29 non-blank lines in the file minus 3 closing lines; header dropped
    assert r.n_chars == len(r.text)
    assert r.n_words == len(r.text.split())


def test_seed_file_unchanged_by_loading():
    before = (SEED_FILE.stat().st_mtime_ns, hashlib.sha256(SEED_FILE.read_bytes()).hexdigest())
    load_corpus(SEEDS)
    load_corpus(SEED_FILE)
    after = (SEED_FILE.stat().st_mtime_ns, hashlib.sha256(SEED_FILE.read_bytes()).hexdigest())
    assert before == after


def test_seed_copy_matches_shared(shared_dir):
    shared = shared_dir / "seeds" / SEED_FILE.name
    assert shared.read_bytes() == SEED_FILE.read_bytes()


# --------------------------------------------------------------------------- wire layout rules


def test_header_lede_used_when_body_lacks_it():
    meta = parse_wire_text("date 2020-01-02 LONDON (AP) — Markets fell.\n\nSecond paragraph.")
    assert meta["date"] == "2020-01-02"
    assert meta["dateline"] == "LONDON"
    assert meta["text"] == "Markets fell.\n\nSecond paragraph."


@pytest.mark.parametrize(
    "lede, dateline, rest",
    [
        ("OTTAWA US President Joe Biden urged", "OTTAWA", "US President Joe Biden urged"),
        ("WASHINGTON (AP) — The Senate voted", "WASHINGTON", "The Senate voted"),
        ("HALIFAX, N.S. — A storm hit", "HALIFAX", "A storm hit"),
        ("NEW YORK — Stocks rose", "NEW YORK", "Stocks rose"),
        ("US President Joe Biden urged", None, "US President Joe Biden urged"),
        ("NATO leaders met", None, "NATO leaders met"),
        ("The call was the second", None, "The call was the second"),
    ],
)
def test_split_dateline(lede, dateline, rest):
    got_dl, got_rest = split_dateline(lede)
    assert got_dl == dateline
    assert got_rest.startswith(rest)


def test_closing_metadata_needs_its_exact_form():
    text = "Body paragraph one.\n\nPeople said this report by analysts was useful."
    meta = parse_wire_text(text)
    assert meta["text"] == text
    assert meta["published_note"] is None and meta["byline"] is None


# --------------------------------------------------------------------------- formats


def test_jsonl_uses_record_id_and_fields(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [
        {"id": "x-1", "text": "First body. It has two sentences.", "outlet": "Paper", "date": "2020-05-01"},
        {"id": "x-2", "text": "Second body.", "title": "T"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    df = load_corpus(p)
    assert list(df.article_id) == ["x-1", "x-2"]
    assert df.outlet.iloc[0] == "Paper" and df.date.iloc[0] == "2020-05-01"
    assert df.title.iloc[1] == "T"
    assert "id" not in df.columns


def test_json_array_and_csv(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": "One body."}, {"text": "Two body."}]), encoding="utf-8")
    (tmp_path / "b.csv").write_text('id,text,outlet\nc1,"A body, with comma.",P\n', encoding="utf-8")
    df = load_corpus(tmp_path)
    assert sorted(df.article_id) == ["a", "a-2", "c1"] or sorted(df.article_id) == ["a-1", "a-2", "c1"]
    assert df.set_index("article_id").loc["c1", "text"] == "A body, with comma."


def test_utf8_bom_and_crlf(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffFirst line.\r\n\r\nSecond “line”.\r\n".encode("utf-8"))
    df = load_corpus(p)
    assert df.text.iloc[0] == "First line.\n\nSecond “line”."


def test_cp1252_decoded_with_warning(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes("Caf\u00e9 \u201cquoted\u201d text.".encode("cp1252"))
    with pytest.warns(EncodingWarning, match="cp1252"):
        df = load_corpus(p)
    assert df.text.iloc[0] == "Café “quoted” text."


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("bad.txt", b"Good start \x81\x8d\x9d end", "undecodable"),
        ("notext.csv", b"id,title\n1,Hello\n", "no text column"),
    ],
)
def test_bad_single_file_raises_naming_file(tmp_path, name, content, problem):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(CorpusError) as exc:
        load_corpus(p)
    assert str(p) in str(exc.value)
    assert problem in str(exc.value)


def test_malformed_json_line_number(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "Broken\n', encoding="utf-8")
    with pytest.raises(CorpusError) as exc:
        load_corpus(p, on_error="raise")
    assert exc.value.line == 2
    assert f"{p}, line 2" in str(exc.value)


def test_folder_reports_bad_files_and_loads_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("A good article. It reads well.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "rows.jsonl").write_text(
        '{"id": "j1", "text": "Fine body."}\nnot json\n{"id": "j3", "text": "   "}\n', encoding="utf-8"
    )
    with pytest.warns(UserWarning, match="skipped"):
        df = load_corpus(tmp_path)
    assert sorted(df.article_id) == ["good", "j1"]
    problems = df.attrs["problems"]
    assert isinstance(problems, pd.DataFrame)
    got = {(Path(r.source_path).name, None if pd.isna(r.line) else int(r.line)) for r in problems.itertuples()}
    assert got == {("empty.txt", None), ("rows.jsonl", 2), ("rows.jsonl", 3)}


def test_exact_duplicates_flagged(tmp_path):
    (tmp_path / "a.txt").write_text("Same body here.\n\nTwo paragraphs.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same  body here.\n\nTwo paragraphs.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("A different body.", encoding="utf-8")
    df = load_corpus(tmp_path).set_index("article_id")
    assert df.loc["b", "duplicate_of"] == "a"
    assert df.loc["a", "duplicate_of"] is None and df.loc["c", "duplicate_of"] is None
    assert df.loc["a", "content_hash"] == df.loc["b", "content_hash"]


def test_missing_path_and_unsupported_type(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "nope")
    p = tmp_path / "x.docx"
    p.write_bytes(b"PK")
    with pytest.raises(CorpusError, match="unsupported"):
        load_corpus(p)


def test_inputs_never_written(tmp_path):
    files = {}
    for name, data in {"a.txt": "Body one.", "b.jsonl": '{"text": "Body two."}\n', "c.csv": "text\nBody three.\n"}.items():
        p = tmp_path / name
        p.write_text(data, encoding="utf-8")
        os.chmod(p, 0o444)  # read-only: any attempt to write would fail
        files[p] = p.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = load_corpus(tmp_path)
    assert len(df) == 3
    assert all(p.read_bytes() == b for p, b in files.items())
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.jsonl", "c.csv"]


def test_jsonl_streams_line_by_line_and_keeps_good_lines(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "First body."}\n'
        b'{"id": "b", "text": "Bad \x81\x8d bytes."}\n'
        b'\n'
        + '{"id": "c", "text": "Caf\u00e9 body."}\n'.encode("cp1252")
        + b'{"id": "d", "text": "Last body."}\r\n'
    )
    with pytest.warns(EncodingWarning, match=r"line\(s\) 4 not valid UTF-8"), \
            pytest.warns(UserWarning, match="1 bad file"):
        df = load_corpus(p)
    assert list(df.article_id) == ["a", "c", "d"]
    assert df.set_index("article_id").loc["c", "text"] == "Café body."
    problems = df.attrs["problems"]
    assert problems[["line"]].to_dict("list") == {"line": [2]}
    assert "undecodable" in problems.problem.iloc[0]


def test_jsonl_empty_and_binary(tmp_path):
    empty = tmp_path / "e.jsonl"
    empty.write_bytes(b"\n  \n")
    with pytest.raises(CorpusError, match="empty"):
        load_corpus(empty)
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b'{"text": "x"}\n\x00\x00\x00')
    with pytest.raises(CorpusError, match="binary"):
        load_corpus(binary)


def test_content_hash_folds_every_kind_of_white_space_as_the_regex_did():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from analysis.core.corpus_records import _body_hash

    def by_regex(text):  # the definition the stored hashes were made with
        norm = re.sub(r"\s+", " ", text).strip().lower()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]

    spaces = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2003\u200a\u2028\u2029\u202f\u205f\u3000"
    pieces = st.text(alphabet=st.sampled_from(spaces + "aZé.\u200b-"), max_size=40)

    @settings(max_examples=300, deadline=None)
    @given(pieces)
    def check(text):
        assert _body_hash(text) == by_regex(text)

    check()
    # every white-space character that str.split knows, \s knows (and the other way round)
    assert all(bool(re.fullmatch(r"\s", chr(c))) == chr(c).isspace() for c in range(0x110000))
    # the seed's hash, as in the articles table
    seed = load_corpus(Path(__file__).resolve().parent.parent / "seeds")
    assert _body_hash(seed["text"].iloc[0]) == by_regex(seed["text"].iloc[0]) == seed["content_hash"].iloc[0]
