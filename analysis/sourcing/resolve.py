"""Speaker resolution: who each attribution frame's speaker is.  A name is
completed to the fullest form the article gives and linked to the codebook;
a pronoun takes the most recent earlier speaker whose gender fits; a frame
with no subject of its own (a participle) takes the speaker of the cue
before it in its sentence, else the subject opening the sentence, else the
last speaker.  Also the readers for quotations without a cue word of their
own: the speaker named after a quotation with any verb
(:func:`speaker_after`), the noun phrase opening a sentence
(:func:`opening_subject`), and the subject of a sentence as the speaker of a
partial quote (:func:`sentence_subject`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.names import first_name_gender, gendered_words, looks_like_organisation, role_words, speech_verbs
from analysis.sourcing.context import ArticleContext, TokenRange
from analysis.sourcing.document_author import refers_to_author
from analysis.sourcing.frames import Frame
from analysis.sourcing.marks import QuoteSpan
from analysis.sourcing.phrases import coordination, np_forward, past_dateline
from analysis.sourcing.words import (ADVERBIAL_START, AUX_ADV, DETERMINERS, IRREGULAR_PAST, JOINERS_OF_POSS, PRONOUNS,
                                     SENTENCE_OPENERS, STOP, VERBISH, page_labels)


@dataclass(slots=True)
class SpeakerSeen:
    """A speaker met earlier in the article, for pronouns and carried-over speakers."""
    speaker: str  # the subject as written
    name: str | None  # the resolved name
    entity: dict | None  # its codebook entry
    start: int  # character span of the subject
    end: int
    named: bool  # the subject holds a name (not only a common noun phrase)
    org: bool  # an organisation, country or group, not a person
    gender: str  # female, male or unknown (a pronoun may fill it in)
    pos: int  # where it was last referred to
    role: bool = False  # a person the phrase describes by a role, not by name (`the US president`)
    described: str | None = None  # a definite role a name only modifies, as written less its article (`US president`)

    def lend_name(self, f: Frame, pos: int) -> None:
        """A later phrase without a name (``the spokesperson``, ``the
        statement``) at character ``pos`` refers back to this speaker: ``f``
        takes its name and entry (the phrase as written stays), attribution
        ``pronoun``."""
        f.name, f.entity = self.name, self.entity
        f.attribution = "pronoun"
        self.pos = pos


def gender_of(name: str | None, np_words: list[str], entity: dict | None) -> str:
    """The speaker's gender: the codebook's, else a gendered title among the
    phrase's words (``spokeswoman``, ``Mr.``), else the given name of a
    person's name of two words or more (``Jeff Merkley``: male, so a later
    ``she`` passes him by), else ``unknown``."""
    if entity and entity.get("gender") in ("female", "male"):
        return entity["gender"]
    words = {w.lower().rstrip(".") for w in np_words}
    for gender in ("female", "male"):
        if words & gendered_words(gender):
            return gender
    if name and " " in name.strip() and not (entity and entity.get("kind") not in (None, "person")):
        return first_name_gender(name)
    return "unknown"


def entity_fields(ent: dict | None) -> dict:
    """The quote-table columns taken from a codebook entry (None: all None)."""
    if not ent:
        return {"speaker_actor_id": None, "side": None, "speaker_kind": None, "speaker_gender": None}
    return {
        "speaker_actor_id": ent.get("actor_id"),
        "side": ent.get("side"),
        "speaker_kind": ent.get("kind"),
        "speaker_gender": ent.get("gender"),
    }


def resolve_frame(ctx: ArticleContext, f: Frame, history: list[SpeakerSeen],
                  previous: Frame | None = None) -> None:
    """Fill the speaker fields of a frame; named speakers are appended to history.
    ``previous``: the frame before it in the text (resolved)."""
    if _takes_previous(f, previous):
        return
    if f.sp_start is not None and f.sp_end - f.sp_start == 1:
        _past_opener(ctx, f)
    if f.sp_start is None:
        _no_subject(ctx, f, history)
        return
    a, b = f.sp_start, f.sp_end
    s, e = ctx.starts[a], ctx.ends[b - 1]
    f.speaker, f.speaker_start, f.speaker_end = ctx.text[s:e], s, e
    if f.pronoun is not None or ctx.lower[a] in PRONOUNS and b - a == 1:
        _resolve_pronoun(ctx, f, history, ctx.lower[a], s)
        return
    words = [ctx.strs[k] for k in range(a, b) if ctx.is_word[k]]
    s_first = ctx.sent_bounds[ctx.tok_sentence[a]]
    caps = [k for k in range(a, b) if ctx.capitalised[k] and ctx.lower[k] not in DETERMINERS
            # a capital only because it starts the sentence ("Legal experts")
            and not (k == s_first and k + 1 < b and ctx.strs[k + 1][:1].islower())]
    named = bool(caps) and not all(ctx.lower[k] in ctx.unions["titles_nouns"] for k in caps)
    if not named and (_refers_back(ctx, f, a, b, history) or refers_to_author(ctx, f, a, b, history)):
        return
    conj = coordination(ctx, a, b) if named else None
    if conj is not None:  # two people or bodies: one group, each name completed (`Burton and Nick`)
        name, ent = f"{_named_speaker(ctx, a, conj, s)[0]} and {_named_speaker(ctx, conj + 1, b, s)[0]}", None
    elif named:
        name, ent = _named_speaker(ctx, a, b, s)
    else:
        name = " ".join(w for w in words if w.lower() not in DETERMINERS) or None
        if name and name[:1].isupper() and name.lower() in ctx.unions["titles_nouns"]:
            name = name.lower()
        ent = ctx.resolve(name) if name else None
    f.name, f.entity = name, ent
    org = (ent.get("kind") in ("organisation", "country", "group")) if ent and ent.get("kind") \
        else looks_like_organisation(words) or not named
    org, role = _person_or_thing(ctx, a, b, org)
    history.append(SpeakerSeen(f.speaker, name, ent, s, e, named, org, gender_of(name, words, ent), s, role=role,
                               described=_description(ctx, a, b, named and not org and ent is None)))


def _description(ctx: ArticleContext, a: int, b: int, named_person: bool) -> str | None:
    """A named phrase a singular lower-case role word heads (``The US
    president``: the name only modifies it), as written without its
    article, for a he/she that refers to it; else None."""
    head = _lower_head(ctx, a, b) if named_person and ctx.lower[a] in _DEFINITE else None
    if head is None or head not in role_words() or head.endswith("s") and not head.endswith("ss"):
        return None
    if _titles_a_person(ctx, head):
        return None  # "the Tory leader" after "Tory leader Michael Howard": that person, named before
    return ctx.text[ctx.starts[a + 1]:ctx.ends[b - 1]]


def _titles_a_person(ctx: ArticleContext, head: str) -> bool:
    """Whether the article uses role word ``head`` as a person's title:
    right before a capitalised name ("Tory leader Michael Howard") or in an
    apposition after one ("Michael Howard, the Tory leader").  A definite
    role is then that person, named before (the caller keeps the old
    reading); otherwise ("The US president" in an article that never titles
    anyone so) the role is the speaker."""
    h = re.escape(head)
    before = rf"(?i:\b{h})[^\S\n]+[A-Z][\w'’-]+"
    after = rf"[A-Z][\w'’-]+,[^\S\n]+(?:the[^\S\n]+|a[^\S\n]+)?[^,.;\n]{{0,40}}?(?i:\b{h}\b)"
    return re.search(before, ctx.text) is not None or re.search(after, ctx.text) is not None


def _takes_previous(f: Frame, previous: Frame | None) -> bool:
    """A participle (``,” she said, adding, “...”``, ``..., Fleming accused
    China ..., saying ...``) takes the speaker of the cue before it in its
    sentence, as written (a pronoun stays the pronoun), when it has no subject
    of its own or that cue's subject stands before its verb (not ``Oct.`` of
    ``Tuesday, Oct. 11`` opening the sentence); True when it did."""
    if previous is None or previous.sentence != f.sentence or not (previous.name or previous.speaker):
        return False
    if f.sp_start is not None and not (f.order == "participle" and previous.order == "sv"
                                       and previous.attribution != "carried-over"):
        return False
    f.speaker, f.name, f.entity = previous.speaker, previous.name, previous.entity
    f.speaker_start, f.speaker_end = previous.speaker_start, previous.speaker_end
    f.attribution = previous.attribution
    return True


def _no_subject(ctx: ArticleContext, f: Frame, history: list[SpeakerSeen]) -> None:
    """A participle without a subject and no cue before it in its sentence:
    the subject opening the sentence (``A Clinton campaign official later
    walked back the comments, saying ...``), else the last named speaker."""
    lo = clause_start(ctx, f.sentence)
    rng = opening_subject(ctx, lo, f.cue_tok)
    if rng is None and ctx.tok_in_quote[lo]:
        # `“...,” Chaffetz (R-Utah) said in a statement, adding that ...`
        t = next((k for k in range(lo, f.cue_tok) if not ctx.tok_in_quote[k] and ctx.is_word[k]), f.cue_tok)
        found = speaker_after(ctx, t, f.cue_tok)
        rng = found[0] if found is not None else None
    if rng is not None:
        f.sp_start, f.sp_end = rng
        f.pronoun = ctx.lower[rng.start] if ctx.lower[rng.start] in PRONOUNS else None
        resolve_frame(ctx, f, history)
        return
    if history:
        h = history[-1]
        f.speaker, f.name, f.entity = h.speaker, h.name, h.entity
        f.speaker_start, f.speaker_end = h.start, h.end
        f.attribution = "carried-over"


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"})


def _past_opener(ctx: ArticleContext, f: Frame) -> None:
    """A one-word speaker phrase opening its sentence before a comma and a
    name (``Therefore, Zhao Lijian, who ..., said``): the connective is no
    speaker, the name after it is (put in ``f.sp_start``/``sp_end``); a
    capitalised word in -ing there opens a participle clause, whose subject
    is the main clause's (``Having originally said ..., the UK is ...``).
    Otherwise ``f`` is left as it is."""
    a = f.sp_start
    if a != clause_start(ctx, f.sentence) or a + 1 >= f.cue_tok:
        return
    if ctx.strs[a + 1] == ",":
        rng = opening_subject(ctx, a + 2, f.cue_tok)
        if rng is not None and ctx.capitalised[rng.start] and ctx.lower[rng.start] not in PRONOUNS \
                and predicate_follows(ctx, rng.end, f.cue_tok + 1):
            f.sp_start, f.sp_end = rng
    elif ctx.lower[a].endswith("ing") and ctx.is_word[a + 1] and ctx.strs[a + 1].islower():
        # `Having originally said it would ..., the UK is now ...`: the subject after the clause
        hi = ctx.sent_bounds[f.sentence + 1]
        comma = next((k for k in range(f.cue_tok + 1, hi) if ctx.strs[k] == "," and not ctx.tok_in_quote[k]), None)
        rng = opening_subject(ctx, comma + 1, hi) if comma is not None else None
        if rng is not None and ctx.lower[rng.start] not in PRONOUNS and predicate_follows(ctx, rng.end, hi):
            f.sp_start, f.sp_end = rng


def _refers_back(ctx: ArticleContext, f: Frame, a: int, b: int, history: list[SpeakerSeen]) -> bool:
    """A definite description of a role with no name (``the source``, ``The
    spokesperson``) refers back, like a pronoun, to the latest of the last 8
    speakers described by the same role word (``One Whitehall source``;
    ``Wang Wenbin, Chinese Foreign Ministry spokesman``; spokesman,
    spokeswoman and spokesperson are one role): that speaker's name is put in
    ``f`` (the phrase as written stays; attribution ``pronoun``); True when one is found."""
    words = [k for k in range(a, b) if ctx.is_word[k]]
    if not 2 <= len(words) <= 4 or ctx.lower[words[0]] not in {"the", "this"}:
        return False
    head = _role_stem(ctx.lower[words[-1]])
    if ctx.lower[words[-1]] not in role_words() or head.endswith("s") and not head.endswith("ss"):
        return False
    for h in reversed(history[-8:]):
        if h.org and not h.role:
            continue
        k, hi = ctx.tok_at(h.start), ctx.tok_at(h.end)
        if hi < len(ctx.strs) and ctx.strs[hi] == ",":  # an apposition: `Wang Wenbin, ... spokesman,`
            hi = next((m for m in range(hi + 1, min(len(ctx.strs), hi + 10)) if not ctx.is_word[m]), hi)
        if any(_role_stem(ctx.lower[m]) == head for m in range(k, hi)):
            h.lend_name(f, ctx.starts[a])
            return True
    return False


def _role_stem(word: str) -> str:
    """``spokeswoman`` and ``spokesperson`` as ``spokesman``; other words as they are."""
    return "spokesman" if word in {"spokeswoman", "spokesperson"} else word


def _person_or_thing(ctx: ArticleContext, a: int, b: int, org: bool) -> tuple[bool, bool]:
    """``(org, role)`` of speaker phrase ``[a, b)`` for the pronouns after it,
    from its lower-case head noun: a thing whatever name it holds (``the
    performance of Russia's military``: org); an indefinite description of a
    role, one person the article does not name whom a he or she can refer to
    (``a Labour spokesman``, ``A top British intelligence official``: not org,
    role); a definite one (``the minister``) is someone named before, and a
    phrase a name heads (``Mr. Fleming``) is left as ``org`` says."""
    head = _lower_head(ctx, a, b)
    if head is None:
        return org, False
    if head not in role_words() or head.endswith("s") and not head.endswith("ss"):
        return True, False
    if ctx.lower[a] in _DEFINITE or any(ctx.lower[k].endswith(("'s", "’s")) for k in range(a, b)):
        return org, False
    return False, True


def _lower_head(ctx: ArticleContext, a: int, b: int) -> str | None:
    """The head noun of speaker phrase ``[a, b)`` when it is a lower-case
    word ending the phrase or standing before its ``of`` (``the US
    president``, ``the head of Britain's agency``), else None (a name heads
    it, ``Mr. Fleming``)."""
    k = next((m for m in range(a + 1, b) if ctx.lower[m] == "of"), b)
    k -= 1
    while k > a and not ctx.is_word[k]:
        k -= 1
    if k < a or not ctx.is_word[k] or ctx.capitalised[k] or ctx.lower[k] in PRONOUNS:
        return None
    return ctx.lower[k]


def _resolve_pronoun(ctx: ArticleContext, f: Frame, history: list[SpeakerSeen], p: str, s: int) -> None:
    """Pronoun ``p`` at offset ``s``: the most recent of the last 8 speakers
    it can refer to (a named person of a fitting gender for he/she, an
    organisation for it; none for I/we), else for he/she the last person
    named before."""
    want = PRONOUNS.get(p)
    f.attribution = "pronoun"
    if want and _previous_subject(ctx, f, history, want, s):
        return
    for h in reversed(history[-8:]):
        if p in {"he", "she"}:
            if h.org:  # a named person or one described by a role (`the US president`)
                continue
            if want and h.gender not in (want, "unknown"):
                continue
        elif p == "it":
            if not h.org:
                continue
        elif p in {"i", "we"}:
            break
        f.name, f.entity = (h.described if p in {"he", "she"} and h.described else h.name), h.entity
        if h.role:
            # no name to give: the description the pronoun refers to is the speaker, as written
            f.speaker, f.speaker_start, f.speaker_end = h.speaker, h.start, h.end
        if want and h.gender == "unknown":
            h.gender = want
        h.pos = s
        return
    # no earlier speaker: the last person name mentioned before
    if p in {"he", "she"}:
        name = ctx.names.last_person_before(s)
        if name is not None:
            f.name = ctx.names.fullest(name, s)
            f.entity = ctx.resolve(f.name)
            if f.entity and f.entity.get("name"):
                f.name = f.entity["name"]


def _previous_subject(ctx: ArticleContext, f: Frame, history: list[SpeakerSeen], want: str, s: int) -> bool:
    """A he/she whose previous sentence opens with a named person of that
    gender (given name, title or codebook) who is not the latest speaker
    (``Hillary Clinton was more circumspect ... Though she called ...``,
    after quotes of Merkley): that person, put in ``f`` and ``history``;
    True when so.  A sentence that is narration, not a quotation, names
    the one a pronoun then refers to more often than the speaker before."""
    si = ctx.tok_sentence[f.sp_start]
    if si == 0 or any(ctx.capitalised[k] and ctx.is_word[k] and ctx.lower[k] not in ctx.unions["titles_nouns"]
                      and not ctx.tok_in_quote[k] for k in range(ctx.sent_bounds[si] + 1, f.sp_start)):
        return False  # `a call from Donald Trump where he accused ...`: a name nearer in its own sentence
        # (the words of a quotation before the pronoun name nobody it refers to)
    lo, hi = ctx.sentence_range(si - 1)
    if hi <= lo or ctx.tok_in_quote[hi - 1] or any(ctx.tok_in_quote[lo:hi]):
        return False
    rng = opening_subject(ctx, lo, hi)
    if rng is None or ctx.lower[rng.start] in PRONOUNS or ctx.strs[rng.end - 1] in {"'s", "’s"}:
        return False
    a, b = rng
    if not ctx.capitalised[b - 1] or not predicate_follows(ctx, b, hi):
        return False
    words = [ctx.strs[k] for k in range(a, b) if ctx.is_word[k]]
    if looks_like_organisation(words):
        return False
    name, ent = _named_speaker(ctx, a, b, ctx.starts[a])
    if not name or gender_of(name, words, ent) != want or history and history[-1].name == name:
        return False
    f.name, f.entity = name, ent
    sa, sb = ctx.starts[a], ctx.ends[b - 1]
    history.append(SpeakerSeen(ctx.text[sa:sb], name, ent, sa, sb, True, False, want, s))
    return True


def _named_speaker(ctx: ArticleContext, a: int, b: int, s: int) -> tuple[str | None, dict | None]:
    """The name and codebook entry of a speaker phrase ``[a, b)`` holding a
    name: the last run of capitalised tokens, titles stripped, the longest
    suffix the codebook knows, else the fullest form of the person's name."""
    name = None
    ent = None
    k = b - 1
    while k >= a and not (ctx.capitalised[k] and ctx.is_word[k]):
        k -= 1
    r_end = k + 1
    while k - 1 >= a and (ctx.capitalised[k - 1] or ctx.lower[k - 1] in JOINERS_OF_POSS
                          or (ctx.strs[k - 1] == "." and k - 2 >= a)):
        k -= 1
    # try the codebook on suffixes of the run, longest first
    for st in range(k, r_end):
        if not ctx.is_word[st] or ctx.lower[st] in {"of", "for"}:
            continue
        cand = ctx.text[ctx.starts[st] : ctx.ends[r_end - 1]]
        ent = ctx.resolve(cand)
        if ent:
            return ent.get("name") or cand, ent
    # "Nicolas Sarkozy of France": a person's name before "of" a place
    for m in range(k, r_end):
        if ctx.lower[m] == "of" and m - k >= 2 and not looks_like_organisation([ctx.strs[t] for t in range(k, m)]):
            r_end = m
            break
    name, _, _ = ctx.names.person_name(k, r_end)
    if name:
        full = ctx.names.fullest(name, s)
        if not _given_names(full[: len(full) - len(name)].split()):
            full = name
        ent = ctx.resolve(full)
        name = (ent.get("name") if ent else None) or full
    return name, ent


def _given_names(words: list[str]) -> bool:
    """Can the words a name was completed with (``Irwin`` of ``Irwin
    Cotler``) be given names?  Not a heading in capitals (``EXPERT
    ASSESSMENT UK``), a word in -ing (``Defying Trump``), a run-together byline
    (``ByCassidy HortonContributor``) or page furniture (``Share China``)."""
    return all(len(w) < 3 or not w.isupper() and not w.lower().endswith("ing") and w.lower() not in page_labels()
               and not (_RUN_TOGETHER.search(w) and not _MAC.match(w)) for w in words)


_RUN_TOGETHER = re.compile(r"[a-z][A-Z]")  # `HortonContributor`
_MAC = re.compile(r"(?:Mc|Mac)[A-Z][a-z]+$")  # `McDonald`, a name


# past forms of verbs that close an attribution after a quotation
# (`,” Will wrote`) without being cue words themselves


def speaker_after(ctx: ArticleContext, t: int, hi: int) -> tuple[TokenRange, int, str] | None:
    """The speaker of a quotation read from token ``t`` right after it,
    before token ``hi``, when no cue word frame was found there: a noun
    phrase (names with initials, a parenthesis or a comma apposition after
    it skipped) then a verb (``an angry Hollande retaliated``, ``Rep. John
    Mica (R-Fla.) said``, ``Murphy, the head of X, Tweeted``), or a verb
    then a named noun phrase (``beamed Donald Hartley``).  Returns the
    phrase's token range, the verb's token and the order (``sv``/``vs``)."""
    if t >= hi:
        return None
    rng = _name_forward(ctx, t, hi)
    if rng is not None:
        v = _skip_aside(ctx, rng.end, hi)
        if v < hi and verb_like(ctx, v):
            return rng, v, "sv"
    if verb_like(ctx, t) and t + 1 < hi:
        rng = np_forward(ctx, t + 1, hi)
        if rng is None and ctx.capitalised[t + 1]:
            # `said Will Doyle`: a run of capitalised words
            e = t + 1
            while e < hi and ctx.capitalised[e] and ctx.is_word[e]:
                e += 1
            rng = TokenRange(t + 1, e)
        if rng is not None and any(ctx.capitalised[k] for k in range(*rng)):
            return rng, t, "vs"
    return None


def _name_forward(ctx: ArticleContext, t: int, hi: int) -> TokenRange | None:
    """:func:`~analysis.sourcing.phrases.np_forward` from token ``t``, cut
    before a verb it took for a noun (``Vitter demanded``), carried over
    initials (``Harry M. Reid``); a capitalised word the phrase reader
    takes for a function word (``Will``) is a one-word name."""
    rng = np_forward(ctx, t, hi)
    if rng is None:
        return TokenRange(t, t + 1) if ctx.capitalised[t] and ctx.is_word[t] and t + 1 < hi \
            and verb_like(ctx, t + 1) else None
    cut = next((k for k in range(rng.start + 1, rng.end) if ctx.strs[k].islower() and verb_like(ctx, k)), None)
    if cut is not None:
        return TokenRange(rng.start, cut)
    e = rng.end
    while e + 1 < hi and ctx.strs[e] == "." and ctx.capitalised[e + 1] and ctx.capitalised[e - 1] \
            and (len(ctx.strs[e - 1]) == 1 or ctx.lower[e - 1] in ctx.unions["titles_abbr"]):
        more = np_forward(ctx, e + 1, hi)
        if more is None:
            break
        e = more.end
    return TokenRange(rng.start, e)


def _skip_aside(ctx: ArticleContext, k: int, hi: int) -> int:
    """Past a parenthesis (``(R-Fla.)``) or a comma apposition (``, the head
    of X,``) that starts at token ``k``: the token after it, else ``k``."""
    if k < hi and ctx.strs[k] == "(":
        for m in range(k + 1, min(hi, k + 8)):
            if ctx.strs[m] == ")":
                return m + 1
    if k < hi and ctx.strs[k] == ",":
        for m in range(k + 1, min(hi - 1, k + 24)):
            if ctx.strs[m] in {".", "!", "?", "“", '"'}:
                break
            if ctx.strs[m] == "," and verb_like(ctx, m + 1):
                return m + 1
    return k


def verb_like(ctx: ArticleContext, k: int) -> bool:
    """A cue word, or a lower-case past-tense word (``retaliated``, ``wrote``)
    or present (``writes``), not a function word: the verb of a speaker."""
    w = ctx.lower[k]
    if w in speech_verbs() or w in IRREGULAR_PAST:
        return ctx.is_word[k]
    if not ctx.is_word[k] or w in STOP or w in PRONOUNS:
        return False
    return (ctx.strs[k].islower() or ctx.strs[k][1:].islower()) and len(w) > 3 and (
        w.endswith("ed") or w.endswith("s") and not w.endswith(("ss", "us", "is")))


def predicate_follows(ctx: ArticleContext, k: int, hi: int) -> bool:
    """Does a verb start at token ``k`` (past a parenthesis or an
    apposition): an auxiliary or a verb-like word (``Trump returned``,
    ``Perry, who hugged Clinton, shouted``)?"""
    k = _skip_aside(ctx, k, hi)
    w = ctx.lower[k] if k < hi else ""
    if w in AUX_ADV and w in ADVERBIAL_START and ctx.is_word[k] and k + 1 < hi:
        # an adverb that may also open a phrase: a verb after it (`He then had ...`, `She later said`)
        nxt = ctx.lower[k + 1]
        return nxt in VERBISH or not ctx.capitalised[k + 1] and verb_like(ctx, k + 1)
    return k < hi and (w in VERBISH or w in AUX_ADV and w not in ADVERBIAL_START and not ctx.capitalised[k]
                       or verb_like(ctx, k))




def clause_start(ctx: ArticleContext, si: int) -> int:
    """The first token of sentence ``si``, or of the sentence before when
    the break between them is false: a party label in parentheses ends the
    one and the other opens in lower case (``Sen. Pat Toomey (R-Pa.)`` |
    ``refused to ..., responding that ...``)."""
    lo = ctx.sent_bounds[si]
    if si > 0 and lo > 0 and ctx.strs[lo - 1] == ")" and ctx.is_word[lo] and ctx.strs[lo].islower() \
            and not ctx.tok_in_quote[lo]:
        return ctx.sent_bounds[si - 1]
    return lo


def opening_subject(ctx: ArticleContext, lo: int, hi: int, *, common: bool = False) -> TokenRange | None:
    """The subject that opens the sentence starting at token ``lo`` (before
    token ``hi``), past a conjunction and an adverbial opener ending in a
    comma (``In August, several environmental groups``): a pronoun, or a
    noun phrase of at most 8 tokens that stops at the first verb-like word
    (an auxiliary, an adverb, a word in -ed, a cue) and holds a name or a
    speaker noun (``common``: or any noun after a determiner, ``The
    radioman``).  None when the sentence opens otherwise."""
    k = past_dateline(ctx, lo, hi)
    while k < hi and ctx.lower[k] in SENTENCE_OPENERS:
        k += 1
    if k < hi and ctx.strs[k] == ",":
        k += 1
    if k < hi and (ctx.lower[k] in ADVERBIAL_START or ctx.lower[k].endswith("ing")):
        comma = next((m for m in range(k + 1, min(hi, k + 12)) if ctx.strs[m] == ","), None)
        if comma is None:
            return None
        k = comma + 1
        if k + 1 < hi and ctx.strs[k].isdigit() and ctx.strs[k + 1] == ",":
            k += 2  # the year of a date: `On July 6, 2015, Sanders ...`
    if k >= hi or ctx.tok_in_quote[k] or not ctx.is_word[k]:
        return None
    if ctx.lower[k] in PRONOUNS:
        return TokenRange(k, k + 1)
    a = k
    det = ctx.lower[k] in DETERMINERS
    if det:
        k += 1
    head = False
    while k < hi and k - a < 8 and not ctx.tok_in_quote[k]:
        w, s = ctx.lower[k], ctx.strs[k]
        if s == "." and k > a and ctx.lower[k - 1] in ctx.unions["titles_abbr"]:
            k += 1
            continue
        if s in {"'s", "’s"} and k > a:
            k += 1
            continue
        if not ctx.is_word[k] or w in STOP or w in AUX_ADV or w in VERBISH or w in speech_verbs() \
                or w in IRREGULAR_PAST or not ctx.capitalised[k] and w.endswith(("ed", "ly")):
            break
        head = head or ctx.capitalised[k] or w in ctx.unions["titles_nouns"] or common and det
        k += 1
    if not head or k == a or k < hi and ctx.is_word[k] and ctx.capitalised[k]:
        return None
    return TokenRange(a, k)


def sentence_subject(ctx: ArticleContext, q: QuoteSpan, history: list[SpeakerSeen]) -> Frame | None:
    """A frame for the subject of the sentence holding ``q`` (a name or a
    pronoun right at the sentence start), or None."""
    si = ctx.sentence_at(q.start)
    lo, hi = ctx.sentence_range(si)
    start = lo
    if start < hi and ctx.lower[start] in {"while", "but", "and", "yet", "still", "meanwhile", "instead"}:
        start += 1
    if start < hi and ctx.strs[start] == ",":
        start += 1
    if start >= hi or ctx.tok_in_quote[start] or ctx.starts[start] >= q.outer_start:
        return None
    rng = np_forward(ctx, start, hi)
    if rng is None or rng.end >= hi or ctx.ends[rng.end - 1] > q.outer_start:
        return None
    words = [ctx.strs[t] for t in range(*rng) if ctx.is_word[t]]
    is_pron = len(words) == 1 and words[0].lower() in {"he", "she", "they"}
    named = any(w[:1].isupper() and w.lower() not in ctx.unions["not_name"] for w in words)
    if not (is_pron or named) or looks_like_organisation(words) and not named:
        return None
    f = Frame(rng.start, "", "", frozenset(), sp_start=rng.start, sp_end=rng.end, sentence=si)
    f.pronoun = words[0].lower() if is_pron else None
    earlier = [h for h in history if h.pos < ctx.starts[rng.start]]
    resolve_frame(ctx, f, earlier)
    f.cue = None
    return f if f.name else None
