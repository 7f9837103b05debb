"""The gender of a quoted speaker with its basis, from the quote's own
evidence: the codebook, a gendered honorific or title in the speaker's phrase,
a ``he``/``she`` attribution, the linked mention's gender in the article (its
pronouns recounted without those inside quotations), then the first-name
list; ``unknown`` rather than a guess, ``n/a`` for speakers that are not
people.  Part of :mod:`analysis.sourcing.speakers`."""
from __future__ import annotations

import functools

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
    if mention is not None and mention.get("gender") in ("female", "male"):
        if mention.get("gender_basis") != "pronoun" or quoted is None:
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


# ---------------------------------------------------------------------------
# linking to the article's actor table


def quoted_context(doc, actors: ArticleActors, mention: dict | None):
    """What :func:`gender_of_speaker` calls to recount a linked person's pronouns
    without those inside the article's quotations (None: not needed)."""
    if mention is None or doc is None or mention.get("gender_basis") != "pronoun":
        return None
    return functools.partial(actors.gender_without_quotes, doc, mention)

