"""Attribution frames: a cue verb (``said``, ``told``; the reviewed list
in :func:`analysis.names.speech_verbs`), ``according to`` or a ``Name:``
paragraph opener outside the quotation marks, with the token range of its
speaker phrase (before the cue, after it, or the sentence's subject for a
participle).  Who the speaker is gets filled in later by
:mod:`analysis.sourcing.resolve`."""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from analysis.names import speech_verbs
from analysis.sourcing.absolute_with import absolute_subject
from analysis.sourcing.context import ArticleContext, CharSpan, TokenRange
from analysis.sourcing.phrases import apposition_subject, np_backward, np_forward, past_dateline
from analysis.sourcing.words import (AUX_ADV, DETERMINERS, NEGATORS, PARTICIPLE_AFTER, PRONOUNS, SENTENCE_OPENERS, STOP,
                                     STOP_OR_ADVERBIAL, VERBISH, BE_FORMS, COMPOUND_HEADS, cue_words, page_labels,
                                     TIME_WORDS, headline_nouns, nominal_cues, source_documents,
                                     POSSESSIVE_SUBJECT, PREPOSITIONS)


@dataclass(slots=True)
class Frame:
    """A cue and its speaker: found here, resolved by :mod:`analysis.sourcing.resolve`."""
    cue_tok: int
    cue: str
    lemma: str
    tags: frozenset
    sp_start: int | None = None  # speaker token range [sp_start, sp_end)
    sp_end: int | None = None
    order: str = "sv"  # sv, vs, according, participle, relative, colon
    pronoun: str | None = None
    content: CharSpan | None = None  # the indirect content (set by indirect_content)
    sentence: int = 0
    paragraph: int = 0
    # resolved
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    name: str | None = None
    entity: dict | None = None
    attribution: str = "explicit"
    negated: bool = False



def find_frames(ctx: ArticleContext) -> list[Frame]:
    """Every attribution frame of the article (cue verbs and ``according to``
    outside quotation marks, and ``Name:`` paragraph openers), in text order."""
    frames: list[Frame] = []
    # only cue words and "according" can start a frame
    for c in itertools.compress(range(len(ctx.strs)), map(cue_words().__contains__, ctx.lower)):
        f = cue_frame(ctx, c, frames)
        if f is not None:
            frames.append(f)
    frames.extend(_nominal_frames(ctx, {f.cue_tok for f in frames}))
    frames.extend(_colon_frames(ctx))
    frames.extend(_poll_frames(ctx, {f.sentence for f in frames}))
    frames.sort(key=lambda f: f.cue_tok)
    return frames


# the tags of a nominal cue: its content may be one noun phrase, like a stance's
NOMINAL_TAGS = frozenset({"stance", "nominal"})
# possessive determiners and the subject pronoun each stands for


def _nominal_frames(ctx: ArticleContext, taken: set[int]) -> list[Frame]:
    """Nominal cues (``nominal_cues.txt``): a listed noun after a possessive,
    before one of its openers (``North Korea's claims about ...``, ``her
    decision to ...``); the possessor is the source.  ``taken``: tokens that
    are cues of other frames already."""
    cues = nominal_cues()
    out = []
    for p in itertools.compress(range(len(ctx.strs)), map(cues.__contains__, ctx.lower)):
        if p in taken or ctx.tok_in_quote[p] or not ctx.strs[p].islower():
            continue
        si = ctx.tok_sentence[p]
        s_lo, s_hi = ctx.sentence_range(si)
        if p + 2 >= s_hi or ctx.lower[p + 1] not in cues[ctx.lower[p]] or ctx.tok_in_quote[p + 1]:
            continue
        src = _possessor(ctx, p, s_lo)
        if src is None:
            continue
        f = Frame(p, ctx.strs[p], ctx.lower[p], NOMINAL_TAGS, sp_start=src.start, sp_end=src.end, order="nominal",
                  sentence=si)
        f.pronoun = POSSESSIVE_SUBJECT.get(ctx.lower[src.start]) if src.end - src.start == 1 else None
        out.append(f)
    return out


def _possessor(ctx: ArticleContext, p: int, s_lo: int) -> TokenRange | None:
    """The possessor before the noun at token ``p``, past at most two
    lower-case modifiers (``Mr. Obama's original pledge``, ``the Supreme
    Court's 2015 decision``): the phrase before ``'s`` or a possessive
    determiner (``his``, ``her``, ``their``, ``its``); else None."""
    k = p - 1
    while k > p - 3 and k > s_lo and (ctx.strs[k].islower() or ctx.strs[k].isdigit()) and ctx.is_word[k] \
            and ctx.lower[k] not in STOP and ctx.lower[k] not in DETERMINERS and not ctx.tok_in_quote[k] \
            and not ctx.lower[k].endswith(("'s", "’s")):
        k -= 1
    if k < s_lo or ctx.tok_in_quote[k]:
        return None
    if ctx.lower[k] in POSSESSIVE_SUBJECT:
        return TokenRange(k, k + 1)
    if ctx.strs[k] in {"'s", "’s"} and k - 1 >= s_lo:
        k -= 1  # "'s" as a token of its own
    elif not (ctx.strs[k].endswith(("'s", "’s")) and len(ctx.strs[k]) > 2):
        return None
    rng = np_backward(ctx, k, s_lo)
    if rng is not None and ctx.lower[rng.start] not in PRONOUNS and speaker_head(ctx, rng.end - 1):
        return rng
    return None


def _poll_frames(ctx: ArticleContext, taken: set[int]) -> list[Frame]:
    """``in`` a poll or survey as the source of its sentence, opening it
    with a comma (``In the CBS poll, Trump's lead ...``) or ending it (``Mr.
    Trump is ahead in the latest polls.``), read like ``according to``; only
    in a sentence with no other attribution (``taken``: sentences that have
    one)."""
    out = []
    for p in itertools.compress(range(len(ctx.strs)), map(POLL_NOUNS.__contains__, ctx.lower)):
        si = ctx.tok_sentence[p]
        if si in taken or ctx.tok_in_quote[p]:
            continue
        s_lo, s_hi = ctx.sentence_range(si)
        c = next((t for t in range(p - 1, max(s_lo, p - 6) - 1, -1) if ctx.lower[t] == "in"), None)
        if c is None or any(ctx.tok_in_quote[c:p]) or any(not ctx.is_word[t] for t in range(c, p)):
            continue
        rng = np_forward(ctx, c + 1, s_hi)
        if rng is None or not rng.start < p < rng.end:
            continue
        opens = c == s_lo and rng.end < s_hi and ctx.strs[rng.end] == ","  # "In the CBS poll, ..."
        if not opens and not all(not ctx.is_word[t] for t in range(rng.end, s_hi)):  # "... in the polls."
            continue
        out.append(Frame(c, ctx.strs[c], "in", frozenset(), sp_start=rng.start, sp_end=rng.end, order="according",
                         sentence=si))
        taken.add(si)
    return out


def cue_frame(ctx: ArticleContext, c: int, frames: list[Frame], verbs: dict | None = None) -> Frame | None:
    """The frame of the cue word at token ``c`` with its speaker phrase, or
    None when it is no finite cue or has no subject; ``frames`` are the cue
    frames found before it (a coordinated cue takes the previous subject);
    ``verbs``: cue form -> (lemma, tags), :func:`speech_verbs` when None."""
    verbs = verbs or speech_verbs()
    lw = ctx.lower[c]
    if ctx.tok_in_quote[c]:
        return None
    according = lw == "according" and c + 1 < len(ctx.strs) and ctx.lower[c + 1] == "to"
    if lw not in verbs and not according:
        return None
    si = ctx.tok_sentence[c]
    if not according and ctx.strs[c] != lw and not headline_cue(ctx, c, si):
        return None  # "States", "Post": capitalised forms are names, not cues
    s_lo, s_hi = ctx.sentence_range(si)
    if according:
        return _according_frame(ctx, c, si, s_hi)
    lemma, tags = verbs[lw]
    tags = _cue_tags(ctx, c, s_hi, lemma, tags)
    if tags is None:
        return None
    prev = ctx.lower[c - 1] if c > s_lo else ""
    bare = lw == lemma or lw == lemma + "s" or lw == lemma + "es"
    if prev in DETERMINERS and bare and prev != "to":
        return None  # "the claim": not a finite cue
    f = Frame(c, ctx.strs[c], lemma, tags, sentence=si)
    # negation right before (did not say, declined to comment)
    f.negated = any(w in NEGATORS for w in ctx.lower[max(s_lo, c - 3) : c])
    j = _skip_to_subject(ctx, f, c, s_lo)
    by = _passive_by(ctx, f, j, s_hi)
    if by is not None:
        return _passive_frame(ctx, f, by, s_hi)
    if "stance" in tags and not _stance_cue(ctx, f, c, j, s_hi):
        return None
    if lw.endswith("ing") and lemma not in {"bring"} and not _progressive(ctx, j, c):
        return _participle_frame(ctx, f, j, s_lo)
    if prev == "to":
        return _infinitive_frame(ctx, f, c, s_lo)  # "continued to say ...", else not a finite cue
    if j >= s_lo and ctx.lower[j] in {"and", "but"} and frames and frames[-1].sentence == si and frames[-1].sp_start is not None:
        # "Hua reiterated that ... and said ...": the same subject
        g = frames[-1]
        f.sp_start, f.sp_end, f.pronoun, f.order = g.sp_start, g.sp_end, g.pronoun, g.order
        return f
    if j > s_lo and ctx.lower[j] in {"and", "but"} and not (frames and frames[-1].sentence == si):
        return _coordinated_frame(ctx, f, j, s_lo)  # "CITIC runs an oil field ... and says ..."
    if j - 1 >= s_lo and ctx.lower[j] == "who" and ctx.strs[j - 1] == ",":
        f.order = "relative"
        rng = _relative_antecedent(ctx, j, s_lo)
        if rng is None or ctx.lower[rng.start] in PRONOUNS:
            return None
    else:
        rng = _subject_before(ctx, f, j, s_lo) or document_subject(ctx, j, s_lo)
        # verb before subject: `,” said Garneau` / `, said the ministry`
        if rng is None and (j >= s_lo and (ctx.strs[j] in {",", "—", "–", ":"} or ctx.tok_in_quote[j]) or j < s_lo):
            rng = _subject_after(ctx, f, c, s_hi)
        if rng is None and "stance" not in tags:
            rng = _clause_subject(ctx, c, j, s_lo, s_hi) or _fronted_subject(ctx, c, j, s_lo, s_hi)
        if rng is None:
            return None
    if "stance" in tags and (f.order == "vs" or not _stance_subject(ctx, f, rng)):
        return None
    f.sp_start, f.sp_end = rng
    return f


def headline_cue(ctx: ArticleContext, c: int, si: int) -> bool:
    """Is the capitalised cue at token ``c`` a verb of a headline in title
    case (``Trump 'The Dealmaker' Could Address Clean Energy, Lindsey Graham
    Says``, ``Pence Endorses Paul Ryan``)?  Not the sentence's first word,
    written ``Xxx``, not a form that headlines use as a noun (``Reports``,
    ``States``), and every word of four or more letters outside quotation
    marks in its sentence is capitalised (five such words at least)."""
    s_lo, s_hi = ctx.sentence_range(si)
    w = ctx.strs[c]
    if c == s_lo or not w[1:].islower() or ctx.lower[c] in headline_nouns():
        return False
    long_words = [t for t in range(s_lo, s_hi) if ctx.is_word[t] and not ctx.tok_in_quote[t] and len(ctx.strs[t]) >= 4
                  and ctx.strs[t][0].isalpha()]
    return len(long_words) >= 5 and all(ctx.capitalised[t] for t in long_words)


# "call for" / "call on": a stance cue whose content follows the preposition
CALL_FOR_TAGS = frozenset({"stance", "prep"})
# the documents whose findings "in" introduces as a source ("in the latest poll, ...")
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys"})
# the particles a cue tagged "particle" must have after it (its tags name which)
PARTICLES = frozenset({"out", "to", "about", "against"})


def _cue_tags(ctx: ArticleContext, c: int, s_hi: int, lemma: str, tags: frozenset) -> frozenset | None:
    """The tags of the cue at token ``c`` in its context: ``call for`` / ``call
    on`` is a stance cue whose content follows the preposition; a phrasal
    cue (tag ``particle``) is one only before its particle (None: no cue)."""
    nxt = ctx.lower[c + 1] if c + 1 < s_hi else ""
    if lemma == "call" and nxt in {"for", "on"}:
        return CALL_FOR_TAGS  # "called for [an investigation]", "called on [Congress to act]"
    if "particle" in tags:  # "pointed out that ...", "talked about [her plans]"
        return tags | {"prep"} if nxt in tags & PARTICLES else None
    return tags


def _stance_cue(ctx: ArticleContext, f: Frame, c: int, j: int, s_hi: int) -> bool:
    """Is the stance cue at token ``c`` (subject search ended at token ``j``)
    active and finite: not passive (``was supported by``, ``a sentiment
    endorsed by``), not the first word of a compound noun (``think tank``),
    and followed by ``to`` when its tags ask for it (``plans to``)?"""
    nxt = ctx.lower[c + 1] if c + 1 < s_hi else ""
    if "by" in ctx.lower[c + 1 : min(c + 3, s_hi)] or "to" in f.tags and "particle" not in f.tags and nxt != "to" or nxt in COMPOUND_HEADS:
        return False
    return ctx.lower[c].endswith("ing") or not any(ctx.lower[t] in BE_FORMS for t in range(j + 1, c))


def _progressive(ctx: ArticleContext, j: int, c: int) -> bool:
    """Is the -ing cue at token ``c`` a finite progressive after a form of
    "be" among the auxiliaries before it (``is calling for``, ``are
    saying``)?  ``j``: where the subject search stopped."""
    return any(ctx.lower[t] in BE_FORMS for t in range(j + 1, c))


def _stance_subject(ctx: ArticleContext, f: Frame, rng: TokenRange) -> bool:
    """Can ``rng`` be the subject of a stance cue?  Not a possessive (``the
    president's plans``), and for a cue form that is also a noun (``tax
    plans``, ``a huge demand``) not a lower-case phrase headed by a word that
    is no speaker noun."""
    head = rng.end - 1
    if ctx.strs[head] in {"'s", "’s", "'", "’"}:
        return False
    w = ctx.lower[head]
    if w in source_documents():
        return True  # "public records show", "the analysis found"
    if w.endswith(("ers", "ists", "ians")) or f.cue == f.lemma and w.endswith("s"):
        return True  # "voters want", "Democrats want": a plural subject
    if (f.cue.endswith("s") or f.cue == f.lemma) and not ctx.capitalised[head] and ctx.lower[head] not in PRONOUNS \
            and ctx.lower[head] not in ctx.nouns and ctx.lower[head] not in ctx.titles:
        return False
    return True


def speaker_head(ctx: ArticleContext, h: int) -> bool:
    """Can token ``h`` head a speaker phrase on its own (a possessive
    ``'s`` aside): a capitalised word, a speaker noun or title, or a plural
    of people (``voters``, ``activists``)?"""
    w = ctx.lower[h].removesuffix("'s").removesuffix("’s")
    return bool(ctx.capitalised[h]) or w in ctx.nouns or w in ctx.titles or w.endswith(("ers", "ists", "ians"))


def _coordinated_frame(ctx: ArticleContext, f: Frame, j: int, s_lo: int) -> Frame | None:
    """A cue coordinated with another verb of its sentence (``and`` / ``but``
    at token ``j``): its subject is the sentence's subject when that is a name
    or a pronoun (``He's comparing ... and says ...``)."""
    start = s_lo
    if ctx.lower[s_lo] in STOP_OR_ADVERBIAL:
        for t in range(s_lo, min(j, s_lo + 8)):
            if ctx.strs[t] == ",":  # "In a statement, the ministry ..."
                start = t + 1
                break
    rng = np_forward(ctx, start, j)
    if rng is None or ctx.tok_in_quote[start]:
        return None
    end = rng.end
    while end > rng.start and not (ctx.capitalised[end - 1] and ctx.lower[end - 1] not in DETERMINERS
                                   or ctx.lower[end - 1] in PRONOUNS):
        end -= 1  # "CITIC runs an oil field": the name, not the verb after it; not "The" of "The pair"
    if end == rng.start or any(ctx.strs[t] in {";", ":"} for t in range(end, j)):
        return None
    f.sp_start, f.sp_end = rng.start, end
    if end - rng.start == 1 and ctx.lower[rng.start] in PRONOUNS:
        f.pronoun = ctx.lower[rng.start]
    return f


def _according_frame(ctx: ArticleContext, c: int, si: int, s_hi: int) -> Frame | None:
    """``according to X``: X is the speaker."""
    f = Frame(c, "according to", "according to", frozenset(), order="according", sentence=si)
    rng = np_forward(ctx, c + 2, s_hi)
    if rng is None:
        return None
    f.sp_start, f.sp_end = rng
    return f


def _skip_to_subject(ctx: ArticleContext, f: Frame, c: int, s_lo: int) -> int:
    """The token where the subject before cue ``c`` ends, past auxiliaries and
    adverbs (``has also said``); a ``n't`` on the way negates the frame."""
    j = c - 1
    while j >= s_lo and (ctx.lower[j] in AUX_ADV or (ctx.lower[j].endswith("ly") and ctx.strs[j].islower())
                         or ctx.lower[j].endswith(("n't", "n’t"))):
        if ctx.tok_in_quote[j]:
            break
        if ctx.lower[j].endswith(("n't", "n’t")):
            f.negated = True
        j -= 1
    return j


def _participle_frame(ctx: ArticleContext, f: Frame, j: int, s_lo: int) -> Frame | None:
    """A participle cue: ``, saying ...`` and ``a statement saying ...`` take
    the subject of the sentence (none found: the frame has no speaker phrase);
    other participles are no cue."""
    c = f.cue_tok
    if (rng := absolute_subject(ctx, j, s_lo, c)) is not None:  # "with Sen. Mark Warner, D-Va., saying"
        f.sp_start, f.sp_end = rng  # order sv: its own subject, not the sentence's
        return f
    doc = document_subject(ctx, j, s_lo)
    if doc is not None:  # "polls showing [her with a comfortable lead]": the document is the source
        f.order = "participle"
        f.sp_start, f.sp_end = doc
        return f
    if "stance" in f.tags and j >= s_lo and ctx.is_word[j] and ctx.lower[j] not in PARTICIPLE_AFTER:
        rng = np_backward(ctx, j, s_lo)  # "a super PAC supporting [Mr. Rubio]": the phrase it modifies
        if rng is None or ctx.lower[rng.start] in PRONOUNS or not speaker_head(ctx, rng.end - 1):
            return None  # "a strong showing", "financial backing": a noun, not a participle
        f.order = "participle"
        f.sp_start, f.sp_end = rng
        return f
    if not (j >= s_lo and ctx.strs[j] in {",", "—", "–"} or j < s_lo or ctx.lower[j] in PARTICIPLE_AFTER):
        return None
    f.order = "participle"
    s_lo = past_dateline(ctx, s_lo, c)  # "WASHINGTON — Sen. Anna Berg (I-Vt.) defended ..., saying ..."
    start = s_lo
    first = np_forward(ctx, s_lo, c)
    if first is not None and first.end - first.start == 1 and first.end < c and (
            ctx.strs[first.end] == "," or ctx.lower[first.start].endswith(("ing", "ed"))):
        # "Meanwhile, it attacked ...", "Continuing to explain ..., Carson ..."
        start = first.end + 1
        for t in range(first.end, c):
            if ctx.strs[t] == ",":
                start = t + 1
                break
    elif first is None and ctx.lower[s_lo] in STOP_OR_ADVERBIAL:
        for t in range(s_lo, c):  # "In a statement, the ministry ..."
            if ctx.strs[t] == ",":
                start = t + 1
                break
    rng = np_forward(ctx, start, c)
    if rng is not None and rng.end - rng.start <= 8:
        f.sp_start, f.sp_end = rng
    return f



def document_subject(ctx: ArticleContext, j: int, s_lo: int) -> TokenRange | None:
    """The phrase ending at token ``j`` when it is headed by a noun of
    documents and records (``Federal Election Commission records``, ``leaked
    emails``, ``exit polling``): its modifiers back to a determiner (taken),
    a comma, a function word or the sentence start, eight words at most;
    None after a preposition (the phrase is its object) or a cue (it opens
    that cue's content)."""
    if j < s_lo or ctx.tok_in_quote[j] or ctx.lower[j] not in source_documents():
        return None
    a = j
    while a > s_lo and j - a < 7:
        k = a - 1
        w = ctx.lower[k]
        if ctx.tok_in_quote[k] or not ctx.is_word[k] and ctx.strs[k] not in {"'s", "’s"} or w in STOP \
                or w in speech_verbs() or w in PRONOUNS:
            break
        a = k
        if w in DETERMINERS:
            break
    if a > s_lo and (ctx.lower[a - 1] in PREPOSITIONS or ctx.lower[a - 1] in speech_verbs()) and not ctx.tok_in_quote[a - 1]:
        return None  # "privy to polling data said", "said surveys showed": a preposition's object, a cue's content
    return TokenRange(a, j + 1)


# cues whose passive names no content in its subject ("was told by", "was
# asked by", "was called by": the subject is the addressee or the act's object;
# "was supported by", "a bill opposed by": a stance's object is no speech)
_NO_PASSIVE_TAGS = frozenset({"obj", "quoteonly", "nocontent", "particle", "stance"})


def _passive_by(ctx: ArticleContext, f: Frame, j: int, s_hi: int) -> int | None:
    """The token of ``by`` when the cue of ``f`` is a passive participle
    with its agent (``was criticized by``, ``was supported Friday by``,
    ``has been confirmed by``): a form in -ed after a form of "be" among the
    words skipped before it (``j``: where the subject search stopped) or
    right after a noun phrase with a determiner (``a view echoed by``), with
    ``by`` next or after one time word or adverb; else None."""
    c = f.cue_tok
    if not f.cue.endswith("ed") or f.tags & _NO_PASSIVE_TAGS or f.lemma == "ask" or f.negated:
        return None
    if not any(ctx.lower[t] in BE_FORMS for t in range(j + 1, c)):
        rng = passive_subject(ctx, c)  # "a view echoed by", "an allegation rejected by": a participle after its noun
        if rng is None or rng.end != j + 1 or ctx.lower[rng.start] not in DETERMINERS:
            return None
    for t in range(c + 1, min(c + 3, s_hi)):
        if ctx.lower[t] == "by" and not ctx.tok_in_quote[t]:
            return t
        if not (ctx.lower[t] in TIME_WORDS or ctx.lower[t].endswith("ly") and ctx.strs[t].islower()):
            return None
    return None


def _passive_frame(ctx: ArticleContext, f: Frame, by: int, s_hi: int) -> Frame | None:
    """A passive cue: the agent after ``by`` speaks (``The move was
    criticized by [economists]``), its subject is the content (read by
    :func:`passive_subject`); None without an agent or a subject that can
    be one (a pronoun: ``it was announced by``)."""
    rng = np_forward(ctx, by + 1, s_hi)
    if rng is None or passive_subject(ctx, f.cue_tok) is None:
        return None
    f.order = "passive"
    f.sp_start, f.sp_end = rng
    if rng.end - rng.start == 1 and ctx.lower[rng.start] in PRONOUNS:
        f.pronoun = ctx.lower[rng.start]
    return f


def passive_subject(ctx: ArticleContext, c: int) -> TokenRange | None:
    """The subject of the passive cue at token ``c`` (``[Clinton's position]
    was supported by``): back past auxiliaries and adverbs, then its words
    back to a determiner (taken), a comma, a function word or the sentence
    start, twelve words at most; None for a pronoun or no word."""
    s_lo = ctx.sentence_range(ctx.tok_sentence[c])[0]
    j = c - 1
    while j >= s_lo and (ctx.lower[j] in AUX_ADV or ctx.lower[j] in BE_FORMS or ctx.lower[j] == "been"
                         or ctx.lower[j].endswith("ly") and ctx.strs[j].islower()):
        j -= 1
    if j < s_lo or ctx.tok_in_quote[j] or not ctx.is_word[j] or ctx.lower[j] in PRONOUNS or ctx.lower[j] in STOP:
        return None
    a = j
    while a > s_lo and j - a < 11:
        k = a - 1
        w = ctx.lower[k]
        if ctx.tok_in_quote[k] or not ctx.is_word[k] and ctx.strs[k] not in {"'s", "’s", "%"} \
                or w in STOP and w not in {"of", "for"} or w in speech_verbs() or w in PRONOUNS:
            break
        a = k
        if w in DETERMINERS:
            break
    while a < j and ctx.lower[a] in {"of", "for"}:
        a += 1
    return TokenRange(a, j + 1)


def _relative_antecedent(ctx: ArticleContext, j: int, s_lo: int) -> TokenRange | None:
    """``Sen. Ron Johnson (R-Wis.), who told a newspaper that ...``: the
    phrase before ``, who`` (at token ``j``), past a parenthesis."""
    k = j - 2
    if k >= s_lo and ctx.strs[k] == ")":
        while k >= s_lo and ctx.strs[k] != "(":
            k -= 1
        k -= 1
    return np_backward(ctx, k, s_lo) if k >= s_lo else None


def _subject_before(ctx: ArticleContext, f: Frame, j: int, s_lo: int) -> TokenRange | None:
    """The subject ending at token ``j`` before the cue: a pronoun (set on
    ``f``), the subject of an apposition, or a noun phrase."""
    if j < s_lo:
        return None
    w = ctx.lower[j]
    if w in PRONOUNS and not ctx.tok_in_quote[j]:
        f.pronoun = w
        return TokenRange(j, j + 1)
    if ctx.strs[j] == "," and not ctx.tok_in_quote[j]:
        return apposition_subject(ctx, j, s_lo)
    if ctx.strs[j] == ")" and not ctx.tok_in_quote[j]:
        # "Sen. Mitch McConnell (R-Ky.) said", "Kasich (who has 25 delegates) said"
        k = j - 1
        while k > s_lo and ctx.strs[k] != "(" and j - k < 12:
            k -= 1
        return np_backward(ctx, k - 1, s_lo) if ctx.strs[k] == "(" and k > s_lo else None
    rng = np_backward(ctx, j, s_lo)
    if rng is not None and ctx.lower[rng.start] in PRONOUNS:
        return None
    return rng


def _infinitive_frame(ctx: ArticleContext, f: Frame, c: int, s_lo: int) -> Frame | None:
    """A speech cue after ``to`` governed by a finite verb in -ed or -s
    (``Lewandowski continued to say ...``, ``she went on to say`` is not
    taken): the speaker is that verb's subject; a negating verb (``declined
    to say``) negates the frame.  Other infinitives are no cue."""
    v = c - 2
    if "stance" in f.tags or v <= s_lo or not ctx.strs[v].islower() or not ctx.lower[v].endswith(("ed", "s")) \
            or ctx.lower[v] in STOP or ctx.tok_in_quote[v]:
        return None
    if ctx.lower[v] in NEGATORS or ctx.lower[v].rstrip("sd") in NEGATORS:
        f.negated = True
    j = _skip_to_subject(ctx, f, v, s_lo)
    rng = _subject_before(ctx, f, j, s_lo)
    if rng is None or ctx.lower[rng.start] in DETERMINERS and ctx.lower[rng.start] not in {"the", "a", "an"}:
        return None  # "his best response was to say": no subject of a speaker
    f.sp_start, f.sp_end = rng
    return f


def _clause_subject(ctx: ArticleContext, c: int, j: int, s_lo: int, s_hi: int) -> TokenRange | None:
    """The whole subject of a speech cue that the noun-phrase reader does not
    take (``Protest groups say``, ``Each side said``, ``Almost half of
    respondents said``, ``In the poll, 42% say``): the words from the start
    of the clause (the sentence start, a comma, or an opening conjunction) to
    the cue, when they hold no verb or function word but ``of`` and a
    clause follows the cue (``that`` or a subject and a finite verb)."""
    if j < s_lo or not ctx.is_word[j] and not ctx.strs[j].endswith("%") or ctx.tok_in_quote[j]:
        return None
    a = j
    while a > s_lo and j - a < 8 and ctx.strs[a - 1] != "," and ctx.lower[a - 1] not in SENTENCE_OPENERS:
        a -= 1
    if not (a == s_lo or ctx.strs[a - 1] == "," or ctx.lower[a - 1] in SENTENCE_OPENERS):
        return None
    if ctx.lower[a] in SENTENCE_OPENERS and a + 1 <= j:
        a += 1
    for t in range(a, j + 1):
        w = ctx.lower[t]
        if ctx.tok_in_quote[t] or w in STOP and w != "of" or w in VERBISH or w in PRONOUNS \
                or not (ctx.is_word[t] or ctx.strs[t].endswith("%")):
            return None
    k = c + 1
    if k < s_hi and (ctx.lower[k] == "that" or clause_follows(ctx, k, s_hi)):
        return TokenRange(a, j + 1)
    return None


def _fronted_subject(ctx: ArticleContext, c: int, j: int, s_lo: int, s_hi: int) -> TokenRange | None:
    """The name that opens the sentence of a speech cue when a long
    apposition stands between them (``Sandra Inman, a Cruz supporter from
    Jackson, Miss., attending the convention, said she ...``): the noun
    phrase at the sentence start (past a dateline), headed by a capitalised
    word and followed by a comma, dash or bracket, when the words up to the
    cue hold no finite verb, cue or quotation (thirty tokens at most) and a
    clause follows the cue (``that``, or a subject and its verb)."""
    a = past_dateline(ctx, s_lo, c)
    if j < a or c - a > 30 or not ctx.capitalised[a] or any(ctx.tok_in_quote[a:c]):
        return None
    if any(ctx.lower[t] in VERBISH or ctx.lower[t] in speech_verbs() or ctx.lower[t] in {"who", "which", "that"}
           for t in range(a, c)):
        return None
    rng = np_forward(ctx, a, c)
    if rng is None or rng.end >= j or ctx.strs[rng.end] not in {",", "—", "–", "("} or not ctx.capitalised[rng.end - 1] \
            or ctx.lower[rng.start] in PRONOUNS:
        return None
    k = c + 1
    return rng if k < s_hi and (ctx.lower[k] == "that" or clause_follows(ctx, k, s_hi)) else None


def clause_follows(ctx: ArticleContext, k: int, end: int) -> bool:
    """Does a clause start at token ``k``: a subject pronoun, or a finite
    verb within the next few words before any comma or preposition?"""
    if ctx.lower[k] in PRONOUNS or ctx.lower[k] in {"they're", "we're", "it's", "he's", "she's"}:
        return True
    return finite_verb_soon(ctx, k, end)


def finite_verb_soon(ctx: ArticleContext, k: int, end: int) -> bool:
    """Is there a finite verb form in the seven tokens after ``k`` (before
    ``end``), before any comma, semicolon, bracket, dash, ``to``, ``of`` or
    ``for``: the subject starting at ``k`` has its verb?"""
    for m in range(k + 1, min(end, k + 8)):
        if ctx.strs[m] in {",", ";", "(", "—", "–"} or ctx.lower[m] in {"to", "of", "for"}:
            return False
        if ctx.lower[m] in VERBISH and ctx.lower[m] not in {"'s", "’s"}:
            return True
    return False


def _subject_after(ctx: ArticleContext, f: Frame, c: int, s_hi: int) -> TokenRange | None:
    """The subject after the cue (``,” said Garneau``): sets the frame's
    order to ``vs`` (and its pronoun) when there is one."""
    m = c + 1
    while m < s_hi and ctx.lower[m].endswith("ly") and ctx.strs[m].islower():
        m += 1  # `said matter-of-factly`
    rng = np_forward(ctx, m, s_hi)
    if rng is not None and (ctx.lower[rng.start] in {"his", "her", "their", "its", "our", "my", "your", "that", "this"}
                            or rng.end < s_hi and ctx.lower[rng.end] in VERBISH):
        return None  # `said his boss was ...`: the content's subject, not the speaker
    if rng is not None:
        f.order = "vs"
        if ctx.lower[rng.start] in PRONOUNS:
            f.pronoun = ctx.lower[rng.start]
    return rng


def _colon_frames(ctx: ArticleContext) -> list[Frame]:
    """``Name: words`` at the start of a paragraph (headlines, transcripts):
    the name is the speaker of the rest of the paragraph."""
    out = []
    doc = ctx.doc
    for pi in range(doc.n_paragraphs):
        ps, pe = ctx.par_starts[pi], ctx.par_ends[pi]
        if doc.text.find(":", ps, pe) < 0:
            continue  # no colon token
        lo, hi = ctx.tok_at(ps), ctx.tok_at(pe)
        for c in range(lo, min(hi, lo + 6)):
            if ctx.strs[c] == ":":
                break
        else:
            continue
        if c == lo or c + 1 >= hi or ctx.tok_in_quote[c]:
            continue
        rng = np_forward(ctx, lo, c)
        if rng is None or rng != (lo, c):
            continue
        words = [ctx.strs[t] for t in range(lo, c) if ctx.is_word[t]]
        if not words or len(words) > 4 or not all(w[:1].isupper() for w in words) or len("".join(words)) < 3:
            continue
        if all(w.lower() in ctx.unions["titles_nouns_stop"] for w in words):
            continue
        if " ".join(words).lower() in page_labels() or doc.text[ctx.starts[c + 1]].isdigit():
            continue  # page furniture ("PUBLISHED: 13:23 ..."), not a speaker
        f = Frame(c, ":", ":", frozenset(), sp_start=lo, sp_end=c, order="colon",
                   sentence=ctx.tok_sentence[c])
        out.append(f)
    return out


