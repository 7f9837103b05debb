"""The speaker of a participle cue in an absolute ``with`` construction is
the name right before it, not the sentence's subject (issue 19: ``The United
Kingdom's decision ... sent American politicians into an uproar, with Sen.
Mark Warner, D-Va., saying "..."`` gave the decision as the speaker).
Hand-made sentences; each expected speaker was read off the text."""
from __future__ import annotations

from analysis.sourcing import extract_quotes


def speaker_of(text, fragment):
    q = extract_quotes(text)
    rows = q[q["text"].str.contains(fragment, regex=False)]
    assert len(rows) >= 1, f"no quote holds {fragment!r}"
    return rows.iloc[0]["speaker_name"]


TEXT = ("The decision to use the firm sent politicians into an uproar, with Sen. Anna Berg, D-Va., saying "
        "\"the firm is a threat to us all,\" and Sen. Tom Cole, R-Ark., saying \"the party will now have a foothold.\"")


def test_the_name_after_with_past_its_apposition_is_the_speaker():
    assert speaker_of(TEXT, "is a threat to us all") == "Anna Berg"


def test_a_name_joined_by_and_to_the_with_phrase_is_the_next_speaker():
    assert speaker_of(TEXT, "will now have a foothold") == "Tom Cole"


def test_a_clause_between_commas_is_no_apposition():
    # `the spokesman dodged the question` is a clause: the spokesman speaks, not Tom Cole
    text = ("But asked if the team had met with Tom Cole, the spokesman dodged the question, saying: "
            "\u201cAny such meetings would be reported in the normal way.\u201d")
    assert speaker_of(text, "Any such meetings") == "spokesman"


def test_a_participle_with_a_number_or_an_indefinite_object_is_an_act():
    # `adding 178 million new PCs` adds PCs, it says nothing: the report (it) is the speaker
    text = ("More than a third of all new PCs will be sold in these markets, with China adding 178 million "
            "new PCs by 2010, the report said.")
    q = extract_quotes(text)
    assert "China" not in set(q["speaker_name"].dropna())
    assert speaker_of(text, "178 million") == "report"
