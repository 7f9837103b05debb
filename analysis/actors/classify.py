"""Classification of a candidate name (step 2 of actor discovery, see
:mod:`analysis.actors.discovery`): person, organisation, location, not an
actor (``MISC``) or undecided (None), with the rule that decided, by the
first rule that applies.  Results are memoised per distinct run and context
(:data:`CLASSIFY_MEMO`)."""
from __future__ import annotations

import re

from analysis.actors.lexicon import (common, common_acronyms, demonyms, name_articles, news_orgs, org_words, places,
                                     plural_common, title_info)
from analysis.actors.runs import CONNECTORS, PLACE_HEADS, memo_put, title_case
from analysis.names import first_names, name_parts

__all__ = ["classify_run", "classify_memo", "CLASSIFY_MEMO"]

_ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z&]{1,5}|(?:[A-Z]\.){2,4})$")
_NOUN_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ship|ance|ence|ary|ory|ive|ous|ical|ing|ure|ists?)$")

# words after an organisation head inside its name: "Bank of Canada", "Department
# for Transport", "Commission on Presidential Debates"
_AFTER_HEAD = frozenset({"of", "&", "for", "on"})
# number words, which the first-name list holds as names ("Five Eyes", "Seven Sisters")
_NUMBERS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                     "sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred thousand".split())
CLASSIFY_MEMO: dict = {}  # (title gender, age, speech) -> {tokens key: (label, rule)}
_CLASSIFY_RESULTS: dict = {}  # one shared tuple per distinct (label, rule)


def classify_run(tokens: list[str], ctx: dict) -> tuple[str | None, str]:
    """Label (PER/ORG/LOC/MISC/None) and the rule that gave it."""
    # one function: the rules in their order of precedence, to be read top to bottom
    text = " ".join(tokens)
    place_kinds = places()
    orgs = org_words()
    demonym_words = demonyms()
    fn = first_names()
    person_titles, _ = title_info()
    if all(t in demonym_words for t in tokens) or text in demonym_words:
        return "MISC", "demonym"
    if len(text) == 1 and ctx.get("title_gender") is None:
        return "MISC", "one letter"  # "N / A", "Plan B": no name ("Mr X" has its title)
    if text in common_acronyms():
        return "MISC", "common acronym"
    if text in news_orgs() or (len(tokens) == 1 and tokens[0] in news_orgs()):
        return "ORG", "news organisation"
    if text in place_kinds and place_kinds[text] != "city":
        return "LOC", "gazetteer"
    if len(tokens) == 1 and text.isupper() and len(text) > 3 and title_case(text) in place_kinds:
        return "LOC", "gazetteer"
    last = tokens[-1]
    if "&" in tokens or last in orgs or any(
        t in orgs and i + 1 < len(tokens) and tokens[i + 1] in _AFTER_HEAD for i, t in enumerate(tokens)
    ):
        # one organisation word after a title: a person's name ("Mr Church"),
        # unless the title is genderless ("Major League")
        if not (len(tokens) == 1 and ctx.get("title_gender")):
            return "ORG", "org word"
    if ctx.get("title_gender") is not None:
        if not (len(tokens) == 1 and tokens[0] in place_kinds) and tokens[0] not in CONNECTORS | {"of"}:
            return "PER", "title"
    if text in place_kinds:
        return "LOC", "gazetteer"
    if len(tokens) >= 2 and (last in PLACE_HEADS and tokens[0].lower() not in fn):
        return "LOC", "place word"
    if len(tokens) == 1 and _ACRONYM_RE.match(last) and not ctx.get("headline"):
        return "ORG", "acronym"
    first = tokens[0].rstrip(".")
    if len(tokens) >= 2:
        if tokens[0] in demonym_words and first.lower() not in fn:
            return "MISC", "demonym"
        rest = " ".join(tokens[1:]).lstrip(". ")
        if len(first) == 1:  # initial
            if tokens[-1] in demonym_words or rest in place_kinds or any(t in place_kinds for t in tokens[1:]):
                return None, "initial + place"
            return "PER", "initial"
        if len(tokens) == 2 and first in name_articles():
            return None, "article + word"  # "Le Matin", "El Al": a paper or a company more often than a person
        if last.endswith("s") and last[:-1] in person_titles:
            return "MISC", "people"  # "Tory MPs", "Labour Senators": a group, not a name
        if " ".join(tokens[:2]) in place_kinds:
            return None, "place + word"  # "Hong Kong SAR", not the first name Hong
        if first.lower() in fn and common(first) < 5e-4 and not first.isupper() and first.lower() not in _NUMBERS:
            if any(t in place_kinds and place_kinds[t] in ("country", "continent") for t in tokens[1:]):
                return None, "first name + place"
            return "PER", "first name"
        if name_parts(text)["surname_first"]:
            return "PER", "surname first"
        words = [t for t in tokens if t not in CONNECTORS]
        if (
            len(words) in (2, 3)
            and all(common(t) < 2e-5 and t not in place_kinds and not t.isupper() and "." not in t for t in words)
            and not plural_common(last)
            and not any(_NOUN_SUFFIX.search(t) for t in words)
        ):
            return "PER", "rare words"
        return None, "unknown run"
    # one token
    if (ctx.get("age") or ctx.get("speech")) and not plural_common(first) and not first.isupper():
        if first.lower() not in {"he", "she"} and common(first) < 1e-4 and first not in place_kinds:
            return "PER", "age" if ctx.get("age") else "speech verb"
    return None, "unknown word"


def classify_memo(key: str | None, toks: list[str], title_gender, age: bool,
                   speech: bool) -> tuple[str | None, str]:
    """:func:`classify_run` of a run in body text (not a headline), memoised
    under ``key`` (the tokens joined by SEP) and the context."""
    memo = CLASSIFY_MEMO.get((title_gender, age, speech))
    if memo is None:
        memo = CLASSIFY_MEMO[(title_gender, age, speech)] = {}
    hit = memo.get(key)
    if hit is None:
        ctx = {"title_gender": title_gender, "age": age, "speech": speech, "headline": False}
        hit = classify_run(toks, ctx)
        hit = _CLASSIFY_RESULTS.setdefault(hit, hit)
        if key is not None:
            memo_put(memo, key, hit)
    return hit
