"""The kind of a quoted speaker (``person``, ``organisation``, ``government
body``, ``country``, ``group``, ``anonymous``), from its name, the article
mention it is linked to and its phrase; part of speaker description
(:mod:`analysis.sourcing.speakers`).

A named speaker takes the kind of its mention (a person; an organisation, a
government body when its name holds a government word; a place: a country
when it is one, else a government body by metonymy); an unnamed one is
classed by its head noun from ``analysis/data/speaker_kinds.txt``, anonymous
by default."""
from __future__ import annotations

import functools

from analysis.names import (
    adjective_forms,
    clean_word,
    country_index,
    first_name_gender,
    kind_words,
    looks_like_organisation,
    normalise_name,
    role_words,
    speaker_kind_words,
    surname_first_names,
)

__all__ = ["SPEAKER_KINDS", "PERSONAL", "PRONOUNS", "speaker_head", "unnamed_kind", "named_kind", "is_named",
           "person_then_verb", "holds_entry", "is_role_holder"]

SPEAKER_KINDS = ("person", "organisation", "government body", "country", "group", "anonymous")
PERSONAL = {"he": "male", "she": "female"}
PRONOUNS = ("he", "she", "it", "they", "we", "i")


@functools.lru_cache(maxsize=1 << 14)  # the same phrases recur in a story's quotes
def speaker_head(phrase: str, keep_case: bool = False) -> str:
    """The head noun of a speaker phrase: its last word before a
    preposition or relative clause (``a spokesman for X`` -> ``spokesman``)."""
    words = [w.strip(",") for w in phrase.replace("’", "'").split()]
    stops = _head_stops()
    for i, w in enumerate(words):
        if w.lower() in stops:
            words = words[:i]
            break
    head = words[-1] if words else ""
    return head if keep_case else head.lower().rstrip(".")


@functools.cache
def _head_stops() -> frozenset[str]:
    """Words after a speaker phrase's head: the affiliation prepositions and
    the starts of a place, a relation or a relative clause."""
    return kind_words("affiliation_preposition") | {"in", "on", "close", "familiar", "who", "speaking"}


@functools.cache
def _entries(section: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The one-word and the several-word entries of a section of
    ``speaker_kinds.txt``."""
    words = speaker_kind_words()[section]
    return frozenset(w for w in words if " " not in w), tuple(sorted(w for w in words if " " in w))


def holds_entry(low: str, section: str) -> bool:
    """Whether ``low`` (lower case, one space between words, a space at
    either end) holds an entry of ``section`` as whole words: the same as
    ``any(f" {w} " in low for w in speaker_kind_words()[section])``, with a
    set look-up for the one-word entries."""
    single, several = _entries(section)
    return not single.isdisjoint(low.split(" ")) or any(f" {p} " in low for p in several)


@functools.lru_cache(maxsize=1 << 14)
def unnamed_kind(phrase: str) -> str:
    kw = speaker_kind_words()
    low = " " + phrase.lower() + " "
    if any(p in low for p in kw["anonymous_phrase"]):
        return "anonymous"
    head = speaker_head(phrase)
    if head in kw["person_role"]:
        return "anonymous"  # "a Huawei spokesman": one unnamed person who speaks for a body, its affiliation
    # multi-word entries ("white house", "members of the public") anywhere in the phrase
    for kind, section in (("government body", "government"), ("organisation", "organisation"), ("group", "group")):
        if head in kw[section] or any(f" {p} " in low for p in _entries(section)[1]):
            if kind != "organisation" or head not in kw["anonymous"]:
                return kind
    return "anonymous"


def is_role_holder(phrase: str) -> bool:
    """Whether an unnamed speaker phrase is headed by a singular role
    ("a Huawei spokesman", "the company's chief executive"): one unnamed
    person, anonymous, whose gender its role word may give."""
    return speaker_head(phrase) in speaker_kind_words()["person_role"]


def named_kind(name: str, mention: dict | None, phrase: str, titled: bool = False) -> str:
    # titled: a title, honorific or he/she stands for the name ("Spokesperson Onwula"): a person
    key = normalise_name(name)
    low = f" {key} "
    if mention is not None:
        kind = mention["kind"]
        if kind == "person" and not titled and len(name.split()) > 1 and looks_like_organisation(name.split()):
            # discovery read a two-word name as a person ("Telecom Italia", "Scottish Executive")
            return "government body" if holds_entry(low, "government") else "organisation"
        if kind == "person":
            lone = len(name.split()) == 1 and not titled and _lone_word_person(name, mention)
            return "organisation" if lone and first_name_gender(name + " X") == "unknown" else "person"
        if kind == "location":
            return "country" if key in country_index() else "government body"
        if kind == "organisation":
            return "government body" if holds_entry(low, "government") else "organisation"
        if kind in SPEAKER_KINDS:
            return kind
    if key in country_index():
        return "country"
    if holds_entry(low, "government"):
        return "government body"
    if looks_like_organisation(name.split()) or holds_entry(low, "organisation"):
        return "organisation"
    if len(name.split()) == 1 and mention is None:
        # one capitalised word that no person mention of the article explains:
        # people are introduced by their full name, so "Vodafone said", "NCSC said"
        return "person" if titled or first_name_gender(name + " X") != "unknown" else "organisation"
    return "person"


def _lone_word_person(name: str, mention: dict) -> bool:
    """A one-word "person" that discovery could not give a gender and that is
    neither a family name nor a given name: most likely an organisation
    ("Vodafone said", "Huawei said"); people are introduced by full names."""
    return (mention.get("gender") not in ("female", "male") and mention.get("kind") == "person"
            and name not in surname_first_names())



@functools.lru_cache(maxsize=1 << 14)
def is_named(name: str | None) -> bool:
    """A speaker name that names someone: a capitalised word that is not
    only a country adjective ("British media reports") and does not start
    with a preposition ("of Britain's" from "the head of Britain's agency")."""
    if not name:
        return False
    words = name.replace("’", "'").split()
    if words[0].lower() in kind_words("affiliation_preposition") or words[0][:1].islower() and not any(w[:1].isupper() for w in words[1:]):
        return False
    caps = [w for w in words if w[:1].isupper()]
    common = _common_speaker_words()  # "Ministers said": a capital only at the sentence start
    return bool(caps) and not all(clean_word(w).lower() in adjective_forms() or clean_word(w).lower() in common
                                  for w in caps)


@functools.cache
def _common_speaker_words() -> frozenset[str]:
    """The common nouns of the speaker kinds (anonymous, government,
    organisation, group, person role), united once per process."""
    kw = speaker_kind_words()
    return frozenset(kw["anonymous"] | kw["government"] | kw["organisation"] | kw["group"] | kw["person_role"])



def person_then_verb(phrase: str, mention: dict | None) -> bool:
    """A speaker phrase that runs on past a person's full name into the rest
    of the sentence ("Former British MP George Galloway published a
    commentary"): the name is the speaker, not a modifier of the last noun
    (as "UK" is in "the UK government")."""
    if mention is None or mention["kind"] != "person" or " " not in str(mention["name"]):
        return False
    last = str(mention["name"]).split()[-1]
    words = phrase.replace("’", "'").split()
    if last not in words:
        return False
    after = words[words.index(last) + 1:]
    return bool(after) and after[0].lower().strip(",.'s") not in _speaker_nouns()


@functools.cache
def _speaker_nouns() -> frozenset[str]:
    """Nouns that head a speaker phrase a name may modify ("the Trump administration")."""
    kw = speaker_kind_words()
    return frozenset(role_words() | kw["government"] | kw["organisation"] | kw["group"] | kw["anonymous"])

