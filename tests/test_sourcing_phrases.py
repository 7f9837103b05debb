"""Speaker phrases and what is not a quote (analysis.sourcing.phrases,
marks): a speaker phrase is a noun phrase (it stops before a verb form after
its head and skips photo-credit furniture), two coordinated names are one
group speaker, and titles of works, headlines and caption lines in quotation
marks are nobody's words.  Each expectation was read by hand from the small
text it tests."""
from __future__ import annotations

import pytest

from analysis.sourcing import extract_quotes
from analysis.sourcing.marks import furniture_line, title_case, work_title_cues
from analysis.sourcing.words import page_furniture


def rows(text: str, kinds=("direct", "partial", "indirect")) -> list[tuple]:
    """(kind, text, speaker) of the quotes of ``text``."""
    q = extract_quotes(text)
    q = q[q["kind"].isin(kinds)]
    return [(r.kind, r.text, r.speaker) for r in q.itertuples()]


def speakers(text: str) -> list[tuple]:
    """(speaker, speaker_name, speaker_kind) of every quote of ``text``."""
    q = extract_quotes(text)
    return [(r.speaker, r.speaker_name, r.speaker_kind) for r in q.itertuples()]


# --- the speaker phrase is a noun phrase ------------------------------------

@pytest.mark.parametrize("text, speaker", [
    # a participle after the name ends the phrase
    ("“It is a good day for security,” tweeted Secretary of State Mike Pompeo following the announcement.",
     "Secretary of State Mike Pompeo"),
    ("“Any such meetings would be reported,” said the spokesman, dodging the question.", "the spokesman"),
    # a past-tense verb after a speaker noun ends it too (`a judge chastised ...`)
    ("A Superior Court judge chastised the festival board, saying “it failed the musicians.”",
     "A Superior Court judge"),
    # a participle that modifies the head stays (`the ruling party`)
    ("“We will win,” said the ruling party.", "the ruling party"),
    # an irregular past form, an adverb before the verb, a present form before its object
    ("Although he is no candidate, Trump sent a jab his way by saying “he is worth much less.”", "Trump"),
    ("A campaign official later walked back the remarks, saying “the senator misspoke.”",
     "A campaign official"),
    ("The U.S. points to the 2017 law, saying “companies must support intelligence work.”", "The U.S."),
    # a past form after any common noun; `the` after a preposition stays in the phrase
    ("Business groups welcomed the decision, saying “it was the right call.”", "Business groups"),
    ("Those behind the negotiations welcomed the deal, saying “it was the right call.”",
     "Those behind the negotiations"),
    # `of the` inside a name's apposition stays
    ("“We will win,” said Robert Antonacci of the New York delegation.",
     "Robert Antonacci of the New York delegation"),
])
def test_speaker_phrase_stops_at_a_verb(text, speaker):
    assert [r[2] for r in rows(text, ("direct",))] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a time adverbial that opens the sentence is no speaker: the subject follows its comma
    ("Hours later, Trump returned the compliment, telling Reuters, “He is an amazing man.”", "Trump"),
    ("Later on Sunday, Carson shared a syllabus, writing “Allow me to do the research.”", "Carson"),
    ("WASHINGTON — On Monday, Smith said: “We will act.”", "Smith"),
    # a full stop before a comma ends an abbreviation inside the apposition, not the sentence
    ("Jane Smith, chief executive of Acme Holdings, Inc., said “we will comply.”", "Jane Smith"),
])
def test_speaker_after_an_opening_time_adverbial_or_an_abbreviation(text, speaker):
    assert [s for _, _, s in rows(text, ("direct",))] == [speaker]


def test_speaker_phrase_skips_photo_credit():
    text = "VCG VIA GETTY IMAGES The minister is preparing a ban, saying “We will not be bullied by anyone.”"
    assert rows(text, ("direct",)) == [("direct", "We will not be bullied by anyone.", "The minister")]


def test_number_ten():
    text = "A No 10 spokesperson said the meetings were within the rules."
    # the whole phrase, not `10 spokesperson`; an unnamed spokesperson is an anonymous source (issue 19)
    assert speakers(text) == [("A No 10 spokesperson", "No 10 spokesperson", "anonymous")]


# --- coordinated speakers ----------------------------------------------------

def test_two_names_after_the_cue_are_one_group():
    text = "“We never agreed to that,” reply Burton and Nick, the two founders."
    assert speakers(text) == [("Burton and Nick", "Burton and Nick", "group")]


@pytest.mark.parametrize("text, speaker", [
    ("GM and Ford said the deal was good for jobs.", "GM and Ford"),
    ("Autor and Mr. Hanson said the effect on jobs was large.", "Autor and Mr. Hanson"),
    ("German Chancellor Gerhard Schroeder and French President Jacques Chirac said the deal was good.",
     "German Chancellor Gerhard Schroeder and French President Jacques Chirac"),
])
def test_two_bodies_or_two_titled_people_are_one_group(text, speaker):
    assert [(g[0], g[2]) for g in speakers(text)] == [(speaker, "group")]


def test_two_names_before_the_cue_are_one_group_with_full_names():
    text = ("Tim Burton met Nick Park in 2001. "
            "Burton and Park said the contract was unfair to both of them.")
    assert speakers(text) == [("Burton and Park", "Tim Burton and Nick Park", "group")]


@pytest.mark.parametrize("text, speaker, kind", [
    # a list inside an organisation's name is not two speakers
    ("The Department for Digital, Culture, Media and Sport said the old laws did not work.", "Sport",
     "organisation"),
    # one person's two roles
    ("British Labour MP and Shadow Spokesperson Jane Onwula said the ban was negligent.",
     "Shadow Spokesperson Jane Onwula", "person"),
    # a prepositional phrase is not a subject
    ("After talks between Britain and France, officials said the deal was close.", "officials", "anonymous"),
    # a possessive over both names, a portfolio before a title
    ("Ernst and Young’s Sanjay Mehta said the deal was good for jobs.", "Young’s Sanjay Mehta", "person"),
    ("Trade and Industry Secretary Patricia Hewitt said the deal was good for jobs.",
     "Industry Secretary Patricia Hewitt", "person"),
])
def test_not_coordinated(text, speaker, kind):
    got = speakers(text)
    assert [(g[0], g[2]) for g in got] == [(speaker, kind)]


# --- titles of works, headlines and captions ---------------------------------

@pytest.mark.parametrize("text", [
    'In his book "The Party", the historian described how the state worked, the reviewer said.',
    "The committee published the report “Huawei Cyber Security Evaluation Centre Oversight Board” on Tuesday.",
    "The group ran a campaign called “Save Our Local Jobs” last year.",
    "She starred in the film “The Spy Who Came in from the Cold” in 1965.",
])
def test_titles_of_works_are_not_quotes(text):
    assert rows(text, ("direct", "partial")) == []


@pytest.mark.parametrize("text", [
    "The U.S. has pressed the “Five Eyes Alliance” countries to act, the minister said.",
    "Galloway published a commentary in “Russia Today”, saying the ban would harm Britain.",
])
def test_proper_names_in_quotation_marks_are_not_quotes(text):
    assert rows(text, ("partial", "direct")) == []


@pytest.mark.parametrize("text", [
    # a programme after its broadcaster's possessive
    "Sanders said on NBC's \"Meet the Press\" that the plan would fail.",
    "The senator told CBS' ''60 Minutes'' that the plan would fail.",
    # a work noun, a comma, then the title (an apposition)
    "Congregants pass around copies of his memoir, \"Gifted Hands,\" at the church.",
    # a title with its function words after `on`
    "The governor appeared on “Face the Nation” on Sunday.",
])
def test_programmes_and_titles_in_apposition_are_not_quotes(text):
    assert rows(text, ("direct", "partial")) == []


@pytest.mark.parametrize("text", [
    # the items of a list of titles are titles alike
    "Howard, who had roles in “How the Grinch Stole Christmas,” “Apollo 13,” and “Austin Powers,” praised Cruz.",
    # a title right before a work noun (an acronym between)
    "The offices were once used by the “Celebrity Apprentice” TV show, the paper reported.",
    # a nickname inside a name
    "His campaign was represented by Gov. C.L. “Butch” Otter, an early endorser.",
    # a bracketed source label after a quotation is no quotation of its own
    "Pollsters agree: “Keep on contacting voters as late as possible.” “[HuffPost.]”",
])
def test_lists_of_titles_nicknames_and_labels_are_not_quotes(text):
    got = rows(text, ("direct", "partial"))
    assert all(not t.startswith(("How", "Apollo", "Austin", "Celebrity", "Butch", "[")) for _, t, _ in got), got


def test_title_after_a_possessive_keeps_the_direct_quote():
    text = "“We will win this state,” he said on ABC’s “This Week.”"
    assert rows(text, ("direct", "partial")) == [("direct", "We will win this state,", "he")]


def test_lower_case_words_after_a_possessive_stay_a_quote():
    text = "Warren said she opposed the bank’s “fierce drive to cross-sell” to customers."
    assert rows(text, ("partial",)) == [("partial", "fierce drive to cross-sell", "Warren")]


def test_capitalised_words_after_a_verb_stay_a_quote():
    text = "He said the plan was “The Best Deal Ever” for the workers of the town."
    assert rows(text, ("partial",)) == [("partial", "The Best Deal Ever", "He")]


def test_lower_case_words_after_a_work_noun_stay_a_quote():
    text = "The committee said the report “raises serious concerns about the network and its vendors” today."
    assert rows(text, ("partial",)) == [
        ("partial", "raises serious concerns about the network and its vendors", "The committee")]


def test_headline_line_is_not_a_quote():
    text = ("“United States Welcomes The Decision” Adviser Robert Lee On Britain’s Move\n"
            "Robert Lee welcomed the decision. “It is welcome news for the West,” Lee said.")
    got = rows(text, ("direct", "partial"))
    assert got == [("direct", "It is welcome news for the West,", "Lee")]


def test_caption_line_is_not_a_quote():
    text = ("Image caption The minister said the ban was “a good day for the country”\n"
            "“It is a good day,” the minister said.")
    assert rows(text, ("direct", "partial")) == [("direct", "It is a good day,", "the minister")]


def test_furniture_line_shapes():
    text = "Photograph: Jane Doe/Reuters"
    assert furniture_line(text, 0, len(text))
    text = "Britain Bans “Untrusted” Vendors From Its Networks"
    assert furniture_line(text, 0, len(text))
    text = "The minister said the ban was “long overdue”."
    assert not furniture_line(text, 0, len(text))
    text = "The minister said the ban was “long overdue”"  # no full stop, but a sentence
    assert not furniture_line(text, 0, len(text))


def test_title_case():
    assert title_case(["The", "Spy", "Who", "Came", "in", "from", "the", "Cold"])
    assert not title_case(["raises", "serious", "concerns"])
    assert not title_case(["The", "report", "raises"])


def test_reviewed_lists_load():
    cues = work_title_cues()
    assert {"book", "report", "film", "campaign"} <= cues["noun"]
    assert {"titled", "called"} <= cues["link"]
    furniture = page_furniture()
    assert {"getty", "images"} <= furniture["credit"]
    assert "image caption" in furniture["label"]


# --- pull quotes -------------------------------------------------------------

PULL_QUOTE = ("\"The reality is, if she loses Iowa, that could create new problems for her here.\n"
              "S.C. Rep. Jim Clyburn.\"\n\nFor the voter, it was hard.")


def test_pull_quote_repeating_the_body_is_counted_once():
    text = ("“The reality is, if she loses Iowa, that could create new problems for her here,” Clyburn said "
            "on Monday.\n\n" + PULL_QUOTE)
    assert rows(text, ("direct", "partial")) == [
        ("direct", "The reality is, if she loses Iowa, that could create new problems for her here,", "Clyburn")]


def test_signature_line_of_a_new_pull_quote_is_no_quote():
    text = "Clyburn spoke on Monday.\n\n" + PULL_QUOTE
    got = rows(text, ("direct", "partial"))
    assert [t for _, t, _ in got] == ["The reality is, if she loses Iowa, that could create new problems for her here."]


# --- quotation marks: nested curly marks, continuation style ----------------

def test_curly_quotation_nested_in_a_straight_one_stays_inside():
    text = ('Dr. Ward stated:\n\n"The department isn’t about “Equal Justice Under Law” anymore. '
            'It is about politics."\n\nThe bill took effect.')
    assert rows(text, ("direct", "partial")) == [
        ("direct", "The department isn’t about “Equal Justice Under Law” anymore. It is about politics.", "Dr. Ward")]


def test_straight_excerpt_mark_is_not_continued_by_a_curly_quotation():
    text = ('"Trump walked onto the stage, chanting “U-S-A! U-S-A!”\n\n'
            '“That’s right, Donald,” Melanie said to the nominee.')
    got = rows(text, ("direct",))
    assert ("direct", "That’s right, Donald,", "Melanie") in got


@pytest.mark.parametrize("text", [
    # a name that opens a sentence as its subject, not anybody's sentence
    "The senator likes it. “The Walking Dead” is an AMC drama that follows a zombie apocalypse.",
    "\"Containment\" has been U.S. policy since the war, the historian said.",
    # words quoted as words, and the next items of their list
    "They searched for terms containing words such as \"ambassador,\" \"attack,\" \"Benghazi\" and \"Libya\" in the files.",
])
def test_names_and_words_as_words_are_not_quotes(text):
    assert rows(text, ("direct", "partial")) == []


def test_chant_before_its_attribution_stays_a_quote():
    assert [t for _, t, _ in rows("“Lock Her Up” the crowd chanted.", ("direct",))] == ["Lock Her Up"]


@pytest.mark.parametrize("text, speaker", [
    # a described role before a name in apposition: the name is the speaker (bbc-business-093, huawei-uk-058)
    ("Argentina's President, Nestor Kirchner, said: “We were called crazy.”", "Nestor Kirchner"),
    ("China’s ambassador to the U.K., Liu Xiaoming, said: “It is poisoning ties.”", "Liu Xiaoming"),
    ("The head of the Bank of England, Mervyn King, said: “Rates will rise.”", "Mervyn King"),
    # a name before the apposition stays the speaker
    ("Irwin Cotler, a former minister, said: “It is wrong.”", "Irwin Cotler"),
    ("The Bank of England, which sets rates, said: “Rates will rise.”", "The Bank of England"),
])
def test_a_described_role_before_a_name_in_apposition_is_that_name(text, speaker):
    assert [s for _, _, s in rows(text, ("direct",))] == [speaker]
