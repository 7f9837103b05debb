"""Who a pronoun or a described speaker refers to (issue 19: the Huawei
sample's statements whose speaker was wrong).  Hand-made paragraphs; each
expected speaker was read off the text."""
from __future__ import annotations

from analysis.sourcing import extract_quotes


def row_of(text, fragment):
    q = extract_quotes(text)
    rows = q[q["text"].str.contains(fragment, regex=False)]
    assert len(rows) >= 1, f"no quote holds {fragment!r}"
    return rows.iloc[0]


def test_pronoun_refers_to_a_person_described_by_a_role():
    # `The town's mayor` is one person: `he` is the mayor, not the editor named before him
    text = ("Editor Peter Marsh said the paper would print the letter.\n\n"
            "The town's mayor claimed credit for the deal on Monday.\n\n"
            "“I did this myself,” he said.")
    r = row_of(text, "did this myself")
    assert r["speaker"] == "he" and r["attribution"] == "pronoun"
    assert r["speaker_name"] != "Peter Marsh"
    assert "mayor" in r["speaker_name"]


def test_pronoun_passes_a_thing_whose_phrase_holds_a_name():
    # `the performance of Norway's team` is no person, though it holds a capital
    text = ("Mr. Tom Berg spoke at the dinner.\n\n"
            "He said the performance of Norway's team had revealed deep weaknesses.\n\n"
            "“They are exhausted,” he argued.")
    r = row_of(text, "exhausted")
    assert (r["speaker_name"], r["attribution"]) == ("Tom Berg", "pronoun")


def test_names_inside_the_quotation_do_not_block_the_previous_subject():
    # the narration's subject before the quote is the `he`, although the quote names Huawei and the US
    text = ("“We are ready,” said Anna Lind.\n\n"
            "In the Commons, Oliver Dowden, the culture secretary, said the rules had changed.\n\n"
            "“The new US measures restrict Huawei’s ability to make chips,” he said.")
    r = row_of(text, "new US measures")
    assert (r["speaker_name"], r["attribution"]) == ("Oliver Dowden", "pronoun")
