"""The document consistency step of actor discovery (step 3 of
:mod:`analysis.actors.discovery`): what one sentence leaves open, the rest of
the article settles.  A person's full name carries to surname-only mentions
and to a lone given name no other person shares; names left open in a comma
list of people are people; every other repeat of a classified name takes the
same label; a word capitalised only because it opens a sentence is a name
only where the document uses it as one elsewhere; all-capital headlines are
read for the names the body confirms; an organisation by a noun, a seat or
its designators is one in every mention.  Works on the
:class:`analysis.actors.doc_tokens.Tokens` of one document and the spans the
sentence step found."""
from __future__ import annotations

from analysis.actors.doc_tokens import HEADLINE, INITIAL, UNLABELLED, WEAK_PERSON, WIDE_PLACES, Tokens, surname
from analysis.actors.lexicon import abbreviated_org_words, common, designators, org_words, places
from analysis.actors.runs import title_case
from analysis.actors.teams import ISO_DATE, lone_word_label, scorecard_player, team_in_row
from analysis.names import first_names

__all__ = ["document_lexicon", "consistent_labels", "label_pending", "people_in_lists", "entity_dicts"]


def _designator_bases(surfaces: list[str], found: list[tuple]) -> list[str]:
    """The names of companies written with their designators in this article
    (``NationsBank`` of ``NationsBank Corp``, ``Ruch`` of ``Ruch SA``): the
    words before the trailing designators, when they are no place and, for
    one word, no common English word."""
    marks = None
    out = []
    for s, (a, b, lab, _) in zip(surfaces, found):
        if lab != "ORG" or b - a < 2:
            continue
        if marks is None:
            marks = designators()
        words = s.split()
        n = len(words)
        while n > 0 and words[n - 1] in marks:
            n -= 1
        if 0 < n < len(words) and words[n - 1] not in ("&", "and", "of"):
            # the name, and the name without a trailing head word of its own
            # ("Mercantile" of "Mercantile Bancorp Inc.")
            for m in (n, n - 1 if n > 1 and words[n - 1] in org_words() else 0):
                base = " ".join(words[:m])
                if m and base not in places() and (m > 1 or common(base) < 3e-5):
                    out.append(base)
    return out


def document_lexicon(toks: Tokens, found: list[tuple]) -> tuple[list[str], dict, dict, dict]:
    """Step 3's evidence: the surface of each labelled span, each surface's
    majority label (``lex``), for people named in full their surname and
    last word -> the full name (``per_parts``) and their given name -> the
    full name (``given``; :func:`_given_names`)."""
    text, starts, ends = toks.text, toks.starts, toks.ends
    lex: dict[str, str] = {}
    votes: dict[str, dict] = {}
    per_parts: dict[str, str] = {}
    surfaces = [text[starts[a]:ends[b - 1]] for a, b, _, _ in found]
    for s, (_, _, lab, _) in zip(surfaces, found):
        v = votes.get(s)
        if v is None:
            votes[s] = {lab: 1}
        else:
            v[lab] = v.get(lab, 0) + 1
    for s, v in votes.items():
        lex[s] = max(v, key=v.get)
    # an organisation by its own evidence in one place is one everywhere in the
    # article: a noun of organisation kind beside it, or its designators
    # ("Cofinec S.A." ... "Cofinec said")
    strong_org = [s for s, f in zip(surfaces, found) if f[3] == "organisation noun"]
    strong_org += _designator_bases(surfaces, found)
    if strong_org:
        # a person named in full keeps their surname ("Dole spokesman" after "Bob Dole")
        per_titled = {s for s, (_, _, lab, rule) in zip(surfaces, found) if lab == "PER" and rule not in WEAK_PERSON}
        per_titled.update([s.rsplit(" ", 1)[-1] for s in per_titled if " " in s])
        for s in strong_org:
            if lex.get(s) in (None, "PER", "ORG") and s not in per_titled:
                lex[s] = "ORG"
    for s, lab in lex.items():
        if lab == "PER" and " " in s:
            sn = surname(s)
            if sn:
                per_parts.setdefault(sn, s)
            words = s.split()
            per_parts.setdefault(words[-1], s)
    return surfaces, lex, per_parts, _given_names(lex)


def _given_names(lex: dict[str, str]) -> dict[str, str]:
    """The given names of the people this article names in full (``Alan``
    of ``Alan Shearer``, a word of the first-name list) -> the full name: a
    lone mention of one later (``I'm sure Alan is the man``) is that person,
    as news writes a person's first name alone in quotes, features and sports
    copy.  A given name two of them share is left out: a lone mention of it
    is either or both (``the two Michael's`` after Michael Kovrig and
    Michael Spavor)."""
    fn = first_names()
    given: dict[str, str] = {}
    for s, lab in lex.items():
        if lab == "PER" and " " in s:
            first = s.split(" ", 1)[0]
            if len(first) > 1 and first[0].isupper() and not first.isupper() and first.lower() in fn:
                given[first] = s if given.get(first, s) == s else ""
    return {k: v for k, v in given.items() if v}


# rules that a person's surname overrides: "Howard" after "Michael Howard"
_SURNAME_OVER = ("gazetteer", "sports team", "acronym", "organisation noun")


def consistent_labels(found: list[tuple], surfaces: list[str], lex: dict, per_parts: dict) -> list[tuple]:
    """The labelled spans with every repeat of a name under its majority
    label; a one-word place or acronym that is the surname of a person named
    in full in this article is that person ("Howard" after "Michael Howard")."""
    out = []
    for s, (a, b, label, rule) in zip(surfaces, found):
        # a dateline, a team in a results row and the venue of a fixture keep
        # their own reading ("NEW YORK" is the dateline's place and the standings' team)
        lab = label if rule in ("dateline", "sports team", "venue") else lex.get(s, label)
        if lab in ("LOC", "ORG") and b - a == 1 and s in per_parts and rule in _SURNAME_OVER:
            lab = "PER"
        if lab == "MISC":
            continue
        out.append((a, b, lab, rule))
    return out


def label_pending(toks: Tokens, pending: list[tuple], lex: dict, per_parts: dict, given: dict, sport: bool,
                   out: list[tuple]) -> set[int]:
    """The spans the sentence rules left open, labelled from the rest of the
    document (added to ``out``): a name it labels elsewhere, a person's
    surname or given name (lone words only); headlines also as known places or token by token; a lone word
    as a place, or (in sports results) a team.  Returns the starts of the
    lone words taken for teams only for being rare."""
    strings, text, starts, ends = toks.strings, toks.text, toks.starts, toks.ends
    lone_teams: set[int] = set()
    for a, b, kind in pending:
        s = text[starts[a]:ends[b - 1]]
        cands = [s]
        if kind == HEADLINE:
            cands = [" ".join(title_case(t) for t in strings[a:b]), s]
        lab = None
        if sport and kind != UNLABELLED and team_in_row(strings, a, b, len(strings)):
            out.append((a, b, "ORG", "sports team"))
            continue
        if kind == INITIAL and text[ends[b - 1] + 1:ends[b - 1] + 2].isdigit() \
                and ISO_DATE.match(text, ends[b - 1] + 1):  # "DUBLIN 1996-08-30"
            out.append((a, b, "LOC", "dateline"))
            continue
        for c in cands:
            if c in lex:
                lab = lex[c]
            elif c in per_parts:
                lab = "PER"
            else:
                words = c.split()
                if words[-1] in per_parts and len(words) == 1:
                    lab = "PER"
            if lab:
                break
        if lab is None and kind == HEADLINE:
            out.extend(_headline_pieces(strings, a, b, lex, per_parts))
            continue
        if lab is None and kind == UNLABELLED and b - a == 1 and s in given:
            lab = "PER"
        if lab is None and kind == UNLABELLED:
            lab = lone_word_label(strings[a:b], sport, strings[a - 1].lower() if a else "")
            if lab == "ORG" and scorecard_player(strings, a, b):
                lab = "PER"
            elif lab == "ORG":
                lone_teams.add(a)  # a team only for being a rare lone word in sports text
        if lab and lab != "MISC":
            out.append((a, b, lab, "document"))
    return lone_teams


_LIST_SEPARATORS = frozenset({",", "and"})


def people_in_lists(strings: list[str], pending: list[tuple], lone_teams: set[int], out: list[tuple]) -> None:
    """Names the rules left open in a list of people (a line-up, the
    finishers of a race, ``Given , Breen , Staunton , Irwin``) are people:
    a chain of at least three names of one to three words, one comma (or
    ``and``) apart, of which at least two are people and at most one in
    three of those is labelled otherwise, makes its open names people (in
    ``out``).  A lone word taken
    for a team only for being rare in sports text (``lone_teams``) counts
    as open."""
    n = len(strings)
    if not any(kind == UNLABELLED and b - a <= 3 and ((b < n and strings[b] in _LIST_SEPARATORS)
                                                      or (a and strings[a - 1] in _LIST_SEPARATORS))
               for a, b, kind in pending):
        return  # (a name of a chain has a comma or "and" beside it)
    labelled = {a: (b, lab) for a, b, lab, _ in out}
    open_ = {a: b for a, b, kind in pending if kind == UNLABELLED and a not in labelled and b - a <= 3}
    open_.update((a, labelled.pop(a)[0]) for a in lone_teams)
    if not open_ or len(labelled) < 2:
        return
    items = sorted([(a, b, lab) for a, (b, lab) in labelled.items() if b - a <= 3]
                   + [(a, b, None) for a, b in open_.items()])
    relabel: set[int] = set()
    chain: list[tuple] = []
    for item in items + [(-1, -1, "")]:  # a sentinel closes the last chain
        if chain and item[0] == chain[-1][1] + 1 and strings[chain[-1][1]] in _LIST_SEPARATORS:
            chain.append(item)
            continue
        labs = [lab for _, _, lab in chain]
        n_per = labs.count("PER")
        if len(chain) >= 3 and n_per >= 2 and 3 * (len(labs) - n_per - labs.count(None)) <= n_per:
            relabel.update(a for a, _, lab in chain if lab is None)
        chain = [item]
    if relabel:
        out[:] = [o for o in out if o[0] not in relabel]
        out.extend((a, open_[a], "PER", "list of people") for a in relabel)


def _headline_pieces(strings: list[str], a: int, b: int, lex: dict, per_parts: dict) -> list[tuple]:
    """An all-capital headline run the document does not confirm: a country,
    continent, state or region as a whole, else its names that the document
    labels (the longest first: ``KEVIN BROWN`` for ``Kevin Brown``, not
    ``BROWN`` alone), a given name joined to the person's surname after it
    (``ROBERTO DURAN``), and single tokens that the document (or the
    gazetteer, for those places) labels."""
    words = [title_case(t) for t in strings[a:b]]
    whole = " ".join(words)
    if places().get(whole) in WIDE_PLACES:
        return [(a, b, "LOC", "headline place")]
    out = []
    t = a
    while t < b:
        i = t - a
        for n in (3, 2):  # a name of two or three words the document labels
            lab = lex.get(" ".join(words[i:i + n])) if t + n <= b else None
            if lab:
                break
        else:
            n, tc = 1, words[i]
            lab = lex.get(tc) or ("PER" if tc in per_parts else None) or (
                "LOC" if places().get(tc) in WIDE_PLACES else None)
            if lab is None and t + 1 < b and tc.lower() in first_names() and common(tc) < 5e-4 \
                    and (lex.get(words[i + 1]) == "PER" or words[i + 1] in per_parts):
                n, lab = 2, "PER"  # a given name before the person's surname
        if lab and lab != "MISC":
            out.append((t, t + n, lab, "document"))
        t += n
    return out


def entity_dicts(toks: Tokens, out: list[tuple], per_parts: dict, given: dict) -> list[dict]:
    """The spans in text order, overlaps dropped (the first wins), as
    entity dicts; a person's surname mention carries the full name."""
    text, starts, ends = toks.text, toks.starts, toks.ends
    out.sort()
    ents = []
    last_end = -1
    for a, b, lab, rule in out:
        st, en = starts[a], ends[b - 1]
        if st < last_end:
            continue
        if lab == "ORG" and toks.strings[b - 1] in abbreviated_org_words() and text[en:en + 1] == ".":
            en += 1  # the abbreviation's full stop belongs to the name: "Norwest Corp."
        ents.append({"start": st, "end": en, "label": lab, "rule": rule, "text": text[st:en]})
        last_end = en
    for e in ents:
        if e["label"] == "PER":
            if " " not in e["text"] and e["text"] in per_parts:
                e["full_name"] = per_parts[e["text"]]
            elif " " not in e["text"] and e["text"] in given:
                e["full_name"] = given[e["text"]]
            else:
                e["full_name"] = e["text"]
        else:
            e["full_name"] = e["text"]
    return ents
