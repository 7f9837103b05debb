"""Speaker phrases: the noun phrase a cue verb's subject is, read backwards
from the cue (``Chinese Foreign Ministry spokeswoman Hua Chunying said``) or
forwards after it (``said Marc Garneau``), and the subject of a sentence with
an apposition (``Irwin Cotler, a former minister, said``).  No
part-of-speech tagger: capitals, the speaker word lists and function words
decide."""
from __future__ import annotations

from analysis.names import speech_verbs
from analysis.sourcing.context import ArticleContext, TokenRange
from analysis.sourcing.words import DETERMINERS, NAME_JOINERS, NUMBER_WORDS, PRONOUNS, SENT_END, STOP, JOINERS_OF


def _is_noun_like(ctx: ArticleContext, i: int) -> bool:
    """A word token that is neither a stop word nor a cue verb."""
    w = ctx.lower[i]
    return ctx.is_word[i] and w not in STOP and w not in speech_verbs()


def np_backward(ctx: ArticleContext, j: int, lo: int) -> TokenRange | None:
    """Token range [a, j+1) of the noun phrase that ends at token j (inclusive),
    read backwards; None when token j cannot end a speaker phrase."""
    if j < lo or ctx.tok_in_quote[j]:
        return None
    w = ctx.lower[j]
    if not ctx.is_word[j] or w in STOP or w in speech_verbs():
        return None
    cap_head = ctx.capitalised[j]
    if not cap_head and w not in ctx.nouns and not w.endswith(("ers", "ists", "ians")) \
            and not _determiner_close_before(ctx, j, lo) and not _quantity(ctx, j):
        return None  # a lower-case head must be a known speaker noun or have a determiner close before
    a = j
    k = j - 1
    n_taken = 1
    while k >= lo and n_taken < 9 and not ctx.tok_in_quote[k]:
        s = ctx.strs[k]
        lw = ctx.lower[k]
        if s == "." and k - 1 >= lo and ctx.lower[k - 1] in ctx.unions["titles_abbr"]:
            a = k - 1
            k -= 2
            n_taken += 1
            continue
        if s in {"'s", "’s"} or (lw in {"of", "for", "at"} and k + 1 <= j and ctx.capitalised[k + 1]):
            a = k
            k -= 1
            continue
        if s in {"'", "’"} and k - 1 >= lo:
            a = k
            k -= 1
            continue
        if not ctx.is_word[k]:
            break
        if lw in DETERMINERS:
            a = k
            break
        if lw in STOP or lw in speech_verbs():
            break
        if ctx.capitalised[k] or lw in ctx.titles or lw in ctx.nouns or lw in NAME_JOINERS or "-" in s:
            a = k
            k -= 1
            n_taken += 1
            continue
        # lower-case modifiers before a lower-case head (senior administration officials)
        if not cap_head and _is_noun_like(ctx, k):
            a = k
            k -= 1
            n_taken += 1
            continue
        break
    # possessive modifier: "Biden's" ... keep; drop a leading preposition-like joiner
    while a < j and ctx.lower[a] in {"of", "for", "at", "'s", "’s"}:
        a += 1
    return TokenRange(a, j + 1)


def _quantity(ctx: ArticleContext, j: int) -> bool:
    """Is token ``j`` the head of a share of people (``21 percent``, ``one in
    four``, ``three-fourths``): the subjects of poll findings?"""
    w = ctx.lower[j]
    return w in {"percent", "%", "majority", "half", "third", "thirds", "quarter", "quarters", "fourths"} \
        or w.endswith(("-thirds", "-fourths", "-quarters")) \
        or (w.isdigit() or w in NUMBER_WORDS) and j >= 2 and ctx.lower[j - 1] in {"in", "of", "out"}


def _determiner_close_before(ctx: ArticleContext, j: int, lo: int) -> bool:
    """Is there a determiner among the up to 3 noun-like words before token ``j``?"""
    for k in range(j - 1, max(lo, j - 4) - 1, -1):
        if ctx.lower[k] in DETERMINERS:
            return True
        if not _is_noun_like(ctx, k) or ctx.tok_in_quote[k]:
            return False
    return False


def np_forward(ctx: ArticleContext, i: int, hi: int) -> TokenRange | None:
    """Noun phrase starting at token i (``said [Marc Garneau], ...``)."""
    if i >= hi or ctx.tok_in_quote[i]:
        return None
    k = i
    lw = ctx.lower[k]
    if lw in PRONOUNS:
        return TokenRange(k, k + 1)
    if lw in {"of", "for", "at"} or not ctx.is_word[k]:
        return None
    if lw in DETERMINERS:
        k += 1
    b = None
    while k < hi and k - i < 9 and not ctx.tok_in_quote[k]:
        s = ctx.strs[k]
        lw = ctx.lower[k]
        if s == "." and ctx.lower[k - 1] in ctx.titles:
            k += 1
            continue
        if not ctx.is_word[k] and s not in {"'s", "’s"}:
            break
        if lw in STOP and lw not in {"of", "for"}:
            break
        if lw in {"of", "for"} and not (k + 1 < hi and (ctx.capitalised[k + 1] or ctx.lower[k + 1] == "the")):
            break
        if ctx.capitalised[k] or lw in ctx.titles or lw in ctx.nouns or lw in {"of", "for", "the"} \
                or s in {"'s", "’s"} or lw in NAME_JOINERS:
            b = k + 1
            k += 1
            continue
        if _is_noun_like(ctx, k) and not (k + 1 < hi and ctx.lower[k + 1] in speech_verbs()):
            b = k + 1
            k += 1
            continue
        break
    if b is None:
        return None
    while b > i and ctx.lower[b - 1] in {"of", "for", "the", "'s", "’s"}:
        b -= 1
    if b <= i:
        return None
    return TokenRange(i, b)



def apposition_subject(ctx: ArticleContext, j: int, lo: int) -> TokenRange | None:
    """Subject before ``X, <apposition>, said``: the name before the first comma,
    or the name inside the commas when what precedes is a description."""
    first_np = np_forward(ctx, lo, j)
    if first_np is not None and first_np.end < j and ctx.strs[first_np.end] == "," and ctx.capitalised[first_np.end - 1] and not any(
            ctx.strs[t] in SENT_END and not ctx.tok_in_quote[t] for t in range(first_np.end, j)):
        # "Clinton, during a town hall in Columbus, Ohio, said": the sentence's subject
        return first_np
    k = j - 1
    while k >= lo and (ctx.strs[k] != "," or ctx.tok_in_quote[k]) and j - k < 16:
        if ctx.strs[k] in {"!", "?", ";"} and not ctx.tok_in_quote[k]:
            return None
        k -= 1
    if k < lo or ctx.strs[k] != ",":
        return None
    inner = list(range(k + 1, j))
    if not inner:
        return None
    inner_words = [t for t in inner if ctx.is_word[t]]
    first = ctx.lower[inner_words[0]] if inner_words else ""
    before = np_backward(ctx, k - 1, lo)
    inner_caps = [t for t in inner_words if ctx.lower[t] not in DETERMINERS]
    inner_is_name = bool(inner_caps) and all(ctx.capitalised[t] or ctx.lower[t] in JOINERS_OF for t in inner_caps) \
        and not all(ctx.lower[t] in ctx.titles for t in inner_caps)
    if before is not None:
        bwords = [t for t in range(*before) if ctx.is_word[t]]
        before_is_name = bool(bwords) and ctx.capitalised[bwords[-1]] and any(
            ctx.capitalised[t] and ctx.lower[t] not in ctx.titles and ctx.lower[t] not in DETERMINERS for t in bwords)
        if inner_is_name and not before_is_name:
            return TokenRange(inner[0], j)
        if first in {"who", "which", "whose"} or not inner_is_name or before_is_name:
            return before
    if inner_is_name:
        return TokenRange(inner[0], j)
    return None


