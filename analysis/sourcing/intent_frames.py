"""Frames of intention, decision and refusal: a verb of
``analysis/data/intent_verbs.txt`` right before a to-infinitive (``the
spokesman declined [to comment]``, ``Ali refused [to fight in the Vietnam
War]``).  Attribution corpora (PARC 3.0, PolNeAR) annotate such acts of will
of a source beside its speech; the infinitive is the content.  The speaker
phrase is read as for the stance cues of :mod:`analysis.sourcing.frames`
(a source as subject, not passive); the content by
:mod:`analysis.sourcing.indirect`."""
from __future__ import annotations

import itertools

from analysis.sourcing.context import ArticleContext
from analysis.sourcing.frames import Frame, cue_frame, speaker_head
from analysis.sourcing.words import DETERMINERS, PRONOUNS, intent_verbs


def with_intent_frames(ctx: ArticleContext, frames: list[Frame]) -> list[Frame]:
    """``frames`` (in text order) with the frames of the intent verbs added,
    in text order.  An intent frame takes the place of a speech-verb frame
    at the same token (``agreed`` is a speech cue only before a clause)."""
    verbs = intent_verbs()
    found = []
    for c in itertools.compress(range(len(ctx.strs)), map(verbs.__contains__, ctx.lower)):
        if ctx.tok_in_quote[c] or not before_infinitive(ctx, c):
            continue
        f = cue_frame(ctx, c, [g for g in frames if g.cue_tok < c], verbs)
        if f is not None and _source_subject(ctx, f):
            found.append(f)
    if not found:
        return frames
    replaced = {f.cue_tok for f in found}
    return sorted([g for g in frames if g.cue_tok not in replaced] + found, key=lambda f: f.cue_tok)


def before_infinitive(ctx: ArticleContext, c: int) -> bool:
    """Is token ``c`` followed by ``to`` and a verb in its sentence: a
    lower-case word after ``to`` that is no determiner or pronoun (``to
    comment``, ``to be interviewed``; not ``to the court``, ``to him``)?"""
    hi = ctx.sentence_range(ctx.tok_sentence[c])[1]
    if c + 2 >= hi or ctx.lower[c + 1] != "to" or ctx.tok_in_quote[c + 1] or not ctx.strs[c + 2].islower():
        return False
    w = ctx.lower[c + 2]
    return ctx.is_word[c + 2] and not (w in DETERMINERS or w in PRONOUNS or w in {"him", "me", "us", "them", "you"})


def _source_subject(ctx: ArticleContext, f: Frame) -> bool:
    """Can the speaker phrase of ``f`` be a source: headed by a pronoun, a
    capitalised word, a speaker noun or title, or a plural of people (not
    ``the prices refused to budge``, ``the engine refused to start``)?  A
    participle after a comma with no subject read has none to check."""
    if f.sp_end is None:
        return True
    h = f.sp_end - 1
    return ctx.lower[h] in PRONOUNS or speaker_head(ctx, h)
