"""The side of a quoted speaker and its basis: the codebook's for codebook
actors; with a sides file (:mod:`analysis.actors.sides`), the speaker's own
name, else its affiliation, else a listed name or country word in its phrase;
``other`` for a country the file does not list.  Part of
:mod:`analysis.sourcing.speakers`."""
from __future__ import annotations

import re

from analysis.names import adjective_forms, affiliation_for_sides, clean_word, country_index, normalise_name
from analysis.sourcing.speaker_kind import PRONOUNS

__all__ = ["side_of_speaker"]


def side_of_speaker(r: dict, coded: bool, side_map, name, phrase, kind) -> None:
    """Side and its basis: the codebook's for codebook actors; with a sides
    file, the speaker's own name (``speaker``), else its affiliation
    (``affiliation``), else any listed name or country word in the speaker's
    phrase (``speaker``: "Chinese observers"), else a listed person's
    surname as the speaker's name, its affiliation or a word of an unnamed
    speaker's phrase ("Pompeo", "Johnson's aide", "a Trump administration
    official")."""
    if coded and r.get("side") and (side_map is None or r["side"] in (*side_map.names, "other")):
        r["side_basis"] = "codebook"
        return
    r["side"], r["side_basis"] = None, "none"
    if side_map is None:
        return
    pronoun = phrase.lower() in PRONOUNS
    tries = [(name, "speaker"), (affiliation_for_sides(r.get("speaker_affiliation")), "affiliation"),
             (None if pronoun else phrase, "speaker")]
    for text, basis in tries:
        hit = side_map.side_of(text) if text else None
        if hit:
            r["side"], r["side_basis"] = hit[0], basis
            return
    hit = side_map.side_of_surname(name) if kind == "person" else None
    if hit:  # "Pompeo" for the listed "Mike Pompeo"
        r["side"], r["side_basis"] = hit[0], "speaker"
        return
    hit = side_map.side_of_surname(tries[1][0])
    if hit:  # "Johnson's former aide": the listed "Boris Johnson"'s side
        r["side"], r["side_basis"] = hit[0], "affiliation"
        return
    hit = _surname_modifier(side_map, phrase) if kind != "person" and not pronoun else None
    if hit:  # "a Trump administration official": the listed "Donald Trump"'s side
        r["side"], r["side_basis"] = hit[0], "speaker"
        return
    for text, basis in tries:  # a country the file does not list: its side is "other"
        if text and _names_a_country(text):
            r["side"], r["side_basis"] = "other", basis
            return


def _surname_modifier(side_map, phrase: str):
    """The side of a listed person whose surname modifies a lower-case noun
    of an unnamed speaker's phrase ("a Trump administration official", "the
    Johnson government"), or None.  A last word of a listed body ("Sport" of
    "Department for Digital, Culture, Media and Sport", "Forbes Daily") does
    not stand so."""
    words = phrase.split()
    for word, after in zip(words, words[1:]):
        hit = side_map.side_of_surname(clean_word(word)) if after[:1].islower() else None
        if hit:
            return hit
    return None


def _names_a_country(text: str) -> bool:
    """Whether ``text`` holds a country's name or adjective, written as a name
    ("the German Interior Ministry", "Telecom Italia" does not)."""
    adjectives = adjective_forms()
    for run in re.findall(r"[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*)*", text):
        words = run.split()
        for w in words:
            w = clean_word(w).rstrip(".") if not w.endswith(".") or len(w) > 4 else clean_word(w)
            if w.lower() in adjectives or normalise_name(w) in country_index():
                return True
        # a name of several words ("Hong Kong residents", "the South African government")
        for size in range(2, min(len(words), 3) + 1):
            for i in range(len(words) - size + 1):
                part = clean_word(" ".join(words[i:i + size]))
                if part.lower() in adjectives or normalise_name(part) in country_index():
                    return True
    return False
