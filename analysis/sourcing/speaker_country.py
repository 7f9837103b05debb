"""The country of a bare government speaker, as the article settles it.

"The government said", "ministers", "officials", "a government spokesman",
"the PM" name no country; the article usually names it elsewhere with the
same words: "the British government", "UK ministers", "Chinese officials",
"the government of China".  A speaker phrase that holds a word of
``[national_government]`` (``analysis/data/speaker_kinds.txt``) and no
capitalised word other than those words, role words and determiners
(:func:`is_bare_government`) is the government of the country that most
of the article's references name (an article about the British decision
names the British government most, even where it quotes the American one
last); a tie goes to the tied country the whole article names most (any of
its names and adjectives), then to the nearest reference before the
speaker's phrase, else the first after it; with no reference in the
article its country stays unknown (no affiliation, no side).  A reference
is a country's name or adjective (``analysis/data/countries.csv``, written
as a name) followed by a ``[national_government]`` word, with at most two
capitalised words or title modifiers between them in the same line
(``the UK's new government``, ``China's foreign ministry``), or such a word
followed by ``of`` and the country.  The speaker's affiliation is that
reference as the article writes it, with its offsets (which may be
sentences away from the quote), so the side it gives can be checked.

Part of :mod:`analysis.sourcing.speakers`.  Limits: in an article about two
governments the one named most is not always the one meant, and capitals and seats of government standing for a
country ("Beijing", "Downing Street") are not references.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

from analysis.names import clean_word, country_forms, kind_words, role_words
from analysis.sourcing.speaker_kind import holds_entry

__all__ = ["is_bare_government", "government_references", "settle_government"]

# words a bare government phrase may hold besides its government word and roles
_PLAIN = frozenset({"a", "an", "the", "one", "another", "some", "two", "both", "other"})


@functools.lru_cache(maxsize=1 << 12)
def is_bare_government(phrase: str) -> bool:
    """Whether a speaker phrase speaks for a government without naming it:
    it holds a ``[national_government]`` word ("the Government", "a
    government spokesman", "Ministers") and every capitalised word in it is
    such a word, a role word or a determiner ("Chinese officials", "Huawei
    officials" and "the Johnson government" name theirs), and no
    organisation word ("union officials")."""
    words = [clean_word(w.strip(",.;:")) for w in phrase.split()]
    lows = [w.lower() for w in words]
    national = kind_words("national_government")
    if holds_entry(f" {' '.join(lows)} ", "organisation"):  # "union officials", "company officials"
        return False
    if not any(w in national for w in lows) and not any(f"{a} {b}" in national for a, b in zip(lows, lows[1:])):
        return False
    allowed = national | role_words() | kind_words("affiliation_determiner") | kind_words("title_modifier") | _PLAIN
    return all(low in allowed for w, low in zip(words, lows) if w[:1].isupper())


@functools.cache
def _reference_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """The pattern of a country's government reference, and country form ->
    country."""
    country_of: dict[str, str] = {}
    for r in country_forms().itertuples(index=False):
        for form in (r.country, *r.names, *r.adjectives):
            country_of.setdefault(form, r.country)
    forms = "|".join(re.escape(f) for f in sorted(country_of, key=len, reverse=True))
    words = "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+")
                     for w in sorted(kind_words("national_government"), key=len, reverse=True))
    gap = r"[^\S\n]+"  # spaces within one line
    between = "|".join(sorted(kind_words("title_modifier") | kind_words("affiliation_determiner") | {"new"}))
    pattern = re.compile(  # between them: "UK's new government", "Chinese foreign ministry", "British Labour MPs"
        rf"(?<![\w.])(?P<country>{forms})(?:['’]s)?{gap}(?:(?:[A-Z][\w-]*|{between}){gap}){{0,2}}?(?i:{words})\b"
        rf"|(?<![\w.])(?i:{words}){gap}of{gap}(?:the{gap})?(?P<country2>{forms})(?![\w])")
    return pattern, country_of


def government_references(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, country)`` of every government reference in ``text``
    ("the British government" -> its "British government"), in text order."""
    pattern, country_of = _reference_pattern()
    out = []
    for m in pattern.finditer(text):
        form = m.group("country") or m.group("country2")
        out.append((m.start(), m.end(), country_of[form]))
    return out


def settle_government(rows: list[dict], text: str) -> None:
    """Give each described quote row of one article whose speaker is a bare
    government (:func:`is_bare_government`, a body, group or anonymous
    source with no side and no affiliation yet), or a person or unnamed
    source whose affiliation is one ("the PM's director of communications"),
    the reference that settles
    its country as ``speaker_affiliation`` (with its offsets in ``text``);
    the side is read from it afterwards.  The references are found once per
    article, when a row needs them."""
    refs = None
    for r in rows:
        if r.get("side") or r.get("side_basis") in (None, "codebook"):
            continue
        aff = r.get("speaker_affiliation")
        # "Guto Harri, the PM's new Director of Communications": an affiliation that is itself a bare government
        if not (aff and r.get("speaker_kind") in ("person", "anonymous") and is_bare_government(str(aff))) and (
                aff or r.get("speaker_kind") not in ("government body", "group", "anonymous")
                or not is_bare_government(str(r.get("speaker")))):
            continue
        if refs is None:
            refs = _most_named(government_references(text), text)
        if not refs:
            return
        at = r.get("speaker_start")
        at = int(r["start"]) if at is None or at != at else int(at)  # None or NaN: the quote's own start
        k = bisect_left([s for s, _e in refs], at)
        s, e = refs[k - 1] if k else refs[0]  # the nearest before, else the first after
        r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"] = text[s:e], s, e


def _most_named(refs: list[tuple[int, int, str]], text: str) -> list[tuple[int, int]]:
    """The spans of the references to the country that the most references
    name; when tied, to the tied country the text names most (the
    countries that tie again: all their references)."""
    counts: dict[str, int] = {}
    for _s, _e, country in refs:
        counts[country] = counts.get(country, 0) + 1
    top = max(counts.values(), default=0)
    tied = {c for c, n in counts.items() if n == top}
    if len(tied) > 1:
        _pattern, country_of = _reference_pattern()
        named = {c: 0 for c in tied}
        for m in _country_word_pattern().finditer(text):
            c = country_of[m.group()]
            if c in named:
                named[c] += 1
        most = max(named.values())
        tied = {c for c, n in named.items() if n == most}
    return [(s, e) for s, e, country in refs if country in tied]


@functools.cache
def _country_word_pattern() -> re.Pattern:
    """Any country form of ``countries.csv`` written as a name."""
    forms = sorted(_reference_pattern()[1], key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(re.escape(f) for f in forms))
