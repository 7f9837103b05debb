"""Where the content of an indirect quote begins and ends
(analysis.sourcing.content_spans), and how an interrupted content is scored
as two pieces (analysis.evaluation.sourcing).  Sentences written for these
tests; each expectation read by hand from the sentence."""
from __future__ import annotations

import pytest

from analysis.sourcing import extract_quotes
from analysis.sourcing.content_spans import boundary_words


def contents(text: str) -> list[str]:
    """The texts of the indirect quotes of ``text``."""
    q = extract_quotes(text)
    return q.loc[q["kind"] == "indirect", "text"].tolist()


@pytest.mark.parametrize("text, expected", [
    # a dash before a determiner or a subordinator opens the writer's aside
    ("The company announced it would cut 4,000 jobs - a blow to the town's economy.",
     ["it would cut 4,000 jobs"]),
    ("The governor announced the plant would close - after months of losses at the site.",
     ["the plant would close"]),
    # a dash before other words does not, nor a pair of dashes around an aside
    # inside the content, nor a hyphen inside a word
    ("The mayor said the new bridge would be a well-known landmark - and so it was.",
     ["the new bridge would be a well-known landmark - and so it was"]),
    ("Analysts said one supplier - the Swedish firm Ericsson - was highly dependent on Chinese parts.",
     ["one supplier - the Swedish firm Ericsson - was highly dependent on Chinese parts"]),
    ("The minister said suspects should be held in prison - not at home - while they await trial.",
     ["suspects should be held in prison - not at home - while they await trial"]),
    ("The coach said the team had played a well-rounded game in the second half.",
     ["the team had played a well-rounded game in the second half"]),
])
def test_dash_led_aside_ends_the_content(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue in a fronted subordinate clause: its content ends before the main clause
    ("While critics say the plan costs too much, the council has approved it.",
     ["the plan costs too much"]),
    ("Although the company denied that its accounts were false, the regulator opened an inquiry.",
     ["its accounts were false"]),
    ("When the minister announced the plant would close, the workers went on strike.",
     ["the plant would close"]),
    # not fronted: a comma inside the content keeps the clause after it
    ("Officials say that if the road stays open, drivers will keep using it.",
     ["if the road stays open, drivers will keep using it"]),
    ("Officials say the road is unsafe, and the city council has already closed it.",
     ["the road is unsafe, and the city council has already closed it"]),
])
def test_new_clause_after_a_comma(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the words before a parenthetical attribution belong to the content
    ("The new budget, the minister said, would cut taxes for families.",
     ["The new budget, the minister said, would cut taxes for families"]),
    # ... from a relative pronoun when one opens that stretch
    ("Parks are a good idea, which, the mayor said, was never in doubt.",
     ["which, the mayor said, was never in doubt"]),
    # a relative pronoun right before the speaker
    ("The city approved the park, which the mayor said would open in May.",
     ["which the mayor said would open in May"]),
    # a time adverbial before the speaker, with no comma after the cue: not content
    ("On Monday, the senator said she had not misled voters.",
     ["she had not misled voters"]),
])
def test_content_interrupted_by_its_attribution(text, expected):
    assert contents(text) == expected


def test_attribution_before_a_quotation_takes_no_lead():
    # `Asked ..., X said, "..."`: a direct quotation, no indirect content
    q = extract_quotes('Asked about the vote, the senator said, "We will win."')
    assert q["kind"].tolist() == ["direct"]


@pytest.mark.parametrize("text, expected", [
    # the noun phrase a "that"-clause completes is part of the content
    ("The minister dismissed the idea that taxes would rise.",
     ["the idea that taxes would rise"]),
    # an addressee or a time adverbial before "that" is not
    ("The senator told reporters that she had not misled voters.",
     ["she had not misled voters"]),
    ("The senator said on Monday that she had not misled voters.",
     ["she had not misled voters"]),
])
def test_noun_phrase_before_that(text, expected):
    assert contents(text) == expected


def test_interrupted_content_is_scored_as_two_pieces():
    from analysis.evaluation.sourcing import predictions

    text = "The new budget, the minister said, would cut taxes for families."
    (rec,) = predictions([{"id": "a", "text": text}])
    (quote,) = rec["quotes"]
    assert [text[a:b] for a, b in quote["spans"]] == ["The new budget", "would cut taxes for families"]
    plain = "The minister said the new budget would cut taxes for families."
    (rec,) = predictions([{"id": "b", "text": plain}])
    assert "spans" not in rec["quotes"][0]


def test_boundary_word_lists():
    words = boundary_words()
    assert set(words) == {"aside openers", "relatives", "noun phrase openers", "fronted subordinators"}
    assert "a" in words["aside openers"] and "and" not in words["aside openers"]
    assert "which" in words["relatives"] and "while" in words["fronted subordinators"]


def test_paraphrase_around_a_partial_quote():
    # two words outside the marks make a paraphrase when it holds a quotation
    q = extract_quotes("The senator said Cruz was “not a real conservative.”")
    assert q[["kind", "text"]].values.tolist() == [["indirect", "Cruz was “not a real conservative.”"],
                                                    ["partial", "not a real conservative."]]
    assert q["parent_quote_id"].iloc[1] == q["quote_id"].iloc[0]
    # without one, two words are too few for an indirect quote
    assert extract_quotes("The senator said Cruz lied.").empty
    # a second cue before a quotation is no paraphrase: the quotation stays direct
    q = extract_quotes("“The water was poisoned,” she said, adding, “There would have been action elsewhere.”")
    assert q["kind"].tolist() == ["direct", "direct"]
