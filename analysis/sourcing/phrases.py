"""Speaker phrases: the noun phrase a cue verb's subject is, read backwards
from the cue (``Chinese Foreign Ministry spokeswoman Hua Chunying said``) or
forwards after it (``said Marc Garneau``), and the subject of a sentence with
an apposition (``Irwin Cotler, a former minister, said``).  No
part-of-speech tagger: capitals, the speaker word lists and function words
decide."""
from __future__ import annotations

import functools

from analysis.core.resources import read_word_list
from analysis.names import speech_verbs
from analysis.names.affiliation import role_words
from analysis.actors.lexicon import designators
from analysis.sourcing.context import ArticleContext, TokenRange
from analysis.sourcing.words import page_furniture
from analysis.sourcing.words import (AUX_ADV, DETERMINERS, MONTHS, NAME_JOINERS, NUMBER_WORDS, PREPOSITIONS, PRONOUNS,
                                     SENT_END,
                                     SENTENCE_OPENERS, STOP, JOINERS_OF, TIME_PREPOSITIONS, TIME_WORDS)


def is_furniture(ctx: ArticleContext, i: int) -> bool:
    """Is token ``i`` a photo-credit word written in capitals (``GETTY``,
    ``IMAGES``, ``VIA``) or ``Getty`` itself: page furniture, never part of
    a speaker phrase?"""
    w = ctx.lower[i]
    if w not in page_furniture().get("credit", ()):
        return False
    s = ctx.strs[i]
    return (s.isupper() and len(s) > 1) or w in {"getty", "shutterstock", "alamy"}


@functools.cache
def irregular_past() -> frozenset[str]:
    """Past forms without ``-ed`` (``sent``, ``won``): ``irregular_verb_forms.txt``."""
    return frozenset(read_word_list("irregular_verb_forms.txt"))


def _verb_after_head(ctx: ArticleContext, k: int, hi: int) -> bool:
    """Is lower-case token ``k`` a verb right after a name or a speaker noun,
    so that the noun phrase ends before it: a past form (``-ed``, ``sent``:
    ``a judge chastised``), an ``-ing`` form before its object or the end
    (``Mike Pompeo following the announcement``, not ``RealClearPolitics
    polling average``), or an ``-s`` form before a determiner or ``to``
    (``The U.S. points to``, ``Sullivan forwards an article``)?  A participle after a
    determiner, an adverb or a possessive is a modifier (``the ruling
    party``, ``the newly elected``, ``Huawei's embattled chief``) and is not
    tested here."""
    s = ctx.strs[k]
    w = ctx.lower[k]
    if not s.islower() or w in ctx.nouns or w in ctx.titles or w in STOP or w in JOINERS_OF or w in DETERMINERS:
        return False
    h = k - 1
    if h - 1 >= 0 and (ctx.lower[h] in AUX_ADV or ctx.lower[h].endswith("ly")) and ctx.strs[h].islower():
        h -= 1  # an adverb between the head and its verb (`an official later walked back`)
    prev = ctx.lower[h]
    past = w in irregular_past() or len(s) >= 5 and s.endswith("ed")
    headed = ctx.capitalised[h] and ctx.is_word[h] or prev in ctx.nouns or prev in ctx.titles
    if past and h == k - 1 and ctx.is_word[h] and ctx.strs[h].islower() and "-" not in ctx.strs[h] \
            and prev not in DETERMINERS and prev not in STOP and not prev.endswith(("'s", "’s")):
        headed = True  # a past form after any common noun (`Business groups welcomed`)
    if not headed:
        return False
    nxt = ctx.lower[k + 1] if k + 1 < hi else ""
    if past:
        return True
    if (nxt in DETERMINERS or nxt == "to") and s.endswith("s") and not s.endswith("ss"):
        return True  # a present-tense verb before its object (`points to`, `forwards an`)
    return len(s) >= 5 and s.endswith("ing") and (not nxt or not ctx.is_word[k + 1] or nxt in STOP or nxt in DETERMINERS)


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
        if lw == "and" and cap_head:
            first = _left_conjunct(ctx, k, a, j, lo)
            if first is not None:
                a = first  # `Burton and Nick said`
            break
        if lw == "no" and ctx.strs[k] == "No" and ctx.strs[k + 1].isdigit():
            a = k  # `No 10` (Number 10)
            k -= 1
            continue
        if is_furniture(ctx, k) or lw in STOP or lw in speech_verbs():
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


def _left_conjunct(ctx: ArticleContext, k: int, a: int, j: int, lo: int) -> int | None:
    """Where the first of two coordinated names starts when ``and`` at token
    ``k`` joins a name to the name ``[a, j]`` (``Burton and Nick said``,
    ``Britain and France said``): the first name must open the clause (the
    sentence start, punctuation or a sentence opener such as ``But`` before
    it), not end a prepositional phrase (``talks between X and Y``).  None
    otherwise."""
    if not _conjunct(ctx, a, j + 1):
        return None
    st = k
    while st - 1 >= lo and k - st < 4 and not ctx.tok_in_quote[st - 1] \
            and (ctx.is_word[st - 1] and (ctx.capitalised[st - 1] or ctx.lower[st - 1] in NAME_JOINERS)
                 or ctx.strs[st - 1] == "&" and st - 2 >= lo and ctx.capitalised[st - 2]) \
            and ctx.lower[st - 1] not in STOP and ctx.lower[st - 1] not in SENTENCE_OPENERS \
            and ctx.lower[st - 1] not in DETERMINERS:
        st -= 1
    if st == k or not _two_speakers(ctx, st, k, j + 1):
        return None
    if st > lo and (ctx.strs[st - 1] == "," or ctx.is_word[st - 1] and ctx.lower[st - 1] not in SENTENCE_OPENERS):
        return None  # a list (`Culture, Media and Sport`) or a prepositional phrase (`between X and Y`)
    return st


def coordination(ctx: ArticleContext, a: int, b: int) -> int | None:
    """The ``and`` token of a speaker phrase ``[a, b)`` that joins two names
    (``Burton and Nick``): the speakers are a group of two; None otherwise."""
    for k in range(a + 1, b - 1):
        if ctx.lower[k] == "and" and _two_speakers(ctx, a, k, b):
            return k
    return None


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


def np_forward(ctx: ArticleContext, i: int, hi: int) -> TokenRange | None:  # one loop over the phrase's tokens
    """Noun phrase starting at token i (``said [Marc Garneau], ...``).  It
    ends before a verb form after its head (``[Mike Pompeo] following the
    announcement``), starts again after photo-credit furniture (``GETTY
    IMAGES [The U.K.]``) and takes a second name joined by ``and``
    (``reply [Burton and Nick]``)."""
    if i >= hi or ctx.tok_in_quote[i]:
        return None
    k = i
    lw = ctx.lower[k]
    if lw in PRONOUNS:
        return TokenRange(k, k + 1)
    if lw in {"of", "for", "at"} or not ctx.is_word[k]:
        return None
    comma = _time_opener_comma(ctx, i, hi)
    if comma is not None:
        return np_forward(ctx, comma + 1, hi)  # `Hours later, [Trump] returned ...`
    if lw in DETERMINERS:
        k += 1
    b = None
    while k < hi and k - i < 9 and not ctx.tok_in_quote[k]:
        s = ctx.strs[k]
        lw = ctx.lower[k]
        if s == "." and ctx.lower[k - 1] in ctx.titles:
            k += 1
            continue
        if ctx.is_word[k] and is_furniture(ctx, k):
            # page furniture before the phrase: start again after it
            i, b = k + 1, None
            k += 2 if k + 1 < hi and ctx.lower[k + 1] in DETERMINERS and not is_furniture(ctx, k + 1) else 1
            continue
        if not ctx.is_word[k] and s not in {"'s", "’s"}:
            break
        if lw == "and" and b == k and _coordinated_name(ctx, i, k, hi):
            b = _coordinated_name(ctx, i, k, hi)
            break
        if lw in STOP and lw not in {"of", "for"}:
            break
        if lw in {"of", "for"} and not (k + 1 < hi and (ctx.capitalised[k + 1] or ctx.lower[k + 1] == "the")):
            break
        if lw == "the" and b is not None and ctx.lower[k - 1] not in {"of", "for"} \
                and (ctx.capitalised[k - 1] or ctx.lower[k - 1] in ctx.nouns):
            break  # after a name or a noun, `the` opens another phrase (`Microsoft the messages`)
        if b is not None and _verb_after_head(ctx, k, hi):
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
    while b > i and (ctx.lower[b - 1] in {"of", "for", "the", "'s", "’s"}
                     or b < hi and (ctx.strs[b - 1] in AUX_ADV or ctx.strs[b - 1].endswith("ly")) and _verb_after_head(ctx, b, hi)):
        b -= 1  # an adverb before the verb that ended the phrase (`an official later walked`)
    if b <= i:
        return None
    return TokenRange(i, b)


_TIME_NOUNS = frozenset({"hour", "hours", "minute", "minutes", "moment", "moments", "weekend", "shortly", "soon",
                         "afterward", "afterwards", "meanwhile", "then", "next", "following", "decades", "decade"})


def _time_opener_comma(ctx: ArticleContext, i: int, hi: int) -> int | None:
    """The comma closing a time adverbial that opens at token ``i`` (``Hours
    later,``, ``Later on Sunday,``, ``Last year,``, ``Two days ago,``): at
    most six tokens of time words (weekdays, months, numbers, ``later``,
    ``ago``) and prepositions, one of them not a preposition; None when the
    phrase at ``i`` is no such adverbial or opens no sentence.  It is never a
    speaker."""
    if i != ctx.sent_bounds[ctx.tok_sentence[i]] and ctx.strs[i - 1] not in {"—", "–", "--", "-"}:
        return None  # only where a sentence (or a dateline's sentence) opens
    timed = False
    for k in range(i, min(hi, i + 7)):
        w = ctx.lower[k]
        if ctx.strs[k] == ",":
            return k if timed and k > i else None
        if ctx.tok_in_quote[k] or not ctx.is_word[k]:
            return None
        if w in TIME_PREPOSITIONS or w in {"a", "an", "the", "this", "that", "last", "early", "late"}:
            continue
        if w in _TIME_NOUNS or w in MONTHS or w.isdigit() or w in TIME_WORDS and w not in DETERMINERS \
                and w not in STOP and w not in {"statement", "interview", "told", "reporters", "news", "press"}:
            timed = True
            continue
        return None
    return None


def _is_name(ctx: ArticleContext, a: int, b: int) -> bool:
    """Are tokens ``[a, b)`` a name: capitalised words (name particles and
    ``of`` between), none of them a title or a speaker noun alone?"""
    words = [t for t in range(a, b) if ctx.is_word[t]]
    caps = [t for t in words if ctx.capitalised[t]]
    return bool(caps) and all(ctx.capitalised[t] or ctx.lower[t] in JOINERS_OF for t in words) \
        and not all(ctx.lower[t] in ctx.titles or ctx.lower[t] in ctx.nouns for t in caps)


def _conjunct(ctx: ArticleContext, a: int, b: int) -> bool:
    """Can tokens ``[a, b)`` be one of two coordinated speakers: a name that
    does not end in a title or a speaker noun (``British Labour MP and
    Shadow Spokesperson X`` is one person's two roles)?"""
    last = ctx.lower[b - 1] if b > a else ""
    return _is_name(ctx, a, b) and last not in ctx.titles and last not in ctx.nouns and last not in role_words()


@functools.cache
def _designators() -> frozenset[str]:
    """Corporate designators (``Co``, ``plc``), lower case without the full
    stop: the actor lexicon's :func:`~analysis.actors.lexicon.designators`."""
    return frozenset(w.lower().rstrip(".") for w in designators())


def _two_speakers(ctx: ArticleContext, a: int, k: int, e: int) -> bool:
    """Are ``[a, k)`` and ``[k+1, e)``, joined by ``and`` at ``k``, two
    speakers rather than one name with ``and`` inside: not a possessive over
    both (``Ernst and Young's analyst``), not a portfolio before a title
    (``Trade and Industry Secretary X``), not a company ending in a
    designator (``Iron and Steel Co``)?"""
    if not (_conjunct(ctx, a, k) and _conjunct(ctx, k + 1, e)):
        return False
    right = range(k + 1, e)
    if any(ctx.strs[t] in {"'s", "’s"} or ctx.strs[t].endswith(("'s", "’s")) and t < e - 1 for t in right) \
            or ctx.lower[e - 1].rstrip(".") in _designators():
        return False
    roles = ctx.titles | role_words()
    portfolio = ctx.lower[k + 1] not in roles and any(ctx.lower[t] in roles for t in right[1:])
    return not (portfolio and k - a == 1 and ctx.lower[a] not in roles)


def _coordinated_name(ctx: ArticleContext, a: int, k: int, hi: int) -> int | None:
    """Where the second conjunct ends when a name ``[a, k)`` is joined by
    ``and`` at token ``k`` to another name (``Burton and Nick``, ``Britain
    and France``); None otherwise."""
    if k + 1 >= hi or not ctx.capitalised[k + 1] or ctx.lower[k + 1] in DETERMINERS or not _conjunct(ctx, a, k):
        return None
    e = k + 1
    while e < hi and e - k <= 4 and ctx.is_word[e] and (ctx.capitalised[e] or ctx.lower[e] in NAME_JOINERS) \
            and not ctx.tok_in_quote[e]:
        e += 1
    return e if _two_speakers(ctx, a, k, e) and ctx.lower[e - 1] not in speech_verbs() else None



def apposition_subject(ctx: ArticleContext, j: int, lo: int) -> TokenRange | None:
    """Subject before ``X, <apposition>, said``: the name before the first comma,
    or the name inside the commas when what precedes is a description."""
    first_np = np_forward(ctx, lo, j)
    if first_np is not None and first_np.end < j and ctx.strs[first_np.end] == "," and ctx.capitalised[first_np.end - 1] and not any(
            ctx.strs[t] in SENT_END and not ctx.tok_in_quote[t] and ctx.strs[t + 1] != "," for t in range(first_np.end, j)):
        # (a full stop before a comma ends an abbreviation, not a sentence: `Acme Holdings, Inc., said`)
        # "Clinton, during a town hall in Columbus, Ohio, said": the sentence's subject
        named = TokenRange(first_np.end + 1, j)  # "Argentina's President, Nestor Kirchner, said": the name
        if ctx.strs[j] == "," and _names_only(ctx, named) and _described_role(ctx, first_np, lo):
            return named
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
    inner_is_name = _names_only(ctx, TokenRange(inner[0], j))
    if before is not None:
        bwords = [t for t in range(*before) if ctx.is_word[t]]
        before_is_name = bool(bwords) and ctx.capitalised[bwords[-1]] and any(
            ctx.capitalised[t] and ctx.lower[t] not in ctx.titles and ctx.lower[t] not in DETERMINERS for t in bwords) \
            and not _described_role(ctx, before, lo)
        if inner_is_name and not before_is_name:
            return TokenRange(inner[0], j)
        if first in {"who", "which", "whose"} or not inner_is_name or before_is_name:
            return before
    if inner_is_name:
        return TokenRange(inner[0], j)
    return None


def _names_only(ctx: ArticleContext, rng: TokenRange) -> bool:
    """Are the words of ``rng`` (past determiners) a name: capitalised or
    joiners, and not titles alone?"""
    caps = [t for t in range(*rng) if ctx.is_word[t] and ctx.lower[t] not in DETERMINERS]
    return bool(caps) and all(ctx.capitalised[t] or ctx.lower[t] in JOINERS_OF for t in caps) \
        and not all(ctx.lower[t] in ctx.titles for t in caps)


def _described_role(ctx: ArticleContext, before: TokenRange, lo: int) -> bool:
    """Is the phrase before ``, <name>, said`` a described role rather than a
    name: it ends in a title or role word (``Argentina's President``), holds
    one followed by a preposition (``The head of the Bank of England``) or
    is the object of such a preposition (``China's ambassador to the
    U.K.``)?  The name in apposition is then the speaker."""
    roles = role_words()
    last = ctx.lower[before.end - 1].rstrip(".")
    if last in ctx.titles or last in roles:
        return True
    return any(ctx.lower[k] in PREPOSITIONS and ctx.lower[k - 1].rstrip(".") in roles
               for k in range(max(before.start - 1, lo + 1), before.end))


def past_dateline(ctx: ArticleContext, lo: int, hi: int) -> int:
    """Token ``lo``, or the token after a dateline that opens the sentence
    there: words in capitals and a dash (``WASHINGTON —``, ``NEW YORK --``)."""
    k = lo
    while k < hi and k - lo < 4 and ctx.is_word[k] and ctx.strs[k].isupper() and len(ctx.strs[k]) > 1:
        k += 1
    while k < hi and k > lo and ctx.strs[k] in {"—", "–", "-", "--"}:
        k += 1
    return k if k > lo and ctx.strs[k - 1] in {"—", "–", "-", "--"} else lo
