"""The gender of a quoted speaker with its basis, from the quote's own
evidence: the codebook, a gendered honorific or title in the speaker's phrase,
a ``he``/``she`` attribution, the linked mention's gender from a title, a
``he``/``she`` opening the speaker's own reported clause ("X said she was
shocked"), the linked mention's pronouns recounted without those inside the
article's quotes (direct, partial and the reported clauses of indirect ones:
"X said the timing was unlikely to help his efforts" speaks of someone
else), then the first-name list; ``unknown`` rather than a guess, ``n/a`` for speakers that are not
people.  Part of :mod:`analysis.sourcing.speakers`."""
from __future__ import annotations

import functools
import re

from analysis.names import first_name_gender, strip_title, title_table
from analysis.sourcing.speaker_actors import ArticleActors
from analysis.sourcing.speaker_kind import PERSONAL, is_role_holder

__all__ = ["phrase_gender", "gender_of_speaker", "quoted_context"]


@functools.lru_cache(maxsize=1 << 14)  # the same phrases recur in a story's quotes
def phrase_gender(phrase: str) -> tuple[str, str] | None:
    """A gendered honorific or title in the speaker's own phrase."""
    table, _ = title_table()
    found = set()
    for w in phrase.replace("’", "'").split():
        g, kind = table.get(w.lower(), table.get(w.lower().rstrip("."), ("", "")))
        if g:
            found.add((g, "honorific" if kind in ("honorific", "peerage") else "title"))
    genders = {g for g, _ in found}
    if len(genders) == 1:
        basis = "honorific" if any(b == "honorific" for _, b in found) else "title"
        return next(iter(genders)), basis
    return None


def gender_of_speaker(row: dict, kind: str, entity: dict | None, mention: dict | None, quoted=None) -> tuple[str, str]:
    """One quote's speaker gender and basis from its own evidence; the
    quotes of one actor in one article then share the strongest
    (:func:`_share_within_article`)."""
    if kind == "anonymous" and is_role_holder(str(row.get("speaker") or "")):
        return phrase_gender(str(row.get("speaker"))) or ("n/a", kind)  # "a spokeswoman": female, title
    if kind != "person":  # organisations, bodies, countries, groups and unnamed sources
        return "n/a", kind
    if entity and entity.get("gender") in ("female", "male"):
        return entity["gender"], entity.get("gender_basis") or "codebook"
    phrase = row.get("speaker") or ""
    hit = phrase_gender(phrase)
    if hit:
        return hit
    if row.get("attribution") == "pronoun" and phrase.lower() in PERSONAL:
        return PERSONAL[phrase.lower()], "pronoun"
    if mention is not None and mention.get("gender") in ("female", "male") \
            and mention.get("gender_basis") not in ("pronoun", "first name"):
        return mention["gender"], mention.get("gender_basis") or "none"  # a title next to a mention
    opening = own_clause_pronoun(row)
    if opening:  # "X said she was shocked": the reported clause's subject is the speaker
        return opening, "pronoun"
    if mention is not None and mention.get("gender") in ("female", "male"):
        if quoted is None:
            return mention["gender"], mention.get("gender_basis") or "none"
        # pronouns inside the article's quotations speak of someone else
        g, basis = quoted()
        if g != "unknown":
            return g, basis
    name = row.get("speaker_name")
    if isinstance(name, str) and " " in name.strip() and all(w[:1].isupper() for w in name.split()):
        # a name, not a description ("Tory leader")
        g = first_name_gender(strip_title(name))
        if g != "unknown":
            return g, "first name"
    return "unknown", "none"


_OPENING = re.compile(r"(?:that\s+)?(he|she)\s+(?!and\b|or\b)[a-z]", re.IGNORECASE)


def own_clause_pronoun(row: dict) -> str | None:
    """``male``/``female`` when a named speaker's indirect quote opens with
    ``he``/``she`` as its subject ("Gareth Peirce ... said she was shocked":
    the subject of the reported clause right after the speaker's own verb is
    the speaker); None otherwise.  Possessives ("said his concerns had been
    met") and pronoun speakers say nothing here."""
    phrase = str(row.get("speaker") or "")
    if row.get("kind") != "indirect" or phrase.lower() in PERSONAL or not phrase.split()[-1][:1].isupper():
        return None  # a pronoun speaker, or a phrase that does not end in the name ("the X doping row")
    m = _OPENING.match(str(row.get("text") or ""))
    return PERSONAL[m.group(1).lower()] if m else None


# ---------------------------------------------------------------------------
# linking to the article's actor table


def quoted_context(doc, actors: ArticleActors, mention: dict | None):
    """What :func:`gender_of_speaker` calls to recount a linked person's pronouns
    without those inside the article's quotations (None: not needed)."""
    if mention is None or doc is None or mention.get("gender_basis") != "pronoun":
        return None
    return functools.partial(actors.gender_without_quotes, doc, mention)

