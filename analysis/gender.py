"""Gender of a person mentioned in a text, always with its basis.

Order of evidence (the first that decides wins), as in the actors issue:

1. ``codebook``: the codebook's ``gender`` (used by :mod:`analysis.actors`
   before this module is asked);
2. ``title``: a gendered title or role noun next to the name (``Mr``,
   ``Mrs``, ``spokeswoman``, ``Chairman``; ``analysis/data/titles.csv``) or in
   apposition (``X, a spokesman for ...``);
3. ``pronoun``: third-person pronouns after the person's mentions: in the
   rest of each sentence that mentions the person and in the sentence after,
   up to the next mention of another person;
   ``he/him/his/himself`` against ``she/her/hers/herself``, decided when one
   side has at least 2 and at least twice the other (a single pronoun may
   refer to someone else and decides nothing);
4. ``first name``: the given name in ``gender-guesser``'s list (``male`` /
   ``female``, and ``mostly_`` forms); never the first token of a
   surname-first name (``Meng Wanzhou``: ``Meng`` is the family name; the
   given name ``Wanzhou`` is looked up instead);
5. ``unknown``.

Returns ``(gender, basis)`` with gender ``female``, ``male`` or ``unknown``
and basis ``title``, ``pronoun``, ``first name`` or ``none``.  This measures
how the text presents a person, not the person's identity; report the basis
alongside any gender breakdown.
"""
from __future__ import annotations

import functools
import re

from analysis.codebook import name_parts
from analysis.text import Document

__all__ = ["infer_gender", "first_name_gender"]

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PRONOUN_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


@functools.cache
def _gendered_titles() -> dict[str, str]:
    from analysis.codebook import titles

    t = titles()
    return {w.lower(): g for w, g in zip(t["title"], t["gender"]) if g}


def first_name_gender(name: str) -> str:
    """``female``/``male``/``unknown`` from the given name of ``name`` in
    gender-guesser's list; surname-first names use their given name."""
    from analysis.discovery import _first_names

    parts = name_parts(name)
    given = parts["given"].split()
    if not given:
        return "unknown"
    g = _first_names().get(given[0].rstrip(".").lower(), "unknown")
    if g in ("male", "mostly_male"):
        return "male"
    if g in ("female", "mostly_female"):
        return "female"
    return "unknown"


def infer_gender(name: str, doc: Document | None = None, spans=(), *, title_genders=(),
                 others=()) -> tuple[str, str]:
    """Gender and basis for the person ``name`` mentioned at ``spans``
    (``[(start, end), ...]`` in ``doc.text``); ``title_genders`` are the
    genders of titles found before those mentions (``""`` for neutral ones);
    ``others``: start offsets of mentions of other people; a pronoun after
    another person's mention is not counted for this one."""
    tg = {g for g in title_genders if g}
    if len(tg) == 1:
        return next(iter(tg)), "title"
    if doc is not None and spans:
        from analysis.discovery import _apposition_re

        gendered = _gendered_titles()
        text = doc.text
        # apposition: "X, a spokesman for ..."
        app = set()
        for s, e in spans:
            m = _apposition_re().match(text[e:e + 80])
            if m and m.group("noun").lower() in gendered:
                app.add(gendered[m.group("noun").lower()])
            before = text[max(0, s - 20):s].split()
            if before and before[-1].lower().strip(",") in gendered:
                app.add(gendered[before[-1].lower().strip(",")])
        if len(app) == 1:
            return next(iter(app)), "title"
        seen: dict[int, str] = {}  # pronoun offset -> gender (each pronoun counted once)
        sent_idx = sorted({int(i) for i in doc.sentences_of([s for s, _ in spans])})
        for i in sent_idx:
            for j in (i, i + 1):
                if j >= doc.n_sentences:
                    continue
                ss, se = (int(x) for x in doc.sentences[j])
                if j == i:  # only after the mention
                    ss = min(s for s, _ in spans if ss <= s < se)
                # stop at the next mention of another person
                nxt = [o for o in others if ss < o < se]
                if nxt:
                    se = min(nxt)
                for m in _PRONOUN_RE.finditer(text, ss, se):
                    seen[m.start()] = "male" if m.group().lower() in _MALE else "female"
        male = sum(g == "male" for g in seen.values())
        female = len(seen) - male
        if male >= 2 and male >= 2 * female and male > female:
            return "male", "pronoun"
        if female >= 2 and female >= 2 * male and female > male:
            return "female", "pronoun"
        # a single pronoun decides nothing: someone else may be meant
    g = first_name_gender(name) if " " in name.strip() else "unknown"
    if g != "unknown":
        return g, "first name"
    return "unknown", "none"
