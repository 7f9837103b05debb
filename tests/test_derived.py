"""Derived tables kept on disk (analysis.core.derived): read back, they are the
tables derived from the dependencies' data files; a changed source or an
unwritable folder never gives a stale or missing table."""
from __future__ import annotations

import json

import pytest

from analysis.core import derived
from analysis.core.derived import derived_table


@pytest.fixture
def source(tmp_path, monkeypatch):
    """A source file, with the store in tmp_path/c."""
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "c"))
    src = tmp_path / "source.txt"
    src.write_text("a 1\n")
    return src


def _counting(table):
    calls = []

    def build():
        calls.append(1)
        return table

    return build, calls


def test_built_once_then_read_back(tmp_path, source):
    src = source
    build, calls = _counting({"é": 1, "b": [2, 3]})
    assert derived_table("t", [src], build) == {"é": 1, "b": [2, 3]}
    assert derived_table("t", [src], build) == {"é": 1, "b": [2, 3]}
    assert len(calls) == 1
    (stored,) = (tmp_path / "c" / "derived").glob("t-*.json")
    assert json.loads(stored.read_text(encoding="utf-8")) == {"é": 1, "b": [2, 3]}
    assert not list((tmp_path / "c" / "derived").glob(".*tmp"))


def test_a_changed_source_is_built_again(tmp_path, source):
    src = source
    build, calls = _counting({"a": 1})
    derived_table("t", [src], build)
    src.write_text("a 1\nb 2\n")  # size and mtime change
    derived_table("t", [src], build)
    assert len(calls) == 2
    assert len(list((tmp_path / "c" / "derived").glob("t-*.json"))) == 2


def test_off_and_unwritable_folders_still_give_the_table(tmp_path, monkeypatch):
    src = tmp_path / "source.txt"
    src.write_text("x")
    build, calls = _counting({"a": 1})
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", "off")
    assert derived.store_dir() is None
    assert derived_table("t", [src], build) == {"a": 1}
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(blocker))  # <file>/derived cannot be made
    assert derived_table("t", [src], build) == {"a": 1}
    assert len(calls) == 2


def test_a_corrupt_file_is_rebuilt(tmp_path, source):
    src = source
    build, calls = _counting({"a": 1})
    derived_table("t", [src], build)
    (stored,) = (tmp_path / "c" / "derived").glob("t-*.json")
    stored.write_text('{"a": ')  # a torn write by hand
    assert derived_table("t", [src], build) == {"a": 1}
    assert len(calls) == 2


@pytest.mark.parametrize("which", ["first_names", "places", "cmu_syllables", "word_frequencies"])
def test_shipped_tables_read_back_equal_to_built(tmp_path, monkeypatch, which):
    from analysis.readability import syllables
    from analysis.actors import lexicon
    from analysis.names import given_names
    from analysis.core.resources import cmu_dictionary_path

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "c"))
    sources, build = {
        "first_names": (given_names.first_names_sources(), given_names.build_first_names),
        "places": (lexicon.places_sources(), lexicon.build_places),
        "cmu_syllables": ([cmu_dictionary_path()], syllables.build_cmu_counts),
        "word_frequencies": (lexicon.zipf_sources(), lexicon.build_zipf),
    }[which]
    fresh = build()
    derived_table(which, sources, build)  # builds and stores
    back = derived_table(which, sources, lambda: pytest.fail("read back, not rebuilt"))
    if which == "cmu_syllables":
        assert tuple(back) == fresh
        assert back[0]["canada"] == 3 and back[0]["read"] == 1 and back[1]["read"] == [1]  # R EH1 D, R IY1 D
    else:
        assert back == fresh and list(back) == list(fresh)  # same entries, same order
    if which == "first_names":
        assert back["michael"] == "male" and back["mary"] == "mostly_female"  # as gender-guesser says
    if which == "places":
        assert back["Ottawa"] == "city" and back["Canada"] == "country"
    if which == "word_frequencies":  # the floats read back to the last bit: 10 ** (-index / 100)
        assert back["the"] == 10 ** (-127 / 100) and len(back) == 19_588


@pytest.mark.parametrize("name", ["dale_chall_words.txt", "spache_words.txt"])
def test_familiar_forms_read_back_equal_to_built(tmp_path, monkeypatch, name):
    from analysis.readability import wordlists

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "c"))
    wordlists.familiar_forms.cache_clear()
    try:
        built = wordlists.familiar_forms(name)  # builds and stores
        wordlists.familiar_forms.cache_clear()
        monkeypatch.setattr(wordlists, "build_familiar_forms", lambda n: pytest.fail("read back, not rebuilt"))
        back = wordlists.familiar_forms(name)
    finally:
        wordlists.familiar_forms.cache_clear()
    assert back == built and isinstance(back, frozenset)
    assert {"run", "running", "used"} <= back  # listed; a doubled consonant; "use" + d
    assert "go" in back and "goer" not in back  # no "er" after a word under 3 letters
