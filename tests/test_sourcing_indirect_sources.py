"""Reported speech, round 4: cues in title-case headlines, documents and
records as sources, passive ``by`` cues.  Each expectation was read by hand
from the small sentence it tests."""
from __future__ import annotations

import pytest

from analysis.sourcing import extract_quotes


def indirect(text: str) -> list[tuple[str, str, str]]:
    """(cue, speaker, content) of the indirect quotes of ``text``."""
    q = extract_quotes(text)
    q = q[q["kind"] == "indirect"]
    return [(r.cue, r.speaker, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # a headline in title case: its capitalised verb is a cue
    ("Energy Prices Could Fall Again Next Winter, Senator Ann Lee Says.",
     [("Says", "Senator Ann Lee", "Energy Prices Could Fall Again Next Winter")]),
    ("Governor Endorses Jane Doe For Mayor Of Springfield.",
     [("Endorses", "Governor", "Jane Doe For Mayor Of Springfield")]),
])
def test_headline_cues(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text", [
    # a capitalised cue form in running text, or a headline word that is a noun
    "The Hamilton Says Festival opened on Friday in a small theatre in town.",
    "United States Reports Record Harvest Across Midwestern Farms.",
    # too short to tell a headline from a name
    "Trump Says Nothing.",
])
def test_capitalised_forms_that_are_no_cue(text):
    assert indirect(text) == []


@pytest.mark.parametrize("text, expected", [
    # records, emails and analyses as sources, before or after the content
    ("Sales rose 4 percent in March, company figures showed.",
     [("showed", "company figures", "Sales rose 4 percent in March")]),
    ("The mayor resigned after leaked emails showed staff favoring her brother.",
     [("showed", "leaked emails", "staff favoring her brother")]),
    ("Exit polling showed that the governor won every county but one.",
     [("showed", "Exit polling", "the governor won every county but one")]),
])
def test_documents_as_sources(text, expected):
    assert indirect(text) == expected


def test_a_lower_case_subject_that_is_no_document_stays_out():
    # "prices" is no document: "prices show" is narration, not a source
    assert indirect("Higher prices show the strain on farmers this year.") == []


@pytest.mark.parametrize("text, expected", [
    # a passive cue: the agent after "by" speaks, the subject is what was said
    ("The new budget plan was sharply criticized by the union leaders on Monday.",
     [("criticized", "the union leaders", "The new budget plan")]),
    ("The governor's proposal was confirmed Friday by Senator Ann Lee.",
     [("confirmed", "Senator Ann Lee", "The governor's proposal")]),
    # a participle right after its noun phrase
    ("Officials repeated an allegation denied by three separate inquiries.",
     [("denied", "three separate inquiries", "an allegation")]),
])
def test_passive_by_cues(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text", [
    # the subject of "was told by" / "was asked by" is the addressee, not what was said
    "The mayor was told by the police chief about the delay.",
    "The senator was asked by reporters about the vote.",
    # the passive of a stance cue: its object is no speech
    "The bill was opposed by most of the delegates in the hall.",
    # a pronoun subject names no content
    "It was announced by the ministry on Monday morning.",
])
def test_passives_with_no_content(text):
    assert indirect(text) == []


@pytest.mark.parametrize("text, expected", [
    # a stance participle after a comma: the sentence's subject holds the stance
    ("The governor spent heavily in the final week, hoping voters would forgive the delay.",
     [("hoping", "The governor", "voters would forgive the delay")]),
    # a stance participle right after the phrase it modifies
    ("Several activists supporting Senator Ann Lee spent the night outside the hall.",
     [("supporting", "Several activists", "Senator Ann Lee")]),
])
def test_stance_participles(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text", [
    # the -ing form used as a noun after an adjective
    "The mayor's strong showing in the suburbs surprised everyone.",
    "The council won financial backing from the state last year.",
])
def test_participle_forms_used_as_nouns(text):
    assert indirect(text) == []


@pytest.mark.parametrize("text, expected", [
    # a nominal cue after a possessive: the possessor is the source
    ("It is hard to assess North Korea's claims about the size of its nuclear arsenal.",
     [("claims", "North Korea's", "the size of its nuclear arsenal")]),
    ("The plan would run counter to Mr. Obama's original pledge to remove all troops by 2016.",
     [("pledge", "Mr. Obama's", "to remove all troops by 2016")]),
    ("Voters rewarded the senator's insistence that the budget be balanced.",
     [("insistence", "the senator's", "the budget be balanced")]),
])
def test_nominal_cues(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text", [
    # no possessive before the noun, or an opener the noun does not take
    "The claims about the arsenal could not be checked independently.",
    "Mr. Obama's decision surprised his closest advisers on Friday.",
    # a left-out noun: remarks
    "The mayor's remarks about the budget drew loud applause.",
])
def test_nouns_that_are_no_nominal_cue(text):
    assert indirect(text) == []


def test_a_nominal_cue_inside_reported_content_is_part_of_it():
    assert indirect("Experts doubt North Korea's claims about the size of its arsenal.") == [
        ("doubt", "Experts", "North Korea's claims about the size of its arsenal")]


def test_a_name_before_a_long_apposition_is_the_speaker():
    text = ("Ann Lee, a teacher from Springfield, Ohio, attending the rally with her son, "
            "said she could not support the plan.")
    assert indirect(text) == [("said", "Ann Lee", "she could not support the plan")]


def test_no_fronted_speaker_when_a_verb_stands_before_the_cue():
    # "who has met" holds a finite verb: the speaker phrase is left to the usual readers
    assert indirect("Senator Lee, who has met the mayor twice, and his aides said nothing.") == []


@pytest.mark.parametrize("text, expected", [
    # "According to X, CONTENT": the content after the comma also when the speaker phrase read stops before it
    ("According to early results of exit polls conducted for The Associated Press and television networks, "
     "nearly half of Democratic primary voters were black.",
     [("according to", "early results", "nearly half of Democratic primary voters were black")]),
    ("According to the senator, the bill will pass.",
     [("according to", "the senator", "the bill will pass")]),
    # "according to" after the content: the content before it, as before
    ("The bill will pass, according to the senator.",
     [("according to", "the senator", "The bill will pass")]),
])
def test_according_to_content(text, expected):
    assert indirect(text) == expected
