"""Capitalised runs made into names (part of step 1 of actor discovery, see
:mod:`analysis.actors.discovery`): cut after an attached possessive and at
``of`` after a legal-form designator, joined into one organisation's name
across ``for``, ``on``, ``and``, ``of`` and ``in`` where an organisation head
calls for it (``Department for Transport``, ``Organisation for Security and
Cooperation in Europe``, ``Food and Drug Administration``)."""
from __future__ import annotations

from analysis.actors.lexicon import common, designators, org_words, places, title_info
from analysis.names import first_names
from analysis.names.runs import MONTHS_DAYS, OF_HEADS

__all__ = ["reshape_runs"]

# connectors inside an organisation's name ("Department for Transport",
# "Organisation for Security and Cooperation in Europe"; see reshape_runs)
_ORG_FOR = frozenset({"for", "on"})
_CHAIN_GO_ON = frozenset({"for", "on", "and", "of", "in"})
# designators that are descriptive words, not legal forms: a name may go on
# across "of" after them ("Group of Seven"); after the legal forms ("Kia
# Motor Corp of South Korea") "of" gives the seat, not more of the name
_DESCRIPTIVE_DESIGNATORS = frozenset({"Group", "Holdings", "Holding", "Technologies", "Technology", "International",
                                      "Corporation", "Company"})


def reshape_runs(strings: list[str], poss: bytes, runs: list[tuple[int, int]], hi: int) -> list[tuple[int, int]]:
    """The capitalised runs of one body sentence made into names: cut after
    an attached possessive (``London's | Huawei ban``) and at ``of`` after a
    legal-form designator (``Kia Motor Corp | of South Korea``), then joined
    into one organisation's name across the connectors of
    :func:`_org_join` (``Department for Transport``).  ``strings``: the
    document's tokens (possessives cut off), ``poss``: 1 where one was,
    ``runs``: a sentence's runs (:func:`analysis.actors.runs.capitalised_runs`),
    ``hi``: the sentence's end."""
    lo, end = runs[0][0], runs[-1][1]
    if poss.find(1, lo, end) >= 0 or "of" in strings[lo:end]:
        runs = _cut_runs(strings, poss, runs)
    last = -2
    for a, b in runs:
        if a == last + 1 and strings[last] in _CHAIN_GO_ON:
            break
        last = b
    else:
        return runs  # no two runs one connector apart
    out: list[tuple[int, int]] = []
    chain = None  # how the last run of out joins: "for", "of", "" (not at all) or None (not asked yet)
    for a, b in runs:
        if out:
            pa, pb = out[-1]
            if a == pb + 1 and a < hi and strings[pb] in _CHAIN_GO_ON:
                if chain is None:  # a name joined across "of" by the run rules ("Department of Trade")
                    chain = "of" if any(strings[k] == "of" and strings[k - 1] in OF_HEADS
                                        for k in range(pa + 1, pb - 1)) else ""
                how = _org_join(strings, pa, pb, a, b, chain)
                if how:
                    out[-1] = (pa, b)
                    chain = "for" if "for" in (how, chain) else how
                    continue
        out.append((a, b))
        chain = None
    return out


def _cut_runs(strings: list[str], poss: bytes, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs cut after an attached possessive and at ``of`` after a legal-form designator."""
    cut: list[tuple[int, int]] = []
    for a, b in runs:
        start = a
        for k in range(a, b - 1):
            if poss[k]:
                cut.append((start, k + 1))
                start = k + 1
            elif strings[k + 1] == "of" and k + 2 < b and strings[k] in designators() \
                    and strings[k] not in _DESCRIPTIVE_DESIGNATORS:
                cut.append((start, k + 1))
                start = k + 2
        cut.append((start, b))
    return cut


def _org_join(strings: list[str], pa: int, pb: int, a: int, b: int, chain: str | None) -> str | None:
    """Do the runs ``pa..pb`` and ``a..b``, one lower-case word apart, form
    one organisation's name?  ``"for"``: across ``for``/``on`` after an
    organisation head (``Department for Transport``, ``Commission on
    Presidential Debates``; not after a person title: ``Secretary of State |
    for Defence``); ``"of"``: on across ``and`` after a name joined across
    ``of`` (``Department of Trade and Industry``) or ``for``, and across
    ``of`` or ``in`` before a place after one joined across ``for``
    (``... for Security and Cooperation in Europe``), when the words added
    hold no head of their own (``Bank of England | and Treasury``); or
    across ``and`` between two common nouns before a head (``Food and Drug
    Administration``, ``State Law and Order Restoration Council``); None:
    two names."""
    conn = strings[pb]
    if pb != a - 1 or _has_title(strings, pa, pb):
        return None
    heads = org_words()
    if conn in _ORG_FOR:  # (not a date: "Global Times | on Friday")
        head = strings[pb - 1] in heads or strings[pb - 1] in OF_HEADS
        return "for" if head and strings[a] not in MONTHS_DAYS else None
    if chain and conn in _CHAIN_GO_ON and not any(t in heads or t in OF_HEADS for t in strings[a:b]):
        if conn == "and" or (chain == "for" and (conn == "of" or " ".join(strings[a:b]) in places())):
            return "of"
        return None
    if conn == "and" and b - a >= 2 and strings[b - 1] in heads and strings[pb - 1] not in heads:
        left, right = strings[pb - 1], strings[a]
        if all(common(w) > 1e-5 and w not in places() and w.lower() not in first_names() for w in (left, right)):
            return "of"
    return None


def _has_title(strings: list[str], pa: int, pb: int) -> bool:
    """A person title in the run (``Secretary of State``): a title, not an
    organisation, is what goes on across ``for``."""
    person_titles, _ = title_info()
    return any(t in person_titles for t in strings[pa:pb])
