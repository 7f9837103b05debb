"""Reported speech, round 6: cues of intention, decision and refusal
(``analysis/data/intent_verbs.txt``) with a to-infinitive as content.  Each
expectation was read by hand from the small sentence it tests."""
from __future__ import annotations

import pytest

from analysis.sourcing import extract_quotes
from analysis.sourcing.words import intent_verbs, speech_verbs


def indirect(text: str) -> list[tuple[str, str, str]]:
    """(cue, speaker, content) of the indirect quotes of ``text``."""
    q = extract_quotes(text)
    q = q[q["kind"] == "indirect"]
    return [(r.cue, r.speaker, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # refusal: the infinitive, with its "to", is the content
    ("The senator refused to answer questions about the loan.",
     [("refused", "The senator", "to answer questions about the loan")]),
    ("She declined to be interviewed for this article.",
     [("declined", "She", "to be interviewed for this article")]),
    # the infinitive ends at a comma: the clause goes on after it
    ("The governor, who declined to comment, was born in Ohio.",
     [("declined", "The governor", "to comment")]),
    # a speech cue after the comma has content of its own
    ("The senator refused to answer questions about the loan, saying the matter was closed.",
     [("refused", "The senator", "to answer questions about the loan"),
      ("saying", "The senator", "the matter was closed")]),
    # decision: "agreed to" with a verb
    ("After weeks of talks, the company agreed to pay $5 million to settle the claims.",
     [("agreed", "the company", "to pay $5 million to settle the claims")]),
    # "agreed that": a speech cue as before
    ("Both sides agreed that the vote should go ahead.",
     [("agreed", "Both sides", "the vote should go ahead")]),
])
def test_intent_cues(text, expected):
    assert indirect(text) == expected


def test_an_intent_inside_a_final_attribution_stays_in_its_content():
    # the report's content runs from the sentence start, over the intent cue inside it
    assert indirect("The union leaders have agreed to pay the fine, reports say.") == [
        ("say", "reports", "The union leaders have agreed to pay the fine"),
        ("agreed", "The union leaders", "to pay the fine")]


@pytest.mark.parametrize("text", [
    # "to" before a number or a noun phrase: no infinitive
    "Sales of the car declined to 4,000 last year.",
    "The union agreed to a two-tier wage system in 2011.",
    # a subject that is no source (a lower-case noun that is no speaker noun)
    "Oil prices refused to budge on Monday.",
    "The engine refused to start on Monday.",
    # negated: nothing was agreed
    "He did not agree to meet the protesters.",
    # passive
    "The offer was declined to everyone's surprise.",
    # inside quotation marks the words are the quotation's, not a cue
    "“We refused to leave,” the miners said.",
])
def test_no_intent_cue(text):
    assert [r for r in indirect(text) if r[0] in intent_verbs()] == []


def test_intent_verbs_are_read_from_their_file():
    # intent_verbs.txt, read by hand: "declined" and "agreed" are listed, and tagged as stances with "to"
    verbs = intent_verbs()
    assert verbs["declined"][0] == "decline" and verbs["agreed"][0] == "agree"
    assert {"stance", "to", "intent"} <= verbs["refuses"][1]
    # "decline" is no speech verb: its class lives apart
    assert "declined" not in speech_verbs()
