"""A document's tokens as actor discovery reads them (:class:`Tokens`:
strings, offsets and flag bytes, a possessive ``'s`` cut off), the kinds of
spans left pending by the sentence step for the document step, and the
memoised surname of a full name.  Shared by :mod:`analysis.actors.discovery`
(the sentence step) and :mod:`analysis.actors.document_labels` (the
document consistency step)."""
from __future__ import annotations

from typing import NamedTuple

from analysis.actors.runs import FLAGS, POSS_T, memo_put
from analysis.core.text import Document
from analysis.names import name_parts

__all__ = ["Tokens", "read_tokens", "surname", "UNLABELLED", "INITIAL", "HEADLINE", "WIDE_PLACES", "WEAK_PERSON"]

_SURNAME_MEMO: dict = {}


def surname(full: str) -> str:
    """``name_parts(full)["surname"]``, memoised."""
    hit = _SURNAME_MEMO.get(full)
    if hit is None:
        hit = memo_put(_SURNAME_MEMO, full, name_parts(full)["surname"])
    return hit


# kinds of pending spans (labelled, or not, by the document consistency step)
UNLABELLED, INITIAL, HEADLINE = 0, 1, 2
WEAK_PERSON = ("speech verb", "rare words")  # person evidence an organisation noun overrules
WIDE_PLACES = ("country", "continent", "state", "region")  # places a headline names alone


class Tokens(NamedTuple):
    """A document's tokens as the rules read them: strings, offsets and flag
    bytes (:data:`analysis.actors.runs.FLAGS`), a possessive ``'s`` cut off."""

    strings: list[str]
    starts: list[int]
    ends: list[int]
    flags: bytearray
    text: str
    poss: bytes  # 1 where a possessive was cut off the token


def read_tokens(doc: Document) -> Tokens | None:
    strings = list(doc.token_strings())
    if not strings:
        return None
    flat = doc.tokens.ravel().tolist()
    starts, ends = flat[0::2], flat[1::2]
    flags = bytearray(map(FLAGS.__getitem__, strings))
    # a possessive is not part of the name: "Kovrig’s" -> "Kovrig"
    poss = bytes(flags.translate(POSS_T))
    i = poss.find(1)
    while i >= 0:
        strings[i] = strings[i][:-2]
        ends[i] -= 2
        flags[i] = FLAGS[strings[i]]
        i = poss.find(1, i + 1)
    return Tokens(strings, starts, ends, flags, doc.text, poss)
