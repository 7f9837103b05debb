"""A definite document noun as a speaker (``The statement said``, ``the
article said``) refers back to its author, the latest speaker of the same
or the previous paragraph (issue 19: Huawei statements whose speaker was the
bare noun, so had no side).  Hand-made paragraphs; each expected speaker was
read off the text."""
from __future__ import annotations

from analysis.sourcing import extract_quotes
from analysis.sourcing.document_author import authored_documents


def row_of(text, fragment):
    q = extract_quotes(text)
    rows = q[q["text"].str.contains(fragment, regex=False)]
    assert len(rows) >= 1, f"no quote holds {fragment!r}"
    return rows.iloc[0]


def test_the_statement_is_the_speaker_named_in_the_paragraph_before():
    text = ("“We are confident in our network,” Acme spokesman Tom Berg said.\n\n"
            "“Sadly, our future here has been politicised,” the statement said.")
    r = row_of(text, "Sadly, our future")
    assert r["speaker_name"] == "Tom Berg"
    assert r["speaker"] == "the statement"  # the phrase as written stays
    assert r["attribution"] == "pronoun"


def test_the_article_needs_a_body_as_its_author():
    # the newspaper named in the paragraph before wrote the article; the person after it did not
    text = ("The state-run Daily Courier said the ban was a mistake.\n\n"
            "“Such retaliation should be public,” the article said.")
    assert row_of(text, "Such retaliation")["speaker_name"] == "Daily Courier"
    text = ("“We will respond,” said Tom Berg.\n\n"
            "“Such retaliation should be public,” the article said.")
    assert row_of(text, "Such retaliation")["speaker_name"] == "article"


def test_an_author_two_paragraphs_back_is_too_far():
    text = ("“We are confident in our network,” Acme spokesman Tom Berg said.\n\n"
            "The network covers most of the country.\n\n"
            "“Sadly, our future here has been politicised,” the statement said.")
    assert row_of(text, "Sadly, our future")["speaker_name"] == "statement"


def test_a_report_is_not_an_authored_document():
    # a report is as often a third party's as the latest speaker's
    assert "report" not in authored_documents()
    assert authored_documents()["statement"] == "any"
    assert authored_documents()["paper"] == "organisation"
