"""Frames of appearance and expectation: a verb of
``analysis/data/appearance_verbs.txt`` before a to-infinitive, with no
source named (``[the race] appears [to be closer in Ohio]``, ``[the central
bank] is expected [to act in December]``).  PolNeAR annotates such reported
impressions and expectations as attributions with an implicit source: the
content is the subject and the complement
(:func:`analysis.sourcing.indirect.indirect_content` reads it); the row has
no speaker (attribution ``none``) and the frame never speaks a quotation."""
from __future__ import annotations

import itertools

from analysis.names import speech_verbs
from analysis.sourcing.context import ArticleContext
from analysis.sourcing.frames import Frame
from analysis.sourcing.intent_frames import before_infinitive
from analysis.sourcing.words import BE_FORMS, APPEARANCE_TAGS, appearance_verbs


def with_appearance_frames(ctx: ArticleContext, frames: list[Frame]) -> list[Frame]:
    """``frames`` (in text order) with the frames of appearance and
    expectation added where no frame is, in text order."""
    verbs = appearance_verbs()
    taken = {f.cue_tok for f in frames}
    found = []
    for c in itertools.compress(range(len(ctx.strs)), map(verbs.__contains__, ctx.lower)):
        if c in taken or ctx.tok_in_quote[c] or not ctx.strs[c].islower() or not before_infinitive(ctx, c):
            continue
        if ctx.lower[c + 2] in speech_verbs():
            continue  # "Mr Howard is expected to tell activists [...]": the speech cue speaks, with its subject
        lemma, section = verbs[ctx.lower[c]]
        if section == "expectation" and not _after_be(ctx, c):
            continue  # "as expected to ...", "had expected to win": no report of an expectation
        found.append(Frame(c, ctx.strs[c], lemma, APPEARANCE_TAGS, order="appearance", sentence=ctx.tok_sentence[c]))
    if not found:
        return frames
    return sorted(frames + found, key=lambda f: f.cue_tok)


def _after_be(ctx: ArticleContext, c: int) -> bool:
    """Is the participle at token ``c`` passive: a form of "be" right before
    it or before one adverb in -ly (``is expected``, ``are widely expected``)?"""
    k = c - 1
    if k > 0 and ctx.lower[k].endswith("ly") and ctx.strs[k].islower():
        k -= 1
    return k >= 0 and ctx.lower[k] in BE_FORMS and not ctx.tok_in_quote[k]
