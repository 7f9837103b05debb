"""Who a pronoun refers to (issue 19: the Huawei sample's statements whose
speaker was wrong): a thing is no person a he or she can refer to, whatever
name its phrase holds; a person introduced by an indefinite role is one; the
words of a quotation before a pronoun name nobody.  Hand-made paragraphs;
each expected speaker was read off the text."""
from __future__ import annotations

from analysis.core.text import segment
from analysis.sourcing import extract_quotes
from analysis.sourcing.context import ArticleContext
from analysis.sourcing.frames import find_frames
from analysis.sourcing.marks import classify_span, find_quote_spans
from analysis.sourcing.resolve import resolve_frame


def frames_of(text):
    """(cue, speaker as written, resolved name) of every attribution frame, in text order."""
    doc = segment(text, "t")
    ctx = ArticleContext(doc, None, {})
    spans = find_quote_spans(doc)
    ctx.mark_quotes(spans)
    for q in spans:
        classify_span(ctx, q)
    frames = sorted(find_frames(ctx), key=lambda f: f.cue_tok)
    history, previous = [], None
    for f in frames:
        resolve_frame(ctx, f, history, previous)
        previous = f
    return [(f.cue, f.speaker, f.name) for f in frames]


def row_of(text, fragment):
    q = extract_quotes(text)
    rows = q[q["text"].str.contains(fragment, regex=False)]
    assert len(rows) >= 1, f"no quote holds {fragment!r}"
    return rows.iloc[0]


def test_pronoun_passes_a_thing_whose_phrase_holds_a_name():
    # `the performance of Russia's military` revealed something, but `he` is still Tom Berg
    text = ("Mr. Tom Berg spoke at the dinner. But he said the performance of Russia’s military had revealed "
            "deep weaknesses. “They are exhausted,” he argued.")
    assert frames_of(text)[-1] == ("argued", "he", "Tom Berg")


def test_pronoun_refers_to_a_person_introduced_by_an_indefinite_role():
    # `A Labour spokesman` is one person the article does not name: `he` is him,
    # not the editor named before him, and the description is the speaker
    text = ("Editor Peter Marsh said the paper would print the letter.\n\n"
            "A Labour spokesman claimed credit for the deal on Monday.\n\n"
            "“I did this myself,” he said.")
    assert frames_of(text)[-1] == ("said", "A Labour spokesman", "Labour")
    r = row_of(text, "did this myself")
    assert r["attribution"] == "pronoun"
    assert r["speaker"] == "A Labour spokesman"
    assert r["speaker_start"] == text.index("A Labour spokesman")


def test_pronoun_after_a_definite_role_keeps_the_named_person():
    # `The minister` is someone named before (Patricia Hewitt), not a new person
    text = ("Trade Secretary Patricia Hewitt spoke in Brighton.\n\n"
            "The minister told delegates that the gap was closing.\n\n"
            "“Career sexism limits opportunities,” she said.")
    r = row_of(text, "Career sexism")
    assert (r["speaker"], r["speaker_name"], r["attribution"]) == ("she", "Patricia Hewitt", "pronoun")


def test_names_inside_the_quotation_do_not_hide_the_previous_subject():
    # the narration's subject before the quote is the `he` (not the last speaker, Tom Lind),
    # although the quotation before the pronoun names the US and Huawei
    text = ("“We are ready,” said Tom Lind.\n\n"
            "Oliver Dowden, the culture secretary, spoke for an hour.\n\n"
            "“The new US measures restrict Huawei’s ability to make chips,” he said.")
    assert frames_of(text)[-1] == ("said", "he", "Oliver Dowden")
    # a name in the narration before the pronoun still comes first
    text = ("“We are ready,” said Tom Lind.\n\nOliver Dowden spoke for an hour.\n\n"
            "After a call from Tom Lind he said the rules had changed.")
    assert frames_of(text)[-1][2] != "Oliver Dowden"


def test_definite_role_refers_back_to_the_speaker_of_that_role():
    # `the source` is the Whitehall source of the paragraph before, not a new speaker
    text = ("“It is over,” one Whitehall source said of the deal. Tom Lind disagreed.\n\n"
            "“The impacts are severe,” the source said.")
    r = row_of(text, "impacts are severe")
    assert (r["speaker"], r["attribution"]) == ("the source", "pronoun")  # the phrase as written stays
    assert frames_of(text)[-1] == ("said", "the source", "Whitehall")
    # spokesman, spokeswoman and spokesperson are one role, read in an apposition too
    text = ("“We regret it,” Wang Wei, a foreign ministry spokesman, said on Friday.\n\n"
            "The spokesperson said that talks would go on.")
    assert frames_of(text)[-1] == ("said", "The spokesperson", "Wang Wei")
    # no earlier speaker of that role: the phrase stays as written
    text = "“We regret it,” said Wang Wei.\n\nThe spokesperson said that talks would go on."
    assert frames_of(text)[-1][1] == "The spokesperson"


def test_participle_takes_the_speaker_of_the_cue_before_it_not_the_date_opening_the_sentence():
    text = ("In a speech on Tuesday, Oct. 11, Jeremy Fleming accused the rivals of spying, "
            "saying their stance is driven by fear.")
    assert frames_of(text)[-1] == ("saying", "Jeremy Fleming", "Jeremy Fleming")
    # a cue before it whose subject follows its verb is not the participle's subject
    text = ("Attorney General Roy Cooper (D), McCrory's opponent in the upcoming gubernatorial election, "
            "called Friday for releasing the police videos, as well, saying that transparency breaks down barriers.")
    assert frames_of(text)[-1] == ("saying", "Attorney General Roy Cooper", "Roy Cooper")


def test_connective_opening_the_sentence_is_no_speaker():
    text = "Therefore, Zhao Lijian, who also wants answers, said that some forces had surrendered."
    assert ("said", "Zhao Lijian", "Zhao Lijian") in frames_of(text)
    # a participle clause opening the sentence: its subject is the main clause's
    text = ("Having originally said it would give the firm a role in the network, the council is now "
            "looking to phase it out.")
    assert frames_of(text)[0][:2] == ("said", "the council")


def test_a_name_is_not_completed_with_a_heading_or_page_furniture():
    # the only longer runs ending in `Trump`/`Pompeo` are a headline word in -ing and a byline
    text = ("Defying Trump\n\nByCassidy HortonContributor Pompeo\n\n"
            "“There is no safe option,” Trump said. “We stand with our allies,” Pompeo said.")
    assert [n for _, _, n in frames_of(text)] == ["Trump", "Pompeo"]
    # a given name is still added (`Mike Pompeo`)
    text = "Mike Pompeo flew in.\n\n“We stand with our allies,” Pompeo said."
    assert frames_of(text)[-1][2] == "Mike Pompeo"


def test_exclusive_before_a_colon_is_a_label_not_a_speaker():
    text = "Exclusive: vice-president Victor Zhang says the divide would grow."
    q = extract_quotes(text)
    assert list(q["speaker_name"]) == ["Victor Zhang"]
