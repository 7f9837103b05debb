"""Mixed quotes: reported speech that holds a quotation (``Trump tweeted
that [she was “Disgraceful!”]``, ``Beruff called [Florida’s standards
“strong.”]``).  PolNeAR and the quote table draw such an attribution over
the whole reported content, the quoted fragment inside it (a ``partial``
row whose ``parent_quote_id`` is the content's ``indirect`` row), so the
content needs only one reported word of its own beside the quotation, where
content with no quotation needs three (:func:`holds_quotation`).  A quotation
led in by a colon, or by a comma when it is a sentence of its own, is a
direct quote: the reported content ends before it (:func:`lead_in_at`)."""
from __future__ import annotations

from analysis.names import speech_verbs
from analysis.sourcing.context import ArticleContext
from analysis.sourcing.words import PREPOSITIONS

# words that only lead in to a quotation: `responded [to “the UK bans
# Huawei”]` is a quotation, not reported speech
_LEAD_IN_WORDS = frozenset(PREPOSITIONS | {"as"})
# first words of an occasion or an addressee, not of reported content:
# `said [in a statement]: “...”`, `said [after the 4-0 win]: “...”`,
# `told BBC Radio 4[’s Today programme]: “...”`
_OCCASION_START = frozenset(PREPOSITIONS | {"after", "before", "during", "'s", "’s"})
# quotation marks as tokens (straight, curly, NYT-style doubled apostrophes)
_MARKS = frozenset('"“”„‟«»\'’‘`')


def holds_quotation(ctx: ArticleContext, lo: int, hi: int) -> bool:
    """Are tokens ``[lo, hi)`` (a frame's content) reported speech holding a
    quotation: some of their words inside quotation marks, at least one word
    outside them that is no preposition, no cue in -ing, no capitalised word
    right after a quotation that opens the content (a name signing it), and
    no colon or comma right before a quotation
    (`responded [on Twitter: “...”]`, `said, [adding, “...”]`: a direct
    quote with its lead-in)?"""
    after = next((k for k in range(lo, hi) if ctx.is_word[k] and not ctx.tok_in_quote[k]), None)
    if after is None or ctx.tok_in_quote[lo] and ctx.capitalised[after]:
        return False  # `told [“What happens here ...,” Adam Hume]`: a quotation and its speaker
    quoted = reported = False
    for k in range(lo, hi):
        if ctx.tok_in_quote[k]:
            quoted = quoted or ctx.is_word[k]
        elif ctx.strs[k] in (":", ",") and k + 1 < hi and ctx.tok_in_quote[k + 1]:
            return False
        elif ctx.lower[k].endswith("ing") and ctx.strs[k].islower() and ctx.lower[k] in speech_verbs():
            return False  # `said [adding that “...”]`: another cue, whose quotation it is
        elif ctx.is_word[k] and ctx.lower[k] not in _LEAD_IN_WORDS:
            reported = True
    return quoted and reported


def occasion_only(ctx: ArticleContext, lo: int) -> bool:
    """Does content starting at token ``lo`` open with a preposition or a
    possessive ending (`said [in a statement]`, `told BBC Radio 4[’s Today
    programme]`): an occasion or an addressee left before a colon, no
    reported content?"""
    return ctx.lower[lo] in _OCCASION_START


def lead_in_at(ctx: ArticleContext, lo: int, hi: int) -> int | None:
    """The first token of ``[lo, hi)`` (a frame's content) that leads in a
    quotation standing as a sentence of its own: a colon before a quotation,
    or a comma before one opening with a capital and ending with ``.``,
    ``?`` or ``!`` (`Trump asserted [that
    France had lost its identity]: “France is no longer France,”`, `replied
    [to one of Trump's messages] by saying, “Seriously, just stop lying.”`).
    The reported content ends there and the quotation is a direct quote;
    None when there is none (`said the turmoil was not the fault of banks,
    “not by a long shot.”` stays one mixed quote)."""
    for k in range(lo + 1, hi - 1):
        if ctx.tok_in_quote[k] or not ctx.tok_in_quote[k + 1] or ctx.strs[k] not in (":", ","):
            continue
        if ctx.strs[k] == ":" or _sentence_quoted(ctx, k + 1, hi):
            return k
    return None


def _sentence_quoted(ctx: ArticleContext, k: int, hi: int) -> bool:
    """Is the quotation opening at token ``k`` a sentence: its first word
    capitalised and its last token inside the marks ``.``, ``?`` or ``!``
    (`“Perceptions 301,”`, a title, is none)?"""
    end = k
    while end < hi and ctx.tok_in_quote[end]:
        end += 1
    words = [m for m in range(k, end) if ctx.is_word[m]]
    last = max((m for m in range(k, end) if ctx.strs[m] not in _MARKS), default=None)
    return bool(words) and ctx.capitalised[words[0]] and last is not None and ctx.strs[last] in (".", "?", "!")


def quoted_complement_end(ctx: ArticleContext, hi: int, limit: int) -> int | None:
    """The token after a quoted complement introduced by ``as`` at token
    ``hi``, right after a frame's content (`dismissed [the whole kerfuffle]
    as “absurd.”`, `described [Trump] as a “caricature ...” and “stupendously
    un-conservative.”`): the quotation, within five words after ``as`` with
    no punctuation between, and any quotation joined to it by ``and`` or
    ``or``.  The reported content runs to there.  None when token ``hi`` is
    no such ``as`` (``limit``: the sentence's end)."""
    if hi >= limit or ctx.lower[hi] != "as" or ctx.tok_in_quote[hi]:
        return None
    m = hi + 1
    while m < limit and not ctx.tok_in_quote[m]:
        if not ctx.is_word[m] or m - hi > 5:
            return None
        m += 1
    if m >= limit:
        return None
    while True:
        while m < limit and ctx.tok_in_quote[m]:
            m += 1
        if m + 1 < limit and ctx.lower[m] in ("and", "or") and ctx.tok_in_quote[m + 1]:
            m += 1
            continue
        return m
