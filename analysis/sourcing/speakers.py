"""Who each quoted speaker is: kind, gender, affiliation and side, each with
its evidence.

:func:`describe_speakers` completes a quote table from
:func:`analysis.sourcing.extract_quotes` (it is called there).  Every quote
with a speaker gets:

``speaker_actor_id``, ``speaker_name``
    The actor the speaker is in the article's actor table: a codebook actor,
    else the discovered mention (``cand:<slug>``, :func:`analysis.actors.find_mentions`)
    with the same name, surname or span, so quotes and mentions agree; a
    person linked to a discovered mention takes its full name
    (``Mr. Hemming`` -> ``Brian Hemming``).
``speaker_kind``
    ``person``, ``organisation``, ``government body``, ``country``, ``group``
    or ``anonymous`` (an unnamed or vague source: ``officials said``, ``a
    source familiar with the talks``, ``a Huawei spokesman``).  A codebook
    actor keeps the codebook's kind.  Otherwise: a discovered person is a
    person; a discovered organisation is a government body when its name holds
    a government word (``Foreign Ministry``, ``Home Office``), else an
    organisation; a place that speaks is a country when it is one
    (``analysis/data/countries.csv``), else a government body by metonymy
    (``Downing Street``, ``Beijing``).  An unnamed speaker is classed by its
    head noun from ``analysis/data/speaker_kinds.txt``, anonymous by default.
``speaker_gender``, ``speaker_gender_basis``
    For people (and anonymous people) only; ``n/a`` for the other kinds.  The
    text's own evidence first: the codebook (``codebook``), a gendered
    honorific or title in the speaker's phrase (``honorific``: ``Ms.``;
    ``title``: ``spokeswoman``), a ``he``/``she`` attribution that the quote's
    speaker was resolved from (``pronoun``), the gender that
    :func:`analysis.names.gender.infer_gender` gave the linked mention from the
    article (title, apposition, pronouns after the mentions); then the given
    name in gender-guesser's list (``first name``; surname-first names such as
    ``Hua Chunying`` use the given name); else ``unknown`` (basis ``none``),
    never a guess.  This is how the text presents the speaker, not identity.
``speaker_affiliation``, ``speaker_affiliation_start``, ``speaker_affiliation_end``
    The organisation or body the speaker speaks for, as the text says it, and
    its offsets in the body: from the speaker's own phrase (``Huawei's chief
    executive Ren Zhengfei`` -> ``Huawei``; ``a spokesman for the Chinese
    embassy`` -> ``Chinese embassy``; ``Foreign Ministry spokeswoman Hua
    Chunying`` -> ``Foreign Ministry``; ``Conservative MP Bob Seely`` ->
    ``Conservative``), else from the words before or the apposition after the
    speaker's earliest mention in the article (``Bob Seely, the Conservative MP
    for ...``).  Missing when the article gives none.
``side``, ``side_basis``
    From the codebook for codebook actors (``codebook``); with a sides file
    (:mod:`analysis.actors.sides`), from the speaker's own name or phrase
    (``speaker``: ``China``, ``Chinese officials``) or else its affiliation
    (``affiliation``); ``other`` when they name a country the file does not
    list ("the German Interior Ministry"); missing (``none``) otherwise.
    Without a sides file only codebook actors have a side (the seed's figures
    are as they were).

Known limits: affiliation is read from the words next to the speaker and its
first mentions only (no parser); a person whose affiliation the article gives
only in another sentence's clause has none; people named only by a title
(``the Foreign Secretary``) are anonymous.

This module reads each article's quotes in turn and makes its quotes of one
actor agree; the parts are :mod:`~analysis.sourcing.speaker_kind` (kind),
:mod:`~analysis.sourcing.speaker_actors` (the link to the article's mentions),
:mod:`~analysis.sourcing.speaker_gender` (gender),
:mod:`analysis.names.affiliation` (affiliation) and
:mod:`~analysis.sourcing.speaker_side` (side).
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.frames import records
from analysis.names import phrase_affiliation, role_words, speaker_kind_words
from analysis.names.affiliation import bare_name
from analysis.names import first_name_gender, strip_title
from analysis.names.given_names import first_names
from analysis.names.parts import full_name_in_text
from analysis.sourcing.speaker_actors import ArticleActors, kind_and_actor, majority_kinds
from analysis.sourcing.speaker_country import settle_government
from analysis.sourcing.speaker_gender import gender_of_speaker, phrase_gender, quoted_context
from analysis.sourcing.speaker_kind import PERSONAL, PRONOUNS, SPEAKER_KINDS, is_role_holder, unnamed_kind
from analysis.sourcing.speaker_side import side_of_speaker

__all__ = ["describe_speakers", "SPEAKER_KINDS", "SPEAKER_COLUMNS", "speaker_kind_words"]

SPEAKER_COLUMNS = ["speaker_gender_basis", "speaker_affiliation", "speaker_affiliation_start",
                   "speaker_affiliation_end", "side_basis"]
# the columns of the mentions table that speaker description reads
_MENTION_FIELDS = frozenset({"article_id", "actor_id", "name", "surface", "kind", "match", "start", "end", "gender",
                             "gender_basis"})


def describe_speakers(quotes: pd.DataFrame, documents, *, mentions: pd.DataFrame | None = None,
                      codebook=None, sides=None) -> pd.DataFrame:
    """``quotes`` with every speaker's kind, gender, affiliation and side
    filled in (see the module docstring; new columns :data:`SPEAKER_COLUMNS`).

    ``documents``: the Documents the quotes come from.  ``mentions``: their
    mentions (:func:`analysis.actors.find_mentions`, codebook and discovered);
    None finds them with ``codebook`` (None: each article's default,
    :func:`analysis.actors.codebook.codebook_for_article`).  ``sides``: a sides
    file, :class:`analysis.actors.sides.Sides` or None (only codebook sides)."""
    out = quotes.copy()
    for c in SPEAKER_COLUMNS:
        out[c] = pd.Series([None] * len(out), dtype="object", index=out.index)
    if out.empty:
        for c in ("speaker_affiliation_start", "speaker_affiliation_end"):
            out[c] = out[c].astype("Int64")
        return out
    side_map = None
    if sides is not None:
        from analysis.actors.sides import load_sides

        side_map = load_sides(sides)
    docs = {d.article_id: d for d in documents}
    if mentions is None:
        from analysis.actors import find_mentions

        mentions = find_mentions([docs[a] for a in dict.fromkeys(out["article_id"]) if a in docs],
                                 codebook=codebook, discover=True)
    if mentions is not None and mentions.attrs:
        mentions = mentions.copy(deep=False)  # without its attrs: pandas deep-copies them into every group
        mentions.attrs = {}
    # the mention rows by article, made once for the batch (not one small frame and its
    # to_dict per article: that was a third of the sourcing family's time)
    by_article: dict[str, list[dict]] = {}
    if mentions is not None and len(mentions):  # only the columns read here: a third fewer to convert
        mentions = mentions[[c for c in mentions.columns if c in _MENTION_FIELDS]]
    for m in records(mentions) if mentions is not None and len(mentions) else ():
        by_article.setdefault(m["article_id"], []).append(m)
    rows_of = records(out)  # as out.to_dict("records"), faster
    start = 0
    for aid, n in out.groupby("article_id", sort=False).size().items():
        rows = rows_of[start:start + n]
        article_mentions = by_article.get(aid)
        actors = ArticleActors(article_mentions, majority_kinds(article_mentions))
        _describe_article(rows, docs.get(aid), actors, side_map)
        start += n
    described = ["speaker_name", "speaker_actor_id", "speaker_kind", "speaker_gender", "side", *SPEAKER_COLUMNS]
    new = pd.DataFrame(rows_of, index=out.index, columns=described)  # only the columns written back
    for c in described:
        out[c] = new[c].astype("object")
    for c in ("speaker_affiliation_start", "speaker_affiliation_end"):
        out[c] = out[c].astype("Int64")
    return out



def _describe_article(rows: list[dict], doc, actors: ArticleActors, side_map) -> None:
    actors.quoted = [(int(r["start"]), int(r["end"])) for r in rows if r["kind"] in ("direct", "partial")]
    # reported clauses of named speakers: a pronoun there speaks of someone else than a third person
    actors.reported = [(int(r["start"]), int(r["end"]), int(r["speaker_start"]), int(r["speaker_end"]))
                       for r in rows if r["kind"] == "indirect" and r.get("speaker_start") is not None
                       and not pd.isna(r.get("speaker_start")) and str(r.get("speaker")).lower() not in PRONOUNS]
    for r in rows:
        if not r.get("speaker") or pd.isna(r.get("speaker")):
            r.update(speaker_gender_basis=None, speaker_affiliation=None, speaker_affiliation_start=None,
                     speaker_affiliation_end=None, side_basis=None)
            continue
        _describe_quote(r, doc, actors, side_map)
    said = [r for r in rows if r.get("speaker") and not pd.isna(r.get("speaker"))]
    turned = _one_kind_per_person(said)
    _share_within_article(said)
    if doc is not None:
        settle_government(said, doc.text)  # "the government": the country the article gives it
    for r in rows:
        if r.get("side_basis") not in (None, "codebook") and r.get("speaker_affiliation") and not r.get("side"):
            side_of_speaker(r, False, side_map, None, "", r["speaker_kind"])
    for r in turned:
        if not r.get("side"):
            side_of_speaker(r, False, side_map, r.get("speaker_name"), "", "person")


_FIRST_PERSON = re.compile(r"(?<![\w'’])(?:I|[Mm]e|[Mm]y|[Mm]yself)(?!\w)")


def _one_kind_per_person(rows: list[dict]) -> list[dict]:
    """A discovered actor that some quotes of the article show as a person
    by an honorific or title ("President Trump", "Spokesperson Onwula"), or
    whose lone name was taken for an organisation although one of its quotes
    speaks in the first person singular, is a person in all of them:
    a one-word name alone ("Trump said" in a headline) was taken for an
    organisation.  Returns the rows whose kind changed."""
    people = {r.get("speaker_actor_id") for r in rows if r.get("speaker_kind") == "person"
              and (r.get("_titled") or r.get("speaker_gender_basis") in ("honorific", "title"))}
    # a discovered person's lone name taken for an organisation speaks in the first person singular
    # in one of its quotes ("... persuaded by me"): organisations say "we", people "I"
    speaking = {r["speaker_actor_id"] for r in rows if r.get("_lone_word") and _FIRST_PERSON.search(str(r["text"]))}
    turned = []
    for r in rows:
        aid = r.get("speaker_actor_id")
        titled = aid and aid in people and str(aid).startswith("cand:")
        if r.get("speaker_kind") == "organisation" and (titled or r.get("_lone_word") and aid in speaking):
            r["speaker_kind"] = "person"
            r["speaker_gender"], r["speaker_gender_basis"] = gender_of_speaker(r, "person", None, None)  # "she said"
            turned.append(r)
    for r in rows:
        r.pop("_titled", None)
        r.pop("_lone_word", None)
    return turned


_ROLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\s+(?:for|of|at|from)\s+$")


def _role_holder(doc, r: dict) -> str | None:
    """``a spokesman for`` (a role noun and a preposition) right before the
    speaker phrase the attribution found: the phrase is the body, the speaker
    its unnamed role holder.  Returns the whole phrase, or None."""
    s0 = r.get("speaker_start")
    if s0 is None or pd.isna(s0):
        return None
    s0 = int(s0)
    m = _ROLE_BEFORE.search(doc.text[max(0, s0 - 60):s0])
    if not m or m.group(1).lower() not in role_words():
        return None
    return doc.text[s0 - len(m.group(0)):int(r["speaker_end"])]


_LEADING_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_LEADING_DETERMINER = re.compile(r"^(?:an?|the|one)\s+", re.IGNORECASE)  # "a Huawei spokesman" -> "Huawei spokesman"


def _strip_article(text: str, start: int, end: int) -> tuple[str, int, int]:
    m = _LEADING_ARTICLE.match(text[start:end])
    if m:
        start += m.end()
    return text[start:end], start, end



def _describe_quote(r: dict, doc, actors: ArticleActors, side_map) -> None:
    """Kind, name, gender, affiliation and side of one quote's speaker
    (``r``, a quote row, is filled in place)."""
    coded = r.get("speaker_actor_id") is not None and not pd.isna(r.get("speaker_actor_id"))
    phrase = str(r.get("speaker"))
    pronoun = phrase.lower() in PRONOUNS
    holder = _role_holder(doc, r) if doc is not None and not coded and not pronoun else None
    if holder is not None:
        _describe_role_holder(r, doc, holder, side_map)
        return
    kind, mention, named = kind_and_actor(r, actors, coded, phrase)
    if kind == "organisation" and mention is None and named and doc is not None and not pronoun \
            and full_name_in_text(doc.text, str(r.get("speaker_name"))):
        kind = "person"  # a lone surname ("O'Brien said") whose full name the article gives
    r["speaker_kind"] = kind
    if (kind == "person" or kind == "anonymous" and is_role_holder(phrase)) and not pronoun and not named:
        # one unnamed person: named by the description ("a Huawei spokesman" -> "Huawei spokesman")
        r["speaker_name"] = _LEADING_DETERMINER.sub("", phrase)
    if kind == "person" and mention is not None and len(str(mention["name"]).split()) > 1:
        # the fullest name the article gives ("Dowden" -> "Oliver Dowden"), without titles before it
        r["speaker_name"] = bare_name(str(mention["name"]))[0]
    elif kind == "person" and doc is not None:
        _complete_lone_surname(r, doc, mention)
    entity = {"gender": r.get("speaker_gender"), "gender_basis": "codebook"} if coded else None
    r["speaker_gender"], r["speaker_gender_basis"] = gender_of_speaker(r, kind, entity, mention,
                                                             quoted_context(doc, actors, mention))
    aff = None
    if doc is not None and kind in ("person", "anonymous"):  # its own phrase, else next to its first mentions
        aff = phrase_affiliation(doc, _described(doc, r) if kind == "anonymous" and is_role_holder(phrase) else r) \
            or actors.affiliation_near(doc, r.get("speaker_actor_id"))
    r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"] = aff or (None,) * 3
    final = r.get("speaker_name") if isinstance(r.get("speaker_name"), str) else None
    side_of_speaker(r, coded, side_map, final if named else None, phrase, kind)


def _complete_lone_surname(r: dict, doc, mention: dict | None) -> None:
    """A person the article's mentions know by a surname alone ("Pompeo",
    "Liu") takes the one full name the text gives it elsewhere
    (:func:`analysis.names.parts.full_name_in_text`: "Secretary of State Mike
    Pompeo"), unless its name already starts with a listed given name."""
    name = r.get("speaker_name")
    if not isinstance(name, str) or not name.strip():
        return
    words = bare_name(name)[0].split()
    lone = mention is not None and " " not in str(mention["name"]).strip()
    surname = str(mention["name"]).strip() if lone else (words[-1] if len(words) == 1 else "")
    if not words or words[-1] != surname or len(words) > 1 and words[0].lower() in first_names():
        return
    full = full_name_in_text(doc.text, surname)
    if full:
        r["speaker_name"] = full


def _described(doc, r: dict) -> dict:
    """The row of an unnamed role holder ("A Huawei spokesperson") as its
    affiliation is read from its phrase: its name is its description, none
    of whose words is a name to pass over, and the article before it is no
    part of the body ("A Huawei" -> "Huawei")."""
    s0, e0 = r.get("speaker_start"), r.get("speaker_end")
    if s0 is None or pd.isna(s0):
        return dict(r, speaker_name=None)
    _text, start, _end = _strip_article(doc.text, int(s0), int(e0))
    return dict(r, speaker_name=None, speaker_start=start)


def _describe_role_holder(r: dict, doc, holder: str, side_map) -> None:
    """"a spokesman for [the Chinese embassy]": the speaker is the role's
    holder, the phrase the attribution found is its affiliation."""
    kind = unnamed_kind(holder)
    gender = phrase_gender(holder) if kind in ("person", "anonymous") else None
    r["speaker_kind"] = kind
    r["speaker_gender"], r["speaker_gender_basis"] = gender or (("unknown", "none") if kind == "person"
                                                                else ("n/a", kind))
    r["speaker_name"] = _LEADING_DETERMINER.sub("", holder)
    start, end = int(r["speaker_start"]), int(r["speaker_end"])
    r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"] = \
        _strip_article(doc.text, start, end)
    r["speaker_actor_id"] = None
    side_of_speaker(r, False, side_map, None, holder, kind)



_GENDER_RANK = {"codebook": 0, "honorific": 1, "title": 1, "pronoun": 2, "first name": 3}
# a "he"/"she" the attribution resolved to this speaker: the resolver's choice, which a
# listed first name of the other gender overrules (the pronoun was someone else's)
_RESOLVED_PRONOUN_RANK = 3.5


def _with_name_and_vetoes(b: dict) -> dict:
    """An actor's gender votes with its fullest name's first-name gender
    added, and the pronouns the attribution resolved to it joined to the
    text's pronouns: where they disagree, neither decides (a pronoun count
    that caught someone else's pronouns, or a resolver that chose the wrong
    person), and the first name does."""
    votes = dict(b["votes"])
    name = b.get("name", "")
    if " " in name.strip() and all(w[:1].isupper() for w in name.split()):
        g = first_name_gender(strip_title(name))
        if g != "unknown":
            key = (_GENDER_RANK["first name"], "first name")
            votes[key] = votes.get(key, set()) | {g}
    resolved = votes.get((_RESOLVED_PRONOUN_RANK, "pronoun"))
    if resolved and (_GENDER_RANK["pronoun"], "pronoun") in votes:
        votes[(_GENDER_RANK["pronoun"], "pronoun")] = votes[(_GENDER_RANK["pronoun"], "pronoun")] | resolved
    return votes


def _gender_vote(r: dict) -> tuple[float, str]:
    """The rank and basis of one quote's gender evidence (lower wins)."""
    basis = r.get("speaker_gender_basis")
    if basis == "pronoun" and r.get("attribution") == "pronoun" and str(r.get("speaker")).lower() in PERSONAL:
        return _RESOLVED_PRONOUN_RANK, basis
    return _GENDER_RANK.get(basis, 4), basis


def _share_within_article(rows: list[dict]) -> None:
    """Quotes of one actor in one article agree: each takes the strongest
    gender evidence any of them has (codebook, then honorific or title, then
    pronouns when they all say the same, then first name, then a ``he``/``she``
    the attribution resolved to the actor), the
    fullest name and the first affiliation any of them found."""
    best: dict[str, dict] = {}
    for r in rows:
        aid = r.get("speaker_actor_id")
        if not aid or r.get("speaker_kind") != "person":
            continue
        b = best.setdefault(aid, {"votes": {}})
        if r.get("speaker_gender") in ("female", "male"):
            b["votes"].setdefault(_gender_vote(r), set()).add(r["speaker_gender"])
        name = r.get("speaker_name")
        if isinstance(name, str) and len(name.split()) > len(b.get("name", "").split()):
            b["name"] = name  # the fullest name any quote of the actor has ("Lord Falconer", "he" -> "Falconer")
        if r.get("speaker_affiliation") and "affiliation" not in b:
            b["affiliation"] = (r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"])
    for b in best.values():
        votes = _with_name_and_vetoes(b)
        agreed = [(rank, next(iter(v)), basis) for (rank, basis), v in votes.items() if len(v) == 1]
        if agreed:
            b["gender"] = min(agreed)
    for r in rows:
        b = best.get(r.get("speaker_actor_id")) if r.get("speaker_kind") == "person" else None
        if not b:
            continue
        if "name" in b and r.get("speaker_gender_basis") != "codebook":
            r["speaker_name"] = b["name"]
        if "gender" in b and r.get("speaker_gender_basis") != "codebook":
            r["speaker_gender"], r["speaker_gender_basis"] = b["gender"][1], b["gender"][2]
        if "affiliation" in b and not r.get("speaker_affiliation"):
            r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"] = b["affiliation"]

