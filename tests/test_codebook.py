"""The actor codebook: loading, validation errors that name the row, resolve_actor."""
from __future__ import annotations

import pytest

from analysis.actors.codebook import CodebookError, load_codebook, name_parts, resolve_actor, strip_title

HEADER = "actor_id,name,aliases,kind,side,role,gender,gender_basis,members\n"


def write(tmp_path, body, header=HEADER, name="cb.csv"):
    p = tmp_path / name
    p.write_text("# test codebook\n" + header + body, encoding="utf-8")
    return p


def test_shipped_codebook_covers_the_seed_story():
    cb = load_codebook()
    ids = set(cb["actor_id"])
    assert len(cb) == 24
    for aid in ["biden", "xi_jinping", "kovrig", "spavor", "two_michaels", "meng_wanzhou", "psaki", "garneau",
                "cotler", "saint_jacques", "hua_chunying", "trudeau", "white_house", "us_doj", "rcmp", "huawei",
                "china_mfa", "global_affairs_canada", "global_times", "cpc", "united_nations", "canada", "china",
                "united_states"]:
        assert aid in ids
    row = cb.set_index("actor_id").loc["two_michaels"]
    assert row["kind"] == "group" and row["members"] == ["kovrig", "spavor"]
    assert cb.set_index("actor_id").loc["meng_wanzhou", "gender"] == "female"
    assert set(cb["side"]) <= {"Canada", "China", "United States", "other"}
    assert cb.set_index("actor_id").loc["china", "adjectives"] == ["Chinese"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Xi", "xi_jinping"),
        ("President Xi Jinping", "xi_jinping"),
        ("Chinese Foreign Ministry spokeswoman Hua Chunying", "hua_chunying"),
        ("Press Secretary Jen Psaki", "psaki"),
        ("Biden’s", "biden"),
        ("Kovrig's", "kovrig"),
        ("the White House", "white_house"),
        ("WHITE HOUSE", "white_house"),
        ("The RCMP", "rcmp"),
        ("Royal Canadian Mounted Police", "rcmp"),
        ("Meng", "meng_wanzhou"),
        ("the Huawei executive", "meng_wanzhou"),
        ("Saint-Jacques", "saint_jacques"),
        ("the two Michaels", "two_michaels"),
        ("U.S.", "united_states"),
        ("Wanzhou", None),  # a given name, not the surname
        ("Michael", None),  # two codebook people share it
        ("Chinese", None),  # an adjective describes, it does not name
        ("Jacques", None),  # never part of a hyphenated surname
        ("", None),
    ],
)
def test_resolve_actor(name, expected):
    assert resolve_actor(name) == expected


def test_name_parts_knows_surname_first_order():
    assert name_parts("Meng Wanzhou") == {"given": "Wanzhou", "surname": "Meng", "surname_first": True}
    assert name_parts("Xi Jinping")["surname"] == "Xi"
    assert name_parts("Kim Jong Un")["surname"] == "Kim"
    # a listed family name followed by a non-syllabic given name stays given-first
    assert name_parts("Lee Smith") == {"given": "Lee", "surname": "Smith", "surname_first": False}
    assert name_parts("Guy Saint-Jacques")["surname"] == "Saint-Jacques"
    assert name_parts("Ursula von der Leyen")["surname"] == "von der Leyen"


def test_strip_title():
    assert strip_title("Press Secretary Jen Psaki") == "Jen Psaki"
    assert strip_title("former President Donald Trump") == "Donald Trump"
    assert strip_title("President") == "President"
    assert strip_title("Son Heung-min") == "Son Heung-min"  # descriptor nouns are not stripped


def test_unknown_column_names_the_row(tmp_path):
    p = write(tmp_path, "a,Alice A,,person,Canada,x,female,codebook,,oops\n",
              header=HEADER.strip() + ",colour\n")
    with pytest.raises(CodebookError, match=r"row 1 \(actor_id 'a'\): unknown column\(s\) \['colour'\]"):
        load_codebook(p)


def test_duplicate_id_names_both_rows(tmp_path):
    p = write(tmp_path, "a,Alice A,,person,Canada,,,,\nb,Bob B,,person,China,,,,\na,Ann C,,person,Canada,,,,\n")
    with pytest.raises(CodebookError, match=r"row 3 \(actor_id 'a'\): duplicate actor_id 'a' \(first used in row 1\)"):
        load_codebook(p)


def test_alias_claimed_by_two_actors(tmp_path):
    p = write(tmp_path, "a,Alice A,Boss,person,Canada,,,,\nb,Bob B,boss,person,China,,,,\n")
    with pytest.raises(CodebookError, match=r"row 2 \(actor_id 'b'\): alias 'boss' is already claimed by row 1"):
        load_codebook(p)


def test_unknown_member(tmp_path):
    p = write(tmp_path, "a,Alice A,,person,Canada,,,,\ng,the pair,,group,Canada,,,,a|zed\n")
    with pytest.raises(CodebookError, match=r"row 2 \(actor_id 'g'\): member 'zed' does not exist"):
        load_codebook(p)


@pytest.mark.parametrize(
    "row, message",
    [
        ("a,Alice,,persn,Canada,,,,\n", r"kind 'persn' is not one of \['person', 'organisation', 'country', 'group'\]"),
        ("a,Alice,,person,Canada,,woman,,\n", r"gender 'woman' is not one of \['female', 'male', 'unknown', 'n/a'\]"),
        ("a,,,person,Canada,,,,\n", r"column 'name' is empty"),
        ("a,Alice,,person,Canada,,,,b\n", r"only a group has members"),
    ],
)
def test_invalid_values(tmp_path, row, message):
    with pytest.raises(CodebookError, match=message):
        load_codebook(write(tmp_path, row))


def test_side_checked_against_the_sides_file(tmp_path):
    # without a sides file any side name is the researcher's; with one, a side
    # must be one of its sides (or "other")
    book = write(tmp_path, "a,Alice,,person,Mars,,,,\n")
    assert list(load_codebook(book)["side"]) == ["Mars"]
    sides = tmp_path / "sides.yaml"
    sides.write_text("Venus: [Venus]\nEarth: [United Kingdom]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"side 'Mars' is not one of \['Earth', 'Venus', 'other'\]"):
        load_codebook(book, sides=sides)


def test_yaml_codebook_and_own_codebook_resolution(tmp_path):
    p = tmp_path / "cb.yaml"
    p.write_text(
        "actors:\n"
        "  - {actor_id: johnson, name: Boris Johnson, kind: person, side: other, gender: male}\n"
        "  - {actor_id: no10, name: Downing Street, aliases: [Number 10], kind: organisation, side: other}\n",
        encoding="utf-8",
    )
    cb = load_codebook(p)
    assert list(cb["actor_id"]) == ["johnson", "no10"]
    assert cb.loc[1, "aliases"] == ["Number 10"]
    assert cb.loc[0, "gender_basis"] == "codebook"
    assert resolve_actor("Prime Minister Boris Johnson", cb) == "johnson"
    assert resolve_actor("Johnson", cb) == "johnson"
    assert resolve_actor("number 10", cb) == "no10"
    assert resolve_actor("Xi", cb) is None
    # answers are remembered per codebook: the shipped one, asked the same names, answers for itself
    assert resolve_actor("Xi") == "xi_jinping" and resolve_actor("Johnson") is None
    assert resolve_actor("Johnson", cb) == "johnson" and resolve_actor("Xi", cb) is None


def test_missing_file_and_bad_suffix(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_codebook(tmp_path / "nope.csv")
    p = tmp_path / "cb.txt"
    p.write_text("x", encoding="utf-8")
    with pytest.raises(CodebookError, match="must be .csv, .yaml or .yml"):
        load_codebook(p)
