"""Mixed quotes: reported speech that holds a quotation (``Trump tweeted
that [she was “Disgraceful!”]``, ``Beruff called [Florida’s standards
“strong.”]``).  PolNeAR and the quote table draw such an attribution over
the whole reported content, the quoted fragment inside it (a ``partial``
row whose ``parent_quote_id`` is the content's ``indirect`` row), so the
content needs only one reported word of its own beside the quotation, where
content with no quotation needs three."""
from __future__ import annotations

from analysis.sourcing.context import ArticleContext
from analysis.sourcing.words import PREPOSITIONS

# words that only lead in to a quotation: `responded [to “the UK bans
# Huawei”]` is a quotation, not reported speech
_LEAD_IN_WORDS = frozenset(PREPOSITIONS | {"as"})


def holds_quotation(ctx: ArticleContext, lo: int, hi: int) -> bool:
    """Are tokens ``[lo, hi)`` (a frame's content) reported speech holding a
    quotation: some of their words inside quotation marks, at least one word
    outside them that is no preposition, and no colon or comma right before a
    quotation (`responded [on Twitter: “...”]`, `said, [adding, “...”]`: a
    direct quote with its lead-in)?"""
    quoted = reported = False
    for k in range(lo, hi):
        if ctx.tok_in_quote[k]:
            quoted = quoted or ctx.is_word[k]
        elif ctx.strs[k] in (":", ",") and k + 1 < hi and ctx.tok_in_quote[k + 1]:
            return False
        elif ctx.is_word[k] and ctx.lower[k] not in _LEAD_IN_WORDS:
            reported = True
    return quoted and reported
