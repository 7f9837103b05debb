"""A speaker the attribution links back to an earlier one: a definite role
("the source", "The spokesperson") reads that speaker's name for its actor
link and side, and a he/she after a described role holder ("The US
president") is that role holder, not the person named last before it.
Hand-made sentences; the values were read off the text."""
from __future__ import annotations

from analysis.sourcing import extract_quotes

SIDES = "United Kingdom: [United Kingdom, Whitehall]\nChina: [China]\nUnited States: [United States]\n"


def quotes(text, tmp_path):
    path = tmp_path / "sides.yaml"
    path.write_text(SIDES, encoding="utf-8")
    return extract_quotes(text, sides=str(path))


def row_of(q, fragment):
    rows = q[q["text"].str.contains(fragment, regex=False)]
    assert len(rows) >= 1, f"no quote holds {fragment!r}"
    return rows.iloc[0]


def test_definite_role_takes_the_side_of_the_speaker_it_refers_to(tmp_path):
    text = ("“It is over,” one Whitehall source said of the deal. Tom Lind disagreed.\n\n"
            "“The impacts are severe,” the source said.")
    q = quotes(text, tmp_path)
    r = row_of(q, "impacts are severe")
    assert (r["speaker"], r["attribution"], r["speaker_name"]) == ("the source", "pronoun", "Whitehall")
    assert (r["speaker_kind"], r["side"]) == ("anonymous", "United Kingdom")
    # the earlier speaker itself is unchanged
    assert row_of(q, "It is over")["side"] == "United Kingdom"


def test_definite_role_after_a_named_person_is_that_person(tmp_path):
    text = ("“We regret it,” Wang Wei, a Chinese foreign ministry spokesman, said on Friday.\n\n"
            "“Talks will go on,” the spokesperson said.")
    r = row_of(quotes(text, tmp_path), "Talks will go on")
    assert r["speaker"] == "the spokesperson"
    assert (r["speaker_name"], r["speaker_kind"]) == ("Wang Wei", "person")


def test_pronoun_after_a_described_role_holder_is_not_the_last_named_person(tmp_path):
    # `he` is the US president of the sentence before, not Tom Lind, the last person named
    text = ("Tom Lind, a Chinese editor, tweeted that conditions could change.\n\n"
            "The US president claimed credit for the move on Monday.\n\n"
            "“I did this myself,” he said.")
    r = row_of(quotes(text, tmp_path), "did this myself")
    assert (r["speaker"], r["attribution"]) == ("he", "pronoun")  # the phrase as written stays
    assert (r["speaker_name"], r["speaker_kind"], r["side"]) == ("US president", "anonymous", "United States")


def test_a_pronoun_after_a_named_person_is_still_that_person(tmp_path):
    # a role word after the name (`Tom Lind, the editor`) is no described role holder
    text = ("Tom Lind, the editor, spoke on Monday.\n\n“I did this myself,” he said.")
    r = row_of(quotes(text, tmp_path), "did this myself")
    assert r["speaker_name"] == "Tom Lind"
    assert r["speaker_kind"] == "person"


def test_the_company_is_the_organisation_named_before_it(tmp_path):
    text = ("Acme Corp faces a review in Britain. Acme Corp shares fell.\n\n"
            "“We remain committed to the market,” the company said in a statement.\n\n"
            "“We welcome scrutiny,” a company spokesman said.")
    q = quotes(text, tmp_path)
    r = row_of(q, "committed to the market")
    assert r["speaker"] == "the company"
    assert (r["speaker_name"], r["speaker_kind"]) == ("Acme Corp", "organisation")
    r = row_of(q, "welcome scrutiny")
    assert (r["speaker_name"], r["speaker_kind"]) == ("Acme Corp spokesman", "anonymous")


def test_the_statement_is_not_the_organisation_named_before_it(tmp_path):
    # a document, not a body: it stays as written
    text = ("Acme Corp faces a review in Britain. Acme Corp shares fell.\n\n"
            "“We remain committed to the market,” the statement said.")
    r = row_of(quotes(text, tmp_path), "committed to the market")
    assert r["speaker_name"] != "Acme Corp"


def test_a_possessive_left_by_the_earlier_role_is_no_name(tmp_path):
    # `the spokesman` refers back to `the PM’s spokesman`, whose only capital is a possessive:
    # no name to read, so it stays the role as written
    text = ("“We are not aware of any meetings,” the PM’s spokesman said on Monday.\n\n"
            "“Any such meetings would be reported,” the spokesman said.")
    r = row_of(quotes(text, tmp_path), "would be reported")
    assert r["speaker"] == "the spokesman"
    assert r["speaker_name"] != "PM’s"


def test_the_company_is_the_article_s_company_not_the_agency_named_last(tmp_path):
    text = ("Acme Corp faces a review. Acme Corp shares fell, Acme Corp told Reuters News. "
            "More was to come, Reuters News reported.\n\n"
            "“We remain committed to the market,” the company said.")
    r = row_of(quotes(text, tmp_path), "committed to the market")
    assert r["speaker_name"] == "Acme Corp"


def test_a_definite_role_that_titles_the_person_named_before_is_that_person(tmp_path):
    # `The Tory leader` is Tom Lind, whom the article titled so: `he` is still Tom Lind
    text = ("Tory leader Tom Lind spoke in Brighton on Monday.\n\n"
            "The Tory leader claimed credit for the plan.\n\n"
            "“I did this myself,” he said.")
    r = row_of(quotes(text, tmp_path), "did this myself")
    assert r["speaker_name"] == "Tom Lind"
    assert r["speaker_kind"] == "person"
