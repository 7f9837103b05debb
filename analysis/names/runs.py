"""Name runs: the runs of capitalised tokens that can form a name, built one
way for the whole package.

A run starts at a name token (:func:`is_name_token` for actor discovery; a
capitalised word for quote speakers) and goes on while the next token
:func:`joins` it.  What joins is the same rule for both families, with the
switches of :class:`RunRules`:

* a name token, at most ``max_gap`` characters after the run (any distance
  inside a sentence when ``None``);
* between two name tokens: an initial's full stop written against it
  (``J. Smith``; ``initials``), the full stop of a title (``Mr. Smith``;
  ``titles``), a connector (``Vasco da Gama``, ``Procter & Gamble``;
  ``connectors``, the words tagged ``connector`` in
  ``analysis/data/name_particles.txt``) and ``of`` after an organisation or
  place head (``Bank of England``; ``of_heads``).

Each family keeps its own use of the runs: actor discovery cuts titles,
months and sentence-initial words off a run and splits it
(:mod:`analysis.actors.runs`); quote attribution completes a surname to the
fullest name of the article (:mod:`analysis.sourcing.runs`).

Also here: what counts as a name token, the words that are never a name on
their own (months, weekdays, sentence-initial function words), the heads
before ``of`` inside a name, and the title-casing of an all-capital token."""
from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from analysis.names.words import name_connectors

__all__ = ["RunRules", "name_runs", "joins", "is_name_token", "title_case", "CONNECTORS", "OF_HEADS",
           "MONTH_NAMES", "MONTHS_DAYS", "PRONOUNS_START"]

CONNECTORS = name_connectors()  # analysis/data/name_particles.txt, tag "connector"

# heads after which "of" stays inside a name ("Bank of England", "Duke of York")
OF_HEADS = frozenset({
    "Republic", "Kingdom", "Gulf", "Bay", "Isle", "Cape", "Sea", "Strait", "University", "Bank",
    "Ministry", "Department", "Institute", "Council", "Association", "Federation", "Union", "Party",
    "Church", "Board", "Commission", "Committee", "Court", "House", "League", "Office", "College",
    "School", "Academy", "Museum", "Society", "Bureau", "Agency", "Organisation", "Organization",
    "Chamber", "Exchange", "Corporation", "Congress", "Parliament", "Assembly", "Government", "Minister",
    "Secretary", "Duke", "Prince", "Bishop", "Archbishop", "Governor", "Mayor", "Province",
    "Confederation", "Chancellor", "Lake", "Straits", "Islands",
    "States", "Emirates", "Sultanate", "Principality", "Commonwealth", "Archipelago", "Mouth",
    "City", "Port", "Sisters", "Friends", "Movement", "Front", "Army", "Force", "Forces",
    "Centre", "Center", "Fund", "Trust", "Foundation", "Authority", "Directorate", "Division",
    "Service", "Services", "Corps", "Coalition", "Alliance", "Order", "Conference", "Tribunal"})

# capitalised, but never a name on their own
MONTH_NAMES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
})
MONTHS_DAYS = MONTH_NAMES | frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Christmas", "Easter",
})
PRONOUNS_START = frozenset({
    "I", "He", "She", "We", "They", "It", "You", "His", "Her", "Their", "Our", "My", "Its", "A",
    "An", "The", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "If", "In",
    "On", "At", "As", "By", "For", "From", "To", "With", "Of", "After", "Before", "When", "While"})

_WORD_RE = re.compile(r"^[^\W\d_][\w'’.-]*$")


def is_name_token(tok: str) -> bool:
    """A token that can be part of a name in actor discovery: a letter in
    upper case first, then letters, digits, apostrophes, full stops or
    hyphens (``O'Brien``, ``U.S.``, ``Jean-Paul``)."""
    return bool(tok) and tok[0].isupper() and _WORD_RE.match(tok) is not None


def title_case(tok: str) -> str:
    """``HUAWEI`` -> ``Huawei``, ``JEAN-PAUL`` -> ``Jean-Paul``."""
    return "-".join(p[:1] + p[1:].lower() for p in tok.split("-"))


class RunRules(NamedTuple):
    """What joins the next token to a name run (see the module docstring)."""

    max_gap: int | None  # most characters between two tokens of a run; None: any
    initials: bool  # an initial's full stop written against it ("J. Smith")
    titles: frozenset[str]  # lower-case titles whose full stop stays in the run ("Mr. Smith")
    connectors: frozenset[str]  # words between two name tokens ("da", "&")
    of_heads: frozenset[str]  # words after which "of" joins ("Bank of England")


def joins(strings: Sequence[str], starts: Sequence[int], ends: Sequence[int], cap: bytes, k: int, hi: int,
          rules: RunRules) -> bool:
    """Does token ``k`` (``< hi``) continue a name run whose last token is
    ``k - 1``?  ``cap`` holds one byte per token, 1 for a name token; no
    token at or after ``hi`` (the end of the sentence or text) is read."""
    if rules.max_gap is not None and starts[k] - ends[k - 1] > rules.max_gap:
        return False
    if cap[k]:
        return True
    if k + 1 >= hi or not cap[k + 1]:
        return False
    s = strings[k]
    if s == ".":
        before = strings[k - 1]
        return (rules.initials and len(before) == 1 and before.isupper() and starts[k] == ends[k - 1]
                or before.lower().rstrip(".") in rules.titles)
    return s in rules.connectors or s == "of" and strings[k - 1] in rules.of_heads


def name_runs(strings: Sequence[str], starts: Sequence[int], ends: Sequence[int], cap: bytes, lo: int, hi: int,
              rules: RunRules) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of the name runs in tokens ``lo .. hi - 1``:
    each starts at a name token (``cap``: one byte per token of the whole
    text, 1 for a name token) and goes on while :func:`joins` holds."""
    out = []
    gap = rules.max_gap
    i = cap.find(1, lo, hi)
    while i >= 0:
        j = i + 1
        while j < hi:
            # :func:`joins`, its commonest answers first (a test holds the two equal)
            if cap[j]:
                if gap is None or starts[j] - ends[j - 1] <= gap:
                    j += 1
                    continue
                break
            if j + 1 < hi and cap[j + 1] and joins(strings, starts, ends, cap, j, hi, rules):
                j += 1
                continue
            break
        out.append((i, j))
        i = cap.find(1, j, hi)
    return out
