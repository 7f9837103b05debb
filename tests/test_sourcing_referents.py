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
    history = []
    for f in frames:
        resolve_frame(ctx, f, history)
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
    # `the source` is the Whitehall source of the sentence before, not a new speaker
    text = ("“It is over,” one Whitehall source said of the deal. Tom Lind disagreed.\n\n"
            "“The impacts are severe,” the source said.")
    r = row_of(text, "impacts are severe")
    assert (r["speaker"], r["attribution"]) == ("one Whitehall source", "pronoun")
    # spokesman, spokeswoman and spokesperson are one role, read in an apposition too
    text = ("“We regret it,” Wang Wei, a foreign ministry spokesman, said on Friday.\n\n"
            "The spokesperson said that talks would go on.")
    assert frames_of(text)[-1] == ("said", "Wang Wei", "Wang Wei")
    # no earlier speaker of that role: the phrase stays as written
    text = "“We regret it,” said Wang Wei.\n\nThe spokesperson said that talks would go on."
    assert frames_of(text)[-1][1] == "The spokesperson"
