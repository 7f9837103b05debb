"""Sports results in actor discovery (:mod:`analysis.actors.discovery`):
which names are teams, grounds and players, by the CoNLL-2003 convention (a
team named after its city is an organisation; the place after ``AT`` in a
fixture, a ground after ``at``/``in``, a competitor's country in brackets and
the places of a dateline are locations).  Used only for texts that
discovery reads as sports results (a sport named in the headline, or six
scores and a sport in the text)."""
from __future__ import annotations

import re

from analysis.actors.lexicon import common, demonyms, places, plural_common
from analysis.actors.runs import title_case

__all__ = ["LOC_PREPS", "ISO_DATE", "STRONG_PERSON", "table_row_teams", "results_row", "team_in_row", "city_team",
           "scorecard_player", "lone_word_label"]

# a line that opens with a dateline: "ARLINGTON , Texas 1996-08-31"
_DATELINE_LINE = re.compile(r"[A-Z][^\n\d]{0,50}?\s\d{4}-\d{2}-\d{2}")
_VENUE_PREPS = {"at", "in"}  # "at Headingley": a ground, not a team
LOC_PREPS = {"in", "at", "from", "near", "to", "across", "into", "outside", "around", "of", "via", "throughout"}


_FIXTURE_WORDS = {"AT", "V", "VS"}  # "CHICAGO AT TORONTO": a fixture in an all-capital schedule line


def table_row_teams(strings: list[str], a: int, b: int, hi: int) -> list[tuple[int, int, str | None]]:
    """An all-capital run in sports results (a standings row ``NEW YORK 74 59
    .556``, a fixture ``CHICAGO AT TORONTO``; tokens ``a``..``b`` of a
    sentence ending at ``hi``), split at the fixture words: ``(a, b, label)``
    for each piece, ``ORG`` for a city, state or county followed by a number
    or standing first in a fixture (a team, the CoNLL convention), ``LOC``
    for one after ``AT`` (where the game is played), None for pieces left to
    the headline reading."""
    out: list[tuple[int, int, str | None]] = []
    cuts = [k for k in range(a, b) if strings[k] in _FIXTURE_WORDS]
    bounds = [a - 1, *cuts, b]
    fixture = bool(cuts)
    for pa, pb in zip(bounds, bounds[1:]):
        pa += 1
        if pa >= pb:
            continue
        at_venue = pa > a and strings[pa - 1] == "AT"  # "CHICAGO AT TORONTO": the second is where
        if (fixture and not at_venue and _team_place(strings, pa, pb)) or team_in_row(strings, pa, pb, hi):
            out.append((pa, pb, "ORG"))
        elif at_venue and _team_place(strings, pa, pb):
            out.append((pa, pb, "LOC"))  # where, whatever the standings call the name
        else:
            out.append((pa, pb, None))
    return out


STRONG_PERSON = ("title", "first name", "initial", "surname first")
_TABLE_CELL = re.compile(r"^(?:\d+|\.\d+|-|\.|\d+/\d+)$")  # "74", ".556", "-", "1/2"


def results_row(strings: list[str], a: int, b: int, lo: int, hi: int) -> bool:
    """Tokens ``a``..``b`` name a team in a line of results (sentence
    ``lo``..``hi``): a standings row (the name, then only numbers: ``Reading
    4 1 1 2 5 10 4``) or a score line (``Sale 31 Wasps 33``: a name and a
    whole number, twice)."""
    if b - a > 3 or b >= hi or not strings[b].isdigit():
        return False
    if a == lo:
        return (hi - b >= 2 and all(_TABLE_CELL.match(t) for t in strings[b:hi])) or (
            hi - b >= 3 and strings[hi - 1].isdigit() and strings[b + 1][:1].isupper())
    return b == hi - 1 and strings[a - 1].isdigit() and lo < a - 1 and strings[lo][:1].isupper()


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a dateline's date, no score


def _team_place(strings: list[str], a: int, b: int) -> bool:
    """Tokens ``a``..``b`` name a city, a state or a county (any case)."""
    name = " ".join(title_case(t) for t in strings[a:b])
    return places().get(name) in ("city", "state") or name.endswith("shire")


def team_in_row(strings: list[str], a: int, b: int, hi: int) -> bool:
    """A city, state or county that opens a row of sports results, a number
    after it (``BALTIMORE 70 63 .526``): a team."""
    return b < hi and strings[b][:1].isdigit() and not ISO_DATE.match(strings[b]) \
        and (a == 0 or strings[a - 1] not in ("AT", "at", "(")) and _team_place(strings, a, b)


def city_team(strings: list[str], text: str, line_start: int, end: int, a: int, b: int, lo: int, hi: int) -> bool:
    """Tokens ``a``..``b`` (of the sentence ``lo``..``hi``; ``end`` the
    offset where they end, ``line_start`` where the sentence starts) are a
    city, state or county used as a team in sports results; not a team after
    a place preposition or in brackets (``( Trinidad )``, a competitor's
    country), as a venue heading (``Hove :``) or in a dateline line."""
    kind = places().get(" ".join(strings[a:b])) or places().get(" ".join(map(title_case, strings[a:b])))
    prev = strings[a - 1].lower() if a > lo else ""
    nxt = strings[b] if b < hi else ""
    return (kind in ("city", "state") or strings[b - 1].endswith("shire")) and prev not in LOC_PREPS \
        and prev != "(" and nxt != ":" and not _DATELINE_LINE.match(text, line_start, end + 12)


_BOWLING = re.compile(r"^\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}$")  # overs-maidens-runs-wickets


def scorecard_player(strings: list[str], a: int, b: int) -> bool:
    """A lone word of sports results that is a player, not a team: in a
    cricket scorecard, after the dismissal letters (``c Vaas b Dharmasena``)
    or before bowling figures (``Muralitharan 10-0-41-2``)."""
    if b - a != 1:
        return False
    prev = strings[a - 1] if a else ""
    return prev in ("b", "c", "st") or (b < len(strings) and _BOWLING.match(strings[b]) is not None)


def lone_word_label(words: list[str], sport: bool, prev: str) -> str | None:
    """A run the rules left undecided: one known place word is a location,
    ``-shire`` a county (a team in sports results), and in sports results a
    lone word that is not a common word (``Men``, ``Postponed``) nor a plural
    common noun a team, unless a place preposition comes before it (``at
    Headingley``: the ground)."""
    if len(words) == 1 and words[0] in places():
        return "LOC"
    if len(words) == 1 and words[0].endswith("shire"):
        return "ORG" if sport and prev not in LOC_PREPS else "LOC"
    if sport and prev == "the" and words[-1].endswith("s") and not words[-1].isupper() \
            and not any(w in demonyms() for w in words) and common(words[-1]) < 3e-5:
        return "ORG"  # "the Brewers", "the Blue Jays": a team by its nickname; not "the Games"
    if sport and len(words) == 1 and not words[0].isupper() and not plural_common(words[0]) \
            and common(words[0]) < 3e-5:  # "Men", "Record": no team
        return "LOC" if prev in _VENUE_PREPS else "ORG"
    return None
