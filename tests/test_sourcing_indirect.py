"""Reported speech beyond say-type cues (analysis.sourcing.indirect, frames,
phrases): stance cues, their content, speaker phrases and what is not a quote.
Each expectation was read by hand from the small sentence it tests."""
from __future__ import annotations

import pytest

from analysis.names import speech_verbs
from analysis.sourcing import extract_quotes


def indirect(text: str) -> list[tuple[str, str, str]]:
    """(cue, speaker, content) of the indirect quotes of ``text``."""
    q = extract_quotes(text)
    q = q[q["kind"] == "indirect"]
    return [(r.cue, r.speaker, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # stance cues: beliefs, wishes, findings
    ("The governor believes the state can balance its budget by June.",
     ("believes", "The governor", "the state can balance its budget by June")),
    ("Most voters want a change of direction in Washington.",
     ("want", "Most voters", "a change of direction in Washington")),
    ("The new survey found that most voters distrust both parties.",
     ("found", "The new survey", "most voters distrust both parties")),
    # the object of an evaluation, without the time and occasion after it
    ("Senator Ann Lee endorsed Mr. Trump at a news conference on Friday.",
     ("endorsed", "Senator Ann Lee", "Mr. Trump")),
    ("The mayor called for an independent investigation into the shooting.",
     ("called", "The mayor", "an independent investigation into the shooting")),
    # the content ends at a semicolon
    ("The senator lamented the state of the campaign; her rivals ignored her.",
     ("lamented", "The senator", "the state of the campaign")),
])
def test_stance_cues(text, expected):
    assert indirect(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a speaker before a parenthesis, before time words, a share of people
    ("Sen. Mitch McConnell (R-Ky.) said he would not hold a vote this year.",
     ("said", "Sen. Mitch McConnell", "he would not hold a vote this year")),
    ("RNC spokesman Sean Spicer on Thursday evening said the party was not in a crisis.",
     ("said", "RNC spokesman Sean Spicer", "the party was not in a crisis")),
    ("Twenty-one percent said they would not vote at all.",
     ("said", "Twenty-one percent", "they would not vote at all")),
    # the subject of a cue coordinated with another verb
    ("Acme runs two factories in Ohio and says it will hire 500 workers next year.",
     ("says", "Acme", "it will hire 500 workers next year")),
    # a final attribution followed by an apposition or an addressee
    ("The economy is slowing, said Anna Berg, an economist at the central bank, which sets interest rates.",
     ("said", "Anna Berg", "The economy is slowing")),
    ("The vote will be close, a senior aide told The Washington Post.",
     ("told", "a senior aide", "The vote will be close")),
])
def test_speaker_phrases(text, expected):
    assert indirect(text) == [expected]


@pytest.mark.parametrize("text", [
    # the journalist's narration of an act, not reported speech
    "Britain announced a ban on the company's equipment last year.",
    "The two firms agreed to pay a fine of $5 million.",
    # nouns that look like stance cues, and passives
    "The GOP tax plans would all drive massive budget deficits.",
    "The president's plans would cost billions of dollars.",
    "Mr. Jones was supported by a majority of the delegates.",
    "There is a huge demand for cheaper housing in the city.",
])
def test_not_reported_speech(text):
    assert indirect(text) == []


def test_announced_with_a_clause_is_reported_speech():
    assert indirect("The ministry announced that the ban would start in September.") == [
        ("announced", "The ministry", "the ban would start in September")]


def test_a_stance_cue_does_not_take_a_quotation():
    q = extract_quotes('Trump said she "is a nasty woman," but added that he respects her. '
                       '"She never quits," he wants everyone to know.')
    direct = q[q["kind"] == "direct"].iloc[0]
    # the paragraph's latest cue of Trump ("but added", which has Trump's subject), not "wants"
    assert (direct["text"], direct["cue"], direct["speaker"]) == ("She never quits,", "added", "Trump")


def test_a_stance_inside_speech_stays_in_what_was_said():
    assert indirect("Ms. Cole said she believes the accusations were coordinated by her rivals.") == [
        ("said", "Ms. Cole", "she believes the accusations were coordinated by her rivals")]


def test_speech_verb_tags():
    verbs = speech_verbs()
    assert verbs["believes"] == ("believe", frozenset({"stance"}))
    assert verbs["endorsed"] == ("endorse", frozenset({"stance", "np"}))
    assert verbs["plans"] == ("plan", frozenset({"stance", "to"}))
    assert "clause" in verbs["announced"][1]
    # forms that are mostly nouns or narration are not cues
    for form in ("states", "remarks", "decided", "wanted", "plan", "support"):
        assert form not in verbs


def test_polnear_predictions_join_a_sources_pieces():
    from analysis.evaluation.sourcing import predictions

    text = ('"We will win this state," Jane Doe said. "And then we will win the next one."\n\n'
            '"Nobody believes that," said John Roe.')
    (rec,) = predictions([{"id": "a", "text": text}])
    first, second = rec["quotes"]
    assert [text[a:b] for a, b in first["spans"]] == ["We will win this state,", "And then we will win the next one."]
    assert first["speaker"] == "Jane Doe" and "spans" not in second


def test_think_tank_is_no_cue():
    assert indirect("Researchers at the Royal Institute think tank published a study on Monday.") == []


@pytest.mark.parametrize("text, expected", [
    # a cue nested in the content is part of it (attribution corpora draw it so)
    ("Loretta Lynch said she was asked to give a presentation to a client.",
     [("said", "Loretta Lynch", "she was asked to give a presentation to a client")]),
    ("Republicans say they will now ask voters to elect a divided government.",
     [("say", "Republicans", "they will now ask voters to elect a divided government")]),
    # a later attribution after a comma or conjunction still ends the content
    ("Clinton said the plan would fail, though Mrs. Fiorina said it would work.",
     [("said", "Clinton", "the plan would fail"), ("said", "Mrs. Fiorina", "it would work")]),
])
def test_nested_cues(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an addressee, then a clause without "that"
    ("Cornyn told reporters this was the only chance to pass a measure.",
     [("told", "Cornyn", "this was the only chance to pass a measure")]),
    ("Thor told TheBlaze founder Glenn Beck he would consider running.",
     [("told", "Thor", "he would consider running")]),
    ("Mr. Hannity told me he is more honest than most reporters.",
     [("told", "Mr. Hannity", "he is more honest than most reporters")]),
    ("The minister told reporters on Monday the deal was dead.",
     [("told", "The minister", "the deal was dead")]),
    # no clause after the addressee: no reported content
    ("She told the story of her childhood in Ohio.", []),
])
def test_addressee_then_bare_clause(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an infinitive after a cue is its content, not a short adverbial after a final attribution
    ("Trump vowed to build a wall on the southern border.",
     [("vowed", "Trump", "to build a wall on the southern border")]),
    ("At rally after rally, he vows to impose a tax on imported cars.",
     [("vows", "he", "to impose a tax on imported cars")]),
    # a prepositional "to" after a final attribution is still an adverbial
    ("The deal is dead, he said to reporters.", [("said", "he", "The deal is dead")]),
    ("The deal is dead, he said to the crowd.", [("said", "he", "The deal is dead")]),
])
def test_infinitive_content(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # phrasal cues: the content after the particle
    ("The senator pointed out that the bill had failed twice.",
     [("pointed", "The senator", "the bill had failed twice")]),
    ("She talked about her plans for the economy.", [("talked", "She", "her plans for the economy")]),
    ("Sanders railed against the big banks on Monday.", [("railed", "Sanders", "the big banks")]),
    ("Trump spoke to the crowd, referring to Clinton as a liar.", [("referring", "Trump", "Clinton")]),
    # without their particle they are no cue
    ("She talked to reporters after the vote.", []),
    ("The officer pointed a flashlight at the car.", []),
    # a progressive cue is finite
    ("He is calling for a ban on assault weapons.", [("calling", "He", "a ban on assault weapons")]),
    ("Critics are saying the plan will fail.", [("saying", "Critics", "the plan will fail")]),
])
def test_particle_and_progressive_cues(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after a present-tense cue a coordinated past-tense verb belongs to the content
    ("Police say he posed a deadly threat and refused to drop the gun.",
     [("say", "Police", "he posed a deadly threat and refused to drop the gun")]),
    # after a past-tense cue it is the speaker's next act
    ("Trump said the plan was bad and encouraged Americans to vote.",
     [("said", "Trump", "the plan was bad")]),
])
def test_coordinated_verbs_by_tense(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a whole clause-initial subject the noun-phrase reader does not take, before a clause
    ("Protest groups say the restrictions are less for safety than for show.",
     [("say", "Protest groups", "the restrictions are less for safety than for show")]),
    ("Each side said the other would be responsible for a shutdown.",
     [("said", "Each side", "the other would be responsible for a shutdown")]),
    ("Almost half of respondents said the party has become more hostile to Latinos.",
     [("said", "Almost half of respondents", "the party has become more hostile to Latinos")]),
    # no clause after the cue, or a function word inside the would-be subject: no quote
    ("The water said nothing.", []),
    ("Republicans privy to private polling data said surveys still showed Mrs. Clinton leading.", []),
])
def test_clause_initial_subjects(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a speech cue after "to" governed by a finite verb: that verb's subject speaks
    ("Even after the complaint was filed, Lewandowski continued to say he had never touched her.",
     [("say", "Lewandowski", "he had never touched her")]),
    ("His best response was to say he would keep the jobs.", []),
    # "say" is negated and gives nothing; the refusal is a cue of its own (intent_verbs.txt)
    ("The senator declined to say whether he would run.",
     [("declined", "The senator", "to say whether he would run")]),
    # "but said" takes the subject of the earlier cue of its sentence
    ("Mr. Kelly said Arizona was a winnable state, but said Democrats could not take anything for granted.",
     [("said", "Mr. Kelly", "Arizona was a winnable state"),
      ("said", "Mr. Kelly", "Democrats could not take anything for granted")]),
])
def test_infinitive_and_but_cues(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a later attribution whose subject was read short still ends the content at its conjunction
    ("He said the army had revealed deep weaknesses, and excerpts from his speech describe the decision as flawed.",
     [("said", "He", "the army had revealed deep weaknesses"), ("describe", "his speech", "the decision as flawed")]),
    # time words between the addressee and the clause
    ("Dominic Raab told MPs this afternoon the network had nothing to do with shared data.",
     [("told", "Dominic Raab", "the network had nothing to do with shared data")]),
    # "is said to have": a passive report, not an infinitive content
    ("Guto Harri is said to have suggested the chief of staff could nudge ministers.", []),
])
def test_content_boundaries_read_on_reports(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a poll or survey as the source, opening the sentence or ending it
    ("In the CBS poll, Trump’s lead over Cruz remained in double digits.",
     [("In", "the CBS poll", "Trump’s lead over Cruz remained in double digits")]),
    ("Trump slipped back to 39 percent in Monday’s poll.",
     [("in", "Monday’s poll", "Trump slipped back to 39 percent")]),
    # a poll in the middle of the sentence is no source
    ("Voters in the poll were angry about taxes.", []),
])
def test_polls_as_sources(text, expected):
    assert indirect(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a contrasting conjunction after a comma that opens a clause of its own ends the content
    ("Clinton says the mails were personal, but for Republicans, it is a smoking gun.",
     [("says", "Clinton", "the mails were personal")]),
    # a second verb of the content's subject does not ("but required" is cut as a coordinated act)
    ("He said the process was fair, but required candidates to put forth an effort.",
     [("said", "He", "the process was fair")]),
    ("She says the plan is fair, but costs too much for most families.",
     [("says", "She", "the plan is fair, but costs too much for most families")]),
])
def test_contrast_clause_ends_content(text, expected):
    assert indirect(text) == expected


def test_noun_forms_of_phrasal_cues_stay_nouns():
    # "talks" is not a cue form: the quote is found as before (the phrase reader stops at "with")
    assert indirect("A source familiar with the talks said the deal was close.") == [
        ("said", "the talks", "the deal was close")]
