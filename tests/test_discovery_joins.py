"""Discovery (issue 20, round 3): organisation names across connectors, runs
cut at possessives and legal-form designators, and glued runs that are no
person.  Hand-made sentences; the expected spans were read off the text."""
import pytest

from analysis.actors.discovery import doc_entities
from analysis.core.text import segment


def _ents(text):
    return [(e["text"], e["label"]) for e in doc_entities(segment(text, "t"))]


@pytest.mark.parametrize("text, name", [
    ("Officials at the Department for Transport said the plan was late.", "Department for Transport"),
    ("The Organisation for Security and Cooperation in Europe will send monitors.",
     "Organisation for Security and Cooperation in Europe"),
    ("The debates are run by the Commission on Presidential Debates, a non-profit group.",
     "Commission on Presidential Debates"),
    ("The Department of Trade and Industry said exports rose.", "Department of Trade and Industry"),
    ("The Food and Drug Administration approved the drug.", "Food and Drug Administration"),
    ("Members of the State Law and Order Restoration Council met.", "State Law and Order Restoration Council"),
])
def test_organisation_names_run_across_connectors(text, name):
    assert (name, "ORG") in _ents(text)


def test_two_names_stay_two():
    assert _ents("The Bank of England and Treasury said rates would rise.") == [
        ("Bank of England", "ORG"), ("Treasury", "ORG")]
    assert _ents("The Global Times on Friday said so.") == [("Global Times", "ORG")]
    assert _ents("The Bank of England in London raised rates.") == [("Bank of England", "ORG"), ("London", "LOC")]
    # after a legal form, "of" gives the seat
    assert _ents("Kia Motor Corp of South Korea said sales rose.") == [
        ("Kia Motor Corp", "ORG"), ("South Korea", "LOC")]
    # a title goes on across "for", no organisation does
    assert not any(lab == "ORG" or t.startswith("of") for t, lab in
                   _ents("Secretary of State for Defence Ben Wallace said the army would help."))


def test_possessive_ends_a_name():
    ents = _ents("London's Huawei ban was criticised by Boris Johnson's chief of staff.")
    assert ("London", "LOC") in ents and ("Boris Johnson", "PER") in ents
    assert not any("Huawei" in t and lab == "PER" for t, lab in ents)


@pytest.mark.parametrize("text", [
    "UK Huawei sales rose, said Five Eyes officials.",  # an acronym, a number word: no first names
    "The Hong Kong SAR government said no.",  # a two-word place, not the first name Hong
    "Tory MPs said no.",  # a group of people
])
def test_glued_runs_are_no_person(text):
    assert not [t for t, lab in _ents(text) if lab == "PER"]


def test_organisation_nouns_after_and_at_sentence_start():
    assert _ents("Ericsson spokesman Per Zetterquist said the order was big. Ericsson said it.") == [
        ("Ericsson", "ORG"), ("Per Zetterquist", "PER"), ("Ericsson", "ORG")]
    assert _ents("Huawei said it was sad. Huawei equipment is used. Huawei would appeal.") == [
        ("Huawei", "ORG")] * 3
    assert _ents("Regulator Ofcom said it would act.") == [("Ofcom", "ORG")]
    # a person named in full keeps their surname before "spokesman"
    ents = _ents("Bob Dole said it. Dole spokesman Nelson Warfield said no.")
    assert ents[:2] == [("Bob Dole", "PER"), ("Dole", "PER")]


def test_apposition_and_age_fast_path_equals_reading_always():
    # the fast path reads the text after a name only where a comma follows;
    # the plain version runs both patterns on the next 40 characters always
    from hypothesis import given, settings, strategies as st

    from analysis.actors import discovery as d
    from analysis.names import apposition_re

    def plain(text, end, title):
        after = text[end:end + 40]
        if title is None and apposition_re().match(after):
            title = ""
        return title, bool(d._AGE_RE.match(after))

    pieces = st.sampled_from([",", " ", "\n", "  ,", " , ", "a", "the", " former", " minister", " spokesman",
                              "35", ",", "x" * 30, "\t"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join), st.integers(0, 60), st.sampled_from([None, "", "male"]))
    def check(text, end, title):
        assert d._apposition_age(text, end, title) == plain(text, end, title)

    check()
    assert d._apposition_age("Smith, 35, said", 5, None) == (None, True)
    assert d._apposition_age("Smith, a former justice minister, said", 5, None) == ("", False)


def test_one_word_fast_path_equals_the_general_run_rules(monkeypatch):
    # _label_word writes out what the plan of a one-word run comes to; the
    # general _label_run reads every run through its plan: same entities
    from hypothesis import given, settings, strategies as st

    from analysis.actors import discovery as d
    from analysis.core.text import segment as seg

    words = st.sampled_from([
        "The", "But", "He", "Monday", "March", "Smith", "Kovrig's", "Huawei", "London", "Paris", "said", "told",
        "spokeswoman", "Mr", "Dr", "President", "Ohio-based", "KeyCorp", "Bank", "of", "Canada", "NATO", "TV",
        "Reading", "4", "1", "2-1", "35", ",", ".", "\"", "(", ")", ":", "-", "Canadian", "Security", "Council",
        "and", "the", "a", "former", "minister", "shares", "giant", "Pirelli", "Hong", "Kong", "LONDON", "Inc.",
        "John", "Officials", "Trading", "football", "Arsenal", "at", "in", "Chelsea", "Zhang", "Wei"])
    text = st.lists(words, min_size=1, max_size=25).map(" ".join)
    texts = st.lists(text, min_size=1, max_size=4).map(lambda ss: "\n\n".join(s + "." for s in ss))

    def general(toks, a, lo, hi, sport, person_titles, found, pending):
        d._label_run(toks, a, a + 1, lo, hi, sport, person_titles, found, pending)

    @settings(max_examples=300, deadline=None)
    @given(texts, st.sampled_from([None, True]))
    def check(t, sport):
        fast = d.doc_entities(seg(t, "t"), is_sport=sport)
        with monkeypatch.context() as m:
            m.setattr(d, "_label_word", general)
            plain = d.doc_entities(seg(t, "t"), is_sport=sport)
        assert fast == plain

    check()
    assert _ents("Officials said Smith, 35, left. Smith said so.") == [("Smith", "PER"), ("Smith", "PER")]


def test_a_given_name_alone_is_the_person_named_in_full():
    from analysis.actors.discovery import discover_entities

    ents = discover_entities(segment("Alan Shearer scored twice. I am sure Alan is the man for the job.", "t"))
    assert [(e["text"], e["label"], e["name"]) for e in ents] == [
        ("Alan Shearer", "PER", "Alan Shearer"), ("Alan", "PER", "Alan Shearer")]
    # two people with one given name: a lone mention of it is either (or both)
    assert _ents("Alan Shearer and Alan Ball met. The two Alan's left.") == [
        ("Alan Shearer", "PER"), ("Alan Ball", "PER")]
    # no one named in full: a lone given name stays open
    assert _ents("I am sure Alan is the man for the job.") == []


def test_headline_names_read_whole():
    # the longest name the body labels, and a given name before the person's surname
    assert _ents("KEVIN BROWN LOWERS ERA AS MARLINS WIN .\n\nKevin Brown pitched well on Friday.")[:2] == [
        ("KEVIN BROWN", "PER"), ("Kevin Brown", "PER")]
    assert _ents("BOXING - ROBERTO DURAN FIGHTS AGAIN .\n\nThe boxer Duran, 45, said he would fight.")[:1] == [
        ("ROBERTO DURAN", "PER")]
    # a surname alone stays alone
    assert ("BROWN", "PER") in _ents("BROWN LOWERS ERA .\n\nKevin Brown pitched well on Friday.")


def test_open_names_in_a_list_of_people_are_people():
    # Tarango and Brown are people by their first names; Breen and McAteer only by the list
    text = "The team: Andrew Tarango, Breen, McAteer, Kevin Brown and Quinn Harte."
    assert _ents(text) == [("Andrew Tarango", "PER"), ("Breen", "PER"), ("McAteer", "PER"),
                           ("Kevin Brown", "PER"), ("Quinn Harte", "PER")]
    # one person only, or a place in the chain: no list of people
    assert ("Breen", "PER") not in _ents("The team: Andrew Tarango, Breen, McAteer.")
    assert ("Breen", "PER") not in _ents("Visits: Andrew Tarango, Breen, London, Kevin Brown.")
    # one other label among three times as many people does not stop the list (a player taken for a team)
    ents = _ents("The team: Andrew Tarango, Breen, London, McAteer, Kevin Brown, Quinn Harte and Paul Smith.")
    assert ("Breen", "PER") in ents and ("McAteer", "PER") in ents and ("London", "LOC") in ents


def test_a_lone_letter_is_no_name():
    # "N / A" in a table of figures, after "company": no organisation; a title keeps "Mr X" a person
    assert _ents("Shares offered by company N / A\n\nRevenue N / A") == []
    assert _ents("Mr X said he would stay.") == [("X", "PER")]
