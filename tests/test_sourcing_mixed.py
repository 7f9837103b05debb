"""Mixed quotes (analysis.sourcing.mixed): reported speech holding a
quotation is drawn over the whole reported content, the quoted fragment a
partial quote inside it.  Each expectation was read by hand from the small
sentence it tests."""
from __future__ import annotations

import pytest

from analysis.sourcing import extract_quotes


def rows(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, speaker) of the quotes of ``text``, partial quotes
    marked with their parent's kind when they have one."""
    q = extract_quotes(text)
    ids = dict(zip(q["quote_id"], q["kind"]))
    return [(r.kind + ("<" + ids[r.parent_quote_id] if isinstance(r.parent_quote_id, str) else ""), r.text, r.speaker)
            for r in q.itertuples()]


@pytest.mark.parametrize("text, content, fragment, speaker", [
    # one or two reported words beside the quotation make a mixed quote
    ("Trump then tweeted that she was \"Disgraceful!\"", "she was \"Disgraceful!\"", "Disgraceful!", "Trump"),
    ("Beruff, a Scott ally, called Florida’s standards “strong.”", "Florida’s standards “strong.”", "strong.",
     "Beruff"),
    ("Markey said the U.S. \"must animate our technology with our values.\"",
     "the U.S. \"must animate our technology with our values.\"", "must animate our technology with our values.",
     "Markey"),
])
def test_few_reported_words_around_a_quotation(text, content, fragment, speaker):
    assert rows(text) == [("indirect", content, speaker), ("partial<indirect", fragment, speaker)]


def test_three_reported_words_still_needed_without_a_quotation():
    assert rows("Trump then tweeted that she lied.") == []


@pytest.mark.parametrize("text, expected", [
    # a comma before the quotation leads in a direct quote: no mixed content
    ("Hillary Clinton spoke in Flint on Sunday.\n\n"
     "“The water was poisoned,” she said, adding, “There would have been action elsewhere.”",
     [("direct", "The water was poisoned,", "she"), ("direct", "There would have been action elsewhere.", "she")]),
    # so does a colon
    ("Dominic Cummings responded on Twitter: “You need to go through vetting first.”",
     [("direct", "You need to go through vetting first.", "Dominic Cummings")]),
])
def test_lead_in_before_a_quotation_is_no_reported_speech(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # reported content ends at a colon before a quotation; the quotation is a direct quote
    ("Soon after the murder, Trump asserted that France had lost its identity: “France is no longer France.”",
     [("indirect", "France had lost its identity", "Trump"), ("direct", "France is no longer France.", "Trump")]),
    # ... and at a comma before a quotation that is a sentence of its own
    ("The mayor insisted the budget was balanced, \"We kept every promise we made.\"",
     [("indirect", "the budget was balanced", "The mayor"), ("direct", "We kept every promise we made.", "The mayor")]),
    # an occasion before the colon is no reported content
    ("Huawei spokesman Ed Brewster said in a statement: \"We are confident the rules will not affect us.\"",
     [("direct", "We are confident the rules will not affect us.", "Huawei spokesman Ed Brewster")]),
    # a lower-case fragment after a comma stays inside the paraphrase
    ("Hua said the turmoil was not the fault of banks, “not by a long shot.”",
     [("indirect", "the turmoil was not the fault of banks, “not by a long shot.”", "Hua"),
      ("partial<indirect", "not by a long shot.", "Hua")]),
])
def test_content_ends_where_a_quotation_is_led_in(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, content, fragments, speaker", [
    # a quoted complement after `as` belongs to the object's content
    ("Campaign chair Paul Manafort dismissed the whole dispute as “absurd.”",
     "the whole dispute as “absurd.”", ["absurd."], "Campaign chair Paul Manafort"),
    ("The senator endorsed the plan as a \"bold step\" and \"a gift to workers\" at a rally on Monday.",
     "the plan as a \"bold step\" and \"a gift to workers\"", ["bold step", "a gift to workers"], "The senator"),
])
def test_quoted_complement_after_as(text, content, fragments, speaker):
    assert rows(text) == [("indirect", content, speaker)] + [("partial<indirect", f, speaker) for f in fragments]


def test_as_far_from_the_quotation_stays_outside():
    # more than five words between `as` and the quotation: not a complement of the object
    q = rows("Manafort dismissed the whole dispute as one more of the many episodes the press calls “absurd.”")
    assert ("indirect", "the whole dispute", "Manafort") in q


def test_scare_cue_then_an_article_is_still_a_scare_quote():
    # `known as the “...”`: the article between the naming phrase and the term changes nothing
    assert rows("She backed a minimum tax, a version of what has become known as the “very fair tax” after the "
                "investor.") == [("indirect", "a minimum tax", "She")]


@pytest.mark.parametrize("text, expected", [
    # a quotation and the name signing it are no reported content
    ("Asked about the merger, a company spokesman told \"We are studying the options,\" Ann Berg.",
     ("direct", "We are studying the options,")),
    # a cue in -ing owns the quotation after it
    ("He said, adding that \"it is an issue we have in common\".", ("partial", "it is an issue we have in common")),
])
def test_no_mixed_content_around_a_quotation_that_another_phrase_owns(text, expected):
    assert [(k, t) for k, t, _ in rows(text) if k != "indirect"] == [expected]
    assert not [t for k, t, _ in rows(text) if k == "indirect" and "\"" in t]


def test_occasion_before_a_colon_is_no_content():
    assert rows("Curbishley said after the 4-0 win: \"There was talk about Norwich.\"") == [
        ("direct", "There was talk about Norwich.", "Curbishley")]
