"""The subject of a participle cue in an absolute ``with`` construction:
``..., with Sen. Mark Warner, D-Va., saying "..." and Sen. Tom Cotton,
R-Ark., saying "..."``.  The name right before the participle (past a short
apposition between commas) is its speaker, not the sentence's subject (``The
United Kingdom's decision ... sent American politicians into an uproar``),
when ``with`` opens it or ``and`` joins it to an earlier such phrase of the
sentence.  A capitalised name only: ``with prices rising`` is no speech; and
no object of a number or an indefinite article after the participle (``with
China adding 178 million new PCs``, ``with Tony Blair hastily adding a sixth
promise``: an act, not speech)."""
from __future__ import annotations

from analysis.sourcing.context import ArticleContext, TokenRange
from analysis.sourcing.phrases import np_backward
from analysis.sourcing.words import DETERMINERS

__all__ = ["absolute_subject"]

_APPOSITION_TOKENS = 6  # `, D-Va.,`, `, the chairman,`: a short one only


def absolute_subject(ctx: ArticleContext, j: int, s_lo: int, c: int) -> TokenRange | None:
    """The name ending at token ``j`` (or before the apposition that
    token ``j``, a comma, closes) when ``with`` stands right before it, or
    ``and`` with a ``with`` earlier in the sentence, for the participle cue
    at token ``c``; else None."""
    if j < s_lo or ctx.tok_in_quote[j] or c + 1 < len(ctx.strs) and (
            ctx.lower[c + 1] in {"a", "an"} or ctx.strs[c + 1][:1].isdigit()):
        return None
    end = j
    if ctx.strs[j] == ",":
        opening = next((k for k in range(j - 1, max(s_lo, j - _APPOSITION_TOKENS) - 1, -1)
                        if ctx.strs[k] == "," and not ctx.tok_in_quote[k]), None)
        if opening is None or not _apposition(ctx, opening + 1, j):
            return None
        end = opening - 1
    rng = np_backward(ctx, end, s_lo)
    if rng is None or not ctx.capitalised[rng.start] or rng.start - 1 < s_lo:
        return None
    before = ctx.lower[rng.start - 1]
    if before == "with" or before == "and" and any(
            ctx.lower[k] == "with" and not ctx.tok_in_quote[k] for k in range(s_lo, rng.start - 1)):
        return rng
    return None


def _apposition(ctx: ArticleContext, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are a short apposition (``D-Va.``, ``the chairman``):
    capitalised words, determiners and title or role nouns only, not a
    clause (``with Mr Harri, the spokesman dodged the question, saying``)."""
    return b > a and all(not ctx.is_word[k] or ctx.capitalised[k] or ctx.lower[k] in DETERMINERS
                         or ctx.lower[k] in ctx.unions["titles_nouns"] for k in range(a, b))
