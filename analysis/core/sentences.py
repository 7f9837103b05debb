"""The sentences of one paragraph: Punkt, then the rules real copy needs.

:func:`paragraph_sentences` runs Punkt (:mod:`analysis.core.punkt`) inside one
paragraph (a sentence never crosses a paragraph), skipping it when no ``.``
``?`` or ``!`` stands before the closing punctuation, and then merges back
the pieces that end no sentence: a single capital letter and a period is an
initial (``J. Smith``); a piece made only of punctuation (a stray ``.`` or a
lone quotation mark) joins the sentence before it, and so does a piece that
starts in lower case after a question or exclamation mark (``“Is it over?”
she asked.``) or after a period inside closing brackets (``Sen. Tim Kaine
(D-Va.) said ...``).
"""
from __future__ import annotations

import re

from analysis.core.punkt import punkt_spans

__all__ = ["paragraph_sentences"]

_ONLY_PUNCT = re.compile(r"^[^\w]*$")
_LOWER_START = re.compile(r"^[a-z]")
_CLOSING_MARKS = "”\"’'"  # may follow the ? or ! of a question that goes on in lower case
_BEFORE_INITIAL = "(“\"‘'"  # may stand before an initial (besides white space)


def paragraph_sentences(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` into ``text`` of the paragraph
    ``text[p_start:p_end]``, in order, covering it."""
    core_end = p_end
    while core_end > p_start and not text[core_end - 1].isalnum():
        core_end -= 1
    if (
        text.find(".", p_start, core_end) < 0
        and text.find("?", p_start, core_end) < 0
        and text.find("!", p_start, core_end) < 0
    ):
        # Punkt only breaks after . ? !; none before the closing punctuation
        # means one sentence (most news paragraphs), without running Punkt.
        return [(p_start, p_end)]
    # Punkt ends a sentence at a period before a closing bracket; the merge
    # below takes back the cases real copy shows are none: a question that
    # goes on in lower case, and an abbreviation in brackets before the verb
    # (``Sen. Tim Kaine (D-Va.) said ...``).
    para = text[p_start:p_end]
    spans = punkt_spans(para)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged:
            piece = para[s:e]
            prev = para[merged[-1][0] : merged[-1][1]]
            if (
                _ONLY_PUNCT.match(piece)
                or _ends_with_initial(prev)
                or (prev.rstrip(_CLOSING_MARKS)[-1:] in ("?", "!") and _LOWER_START.match(piece))
                or (prev.endswith(".)") and _LOWER_START.match(piece))
            ):
                merged[-1][1] = e
                continue
        merged.append([s, e])
    return [(p_start + s, p_start + e) for s, e in merged]


def _ends_with_initial(sentence: str) -> bool:
    """Does ``sentence`` end with an initial, a capital and a period after white
    space, an opening bracket or quotation mark, or alone (``J.``)?"""
    return (
        sentence[-1:] == "."
        and "A" <= sentence[-2:-1] <= "Z"
        and (len(sentence) == 2 or sentence[-3].isspace() or sentence[-3] in _BEFORE_INITIAL)
    )
