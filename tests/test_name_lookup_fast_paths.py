"""The fast path of :func:`analysis.names.parts.full_name_in_text` (whole-word
occurrences found with ``str.find`` and two patterns compiled once) against
the plain version it replaced (two patterns compiled for every surname)."""
import re

from hypothesis import given, settings, strategies as st

from analysis.names import first_names, normalise_name
from analysis.names.countries import adjective_forms, country_index
from analysis.names.parts import _title_words, full_name_in_text, name_parts, surname_first_names


def plain_full_name_in_text(text: str, surname: str):
    if not surname or " " in surname or not surname[:1].isupper():
        return None
    given = first_names()
    found = set()
    for m in re.finditer(r"(?<![\w’'-])([A-Z][a-z]+)[^\S\n]+%s(?![\w’'-])" % re.escape(surname), text):
        w = m.group(1)
        low = w.lower()
        if low in given and low not in _title_words() and not re.search(r"\b%s\b" % low, text) \
                and normalise_name(w) not in country_index() and low not in adjective_forms():
            found.add(f"{w} {surname}")
    if surname in surname_first_names():
        for m in re.finditer(r"(?<![\w’'-])%s[^\S\n]+([A-Z][a-z]+(?:-[a-z]+)?)(?![\w’'-])" % re.escape(surname), text):
            if name_parts(f"{surname} {m.group(1)}")["surname_first"]:
                found.add(f"{surname} {m.group(1)}")
    return found.pop() if len(found) == 1 else None


# pieces that put given names and surnames side by side (in both orders),
# the same word in lower case, possessives, hyphens, line breaks and repeats
PIECES = ["Mike Pompeo", "Mike Pompeo's", "mike", "Pompeo", "Liu Xiaoming", "Liu Liu", "Liu Wei", "Liu", "Li Li",
          "Anna Li", "anna", "Robert O'Brien", "O'Brien", "Ed Miliband", "David Miliband", "Miliband", "The Tories",
          "the", "Tories", "Theresa May", "May", "may", "Kim Jong Un", "Jo Stevens", "Stevens", "Zhang Wei",
          "Wei Zhang", "Zhang", "Secretary of State", "Agence France", "France Presse", "Liu-xi", "said", "-", "’s",
          ",", ".", "\n", "3", "_x", "é", "Wei"]
SURNAMES = ["Pompeo", "Liu", "Li", "Miliband", "Tories", "O'Brien", "Stevens", "Zhang", "May", "Wei", "Presse",
            "pompeo", "", "Liu Wei"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.sampled_from(SURNAMES), st.sampled_from([" ", "", "  "]))
def test_full_name_in_text_equals_the_plain_version(pieces, surname, sep):
    text = sep.join(pieces)
    assert full_name_in_text(text, surname) == plain_full_name_in_text(text, surname)


def test_full_name_in_text_examples_read_by_hand():
    assert full_name_in_text("Secretary of State Mike Pompeo spoke. Pompeo said so.", "Pompeo") == "Mike Pompeo"
    assert full_name_in_text("Robert O'Brien, the adviser, spoke. O'Brien said so.", "O'Brien") == "Robert O'Brien"
    assert full_name_in_text("Mike Pompeo's trip. Pompeo said so.", "Pompeo") is None  # only the possessive
    assert full_name_in_text("Liu Wei met Liu Xiaoming. Liu said so.", "Liu") is None  # two full names
