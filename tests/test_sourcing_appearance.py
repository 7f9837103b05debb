"""Reported speech, round 6: cues of appearance and expectation
(``analysis/data/appearance_verbs.txt``): the subject and the infinitive are
the content, no source is named.  Each expectation was read by hand from the
small sentence it tests."""
from __future__ import annotations

import pytest

from analysis.sourcing import extract_quotes
from analysis.sourcing.words import appearance_verbs


def indirect(text: str) -> list[tuple[str, str | None, str, str]]:
    """(cue, speaker, attribution, content) of the indirect quotes of ``text``."""
    q = extract_quotes(text)
    q = q[q["kind"] == "indirect"]
    return [(r.cue, r.speaker, r.attribution, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # expectation: a form of "be" (and an adverb) before "expected", an infinitive after it
    ("The central bank is widely expected to raise rates in December.",
     [("expected", None, "none", "The central bank is widely expected to raise rates in December")]),
    # appearance: a pronoun subject is part of the content, the clause after the comma is not
    ("She seemed to embody contradictions, but they reflected a society.",
     [("seemed", None, "none", "She seemed to embody contradictions")]),
    # after a relative or "it" only the infinitive
    ("Voters approached a man who seemed to be confused.",
     [("seemed", None, "none", "to be confused")]),
    ("It is expected to rise to 2.9 percent this year.",
     [("expected", None, "none", "to rise to 2.9 percent this year")]),
])
def test_appearance_cues(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text", [
    # "appear" without an infinitive: showing up, not seeming
    "He appeared on Fox News on Monday.",
    # "expected" not after "be": the subject's own past expectation, not a report
    "The team had expected to win easily.",
    # inside quotation marks: the quotation's words
    "“It seems to work,” she said.",
])
def test_no_appearance_cue(text):
    assert [r for r in indirect(text) if r[0] in appearance_verbs()] == []


def test_a_named_speakers_content_holds_the_appearance():
    # the appearance is part of what the official said: one quote, hers
    assert indirect("An official said the economy seemed to be slowing down.") == [
        ("said", "An official", "explicit", "the economy seemed to be slowing down")]


def test_an_expected_speech_keeps_its_speaker():
    # the speech cue after "expected to" reads the content, with the subject as its speaker
    assert indirect("Mr Howard is expected to tell activists that voters are being abused.") == [
        ("tell", "Mr Howard", "explicit", "voters are being abused")]


def test_appearance_never_speaks_a_quotation():
    q = extract_quotes("The mayor seemed to agree. “We will build it,” she said.")
    direct = q[q["kind"] == "direct"]
    assert list(direct["speaker"]) == ["she"]
