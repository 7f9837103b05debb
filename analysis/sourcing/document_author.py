"""A definite document noun as a speaker (``The statement said``, ``the
article said``) refers back to its author: the latest speaker of the same or
the previous paragraph, a body for the nouns of a newspaper's text.  News copy
names the author first (``Huawei UK spokesman Ed Brewster said ...``, ``the
state-run Global Times said ...``) and then lets the text speak; without this
the speaker is the bare noun (``statement``), which has no side, gender or
actor.  The nouns are in ``analysis/data/authored_documents.txt``."""
from __future__ import annotations

import functools

from analysis.core.resources import read_sections
from analysis.sourcing.context import ArticleContext

__all__ = ["authored_documents", "refers_to_author"]


@functools.cache
def authored_documents() -> dict[str, str]:
    """``{noun: author kind}``: ``any`` or ``organisation``."""
    return {noun: kind for kind, nouns in read_sections("authored_documents.txt").items() for noun in nouns}


def refers_to_author(ctx: ArticleContext, f, a: int, b: int, history: list) -> bool:
    """Speaker phrase ``[a, b)`` of frame ``f`` is ``the``/``this`` and a
    document noun: the latest speaker in ``history`` (not itself such a
    phrase) with a name, of the same or the previous paragraph, of the kind the noun
    allows, lends ``f`` its name (``SpeakerSeen.lend_name`` of
    :mod:`analysis.sourcing.resolve`); True when one is found."""
    words = [k for k in range(a, b) if ctx.is_word[k]]
    if len(words) != 2 or ctx.lower[words[0]] not in {"the", "this"}:
        return False
    kind = authored_documents().get(ctx.lower[words[1]])
    if kind is None:
        return False
    par = ctx.paragraph_at(ctx.starts[a])
    for h in reversed(history[-8:]):
        if not h.name or not par - 1 <= ctx.paragraph_at(h.start) <= par or h.name.lower() in authored_documents():
            continue
        if kind == "organisation" and not h.org:
            continue
        h.lend_name(f, ctx.starts[a])
        return True
    return False
