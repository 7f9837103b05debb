"""Where the reported content of an indirect quote begins and ends, drawn as
attribution corpora (PolNeAR) draw it.

:mod:`analysis.sourcing.indirect` finds the content after a cue and cuts it
before later attributions, ``;`` and ``, according to``; the rules here add
the boundaries of the content itself (word lists: ``content_boundaries.txt``):

* a dash-led aside ends it (``announced [it would cut 30,000 jobs] - a mass
  layoff rivaling ...``): :func:`aside_end`;
* when the cue stands in a fronted subordinate clause, a comma before a
  new clause with its own subject and verb ends it (``While Republicans say
  [the U.S. must lead], they differ ...``): :func:`clause_end`;
* content interrupted by its own attribution begins before it (``[The latest
  test], North Korea said, [was its biggest yet]``; ``[which] they say [left a
  vacuum]``): :func:`interrupted_start`.  The span then holds the speaker and
  cue; :mod:`analysis.evaluation.sourcing` scores it as the two pieces around
  them;
* a noun phrase that a ``that``-clause completes belongs to it (``rejected
  [the notion that ...]``): :func:`complement_start`.

Each rule was kept because it raised exact and overlap agreement with the
PolNeAR development half (figures in ``docs/sourcing.md``); PolNeAR's own
annotators are not consistent at these boundaries, so the rules are the
majority reading, not a guarantee.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from analysis.core.resources import read_sections
from analysis.names import speech_verbs
from analysis.sourcing.context import ArticleContext
from analysis.sourcing.phrases import irregular_past, np_forward
from analysis.sourcing.words import VERBISH

if TYPE_CHECKING:
    from analysis.sourcing.frames import Frame

DASHES = frozenset({"—", "–", "―", "-", "--"})


@functools.cache
def boundary_words() -> dict[str, frozenset[str]]:
    """The sections of ``content_boundaries.txt``: ``aside openers``,
    ``relatives``, ``noun phrase openers``, ``fronted subordinators``."""
    return {k: frozenset(v) for k, v in read_sections("content_boundaries.txt").items()}


def aside_end(ctx: ArticleContext, k: int, b: int) -> int:
    """The end of content tokens ``[k, b)`` before a dash-led aside (``[it
    would slash up to 30,000 jobs] - a mass layoff ...``, ``[only one
    amendment] - after he had to withdraw ...``): a dash outside quotation
    marks, after two words of content or more, followed by an aside opener,
    neither closing an aside opened by an earlier dash nor opening one that a
    later dash closes before more content."""
    openers = boundary_words()["aside openers"]
    dashes = 0  # dashes seen: after an odd number, this one closes an aside (`- not at home - while ...`)
    for m in range(k + 2, b - 1):
        if ctx.strs[m] not in DASHES or ctx.tok_in_quote[m] or ctx.strs[m - 1] == "-":
            continue
        dashes += 1
        if dashes % 2 == 0:
            continue
        nxt = m + 2 if ctx.strs[m + 1] == "-" else m + 1  # "--" is two tokens
        if nxt < b and ctx.lower[nxt] in openers and sum(ctx.is_word[k:m]) >= 2 and not _closed_aside(ctx, nxt, b):
            return m
    return b


def _closed_aside(ctx: ArticleContext, m: int, b: int) -> bool:
    """Is the dash before token ``m`` the first of a pair with content after
    the second (``[the firm – the Swedish firm Ericsson – was dependent]``)?"""
    close = next((t for t in range(m, b) if ctx.strs[t] in DASHES and not ctx.tok_in_quote[t]), None)
    return close is not None and any(ctx.is_word[close + 1 : b])


def interrupted_start(ctx: ArticleContext, f: Frame, frames_in_sentence: list[Frame], lo: int, k: int) -> int:
    """The first token of content that begins before its own attribution:
    ``[The latest test], North Korea said, [was ...]`` (the words from the
    sentence start, or the end of an earlier frame's content, to the comma
    before the speaker, when a comma follows the cue) and ``[which] they say
    [left ...]`` (a relative pronoun right before the speaker, the content
    right after the cue); else ``k``, where the content after the cue begins.
    ``f``: a frame with its speaker before its cue (order ``sv``)."""
    if f.order != "sv" or f.sp_start is None or f.sp_start <= lo or f.sp_start >= f.cue_tok:
        return k
    before = f.sp_start - 1
    if ctx.tok_in_quote[before]:
        return k
    relatives = boundary_words()["relatives"]
    if ctx.lower[before] in relatives and k == f.cue_tok + 1:
        return before
    if ctx.strs[before] != "," or ctx.strs[k - 1] != ",":
        return k
    if ctx.tok_in_quote[k] or ctx.lower[k] in speech_verbs():
        return k  # `Asked ..., Adelson said, “They ...”`: a quotation; `, Nefzi said, adding, "..."`
    a = lo
    for g in frames_in_sentence:
        if g is not f and g.cue_tok < before and g.content is not None:
            a = max(a, ctx.tok_at(g.content.end))
    for m in range(before - 1, a, -1):  # `..., which, Tompkins said, is`; `... - all of whom, she explained,`
        if not ctx.tok_in_quote[m] and (ctx.strs[m] in DASHES or ctx.lower[m] in relatives):
            a = m + 1 if ctx.strs[m] in DASHES else m
            break
    if a >= before or any(ctx.tok_in_quote[a:before]) or not any(ctx.is_word[a:before]):
        return k
    return a


def complement_start(ctx: ArticleContext, f: Frame, frames_in_sentence: list[Frame], lo: int, k: int,
                     that: int | None) -> int:
    """The first token of the content whose words after the cue begin at
    ``k`` (``that``: the complementiser before it, or None): before the
    attribution that interrupts it (:func:`interrupted_start`), or at the
    noun phrase that a ``that``-clause completes (``rejected [the notion
    that the episode ...]``; not an addressee: ``told reporters that``)."""
    first = f.cue_tok + 1 + ("prep" in f.tags)
    if that is not None and "obj" not in f.tags and first < that \
            and ctx.lower[first] in boundary_words()["noun phrase openers"] and not any(ctx.tok_in_quote[first:that]) \
            and not any(ctx.strs[m] in {",", ";", ":"} or ctx.strs[m] in DASHES for m in range(first, that)):
        return first
    return interrupted_start(ctx, f, frames_in_sentence, lo, k)


def clause_end(ctx: ArticleContext, lo: int, f: Frame, k: int, b: int) -> int:
    """The end of content tokens ``[k, b)`` when the cue stands in a fronted
    subordinate clause (``While Republicans say [the United States must play
    a role], they differ ...``): before the comma that opens the main clause,
    a new subject with its own finite verb.  ``lo``: the sentence's first
    token."""
    if not _in_fronted_clause(ctx, lo, f.cue_tok):
        return b
    for m in range(k + 2, b - 2):
        if ctx.strs[m] == "," and not ctx.tok_in_quote[m] and clause_follows(ctx, m + 1, b):
            return m
    return b


def _in_fronted_clause(ctx: ArticleContext, lo: int, cue: int) -> bool:
    """Does the sentence open (after ``But``/``And``) with a subordinator and
    reach the cue with no comma on the way?"""
    a = lo + (ctx.lower[lo] in {"but", "and"})
    return a < cue and ctx.lower[a] in boundary_words()["fronted subordinators"] and not any(ctx.strs[m] == "," for m in range(a, cue))


def clause_follows(ctx: ArticleContext, m: int, b: int) -> bool:
    """Do tokens from ``m`` open a clause: a noun phrase and a finite verb
    (``is``, ``has``, a modal, a lower-case past form) after it, with at most
    one adverb between?"""
    if m >= b or ctx.tok_in_quote[m]:
        return False
    rng = np_forward(ctx, m, b)
    if rng is None or rng.start != m:
        return False
    v = rng.end
    if v < b and ctx.lower[v].endswith("ly") and ctx.strs[v].islower():
        v += 1
    if v >= b or ctx.tok_in_quote[v] or not ctx.strs[v].islower():
        return False
    w = ctx.lower[v]
    return w in VERBISH and w not in {"'s", "’s"} or w.endswith("ed") or w in irregular_past()
