"""Attribution: which frame speaks each quotation (the attribution next to
its marks, else one in its sentence or paragraph; with none, the speaker
named after it with any verb, the subject leading in to it, the
paragraph's speaker), speakers carried over paragraphs of quotation (a
colon introducing the next paragraph, a new speaker introduced in
between), the indirect quotes of the frames, and partial quotes nested in
indirect ones.  Builds the quote rows of one article."""
from __future__ import annotations

import itertools
import operator
from bisect import bisect_left, bisect_right

from analysis.sourcing.context import ArticleContext
from analysis.sourcing.frames import Frame
from analysis.sourcing.marks import QuoteSpan, has_words
from analysis.sourcing.resolve import (SpeakerSeen, clause_start, entity_fields, opening_subject, predicate_follows,
                                       resolve_frame, sentence_subject, speaker_after, verb_like)
from analysis.sourcing.words import (ALNUM_RE, DETERMINERS, HYPHEN_WORD_RE, PRONOUNS, SENT_END_RE, TIME_WORDS,
                                     VERBISH)

# confidence of an explicit attribution by how close it is to the quotation
_CONFIDENCE_BY_DISTANCE = {"adjacent": 0.9, "sentence": 0.8, "paragraph": 0.7}
# confidence of an indirect quote by how its speaker was found
_INDIRECT_CONFIDENCE = {"explicit": 0.7, "pronoun": 0.6, "carried-over": 0.5}
# the speaker columns a quote takes over from another
_SPEAKER_COLUMNS = ("speaker", "speaker_start", "speaker_end", "speaker_name", "cue", "speaker_actor_id", "side",
                    "speaker_kind", "speaker_gender")


def span_words(ctx: ArticleContext, s: int, e: int) -> int:
    """Word tokens in characters ``[s, e)``."""
    return ctx.n_words(ctx.tok_at(s), ctx.tok_at(e))


def frame_row(article_id: str, kind: str, s: int, e: int, f: Frame | None, attribution: str, conf: float,
              q: QuoteSpan | None = None) -> dict:
    """A quote row (the columns known before the article's rows are put in order)."""
    ent = f.entity if f is not None else None
    return {
        "article_id": article_id,
        "kind": kind,
        "start": s,
        "end": e,
        "speaker": f.speaker if f else None,
        "speaker_start": f.speaker_start if f else None,
        "speaker_end": f.speaker_end if f else None,
        "speaker_name": f.name if f else None,
        "cue": f.cue if f else None,
        "attribution": attribution if f and f.name or f and f.speaker else "none",
        "confidence": conf,
        "irregular": ("continuation" if q is not None and q.continues else (q.irregular if q is not None else "")),
        **entity_fields(ent),
    }


def quotation_rows(ctx: ArticleContext, spans: list[QuoteSpan], frames: list[Frame],
                   history: list[SpeakerSeen]) -> list[dict]:
    """The rows of the direct and partial quotes, in text order, each with
    its speaker: the frame :func:`attribute_span` finds, else the speaker of
    the previous paragraph for a paragraph of quotation (``carried-over``),
    else for a partial quote the sentence's subject or the paragraph's last
    speaker.  Scare quotes and short partial quotes with no speaker give no row."""
    par_speaker: dict[int, Frame] = {}  # last frame used in each paragraph
    frames_by_par: dict[int, list[Frame]] = {}
    for f in frames:
        frames_by_par.setdefault(f.paragraph, []).append(f)
    content_frames = {f.paragraph: f for f in frames if f.content is not None and (f.name or f.speaker)}
    last_direct_frame: Frame | None = None
    rows: list[dict] = []
    for q in spans:
        for p_ in range(q.paragraph - 2, q.paragraph + 1):
            if p_ in content_frames and p_ not in par_speaker:
                par_speaker[p_] = content_frames[p_]
        if q.scare:
            continue
        f, how = attribute_span(ctx, q, frames_by_par.get(q.paragraph, []))
        if f is None and q.kind == "direct":
            f, how = tail_frame(ctx, q, history), "adjacent"
            if f is None:
                f, how = lead_in_subject(ctx, q, history), "lead-in"
        attribution, conf = "explicit", _CONFIDENCE_BY_DISTANCE.get(how, 0.6)
        if f is None and q.kind == "direct" and q.paragraph in par_speaker and not q.continues \
                and q.outer_start > ctx.par_starts[q.paragraph]:
            # `“A,” X said. “B.”`: a paragraph's later quotation with no
            # attribution of its own is the paragraph's speaker's
            f, conf = par_speaker[q.paragraph], 0.6
        if f is None and q.kind == "direct" and not q.continues:
            f = signature_after(ctx, q, history)
        if f is None and (q.continues or (q.kind == "direct" and q.outer_start <= ctx.par_starts[q.paragraph])):
            prev = _previous_speaker(ctx, q, frames_by_par, par_speaker, history) \
                or (last_direct_frame if q.continues else None)
            if prev is not None:
                f, attribution, conf = prev, "carried-over", 0.5
        if f is None and q.kind == "partial":
            if span_words(ctx, q.start, q.end) <= 4:
                # a short quoted term with no speaker in its sentence: a scare
                # quote, a title or a nickname, not anybody's words
                continue
            f, attribution, conf = _partial_speaker(ctx, q, par_speaker, history, attribution, conf)
        if f is not None and attribution == "explicit" and f.attribution in ("pronoun", "carried-over"):
            attribution = f.attribution
            conf -= 0.1
        if q.irregular and q.irregular != "continued":
            conf -= 0.1
        rows.append(frame_row(ctx.doc.article_id, q.kind, q.start, q.end, f, attribution,
                              round(max(conf, 0.1), 2) if f else 0.2, q))
        if f is not None:
            par_speaker[q.paragraph] = f
            if q.kind == "direct":
                last_direct_frame = f
    return rows


def _previous_speaker(ctx: ArticleContext, q: QuoteSpan, frames_by_par: dict[int, list[Frame]],
                      par_speaker: dict[int, Frame], history: list[SpeakerSeen]) -> Frame | None:
    """A paragraph of quotation with no attribution: the speaker a colon at
    the end of the previous paragraph introduces, else the previous
    paragraph's speaker (two back for a quote continued over paragraphs),
    else the name opening the last sentence of a previous paragraph of
    narration (a new speaker introduced in between); None when none is."""
    p = q.paragraph
    prev = colon_intro(ctx, p - 1, frames_by_par, history)
    if prev is None and not q.continues and _ends_in_narration(ctx, p - 1, frames_by_par):
        # `“...,” Trump added. He then had a question for the crowd.` before `“Who's going to pay?”`
        prev = narration_subject(ctx, p - 1, history)
    return prev or par_speaker.get(p - 1) or (par_speaker.get(p - 2) if q.continues else None)


def _last_sentence(ctx: ArticleContext, p: int) -> tuple[int, int, int] | None:
    """The last sentence of paragraph ``p`` as (sentence index, its first
    token in the paragraph, the paragraph's last token); None for no
    paragraph (``p < 0``) or an empty one."""
    if p < 0:
        return None
    first, last = ctx.tok_at(ctx.par_starts[p]), ctx.tok_at(ctx.par_ends[p]) - 1
    if last < first:
        return None
    si = ctx.tok_sentence[last]
    return si, max(ctx.sent_bounds[si], first), last


def _ends_in_narration(ctx: ArticleContext, p: int, frames_by_par: dict[int, list[Frame]]) -> bool:
    """Does paragraph ``p`` end with a sentence of narration: no quotation
    marks and no attribution in it?"""
    last_sentence = _last_sentence(ctx, p)
    if last_sentence is None:
        return False
    si, lo, last = last_sentence
    return not any(ctx.tok_in_quote[lo : last + 1]) and all(f.sentence != si for f in frames_by_par.get(p, ()))


def colon_intro(ctx: ArticleContext, p: int, frames_by_par: dict[int, list[Frame]],
                history: list[SpeakerSeen]) -> Frame | None:
    """When paragraph ``p`` ends with a colon it introduces the quotation of
    the next paragraph: its last frame with a speaker (``The New York Times
    reports:``), else the subject of its last sentence (``She went on to
    say:``); None otherwise."""
    if p < 0 or ctx.text[ctx.par_starts[p] : ctx.par_ends[p]].rstrip()[-1:] != ":":
        return None
    usable = [f for f in frames_by_par.get(p, ()) if f.name or f.speaker]
    last = ctx.tok_at(ctx.par_ends[p]) - 1
    if last < 0:
        return usable[-1] if usable else None
    si = ctx.tok_sentence[last]
    if usable and usable[-1].sentence == si:
        return usable[-1]
    # the sentence ending in the colon has no cue of its own (`She went on to say:`,
    # `Sanders made the following comment:`): its subject before an earlier sentence's speaker
    lo = max(ctx.sent_bounds[si], ctx.tok_at(ctx.par_starts[p]))
    rng = opening_subject(ctx, lo, last)
    f = None if rng is None else _resolved(
        ctx, Frame(last, ":", ":", frozenset(), sp_start=rng.start, sp_end=rng.end, order="colon", sentence=si), history)
    return f or (usable[-1] if usable else None)


def lead_in_subject(ctx: ArticleContext, q: QuoteSpan, history: list[SpeakerSeen]) -> Frame | None:
    """A quotation introduced by a colon or a comma in its sentence with no
    cue word there (``Trump ... leaned in and boomed: “...”``, ``The piece
    used one of the woman's quotes as its headline: “...”``): the noun
    phrase opening the sentence.  None otherwise."""
    i = q.outer_start - 1
    ps = ctx.par_starts[q.paragraph]
    while i > ps and ctx.text[i].isspace():
        i -= 1
    if i <= ps or ctx.text[i] not in ":,":
        return None
    si = ctx.sentence_at(i)
    rng = opening_subject(ctx, max(clause_start(ctx, si), ctx.tok_at(ps)), ctx.tok_at(i), common=True)
    if rng is None or not predicate_follows(ctx, rng.end, ctx.tok_at(i)):
        return None
    return _resolved(ctx, Frame(rng.end, "", "", frozenset(), sp_start=rng.start, sp_end=rng.end, sentence=si),
                     history)


def narration_subject(ctx: ArticleContext, p: int, history: list[SpeakerSeen]) -> Frame | None:
    """A speaker introduced between quotations: the name or pronoun that
    opens the last sentence of paragraph ``p``, a paragraph of narration
    with no attribution (``Trump was quick to add that ...`` before
    ``“Building it? Not negotiable.”``); None when it opens otherwise."""
    last_sentence = _last_sentence(ctx, p)
    if last_sentence is None:
        return None
    si, lo, last = last_sentence
    rng = opening_subject(ctx, lo, last)
    if rng is None or not predicate_follows(ctx, rng.end, last):
        return None
    words = [k for k in range(*rng) if ctx.is_word[k] and ctx.lower[k] not in DETERMINERS]
    if not words or not (ctx.lower[words[0]] in {"he", "she"}
                         or ctx.lower[words[0]] not in PRONOUNS and all(ctx.capitalised[k] for k in words)):
        return None  # a person or a body by name, not "we" or "Twenty-two years ago"
    return _resolved(ctx, Frame(rng.end, "", "", frozenset(), sp_start=rng.start, sp_end=rng.end, sentence=si),
                     history)


def signature_after(ctx: ArticleContext, q: QuoteSpan, history: list[SpeakerSeen]) -> Frame | None:
    """A paragraph that is one quotation, signed by the paragraph after it
    (an epigraph, a fact-check's claim): that paragraph is only a name,
    after a dash or not, with at most a description after a comma and no
    verb (``- Bernie Sanders.``, ``Mo Elleithee, director of ... .``).  The
    name; None otherwise."""
    p = q.paragraph
    if p + 1 >= len(ctx.par_starts) or q.outer_start > ctx.par_starts[p] + 1 \
            or ctx.text[q.outer_end : ctx.par_ends[p]].strip(" \t\"”“'.") != "":
        return None
    a, hi = ctx.tok_at(ctx.par_starts[p + 1]), ctx.tok_at(ctx.par_ends[p + 1])
    while a < hi and ctx.strs[a] in {"-", "—", "–", "--"}:
        a += 1
    dash = a > ctx.tok_at(ctx.par_starts[p + 1])
    if hi - a > 30 or a >= hi or any(ctx.tok_in_quote[a:hi]):
        return None
    b = a
    while b < hi and ctx.is_word[b] and ctx.capitalised[b] or b > a and b < hi and ctx.strs[b] == "." \
            and ctx.lower[b - 1] in ctx.unions["titles_abbr"]:
        b += 1
    if b - a < 1 or b - a > 5 or b < hi and ctx.strs[b] not in {",", "."} or not ctx.capitalised[b - 1]:
        return None
    if b == hi and not dash or any(ctx.strs[k].isupper() and len(ctx.strs[k]) > 1 for k in range(a, b)):
        return None  # a heading (`CONFIDENCE MEASURES`, `The Verdict`), not a signature
    if any(ctx.lower[k] in VERBISH or ctx.strs[k].islower() and verb_like(ctx, k) for k in range(b, hi)):
        return None
    return _resolved(ctx, Frame(a, "", "", frozenset(), sp_start=a, sp_end=b, sentence=ctx.tok_sentence[a]), history)


def tail_frame(ctx: ArticleContext, q: QuoteSpan, history: list[SpeakerSeen]) -> Frame | None:
    """A speaker right after a quotation that ends with a comma, ``?``, ``!``
    or a dash when no cue word is there, wire style (``“...,” an angry
    Hollande retaliated``, ``,” Rep. John Mica (R-Fla.) said``):
    :func:`~analysis.sourcing.resolve.speaker_after`.  None when the words
    after the quotation are not of that shape."""
    if ctx.text[q.end - 1 : q.end] not in {",", "?", "!", "—"}:
        return None
    t = ctx.tok_at(q.outer_end)
    hi = min(len(ctx.strs), t + 30, ctx.tok_at(ctx.par_ends[q.paragraph]))
    found = speaker_after(ctx, t, hi)
    if found is None:
        return None
    rng, v, order = found
    return _resolved(ctx, Frame(v, ctx.strs[v], ctx.lower[v], frozenset(), sp_start=rng.start, sp_end=rng.end,
                                order=order, sentence=ctx.tok_sentence[v]), history)


def _resolved(ctx: ArticleContext, f: Frame, history: list[SpeakerSeen]) -> Frame | None:
    """``f`` with its speaker resolved against the speakers seen before it."""
    f.paragraph = ctx.doc.sentence_paragraph[f.sentence]
    f.pronoun = ctx.lower[f.sp_start] if f.sp_end - f.sp_start == 1 and ctx.lower[f.sp_start] in PRONOUNS else None
    resolve_frame(ctx, f, [h for h in history if h.pos < ctx.starts[f.sp_start]])
    return f if f.name or f.speaker else None


def _partial_speaker(ctx: ArticleContext, q: QuoteSpan, par_speaker: dict[int, Frame], history: list[SpeakerSeen],
                     attribution: str, conf: float) -> tuple[Frame | None, str, float]:
    """A partial quote with no cue in its sentence: the subject of the
    sentence when it is a name or a pronoun ("She tried to rally supporters
    by wondering aloud “why ...”"), else the previous speaker of the
    paragraph; none found: ``(None, attribution, conf)`` unchanged."""
    subj = sentence_subject(ctx, q, history)
    if subj is not None:
        return subj, subj.attribution, 0.45
    si = ctx.sentence_at(q.start)
    lo = clause_start(ctx, si)
    rng = opening_subject(ctx, lo, ctx.tok_at(q.outer_start), common=True)
    if rng is not None:
        # `The radioman pointed out that ... “...”`, `In 2014, Pew found that “...”`
        f = _resolved(ctx, Frame(rng.end, "", "", frozenset(), sp_start=rng.start, sp_end=rng.end, sentence=si),
                      history)
        if f is not None:
            f.cue = None
            return f, f.attribution, 0.45
    prev = par_speaker.get(q.paragraph) or par_speaker.get(q.paragraph - 1)
    if prev is not None:
        return prev, "carried-over", 0.4
    return None, attribution, conf


def indirect_rows(ctx: ArticleContext, frames: list[Frame]) -> list[dict]:
    """The rows of the indirect quotes: a frame's content with at least 3
    words outside quotation marks and a speaker."""
    rows = []
    for f in frames:
        if f.content is None:
            continue
        s, e = f.content
        # content that is only one quotation is not an indirect quote
        lo_t, hi_t = ctx.tok_at(s), ctx.tok_at(e)
        outside = sum(map(operator.gt, ctx.is_word[lo_t:hi_t], ctx.tok_in_quote[lo_t:hi_t]))  # words not quoted
        if outside < (1 if "stance" in f.tags or f.order == "passive" else 3):  # "endorsed [Cruz]", "[The move] was criticized by"
            continue
        if f.name is None and f.speaker is None:
            continue
        if "quoteonly" in f.tags and not ctx.char_in_quote[s:e].any():
            continue
        attribution = f.attribution if f.attribution in ("pronoun", "carried-over") else "explicit"
        rows.append(frame_row(ctx.doc.article_id, "indirect", s, e, f, attribution,
                              _INDIRECT_CONFIDENCE[attribution]))
    return rows


def carry_back(ctx: ArticleContext, rows: list[dict]) -> None:
    """A paragraph of quotation with no speaker before it takes the speaker
    of the quotation paragraph right after it ("“A.”\\n\\n“B,” he said.");
    ``rows`` in text order."""
    directs = [r for r in rows if r["kind"] == "direct"]
    for r, nxt in reversed(list(zip(directs, directs[1:]))):
        if r["attribution"] != "none" or nxt["attribution"] == "none":
            continue
        p_r, p_n = ctx.paragraph_at(r["start"]), ctx.paragraph_at(nxt["start"])
        if p_n != p_r + 1 or nxt["start"] - ctx.par_starts[p_n] > 2:
            continue
        if r["start"] - ctx.par_starts[p_r] > 2:
            continue
        for col in _SPEAKER_COLUMNS:
            r[col] = nxt[col]
        r["attribution"], r["confidence"] = "carried-over", 0.5


def finish_rows(ctx: ArticleContext, rows: list[dict]) -> None:
    """Number the rows (``quote_id``), make a direct quote inside an indirect
    one partial, link each partial quote to the indirect quote holding it
    (``parent_quote_id``, its speaker when it has none of its own), and fill
    ``text``, ``paragraph``, ``sentence`` and ``n_words``; ``rows`` in text order."""
    doc = ctx.doc
    indirect = Containers([(r["start"], r["end"], k) for k, r in enumerate(rows) if r["kind"] == "indirect"])
    for k, r in enumerate(rows):
        r["quote_id"] = f"{doc.article_id}-q{k + 1}"
    for r in rows:
        r["parent_quote_id"] = None
        if r["kind"] == "direct" and r["irregular"] == "" and \
                indirect.first_containing(r["start"], r["end"], start_before=True) is not None:
            # `said the turmoil was not the fault of banks, “not by a long shot.”`:
            # quotation marks inside a paraphrase make a partial quote
            r["kind"] = "partial"
        if r["kind"] == "partial":
            k = indirect.first_containing(r["start"], r["end"])
            if k is not None:
                parent = rows[k]
                r["parent_quote_id"] = parent["quote_id"]
                if r["attribution"] in ("none", "carried-over") and parent["speaker"]:
                    for col in _SPEAKER_COLUMNS:
                        r[col] = parent[col]
                    r["attribution"] = parent["attribution"]
                    r["confidence"] = parent["confidence"]
        r["text"] = doc.text[r["start"] : r["end"]]
        r["paragraph"] = ctx.paragraph_at(r["start"]) + 1
        r["sentence"] = ctx.sentence_at(r["start"]) + 1
        r["n_words"] = ctx.n_words(ctx.tok_at(r["start"]), ctx.tok_at(r["end"]))


def attribute_span(ctx: ArticleContext, q: QuoteSpan, frames: list[Frame]) -> tuple[Frame | None, str]:
    """The frame that attributes quotation ``q`` and how close it is."""
    if not frames:
        return None, ""
    text = ctx.text
    usable = [f for f in frames if (f.speaker is not None or f.name is not None)
              and not (q.kind == "direct" and "stance" in f.tags)]  # "X wants ...": no speech verb for a quotation
    if not usable:
        return None, ""
    # adjacent after the closing mark: `,” Psaki said.`, `,” said Garneau`
    ends_sentence = text[q.end - 1 : q.end] in ".!?" if q.end > q.start else False
    for f in usable:
        if f.content is not None and ends_sentence and f.order != "colon":
            continue  # `“... character.” Reid said both ...`: a new sentence of its own
        first_tok = min(f.cue_tok, f.sp_start if f.sp_start is not None else f.cue_tok)
        gap_s = q.outer_end
        gap_e = ctx.starts[first_tok]
        if 0 <= gap_e - gap_s <= 3 and not has_words(text, gap_s, gap_e):
            return f, "adjacent"
    # adjacent before the opening mark: `Graham said, “` / `said in a statement: “`
    for f in usable:
        last_tok = max(f.cue_tok, (f.sp_end - 1) if f.sp_end is not None else f.cue_tok)
        gap_s = ctx.ends[last_tok]
        gap_e = q.outer_start
        between = text[gap_s:gap_e]
        if 0 <= gap_e - gap_s <= 40 and not SENT_END_RE.search(between) and (
            ALNUM_RE.search(between) is None
            or all(w.lower() in TIME_WORDS or w.lower() == "that" for w in HYPHEN_WORD_RE.findall(between))
        ):
            return f, "adjacent"
    # a frame whose indirect content contains the quote (partial inside paraphrase)
    for f in usable:
        if f.content and f.content.start <= q.start and q.end <= f.content.end:
            return f, "sentence"
    # the same sentence
    qs = ctx.sentence_at(q.start)
    same = [f for f in usable if f.sentence == qs or f.sentence == ctx.sentence_at(max(q.end - 1, q.start))]
    if same:
        return same[0], "sentence"
    if q.kind == "partial":
        return None, ""
    # the nearest in the paragraph, preferring one before the quote
    before = [f for f in usable if ctx.starts[f.cue_tok] < q.outer_start]
    if before:
        return before[-1], "paragraph"
    return usable[0], "paragraph"




class Containers:
    """Spans ``[(start, end, k), ...]`` sorted by start (the indirect quotes
    of an article, ``k`` their row), asked which is the first, in that
    order, to contain ``[start, end)`` -- in O(log n), so that an article
    with thousands of quotes stays linear.  With the running maximum of the
    ends, the first span whose own end reaches ``end`` is where that maximum
    first does; it contains the range when it also starts early enough."""

    def __init__(self, spans: list[tuple[int, int, int]]):
        self.starts = [s for s, _, _ in spans]
        self.rows = [k for _, _, k in spans]
        self.max_end = list(itertools.accumulate((e for _, e, _ in spans), max))

    def first_containing(self, start: int, end: int, *, start_before: bool = False) -> int | None:
        """``k`` of the first span with ``s <= start`` (``s < start`` when
        ``start_before``) and ``end <= e``; None when no span contains it."""
        n_early = (bisect_left if start_before else bisect_right)(self.starts, start)
        i = bisect_left(self.max_end, end, 0, n_early)
        return self.rows[i] if i < n_early else None
