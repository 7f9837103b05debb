"""Organisations in actor discovery (issue 20): nouns of organisation kind
beside a name, companies named with and without their designators, and the
sports-results conventions (teams in standings rows and fixtures, grounds,
scorecard players).  Every expected value was read off the sentence."""
from __future__ import annotations

from analysis.actors.discovery import discover_entities
from analysis.core.text import segment


def _labels(text: str, sport: bool = False) -> dict[str, str]:
    if sport:
        text = "CRICKET - RESULTS .\n" + text  # a sport named in the headline: sports results
    return {e["text"]: e["label"] for e in discover_entities(segment(text, "t"))}


def test_a_noun_of_organisation_kind_before_or_after_the_name():
    got = _labels("Italian tyre giant Pirelli said on Friday it would expand. "
                  "Zycie Warszawy daily said the bid was low. Hizbollah guerrillas fired rockets.")
    assert got["Pirelli"] == "ORG"  # "giant" before it; "said" alone would have made a person
    assert got["Zycie Warszawy"] == "ORG"  # "daily" after it; two rare words alone read as a person
    assert got["Hizbollah"] == "ORG"


def test_the_evidence_carries_to_the_whole_article():
    got = _labels("Shares of the press distribution chain Ruch fell. Later Ruch said it would appeal.")
    assert got["Ruch"] == "ORG"  # both mentions, the second only by the first


def test_a_company_named_with_its_designators_is_the_company_alone():
    text = ("Cofinec S.A. plunged on the Budapest exchange. Cofinec said results would improve. "
            "Mercantile Bancorp Inc. and Norwest Corp. did not comment. Analysts like Mercantile.")
    ents = {(e["text"], e["start"]): e["label"] for e in discover_entities(segment(text, "t"))}
    assert ents[("Cofinec", text.index("Cofinec said"))] == "ORG"  # a person by the speech verb before
    assert ents[("Mercantile", text.rindex("Mercantile"))] == "ORG"  # without "Bancorp Inc."
    # the abbreviation's full stop is part of the name, as CoNLL-2003 and the text write it
    assert ents[("Norwest Corp.", text.index("Norwest"))] == "ORG"


def test_a_seated_company_and_a_foreign_article():
    got = _labels("Ohio-based KeyCorp declined to comment. The newspaper Le Matin said eight died.")
    assert got["KeyCorp"] == "ORG"
    assert got["Le Matin"] == "ORG"  # "Le" is a first name in gender-guesser, no person here


def test_nouns_that_follow_peoples_do_not_make_organisations():
    got = _labels("More than 100 Zhuang workers were assigned to the factory.")
    assert got.get("Zhuang") != "ORG"


def test_common_acronyms_are_no_organisations():
    got = _labels("Trading ends at 1400 EDT on Friday before the PMI survey.")
    assert "EDT" not in got and "PMI" not in got


def test_standings_rows_and_fixtures_name_teams():
    text = ("BASEBALL - MAJOR LEAGUE STANDINGS .\nNEW YORK 1996-08-30\n"
            "NEW YORK 74 59 .556 -\nBALTIMORE 70 63 .526 4\nKANSAS CITY AT DETROIT\n")
    ents = [(e["text"], e["label"]) for e in discover_entities(segment(text, "t"))]
    assert ents[:2] == [("NEW YORK", "LOC"), ("NEW YORK", "ORG")]  # the dateline's place, the standings' team
    assert ("BALTIMORE", "ORG") in ents
    assert ("KANSAS CITY", "ORG") in ents and ("DETROIT", "ORG") not in ents  # after AT: where they play


def test_grounds_common_words_and_scorecard_players_are_no_teams():
    got = _labels("Orrell 13 Northampton 46\nAt Headingley ( Leeds ) : Yorkshire 290 .\n"
                  "Men 's singles , second round\nS. Waugh b Muralitharan 22\n"
                  "Bowling : Dharmasena 9-0-49-1\n", sport=True)
    assert got["Orrell"] == "ORG"  # a lone rare word in results: a team
    assert got["Headingley"] == "LOC"  # after "At": the ground
    assert "Men" not in got  # common in lower case
    assert got["Muralitharan"] == "PER" and got["Dharmasena"] == "PER"


def test_a_dateline_place_is_no_team_and_a_nickname_is():
    text = ("SOCCER - RESULTS .\nDUBLIN 1996-08-30\nThe Brewers rallied to beat the Blue Jays 5-4 .\n"
            "LONDON 1996-08-30\n")
    ents = [(e["text"], e["label"]) for e in discover_entities(segment(text, "t"))]
    # a place common in lower case at the line start, a date after it: the dateline
    assert ("DUBLIN", "LOC") in ents and ("LONDON", "LOC") in ents
    assert ("Blue Jays", "ORG") in ents  # "the" + a capitalised plural in sports results


def test_results_rows_name_teams_even_common_words():
    text = ("RUGBY UNION - RESULTS .\nSale 31 Wasps 33\nReading 4 1 1 2 5 10 4\nErnie Els 70 68\n"
            "TEXAS 75 58 .564 -\nCLEVELAND AT TEXAS\n")
    ents = [(e["text"], e["label"]) for e in discover_entities(segment(text, "t"))]
    assert ("Sale", "ORG") in ents and ("Wasps", "ORG") in ents  # a score line: name, number, twice
    assert ("Reading", "ORG") in ents  # a standings row: a name, then only numbers
    assert ("Ernie Els", "PER") in ents  # a first name outweighs the row
    assert ents[-2:] == [("CLEVELAND", "ORG"), ("TEXAS", "LOC")]  # after AT: where, though TEXAS is a team above


def test_abbreviated_organisation_words_come_from_the_word_lists():
    # the words after which the full stop belongs to the name are read from the
    # lists (org_words.txt writes "Cos." beside "Cos"; abbreviations.txt has "Corp.")
    from analysis.actors.lexicon import abbreviated_org_words

    assert abbreviated_org_words() == {"Bros", "Co", "Corp", "Cos", "Inc", "Ltd"}
