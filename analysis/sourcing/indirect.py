"""Indirect speech: the reported content of an attribution frame, without
quotation marks: after the cue (``Psaki said [the US Department of Justice
is an independent agency]``, ``told a briefing that [...]``), before a final
attribution (``[...], officials said.``), around ``according to X``, or the
rest of a ``Name:`` paragraph."""
from __future__ import annotations

from analysis.names import speech_verbs
from analysis.sourcing.content_spans import aside_end, clause_end, complement_start
from analysis.sourcing.context import ArticleContext, CharSpan
from analysis.sourcing.frames import Frame, finite_verb_soon, passive_subject
from analysis.sourcing.phrases import irregular_past, np_forward
from analysis.sourcing.words import (ADVERBIAL_START, AUX_ADV, CLAUSE_OPENERS, DETERMINERS, MONTHS, OBJECT_STOP, OCCASIONS, PRONOUNS, RELATIVE_NEXT, STOP, VERBISH,
                                     TIME_PREPOSITIONS, TIME_WORDS)

# leading time adverbials skipped after a cue ("said on Monday the ...")
_LEADING_TIME = {"on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                 "today", "tonight", "late", "earlier", "last", "week", "night", "this", ",", "morning", "afternoon",
                 "evening"}
# prepositions that may stand between a cue and its "that"
_BEFORE_THAT = {"to", "in", "on", "at", "by", "from", "with", "after", "before"}
_CONJUNCTIONS = {"but", "and", "though", "although", "while", "whereas", "as", "yet"}
# addressees that are object pronouns ("told me [...]")
_OBJECT_PRONOUNS = {"me", "him", "her", "us", "them", "you"}
# conjunctions after a comma that may open a clause of the journalist's own
_CONTRAST = {"but", "while", "whereas", "although", "though", "yet"}
# punctuation that sets a later attribution apart from the content before it
_SEPARATORS = {",", ";", ":", "—", "–", "―", "--", "(", ")", "which", "who"}
# words that make a phrase a clause, not an adverbial
_CLAUSE_WORDS = {"that", "is", "was", "are", "were", "will", "would"}


def indirect_content(ctx: ArticleContext, f: Frame, frames_in_sentence: list[Frame]) -> CharSpan | None:
    """Character span of the reported content of frame ``f`` or None."""
    lo, hi = ctx.sentence_range(f.sentence)
    if f.negated or "nocontent" in f.tags:
        return None
    # trailing end: drop final punctuation
    end_tok = hi
    while end_tok > lo and not ctx.is_word[end_tok - 1] and not ctx.tok_in_quote[end_tok - 1]:
        end_tok -= 1
    if f.order == "according":
        return _according_content(ctx, f, lo, end_tok)
    if "intent" in f.tags:
        return _infinitive_content(ctx, f, frames_in_sentence, end_tok)
    if f.order == "passive":  # "[The move] was criticized by ..."
        rng = passive_subject(ctx, f.cue_tok)
        return None if rng is None else tok_span(ctx, rng.start, rng.end, min_words=1)
    if f.order == "nominal":
        return _nominal_content(ctx, f, frames_in_sentence, end_tok)
    if f.order in ("sv", "vs") and _cue_ends_sentence(ctx, f, end_tok):
        # speaker-and-cue at the end of the sentence: "CONTENT, officials said."
        return _content_before_cue(ctx, f, frames_in_sentence, lo)
    if f.order == "vs":
        return None
    if f.order == "colon":
        return _colon_content(ctx, f)
    if f.order == "relative":
        # "X, who said Clinton raped her in 1978, recounted ...": up to the comma
        for m in range(f.cue_tok + 1, end_tok):
            if ctx.strs[m] == "," and not ctx.tok_in_quote[m]:
                end_tok = m
                break
    k, that = _content_start(ctx, f, end_tok)
    if k is None or k >= end_tok:
        return None
    if "clause" in f.tags and that is None and not _bare_clause(ctx, k, end_tok) and not any(ctx.tok_in_quote[k:end_tok]):
        return None  # "Britain announced a ban on ...", "agreed to pay": an act, not speech
    if "np" in f.tags and that is None and ctx.lower[k] not in CLAUSE_OPENERS:
        b = _object_end(ctx, k, _content_end(ctx, f, frames_in_sentence, k, end_tok))
        if f.order == "participle":  # "a super PAC supporting [Ann Lee] spent ...": before the main verb
            b = next((m for m in range(k + 1, b) if _finite_verb(ctx, m)), b)
        return tok_span(ctx, k, b, min_words=1)  # "endorsed [Mr. Trump] on Friday"
    if that is None and ctx.lower[k] in ADVERBIAL_START and _only_adverbial(ctx, k, end_tok):
        return None  # `,” Clinton said at a Monday rally.`: no reported content
    return tok_span(ctx, complement_start(ctx, f, frames_in_sentence, lo, k, that),
                    _content_end(ctx, f, frames_in_sentence, k, end_tok), min_words=1 if "stance" in f.tags else 2)


def _nominal_content(ctx: ArticleContext, f: Frame, frames_in_sentence: list[Frame], end_tok: int) -> CharSpan | None:
    """The content of a nominal cue after its opener: a clause after
    ``that`` (not a relative: ``claims that were``), an infinitive with its
    ``to`` (``decision [to open the borders]``), else the object of the
    preposition (``opposition to [the war]``, ``claims about [the test]``)."""
    op = f.cue_tok + 1
    w = ctx.lower[op]
    if w == "that":
        if ctx.lower[op + 1] in RELATIVE_NEXT:
            return None
        k = op + 1
    else:
        k = op if w == "to" and _infinitive(ctx, op, end_tok) else op + 1
    if k >= end_tok:
        return None
    b = _content_end(ctx, f, frames_in_sentence, k, end_tok)
    if k == op + 1 and w != "that":
        b = _object_end(ctx, k, b)
    return tok_span(ctx, k, b, min_words=1)


def _infinitive_content(ctx: ArticleContext, f: Frame, frames_in_sentence: list[Frame], end_tok: int) -> CharSpan | None:
    """The content of a cue of intention, decision or refusal: its
    infinitive with ``to`` (``declined [to be interviewed]``), up to a comma,
    semicolon, dash or bracket (``who declined [to comment], was born
    ...``): an infinitive's own commas are rare, a clause of its sentence
    goes on after them."""
    k = f.cue_tok + 1
    end = next((m for m in range(k + 1, end_tok) if ctx.strs[m] in {",", ";", "—", "–", "--", "("}
                and not ctx.tok_in_quote[m]), end_tok)
    return tok_span(ctx, k, _content_end(ctx, f, frames_in_sentence, k, end))


def _bare_clause(ctx: ArticleContext, k: int, end_tok: int) -> bool:
    """Does a clause without ``that`` start at token ``k`` (``it would
    seek ...``, ``the government will stop ...``): a subject pronoun, or a
    finite auxiliary within the next few words, before any comma?"""
    if ctx.lower[k] in PRONOUNS and ctx.lower[k] != "it" or ctx.lower[k] == "it" and k + 1 < end_tok \
            and ctx.lower[k + 1] in VERBISH:
        return True
    return finite_verb_soon(ctx, k, end_tok)


def _object_end(ctx: ArticleContext, k: int, b: int) -> int:
    """The end of the object phrase starting at token ``k`` (content tokens
    end at ``b``): before a comma or dash, a subordinate clause, or a time or
    occasion adverbial (``endorsed [Cruz] last week``, ``[Mr. Trump] at a
    news conference``); prepositional phrases that belong to the object stay
    (``proposed [a safe zone inside Syria for the refugees]``)."""
    m = k
    while m < b:
        w = ctx.lower[m]
        if not ctx.tok_in_quote[m] and m > k:
            if ctx.strs[m] in {",", ";", "—", "–", "--", ":", "("} or w in OBJECT_STOP:
                break
            if w in TIME_PREPOSITIONS and m + 1 < b and _time_or_occasion(ctx, m + 1, b):
                break
        m += 1
    while m > k and not ctx.is_word[m - 1] and not ctx.tok_in_quote[m - 1]:
        m -= 1
    return m


def _finite_verb(ctx: ArticleContext, m: int) -> bool:
    """Is token ``m`` a lower-case finite verb form outside quotation marks
    (``is``, ``has``, a past form in -ed or an irregular one: ``spent``)?"""
    w = ctx.lower[m]
    return not ctx.tok_in_quote[m] and ctx.strs[m].islower() and (
        w in VERBISH and w not in {"'s", "’s"} or w.endswith("ed") or w in irregular_past())


def _time_or_occasion(ctx: ArticleContext, m: int, b: int) -> bool:
    """Does token ``m`` start a time or an occasion (``early June``, ``a news
    conference``, ``Monday``, ``2008``)?"""
    w = ctx.lower[m]
    if w in {"a", "an", "the", "his", "her", "their", "its", "early", "late", "mid"} and m + 1 < b:
        w = ctx.lower[m + 1]
    return w in TIME_WORDS or w in MONTHS or w in OCCASIONS or w.isdigit()


def _according_content(ctx: ArticleContext, f: Frame, lo: int, end_tok: int) -> CharSpan | None:
    """"According to X, CONTENT." or "CONTENT, according to X."."""
    words_before = sum(ctx.is_word[lo : f.cue_tok])
    # "According to early results of exit polls conducted by ..., CONTENT": after the
    # first comma when the speaker phrase read stops before it
    comma = next((m for m in range(f.sp_end or f.cue_tok + 2, min(end_tok, f.cue_tok + 30))
                  if ctx.strs[m] == "," and not ctx.tok_in_quote[m]), None)
    if words_before <= 3 and comma is not None and comma + 1 < end_tok:
        a, b = comma + 1, end_tok
    else:
        a, b = lo, f.cue_tok
        while b > a and ctx.strs[b - 1] in {",", "—", "–"}:
            b -= 1
    return tok_span(ctx, a, b)


def _cue_ends_sentence(ctx: ArticleContext, f: Frame, end_tok: int) -> bool:
    """Is there nothing after the speaker and cue but time words and
    punctuation, or one short adverbial (``officials said on Monday.``)?"""
    after = f.cue_tok + ("prep" in f.tags) + 1 if f.order != "vs" else (f.sp_end or f.cue_tok + 1)
    if f.order == "vs" and after < end_tok and ctx.strs[after] == ",":
        return True  # "..., said Rita Katz, the director of ..."
    if "obj" in f.tags and f.order == "sv" and after < end_tok:
        addressee = np_forward(ctx, after, end_tok)  # "..., an official told The New York Times."
        if addressee is not None and ctx.lower[after] not in PRONOUNS and ctx.lower[after] != "that":
            after = addressee.end
    rest = range(after, end_tok)
    return all(ctx.lower[k] in TIME_WORDS or not ctx.is_word[k] for k in rest) or bool(
        rest and ctx.lower[rest[0]] in ADVERBIAL_START and _only_adverbial(ctx, rest[0], end_tok, 12))


def _content_before_cue(ctx: ArticleContext, f: Frame, frames_in_sentence: list[Frame], lo: int) -> CharSpan | None:
    """The content before a final attribution: from the sentence start (or
    the end of an earlier frame's content) to the speaker, when a comma, dash
    or quotation mark separates them."""
    head = f.sp_start if f.order == "sv" and f.sp_start is not None else f.cue_tok
    b = head
    while b > lo and (ctx.strs[b - 1] in {",", "—", "–"} or ctx.doc.quote_text[ctx.starts[b - 1]] in "\"'"):
        b -= 1
    if not (b < head and b > lo):
        return None
    a = lo
    # start after an earlier frame in the same sentence, not an intent inside
    # the content ("[Ten directors have agreed to pay $54m], reports say")
    for g in frames_in_sentence:
        if g is not f and g.cue_tok < b and g.content is not None and g.content.end <= ctx.ends[b - 1] \
                and not ("intent" in g.tags and _nested(g, f)):
            a = max(a, ctx.tok_at(g.content.end))
    return tok_span(ctx, a, b)


def _colon_content(ctx: ArticleContext, f: Frame) -> CharSpan | None:
    """``Name: words``: the rest of the paragraph."""
    pi = ctx.paragraph_at(ctx.starts[f.cue_tok])
    hi = ctx.tok_at(ctx.par_ends[pi])
    while hi > f.cue_tok + 1 and not ctx.is_word[hi - 1] and not ctx.tok_in_quote[hi - 1]:
        hi -= 1
    return tok_span(ctx, f.cue_tok + 1, hi)


def _content_start(ctx: ArticleContext, f: Frame, end_tok: int) -> tuple[int | None, int | None]:
    """The first token of the content after the cue (None: no content) and
    the complementiser ``that`` it follows (None when there is none): after
    an addressee or adverbials, ``told X`` only when ``that`` follows."""
    takes_object = "obj" in f.tags
    k = f.cue_tok + (2 if "prep" in f.tags else 1)
    if k < end_tok and ctx.strs[k] in {":", ","}:
        k += 1
    # look for a complementiser "that" after an addressee or adverbials
    that = None
    for m in range(k, min(end_tok, k + (16 if takes_object else 9))):
        if ctx.tok_in_quote[m]:
            continue
        if ctx.lower[m] == "that":
            that = m
            break
        if m == k and _infinitive(ctx, k, end_tok):
            break  # "vowed [to fight the law that ...]": the infinitive is the content
        if not takes_object and (ctx.lower[m] in speech_verbs()
                                 or ctx.lower[m] in STOP and ctx.lower[m] not in _BEFORE_THAT):
            break
    if that is not None and that + 1 < end_tok and ctx.lower[that + 1] in RELATIVE_NEXT:
        that = None  # "in a statement that was published": a relative pronoun
        if takes_object:
            return None, None
    if that is not None:
        return that + 1, that
    if takes_object:  # told X: the addressee, then content only if "that" or a clause follows
        return _after_addressee(ctx, k, end_tok), None
    # skip leading time/manner adverbials: "said on Monday the ..."
    m = k
    while m < end_tok and ctx.lower[m] in _LEADING_TIME:
        m += 1
    return (m if m < end_tok and m > k and ctx.strs[m - 1] == "," else k), None


def _after_addressee(ctx: ArticleContext, k: int, end_tok: int) -> int | None:
    """The start of a clause without ``that`` after the addressee of a cue
    that takes one (``told reporters [this was the only chance]``, ``told
    POLITICO on Monday [he had kept ...]``), or None."""
    if k >= end_tok:
        return None
    if ctx.lower[k] in _OBJECT_PRONOUNS:
        m = k + 1
    else:
        rng = np_forward(ctx, k, end_tok)
        if rng is None or ctx.lower[k] in PRONOUNS:
            return None
        m = next((t for t in range(k + 1, rng.end) if ctx.lower[t] in DETERMINERS), rng.end)  # "reporters [this was"
    while m + 1 < end_tok and ctx.lower[m] in _LEADING_TIME and ctx.strs[m] != "," and ctx.lower[m + 1] not in VERBISH:
        m += 1
    if m < end_tok and ctx.strs[m] == ",":
        m += 1
    if m >= end_tok or ctx.tok_in_quote[m] or ctx.lower[m] in STOP and ctx.lower[m] not in PRONOUNS:
        return None
    return m if _bare_clause(ctx, m, end_tok) else None


def _content_end(ctx: ArticleContext, f: Frame, frames_in_sentence: list[Frame], k: int, end_tok: int) -> int:
    """Where the content starting at token ``k`` ends: before the next
    attribution in the sentence (``..., though Mrs. Fiorina said ...``), a
    coordinated cue with the same subject (``... and said ...``), or
    ``, according to`` / ``, saying``; trailing punctuation dropped."""
    b = end_tok
    for g in frames_in_sentence:
        if g is f or g.cue_tok <= k or _nested(g, f):
            continue  # a stance inside speech is part of what was said ("said she believes ...")
        first = g.sp_start if g.order in ("sv", "relative") and g.sp_start is not None and g.sp_start > k else g.cue_tok
        cut = _separation(ctx, k, first, g.cue_tok) if first < b and g.order in ("sv", "relative") else None
        if cut is not None:
            b = cut
            while b > k and ctx.lower[b - 1] in _CONJUNCTIONS:
                b -= 1
    for m in range(k, b):
        if ctx.tok_in_quote[m]:
            continue
        if ctx.strs[m] == ";" or ctx.lower[m] in {"and", "but"} and _coordinated_cue(ctx, m, end_tok, _present(f)):
            b = m
            break
        if ctx.strs[m] == "," and m + 1 < end_tok and (
            (ctx.lower[m + 1] == "according" and m + 2 < end_tok and ctx.lower[m + 2] == "to")
            or (ctx.lower[m + 1].endswith("ing") and ctx.lower[m + 1] in speech_verbs())
        ):
            b = m
            break
        if m > k and ctx.tok_in_quote[m - 1] and ctx.lower[m].endswith("ing") and ctx.lower[m] in speech_verbs():
            b = m  # `said, “It's time,” promising ...`: the comma inside the marks
            break
        if ctx.strs[m] == "," and m > k + 2 and _new_clause_after(ctx, m + 1, end_tok):
            b = m
            break
    b = clause_end(ctx, ctx.sentence_range(f.sentence)[0], f, k, aside_end(ctx, k, b))
    while b > k and ctx.strs[b - 1] in {",", "—", "–", ";", ":"} and not ctx.tok_in_quote[b - 1]:
        b -= 1
    return b


def _new_clause_after(ctx: ArticleContext, m: int, end_tok: int) -> bool:
    """Does the comma before token ``m`` end the reported content: a
    contrasting conjunction that opens a clause of its own (``..., but for
    Republicans, it is ...``; not a second verb of the content's subject:
    ``..., but required candidates to ...``)?"""
    if m + 1 >= end_tok or ctx.lower[m] not in _CONTRAST or ctx.tok_in_quote[m + 1]:
        return False
    w = ctx.lower[m + 1]
    return not (ctx.strs[m + 1].islower() and (w in VERBISH or w.endswith(("ed", "s")) and w not in PRONOUNS
                                                  and w not in {"this", "his", "its", "as", "was"}))


def _nested(g: Frame, f: Frame) -> bool:
    """Is frame ``g`` part of the content of speech frame ``f`` rather than
    an attribution apart: a stance or an intent inside speech (``said [she
    believes ...]``, ``[ten directors have agreed to pay $54m], reports
    say``)?"""
    return "stance" in g.tags and "stance" not in f.tags


def _separation(ctx: ArticleContext, k: int, first: int, cue: int) -> int | None:
    """Where the content begun at ``k`` ends because of a later attribution
    starting at token ``first`` (its cue at ``cue``), or None when that
    attribution is nested in the content and part of it (``said [she was
    asked to ...]``, ``say [polls show ...]``), as attribution corpora draw
    it.  It stands apart after a comma, semicolon, dash, relative or
    conjunction in the few words before it (``..., though Mrs. Fiorina said
    ...``; ``, and excerpts from [his speech] describe``: the subject read
    short), or when it introduces a quotation of its own (``his wife
    whispered to him: “...”``)."""
    if first <= k:
        return first
    for t in range(first - 1, max(k, first - 4) - 1, -1):
        if ctx.strs[t] in _SEPARATORS or ctx.lower[t] in _CONJUNCTIONS or ctx.tok_in_quote[t]:
            return t + 1 if ctx.tok_in_quote[t] else t
    nxt = range(cue + 1, min(cue + 5, len(ctx.strs)))
    return first if any(ctx.tok_in_quote[t] or ctx.strs[t] == ":" for t in nxt) else None


def _present(f: Frame) -> bool:
    """Is the cue of ``f`` in the present tense (``say``, ``says``)?"""
    return f.cue == f.lemma or f.cue in (f.lemma + "s", f.lemma + "es")


def _coordinated_cue(ctx: ArticleContext, m: int, end_tok: int, present: bool = False) -> bool:
    """Does the ``and`` at token ``m`` start a cue of its own (``and [he]
    [also] said``)?  After a cue in the present tense a past-tense verb
    belongs to the content (``Police say [he posed a threat and refused
    to ...]``)."""
    nx = m + 1
    if nx < end_tok and ctx.lower[nx] in PRONOUNS:
        nx += 1
    while nx < end_tok and (ctx.lower[nx] in AUX_ADV or ctx.lower[nx].endswith("ly") and ctx.strs[nx].islower()):
        nx += 1
    if nx >= end_tok or ctx.tok_in_quote[nx]:
        return False
    w = ctx.lower[nx]
    # a cue, or a past-tense verb with an object ("and encouraged Americans to ...")
    return w in speech_verbs() or (not present and w.endswith("ed") and ctx.strs[nx].islower() and nx == m + 1
                                   and nx + 1 < end_tok and ctx.lower[nx + 1] not in {"by", ",", "."})


def _only_adverbial(ctx: ArticleContext, k: int, end: int, max_words: int = 6) -> bool:
    """True when tokens [k, end) are one short prepositional phrase with no
    clause in it (`at a Monday rally`, `during the debate`)."""
    if any(ctx.tok_in_quote[k:end]) or _infinitive(ctx, k, end):
        return False
    words = [ctx.lower[t] for t in range(k, end) if ctx.is_word[t]]
    return len(words) <= max_words and not any(w in PRONOUNS or w in _CLAUSE_WORDS for w in words)


def _infinitive(ctx: ArticleContext, k: int, end: int) -> bool:
    """Is token ``k`` the ``to`` of an infinitive (``vowed [to build a
    wall]``), not a preposition (``said to reporters``, ``to the crowd``)?
    The word after it is a lower-case word that is no determiner, pronoun or
    number, nor a plural in -s; ``to have`` and ``to be`` are left out (``is
    said to have suggested``: a passive report, not the speaker's words)."""
    if ctx.lower[k] != "to" or k + 1 >= end or not ctx.strs[k + 1].islower():
        return False
    w = ctx.lower[k + 1]
    return not (w in DETERMINERS or w in PRONOUNS or w in _OBJECT_PRONOUNS or w in {"have", "be"}
                or w.endswith("s") and not w.endswith(("ss", "us")))


def tok_span(ctx: ArticleContext, a: int, b: int, min_words: int = 2) -> CharSpan | None:
    """The characters of tokens ``[a, b)`` when they hold ``min_words`` words
    or more, extended over the closing mark of a quotation they end in."""
    if b <= a:
        return None
    words = sum(ctx.is_word[a:b])
    if words < min_words:
        return None
    s, e = ctx.starts[a], ctx.ends[b - 1]
    # do not cut a quotation: extend over the punctuation and closing mark of a
    # quote that the content ends in (`was “a greatly respected colleague,”`)
    n = len(ctx.text)
    while e < n and ctx.char_in_quote[e] and (ctx.doc.quote_text[e] in "\"'" or ctx.text[e] in ",.;:!?") \
            and ctx.char_in_quote[e - 1]:
        e += 1
    return CharSpan(s, e)


