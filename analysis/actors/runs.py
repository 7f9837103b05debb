"""Candidate names in a sentence (step 1 of actor discovery, see
:mod:`analysis.actors.discovery`): maximal runs of capitalised tokens, joined
across ``of`` after an organisation or place word, name connectors and
initials (built by :func:`analysis.names.runs.name_runs`); then each run's
plan: leading titles (kept as gender evidence), months, weekdays, pronouns and sentence-initial common words cut off,
trailing months cut, and the run split at modifiers (``Ohio-based``) and after
a title inside it (``Israeli Foreign Minister | David Levy``).

Speed: per-token facts are one flag byte each (:data:`FLAGS`), sentence-level
questions are counts over those bytes, and plans are memoised per distinct
run (:data:`PLAN_MEMO`)."""
from __future__ import annotations

import functools
import re

import numpy as np

from analysis.actors.lexicon import common, demonyms, org_words, places, title_info
from analysis.names import first_names
from analysis.names.runs import (
    CONNECTORS,
    MONTHS_DAYS,
    OF_HEADS,
    PRONOUNS_START,
    RunRules,
    is_name_token,
    name_runs,
    title_case,
)

__all__ = ["capitalised_runs", "run_plan", "is_dateline", "title_case", "memo_put", "FLAGS", "SKIP", "CAP_T",
           "ALPHA2_T", "ALPHA_UPPER_T", "SCORE_T", "POSS_T", "AFTER_QUOTE", "SEP", "PLAN_MEMO", "PLAN_PENDING",
           "PLAN_TITLE", "PLAN_FIRST", "PLAN_PIECES", "CONNECTORS", "PLACE_HEADS"]

PLACE_HEADS = {"Road", "Street", "Avenue", "River", "Mountains", "Mountain", "Island", "Islands", "Sea", "Ocean",
               "Lake", "Valley", "Bay", "Gulf", "Province", "Region", "Stadium", "Park", "Square", "Strait",
               "Peninsula", "Coast", "Desert", "Canal", "Bridge", "Airport", "Heights", "Hills", "County", "State",
               "Republic", "Kingdom", "Emirates", "Territory", "Territories", "Oval", "Arena", "Ground", "Circuit",
               "Field", "Lane", "Cape", "Mount", "Port", "Isle", "North", "South", "East", "West", "Central"}
_DATE_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_DASH_RE = re.compile(r"^\s*(?:\(\w+\)\s*)?[-—–]{1,2}\s")
_SCORE_RE = re.compile(r"^\d{1,3}-\d{1,3}$")


_MODIFIER_SUFFIX = re.compile(r"-(?:based|listed|led|controlled|owned|born|made|run|backed|registered|funded|"
                              r"linked|allied|dominated|held|bound|style|era|area|wide|level|class|type)$", re.I)


# Per-token facts the rules ask about, one bit each.  They depend only on the
# token's string, so they are computed once per distinct string for the whole
# process (:data:`FLAGS`) and a document gets them as one byte per token;
# sentence-level questions are then counts over those bytes instead of Python
# loops over every token of every sentence.
_CAP = 1  # a name token (analysis.names.runs.is_name_token)
_ALPHA2 = 2  # has a letter and is longer than one character (all-capital test)
_UPPER = 4  # str.isupper()
_SCORE = 8  # a sports score such as 2-1
_POSS = 16  # capitalised with a possessive 's / ’s
SKIP = 32  # a month, weekday or sentence-initial function word: alone, never a name


def _token_flags(tok: str) -> int:
    f = 0
    if is_name_token(tok):
        f |= _CAP
    if len(tok) > 1 and any(map(str.isalpha, tok)):
        f |= _ALPHA2
    if tok.isupper():
        f |= _UPPER
    if _SCORE_RE.match(tok):
        f |= _SCORE
    if len(tok) > 2 and tok[-2] in "'’" and tok[-1] == "s" and tok[0].isupper():
        f |= _POSS
    if tok in MONTHS_DAYS or tok in PRONOUNS_START:
        f |= SKIP
    return f


class _FlagCache(dict):
    """Token string -> its flag byte, filled on first sight (bounded)."""

    def __missing__(self, tok: str) -> int:
        if len(self) >= 200_000:
            self.clear()
        f = self[tok] = _token_flags(tok)
        return f


FLAGS = _FlagCache()


def _bit_table(bit: int, both: int | None = None) -> bytes:
    """A ``bytes.translate`` table mapping a flag byte to 1 when it has ``bit``
    (and ``both``, when given), else 0."""
    need = bit | (both or 0)
    return bytes(1 if (v & need) == need else 0 for v in range(256))


CAP_T, ALPHA2_T, ALPHA_UPPER_T = _bit_table(_CAP), _bit_table(_ALPHA2), _bit_table(_ALPHA2, _UPPER)
SCORE_T, POSS_T = _bit_table(_SCORE), _bit_table(_POSS)


@functools.cache
def _discovery_rules() -> RunRules:
    """How discovery's runs join (:func:`analysis.names.runs.joins`): any
    distance inside a sentence, initials, connectors, and ``of`` after an
    organisation or place head or an organisation word (``org_words.txt``)."""
    return RunRules(max_gap=None, initials=True, titles=frozenset(), connectors=CONNECTORS,
                    of_heads=OF_HEADS | org_words())


def capitalised_runs(strings: list[str], starts: list, ends: list, cap: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token index ranges [a, b) of capitalised runs in sentence tokens lo..hi
    (``cap``: one 0/1 byte per token of the document, 1 for a capitalised
    word): :func:`analysis.names.runs.name_runs` with discovery's rules."""
    return name_runs(strings, starts, ends, cap, lo, hi, _discovery_rules())


def _title_gender(tok: str, person_titles: dict) -> str | None:
    """The gender ("" when neutral) of a title token, also for hyphenated
    military ranks (``Major-General``, ``Lieutenant-Colonel``); None if not a title."""
    if tok in person_titles:
        return person_titles[tok]
    if "-" in tok:
        parts = tok.split("-")
        if all(p in person_titles or p.capitalize() in person_titles for p in parts if p):
            return ""
    return None


def is_dateline(strings: list[str], text: str, ends: np.ndarray, a: int, b: int) -> bool:
    """A dateline at the start of a line: ``LONDON 1996-08-30`` or a known
    place before a dash (``WASHINGTON (AP) —``)."""
    after = text[ends[b - 1]:ends[b - 1] + 14]
    if _DATE_RE.match(after):
        return True
    if _DASH_RE.match(after):
        return " ".join(title_case(t) for t in strings[a:b]) in places()
    return False


def _split_run(strings: list[str], a: int, b: int, person_titles: dict) -> list[tuple[int, int, str | None]]:
    """Split a capitalised run at modifiers (``Ohio-based``) and after the
    last title inside it (``Israeli Foreign Minister | David Levy``); returns
    pieces ``(a, b, title_gender)`` where title_gender is set for the piece
    that follows a title."""
    if b - a == 1:  # what the steps below come to for one token
        t = strings[a]
        return [] if "-" in t and _MODIFIER_SUFFIX.search(t) else [(a, b, None)]
    pieces = []
    start = a
    # a leading demonym describes the name that follows ("Canadians Michael
    # Spavor", "Panamanian Roberto Duran"), unless the whole is an
    # organisation ("British Airways", "Chinese Foreign Ministry")
    if strings[b - 1] not in org_words() and " ".join(strings[a:b]) not in places() \
            and strings[b - 1] not in PLACE_HEADS:
        while (start < b - 1 and strings[start] in demonyms() and strings[start + 1] not in demonyms()
               and " ".join(strings[start + 1:b]) not in places()):
            start += 1
    for k in range(start, b):
        if "-" in strings[k] and _MODIFIER_SUFFIX.search(strings[k]):
            if k > start:
                pieces.append((start, k, None))
            start = k + 1
    if start < b:
        pieces.append((start, b, None))
    out = []
    for pa, pb, _ in pieces:
        # the last title inside the piece (not at its end)
        cut, tg = None, None
        k = pb - 2
        while k >= pa:
            t = strings[k]
            two = f"{strings[k - 1]} {t}" if k - 1 >= pa else None
            if two and two in person_titles:
                cut, tg, tstart = k + 1, person_titles[two], k - 1
                break
            tgk = _title_gender(t, person_titles)
            if tgk is not None or (t[:1].isupper() and t.lower() in person_titles and t.lower() not in ("general",)):
                cut, tg, tstart = k + 1, tgk if tgk is not None else person_titles.get(t.lower(), ""), k
                break
            k -= 1
        if cut is not None and cut < pb and strings[cut] not in ("of", "&") and strings[pb - 1] not in org_words():
            if tstart > pa:
                out.append((pa, tstart, None))
            out.append((cut, pb, tg or ""))
        else:
            out.append((pa, pb, None))
    return out


AFTER_QUOTE = frozenset({'"', "“", "‘", "'", "(", ":", "-", "--", "—"})

# Memoised rule results: the rules below read only a run's tokens (and the few
# context facts in the key) and the reference lists, which do not change
# within a process, so a name seen before costs one dictionary lookup.  Keys
# are the tokens joined by SEP (None, and no memo, in the unlikely case that
# a token contains it) and values are flat tuples of strings and numbers:
# plain strings are invisible to the garbage collector, and fewer container
# objects that live on mean fewer full collections.
_MEMO_LIMIT = 100_000
SEP = "\x00"
PLAN_MEMO: tuple[dict, dict] = ({}, {})  # by at_start: False, True


def memo_put(memo: dict, key, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _lead_cut(toks: list[str], at_start: bool) -> tuple[int, str | None, tuple]:
    """Where the name starts in a capitalised run ``toks``: leading titles
    (kept as evidence: their gender, ``""`` when neutral, else None), months,
    weekdays and pronouns are cut off, and so is a word common in lower case
    that is capitalised only because it starts the sentence (``at_start``:
    the run starts the sentence or follows an opening quote, bracket, colon or
    dash); those words are returned as pending offsets.  Returns ``(offset of
    the first name token, title gender, pending offsets)``."""
    person_titles, _ = title_info()
    title_gender = None
    pending = []
    b = len(toks)
    k = 0
    while k < b:
        t = toks[k]
        two = f"{t} {toks[k + 1]}" if k + 1 < b else None
        if two and two in person_titles and k + 2 < b:
            title_gender = person_titles[two]
            k += 2
            continue
        tgk = _title_gender(t, person_titles) if t[0].isupper() else None
        if tgk is not None and k + 1 < b:
            title_gender = tgk
            k += 1
            continue
        initial = len(t) == 1 and k + 1 < b and toks[k + 1] == "."
        if (t in MONTHS_DAYS or t in PRONOUNS_START) and not initial:
            k += 1
            continue
        # only the run's first token can follow the sentence start or a quote:
        # the tokens inside a run are words, initials' dots and connectors
        if k == 0 and at_start and not initial:
            starts_place = k + 1 < b and f"{t} {toks[k + 1]}" in places()
            if not starts_place and t.lower() not in first_names() and t not in places() and common(t) > 1e-5:
                pending.append(k)
                k += 1
                continue
        break
    return k, title_gender, tuple(pending)


# fields of a run plan (a flat tuple, one per distinct run): the pending offsets,
# the title gender, the offset of the first name token, then from PLAN_PIECES on
# each piece as three fields (a, b, title gender)
PLAN_PENDING, PLAN_TITLE, PLAN_FIRST, PLAN_PIECES = 0, 1, 2, 3


def run_plan(key: str | None, toks: list[str], at_start: bool) -> tuple:
    """The rule steps of a capitalised run that read only its tokens, memoised
    under ``key`` (the tokens joined by SEP): ``(pending offsets, title gender,
    first name offset, a, b, title gender, a, b, ...)`` from :func:`_lead_cut`,
    the cut of trailing months and weekdays (``Paris Monday``) and
    :func:`_split_run`: the pieces' ``(a, b, title gender)`` follow flat
    (one tuple per run), offsets into ``toks``."""
    memo = PLAN_MEMO[at_start]
    hit = memo.get(key)
    if hit is not None:
        return hit
    k, title_gender, pending = _lead_cut(toks, at_start)
    e = len(toks)
    while e > k and toks[e - 1] in MONTHS_DAYS:
        e -= 1
    pieces = []
    if k < e:
        person_titles, _ = title_info()
        for pa, pb, tg in _split_run(toks[k:e], 0, e - k, person_titles):
            pieces += (k + pa, k + pb, tg)
    plan = (pending, title_gender, k, *pieces)
    return plan if key is None else memo_put(memo, key, plan)
