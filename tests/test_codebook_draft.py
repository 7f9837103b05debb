"""A codebook drafted from a corpus: ``python -m analysis codebook``."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.cli import main
from analysis.actors.codebook import CodebookError, load_codebook
from analysis.codebook_draft import SidesError, draft_codebook, read_sides_file

# Three short articles of a made-up story; the expected rows below were read off them by hand.
ARTICLES = [
    {"id": "a", "title": "Ban", "text": (
        "Britain will ban Huawei Technologies from its 5G network, the British government said on Tuesday.\n\n"
        "\"We have made the decision,\" said Oliver Dowden, the British culture secretary. Dowden said the National "
        "Cyber Security Centre (NCSC) had advised the ban.\n\n"
        "Huawei's vice president Victor Zhang said: \"This is bad news for everyone in Britain.\"")},
    {"id": "b", "title": "Reaction", "text": (
        "The UK decision angered China. Chinese Foreign Ministry spokeswoman Hua Chunying said the U.K. would pay a "
        "price.\n\n\"It must come at a cost,\" Hua said. The NCSC declined to comment on the security review. "
        "Huawei said it was disappointed.")},
    {"id": "c", "title": "Plan", "text": (
        "Officials in the United Kingdom said Huawei equipment would be removed by 2027.\n\n"
        "\"The network will be safe,\" Dowden told MPs. Victor Zhang said he was confident.")},
]
SIDES = "United Kingdom: [United Kingdom, NCSC]\nChina: [China, Huawei]\n"


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    sides = tmp_path / "sides.yaml"
    sides.write_text(SIDES, encoding="utf-8")
    return path, sides


def _run(args):
    assert main(args) == 0


def test_draft_end_to_end(corpus, tmp_path):
    path, sides = corpus
    out = tmp_path / "draft.csv"
    _run(["codebook", str(path), "--sides", str(sides), "--min-mentions", "1", "-o", str(out)])
    d = pd.read_csv(out, dtype=str, keep_default_na=False).set_index("actor_id")
    # sorted by quotes, then mentions: Dowden 3 quotes (2 direct, 1 indirect), the UK 2 ("the British
    # government said", "Officials in the United Kingdom said"), Zhang 2 (a, c), Hua 2 (b twice), Huawei 1
    assert list(d.index[:5]) == ["oliver_dowden", "united_kingdom", "victor_zhang", "hua_chunying", "huawei"]
    assert d.loc["oliver_dowden", ["quotes", "mentions", "articles"]].tolist() == ["3", "3", "2"]
    uk = d.loc["united_kingdom"]
    assert (uk["kind"], uk["side"]) == ("country", "United Kingdom")
    assert uk["aliases"] == "Britain|British government|U.K.|UK"
    assert uk["alias_basis"] == ("Britain: country name; British government: government of the state; "
                                 "U.K.: country name; UK: country name")
    assert (d.loc["huawei", "aliases"], d.loc["huawei", "side"]) == ("Huawei Technologies", "China")
    assert d.loc["national_cyber_security_centre", "aliases"] == "NCSC"
    # people: gender with its basis, affiliation with the sentence that gave it, side from the affiliation
    dowden = d.loc["oliver_dowden"]
    assert (dowden["gender"], dowden["gender_basis"]) == ("male", "first name")
    assert (dowden["affiliation"], dowden["role"], dowden["side"]) == (
        "United Kingdom", "the British culture secretary", "United Kingdom")
    assert dowden["affiliation_evidence"].startswith('"We have made the decision," said Oliver Dowden')
    zhang = d.loc["victor_zhang"]
    assert (zhang["affiliation"], zhang["role"], zhang["side"]) == ("Huawei", "vice president", "China")
    hua = d.loc["hua_chunying"]
    assert (hua["gender"], hua["gender_basis"], hua["aliases"]) == ("female", "title", "Hua")
    assert (hua["affiliation"], hua["side"]) == ("Chinese Foreign Ministry", "China")
    assert hua["side_basis"] == "affiliation Chinese Foreign Ministry names China, in sides file"
    # the reviewed draft goes back in: it loads as a codebook with the sides of the file
    cb = load_codebook(out, sides=read_sides_file(sides))
    assert set(cb["actor_id"]) == set(d.index)
    assert set(load_codebook(out)["actor_id"]) == set(d.index)  # sides are the researcher's, not fixed
    with pytest.raises(CodebookError, match="side 'United Kingdom' is not one of"):
        load_codebook(out, sides=["China"])  # a sides file that does not declare it


def test_draft_without_sides_is_a_codebook_for_the_actors_command(corpus, tmp_path, capsys):
    path, _ = corpus
    out = tmp_path / "draft.csv"
    _run(["codebook", str(path), "-o", str(out)])  # default: actors named at least twice or quoted
    d = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert set(d["side"]) == {"other"} and set(d["side_basis"]) == {"no sides file"}
    assert "china" not in set(d["actor_id"])  # named once, never quoted
    _run(["actors", str(path), "--codebook", str(out), "--no-discover"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    uk = [r["surface"] for r in rows if r["actor_id"] == "united_kingdom"]
    assert uk == ["Britain", "British government", "Britain", "UK", "U.K.", "United Kingdom"]


def test_sides_file_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- United Kingdom\n", encoding="utf-8")
    with pytest.raises(SidesError, match=r"bad\.yaml: a sides file is a mapping"):
        read_sides_file(bad)
    bad.write_text("China: {Huawei: company}\n", encoding="utf-8")
    with pytest.raises(SidesError, match=r"bad\.yaml, line 1: side 'China' must list the names"):
        read_sides_file(bad)
    bad.write_text("China: [Huawei]\nUnited Kingdom: [huawei]\n", encoding="utf-8")
    with pytest.raises(SidesError, match=r"line 2: 'huawei' is listed for 'United Kingdom' and for 'China'"):
        read_sides_file(bad)


def test_draft_of_the_seed(seed_articles):
    d = draft_codebook(seed_articles).set_index("name")
    people = d[d["kind"] == "person"]
    # the seed's people with the mention counts the shipped codebook gives them (tests/test_actors.py);
    # Guy Saint-Jacques is named once and quoted twice
    assert people["mentions"].to_dict() == {
        "Michael Kovrig": 8, "Michael Spavor": 8, "Xi Jinping": 5, "Hua Chunying": 4, "Irwin Cotler": 4,
        "Joe Biden": 4, "Meng Wanzhou": 4, "Jen Psaki": 2, "Marc Garneau": 2, "Guy Saint-Jacques": 1,
    }
    # quotes as the hand-checked attributions give them with the curated codebook (Hua 8, Cotler 6,
    # Saint-Jacques 2, Garneau 2, Psaki 4, Biden 1): without the codebook's genders "she" in
    # paragraph 7 still goes to Jen Psaki, past Joe Biden, a man by his given name
    assert d["quotes"][d["quotes"] > 0].to_dict() == {
        "Hua Chunying": 8, "Irwin Cotler": 6, "Jen Psaki": 4, "Joe Biden": 1, "Marc Garneau": 2,
        "Guy Saint-Jacques": 2, "Chinese Foreign Ministry": 1, "Global Times": 1,
    }
    assert list(d.index[:2]) == ["Hua Chunying", "Irwin Cotler"]  # most quoted first
    assert (d.loc["Hua Chunying", "gender"], d.loc["Hua Chunying", "gender_basis"]) == ("female", "title")
    assert (d.loc["Irwin Cotler", "affiliation"], d.loc["Irwin Cotler", "role"]) == (
        "Canada", "a former Canadian justice minister")
    assert d.loc["United States", "aliases"] == ["US"] and d.loc["United States", "kind"] == "country"


def test_role_words_and_what_is_a_role():
    from analysis.codebook_draft import _between_ok, _role_words, _title_words

    assert _role_words("'s manager Sir ") == ["manager"]
    words = _title_words()
    assert _between_ok("'s chief executive ", words) and _between_ok(" Foreign Secretary ", words)
    # a verb before an honorific is no role: "Sources told the BBC Mr Howard ...", "the Telegraph claims Mr X"
    assert not _between_ok(" Mr ", words) and not _between_ok(" claims Mr ", words)


def test_speaker_forms():
    from analysis.codebook_draft import _speaker_forms

    assert _speaker_forms("British Culture Secretary Dowden", set())[-1] == "Dowden"
    assert "Oliver Dowden" in _speaker_forms("Culture Secretary Oliver Dowden", set())
    assert "Canada" not in _speaker_forms("Global Affairs Canada", {"canada"})  # no bare ending
    assert _speaker_forms("China's Huawei", {"china"})[1:] == ["Huawei", "China"]
    # the company's UK spokesman (the country keys as normalise_name gives them)
    assert _speaker_forms("Huawei's U.K.", {"u.k"})[1:] == ["Huawei", "U.K."]
