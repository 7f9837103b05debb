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
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

import pandas as pd

from analysis.core.frames import records
from analysis.names.affiliation import bare_name
from analysis.names import (
    PersonMentions,
    adjective_forms,
    affiliation_for_sides,
    affiliation_near,
    clean_word,
    country_index,
    first_name_gender,
    infer_gender,
    inside_any,
    kind_words,
    looks_like_organisation,
    name_parts,
    normalise_name,
    role_words,
    speaker_affiliation,
    speaker_kind_words,
    strip_title,
    surname_first_names,
    title_table,
)

__all__ = ["describe_speakers", "SPEAKER_KINDS", "SPEAKER_COLUMNS", "speaker_kind_words"]

SPEAKER_KINDS = ("person", "organisation", "government body", "country", "group", "anonymous")
SPEAKER_COLUMNS = ["speaker_gender_basis", "speaker_affiliation", "speaker_affiliation_start",
                   "speaker_affiliation_end", "side_basis"]
_PERSONAL = {"he": "male", "she": "female"}


# ---------------------------------------------------------------------------
# kind and gender


def _head(phrase: str, keep_case: bool = False) -> str:
    """The head noun of a speaker phrase: its last word before a
    preposition or relative clause (``a spokesman for X`` -> ``spokesman``)."""
    words = [w.strip(",") for w in phrase.replace("’", "'").split()]
    for i, w in enumerate(words):
        if w.lower() in kind_words("affiliation_preposition") or w.lower() in {"in", "on", "close", "familiar", "who", "speaking"}:
            words = words[:i]
            break
    head = words[-1] if words else ""
    return head if keep_case else head.lower().rstrip(".")


def _unnamed_kind(phrase: str) -> str:
    kw = speaker_kind_words()
    low = " " + phrase.lower() + " "
    if any(p in low for p in kw["anonymous_phrase"]):
        return "anonymous"
    head = _head(phrase)
    if head in kw["person_role"]:
        return "person"  # "a Huawei spokesman": one person who speaks for a body
    # multi-word entries ("white house", "members of the public") anywhere in the phrase
    for kind, section in (("government body", "government"), ("organisation", "organisation"), ("group", "group")):
        if head in kw[section] or any(" " in p and f" {p} " in low for p in kw[section]):
            if kind != "organisation" or head not in kw["anonymous"]:
                return kind
    return "anonymous"


def _named_kind(name: str, mention: dict | None, phrase: str, titled: bool = False) -> str:
    # titled: a title, honorific or he/she stands for the name ("Spokesperson Onwula"): a person
    kw = speaker_kind_words()
    key = normalise_name(name)
    low = f" {key} "
    gov = any(f" {w} " in low for w in kw["government"])
    if mention is not None:
        kind = mention["kind"]
        if kind == "person":
            lone = len(name.split()) == 1 and not titled and _lone_word_person(name, mention)
            return "organisation" if lone and first_name_gender(name + " X") == "unknown" else "person"
        if kind == "location":
            return "country" if key in country_index() else "government body"
        if kind == "organisation":
            return "government body" if gov else "organisation"
        if kind in SPEAKER_KINDS:
            return kind
    if key in country_index():
        return "country"
    if gov:
        return "government body"
    if looks_like_organisation(name.split()) or any(f" {w} " in low for w in kw["organisation"]):
        return "organisation"
    if len(name.split()) == 1 and mention is None:
        # one capitalised word that no person mention of the article explains:
        # people are introduced by their full name, so "Vodafone said", "NCSC said"
        return "person" if titled or first_name_gender(name + " X") != "unknown" else "organisation"
    return "person"


def _lone_word_person(name: str, mention: dict) -> bool:
    """A one-word "person" that discovery could not give a gender and that is
    neither a family name nor a given name: most likely an organisation
    ("Vodafone said", "Huawei said"); people are introduced by full names."""
    return (mention.get("gender") not in ("female", "male") and mention.get("kind") == "person"
            and name not in surname_first_names())


def _phrase_gender(phrase: str) -> tuple[str, str] | None:
    """A gendered honorific or title in the speaker's own phrase."""
    table, _ = title_table()
    found = set()
    for w in phrase.replace("’", "'").split():
        g, kind = table.get(w.lower(), table.get(w.lower().rstrip("."), ("", "")))
        if g:
            found.add((g, "honorific" if kind == "honorific" else "title"))
    genders = {g for g, _ in found}
    if len(genders) == 1:
        basis = "honorific" if any(b == "honorific" for _, b in found) else "title"
        return next(iter(genders)), basis
    return None


def _gender(row: dict, kind: str, entity: dict | None, mention: dict | None, quoted=None) -> tuple[str, str]:
    """One quote's speaker gender and basis from its own evidence; the
    quotes of one actor in one article then share the strongest
    (:func:`_share_within_article`)."""
    if kind != "person":  # organisations, bodies, countries, groups and unnamed sources
        return "n/a", kind
    if entity and entity.get("gender") in ("female", "male"):
        return entity["gender"], entity.get("gender_basis") or "codebook"
    phrase = row.get("speaker") or ""
    hit = _phrase_gender(phrase)
    if hit:
        return hit
    if row.get("attribution") == "pronoun" and phrase.lower() in _PERSONAL:
        return _PERSONAL[phrase.lower()], "pronoun"
    if mention is not None and mention.get("gender") in ("female", "male"):
        if mention.get("gender_basis") != "pronoun" or quoted is None:
            return mention["gender"], mention.get("gender_basis") or "none"
        # pronouns inside the article's quotations speak of someone else
        g, basis = quoted()
        if g != "unknown":
            return g, basis
    name = row.get("speaker_name")
    if isinstance(name, str) and " " in name.strip() and all(w[:1].isupper() for w in name.split()):
        # a name, not a description ("Tory leader")
        g = first_name_gender(strip_title(name))
        if g != "unknown":
            return g, "first name"
    return "unknown", "none"


# ---------------------------------------------------------------------------
# linking to the article's actor table


class _ArticleActors:
    """The article's mentions, looked up by name, surname and span."""

    def __init__(self, mentions: pd.DataFrame | list[dict] | None, kinds: dict | None = None):
        self.kinds = kinds or {}  # actor_id -> the kind most of its mentions in the article have
        self.by_name: dict[str, dict] = {}
        self.by_surname: dict[str, list[dict]] = {}
        self.by_given: dict[str, list[dict]] = {}  # "Sir Howard" is Howard Newby
        self.spans: list[tuple[int, int, dict]] = []
        self.starts: dict[str, list[tuple[int, int]]] = {}
        self.person_starts: dict[str, list[int]] = {}
        self.quoted: list[tuple[int, int]] = []  # the article's direct and partial quotes
        self._surname_people: dict[str, dict] = {}  # memo of find's surname lookup
        self._first_spans: dict[str, list[tuple[int, int]]] = {}  # memo of first_spans
        self._recounted: dict[tuple, tuple[str, str]] = {}  # memo of gender_without_quotes
        self._people = self._inside_quote = None  # built on first use by gender_without_quotes
        self._overlap = _FirstOverlap([])
        self._span_starts: list[int] = []
        if isinstance(mentions, pd.DataFrame):  # a table, or its rows as records() gives them
            mentions = records(mentions)
        if not mentions:
            return
        for m in mentions:  # rows of the mentions table, in its order
            if m.get("match") == "adjective":
                continue
            key = normalise_name(m["name"])
            self.by_name.setdefault(key, m)
            self.by_name.setdefault(normalise_name(m["surface"]), m)
            self.starts.setdefault(m["actor_id"], []).append((int(m["start"]), int(m["end"])))
            if m["kind"] == "person":
                self.person_starts.setdefault(m["actor_id"], []).append(int(m["start"]))
            if m["kind"] == "person" and " " in str(m["name"]):
                self.by_surname.setdefault(key.split()[-1], []).append(m)
                parts = name_parts(bare_name(str(m["name"]))[0])  # "UK Liu Xiaoming": Liu Xiaoming
                if parts["surname_first"]:  # "Liu Xiaoming": "Liu" is the surname
                    self.by_surname.setdefault(normalise_name(parts["surname"]), []).append(m)
                self.by_given.setdefault(key.split()[0], []).append(m)
            self.spans.append((int(m["start"]), int(m["end"]), m))
        self._overlap = _FirstOverlap(self.spans)
        self._span_starts = [s for s, _e, _m in self.spans]

    def person_before(self, offset: int, gender: str, window: int = 1500) -> dict | None:
        """The person mentioned last before ``offset`` (within ``window``
        characters) whose gender is ``gender``, else the last whose gender
        is unknown."""
        starts = self._span_starts
        if all(a <= b for a, b in zip(starts, starts[1:])):
            # mentions in text order (as find_mentions gives them): skip the later ones by bisection
            later = bisect_left(starts, offset)
            candidates = (self.spans[k] for k in range(later - 1, -1, -1))
        else:
            candidates = reversed(self.spans)
        unknown = None
        for s, _e, m in candidates:
            if s >= offset:
                continue
            if s < offset - window:
                break
            if m["kind"] == "person" and m.get("gender") == gender:
                return m
            if unknown is None and m["kind"] == "person" and m.get("gender") == "unknown":
                unknown = m
        return unknown

    def find(self, name, start, end) -> dict | None:
        if isinstance(name, str) and name:
            key = normalise_name(name)
            words = key.split()
            # the name, without titles, then without leading words ("Culture Secretary Oliver Dowden")
            for k in (key, normalise_name(strip_title(name)), *(" ".join(words[i:]) for i in range(1, len(words) - 1))):
                if k in self.by_name:
                    hit = self.by_name[k]
                    if hit["kind"] == "person" and " " not in str(hit["name"]):
                        # "Liu" found on its own, "Liu Xiaoming" elsewhere in the article
                        people = self._people_by_surname(normalise_name(hit["name"]))
                        if len(people) == 1:
                            return next(iter(people.values()))
                    return hit
            if len(words) == 1:
                people = self._people_by_surname(words[0])
                if len(people) == 1:
                    return next(iter(people.values()))
        if start is not None and not pd.isna(start):
            return self._overlap.first(int(start), int(end))
        return None

    def person(self, name: str, title: str) -> dict | None:
        """The person mention a bare name (:func:`analysis.names.affiliation.bare_name`)
        means: the person of that name, else the one person of the article
        whose surname it is (whose given name, after ``Sir``/``Dame``), else
        None."""
        key = normalise_name(name)
        hit = self.by_name.get(key)
        if hit is not None and hit["kind"] == "person" and " " in str(hit["name"]):
            return hit
        words = key.split()
        if len(words) == 2 and words[0] in ("lord", "lady", "baron", "baroness"):
            words = words[1:]
        if len(words) != 1:
            return hit if hit is not None and hit["kind"] == "person" else None
        if title in ("sir", "dame"):
            people = {m["actor_id"]: m for m in self.by_given.get(words[0], [])}
        else:
            people = self._people_by_surname(words[0])
        if len(people) == 1:
            return next(iter(people.values()))
        return hit if hit is not None and hit["kind"] == "person" else None

    def _people_by_surname(self, surname: str) -> dict:
        """actor_id -> its last person mention with ``surname`` (memo)."""
        people = self._surname_people.get(surname)
        if people is None:
            people = self._surname_people[surname] = {m["actor_id"]: m for m in self.by_surname.get(surname, [])}
        return people

    def first_spans(self, actor_id) -> list[tuple[int, int]]:
        """The first three mentions of ``actor_id`` in text order (all that
        :func:`_affiliation` reads), sorted once per actor."""
        spans = self._first_spans.get(actor_id)
        if spans is None:
            spans = self._first_spans[actor_id] = sorted(self.starts.get(actor_id, []))[:3]
        return spans

    def gender_without_quotes(self, doc, mention: dict) -> tuple[str, str]:
        """:func:`analysis.names.gender.infer_gender` for the person ``mention``
        links to, counting no pronoun inside the article's direct and partial
        quotes and stopping at other people's mentions; the same for every
        quote of that person, so answered once per person, and the other
        people and the quotes are indexed once per article."""
        aid, name = mention["actor_id"], mention["name"]
        hit = self._recounted.get((aid, name))
        if hit is None:
            if self._people is None:
                self._people = PersonMentions((s, a) for a, starts in self.person_starts.items() for s in starts)
                self._inside_quote = inside_any(self.quoted)
            others = functools.partial(self._people.next_other, aid)  # the next mention of anyone else
            hit = self._recounted[(aid, name)] = infer_gender(name, doc, self.starts.get(aid, []), others=others,
                                                              skip=self._inside_quote)
        return hit


class _FirstOverlap:
    """The first of ``spans`` (``[(start, end, item), ...]``, in their given
    order) that overlaps a range, found among the spans that start less
    than the longest span's length before it instead of by a scan of all:
    linear in a document's length for spans of bounded length (names)."""

    def __init__(self, spans: list[tuple[int, int, object]]):
        order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self.starts = [spans[k][0] for k in order]
        self.rows = [(spans[k][1], k, spans[k][2]) for k in order]  # (end, position in spans, item)
        self.longest = max((e - s for s, e, _ in spans), default=0)

    def first(self, start: int, end: int):
        """The item of the first span with ``s < end and e > start``, or None."""
        lo = bisect_left(self.starts, start - self.longest + 1)  # e > start needs s > start - longest
        hi = bisect_left(self.starts, end)
        best = None
        for j in range(lo, hi):
            e, k, item = self.rows[j]
            if e > start and (best is None or k < best[0]):
                best = (k, item)
        return best[1] if best is not None else None


# ---------------------------------------------------------------------------
# the entry point


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
    for m in records(mentions) if mentions is not None and len(mentions) else ():
        by_article.setdefault(m["article_id"], []).append(m)
    rows_of = records(out)  # as out.to_dict("records"), faster
    start = 0
    for aid, n in out.groupby("article_id", sort=False).size().items():
        rows = rows_of[start:start + n]
        article_mentions = by_article.get(aid)
        actors = _ArticleActors(article_mentions, _majority_kinds(article_mentions))
        _describe_article(rows, docs.get(aid), actors, side_map)
        start += n
    new = pd.DataFrame(rows_of, index=out.index)
    for c in ["speaker_name", "speaker_actor_id", "speaker_kind", "speaker_gender", "side", *SPEAKER_COLUMNS]:
        out[c] = new[c].astype("object")
    for c in ("speaker_affiliation_start", "speaker_affiliation_end"):
        out[c] = out[c].astype("Int64")
    return out


def _majority_kinds(mentions: list[dict] | None) -> dict:
    """actor_id -> the kind most of its discovered mentions in one article
    have (discovery reads each mention on its own: "China's Huawei" may come
    out a person once and an organisation everywhere else); ties keep the
    kind seen first.  Voted per article, never over the batch: a table must
    not depend on which articles are read together."""
    counts: dict[tuple[str, str], int] = {}
    for m in mentions or ():
        if m["match"] == "discovered":
            pair = (m["actor_id"], m["kind"])
            counts[pair] = counts.get(pair, 0) + 1
    best: dict[str, tuple[int, str]] = {}
    for (actor_id, kind), n in counts.items():  # first seen first: a tie keeps it
        if actor_id not in best or n > best[actor_id][0]:
            best[actor_id] = (n, kind)
    return {actor_id: kind for actor_id, (_n, kind) in best.items()}


def _describe_article(rows: list[dict], doc, actors: _ArticleActors, side_map) -> None:
    actors.quoted = [(int(r["start"]), int(r["end"])) for r in rows if r["kind"] in ("direct", "partial")]
    for r in rows:
        if not r.get("speaker") or pd.isna(r.get("speaker")):
            r.update(speaker_gender_basis=None, speaker_affiliation=None, speaker_affiliation_start=None,
                     speaker_affiliation_end=None, side_basis=None)
            continue
        _describe_quote(r, doc, actors, side_map)
    said = [r for r in rows if r.get("speaker") and not pd.isna(r.get("speaker"))]
    turned = _one_kind_per_person(said)
    _share_within_article(said)
    for r in rows:
        if r.get("side_basis") not in (None, "codebook") and r.get("speaker_affiliation") and not r.get("side"):
            _side(r, False, side_map, None, "", r["speaker_kind"])
    for r in turned:
        if not r.get("side"):
            _side(r, False, side_map, r.get("speaker_name"), "", "person")


def _one_kind_per_person(rows: list[dict]) -> list[dict]:
    """A discovered actor that some quotes of the article show as a person
    by an honorific or title ("President Trump", "Spokesperson Onwula") is a
    person in all of them:
    a one-word name alone ("Trump said" in a headline) was taken for an
    organisation.  Returns the rows whose kind changed."""
    people = {r.get("speaker_actor_id") for r in rows if r.get("speaker_kind") == "person"
              and (r.get("_titled") or r.get("speaker_gender_basis") in ("honorific", "title"))}
    turned = []
    for r in rows:
        aid = r.get("speaker_actor_id")
        if aid and aid in people and str(aid).startswith("cand:") and r.get("speaker_kind") == "organisation":
            r["speaker_kind"] = "person"
            r["speaker_gender"], r["speaker_gender_basis"] = _gender(r, "person", None, None)  # "she said"
            turned.append(r)
    for r in rows:
        r.pop("_titled", None)
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


def _strip_article(text: str, start: int, end: int) -> tuple[str, int, int]:
    m = re.match(r"(?:the|a|an)\s+", text[start:end], re.IGNORECASE)
    if m:
        start += m.end()
    return text[start:end], start, end


def _is_named(name: str | None) -> bool:
    """A speaker name that names someone: a capitalised word that is not
    only a country adjective ("British media reports") and does not start
    with a preposition ("of Britain's" from "the head of Britain's agency")."""
    if not name:
        return False
    words = name.replace("’", "'").split()
    if words[0].lower() in kind_words("affiliation_preposition") or words[0][:1].islower() and not any(w[:1].isupper() for w in words[1:]):
        return False
    caps = [w for w in words if w[:1].isupper()]
    common = _common_speaker_words()  # "Ministers said": a capital only at the sentence start
    return bool(caps) and not all(clean_word(w).lower() in adjective_forms() or clean_word(w).lower() in common
                                  for w in caps)


@functools.cache
def _common_speaker_words() -> frozenset[str]:
    """The common nouns of the speaker kinds (anonymous, government,
    organisation, group, person role), united once per process."""
    kw = speaker_kind_words()
    return frozenset(kw["anonymous"] | kw["government"] | kw["organisation"] | kw["group"] | kw["person_role"])


_PRONOUNS = ("he", "she", "it", "they", "we", "i")


def _describe_quote(r: dict, doc, actors: _ArticleActors, side_map) -> None:
    """Kind, name, gender, affiliation and side of one quote's speaker
    (``r``, a quote row, is filled in place)."""
    coded = r.get("speaker_actor_id") is not None and not pd.isna(r.get("speaker_actor_id"))
    phrase = str(r.get("speaker"))
    pronoun = phrase.lower() in _PRONOUNS
    holder = _role_holder(doc, r) if doc is not None and not coded and not pronoun else None
    if holder is not None:
        _describe_role_holder(r, doc, holder, side_map)
        return
    kind, mention, named = _kind_and_actor(r, actors, coded, phrase)
    r["speaker_kind"] = kind
    if kind == "person" and not pronoun and not named:
        # one unnamed person: named by the description ("a Huawei spokesman" -> "Huawei spokesman")
        r["speaker_name"] = re.sub(r"^(?:an?|the|one)\s+", "", phrase, flags=re.IGNORECASE)
    if kind == "person" and mention is not None and len(str(mention["name"]).split()) > 1:
        # the fullest name the article gives ("Dowden" -> "Oliver Dowden"), without titles before it
        r["speaker_name"] = bare_name(str(mention["name"]))[0]
    entity = {"gender": r.get("speaker_gender"), "gender_basis": "codebook"} if coded else None
    r["speaker_gender"], r["speaker_gender_basis"] = _gender(r, kind, entity, mention,
                                                             _quoted_context(doc, actors, mention))
    spans = actors.first_spans(r.get("speaker_actor_id")) if r.get("speaker_actor_id") else []
    aff = speaker_affiliation(doc, r, spans) if doc is not None and kind in ("person", "anonymous") else None
    r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"] = aff or (None,) * 3
    final = r.get("speaker_name") if isinstance(r.get("speaker_name"), str) else None
    _side(r, coded, side_map, final if named else None, phrase, kind)


def _describe_role_holder(r: dict, doc, holder: str, side_map) -> None:
    """"a spokesman for [the Chinese embassy]": the speaker is the role's
    holder, the phrase the attribution found is its affiliation."""
    kind = _unnamed_kind(holder)
    gender = _phrase_gender(holder) if kind == "person" else None
    r["speaker_kind"] = kind
    r["speaker_gender"], r["speaker_gender_basis"] = gender or (("unknown", "none") if kind == "person"
                                                                else ("n/a", kind))
    r["speaker_name"] = re.sub(r"^(?:an?|the|one)\s+", "", holder, flags=re.IGNORECASE)
    start, end = int(r["speaker_start"]), int(r["speaker_end"])
    r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"] = \
        _strip_article(doc.text, start, end)
    r["speaker_actor_id"] = None
    _side(r, False, side_map, None, holder, kind)


def _kind_and_actor(r: dict, actors: _ArticleActors, coded: bool, phrase: str) -> tuple[str, dict | None, bool]:
    """The speaker's kind, the article mention it is linked to (None when
    there is none) and whether it is named; links ``speaker_actor_id``."""
    name = r.get("speaker_name") if isinstance(r.get("speaker_name"), str) else None
    pronoun = phrase.lower() in _PRONOUNS
    named = _is_named(name)
    if coded:
        return r.get("speaker_kind"), None, named
    if named and " and " in name and not pronoun and " and " in phrase:
        return "group", None, False  # coordinated speakers (`Burton and Nick`): a group of two
    mention, bare, title = None, name, ""
    if named:
        bare, title = bare_name(name)  # "British MP George Galloway" -> "George Galloway"
        whole, phrase_title = bare_name(phrase) if not pronoun else (phrase, "")
        title = title or phrase_title  # "Spokesperson Onwula" named "Onwula"
        if phrase_title and whole.endswith(" " + bare):
            bare = whole  # "Lord Falconer" named "Falconer": a peer's title is part of the name
        if bare != name or title:
            mention = actors.person(bare, title)
        if mention is None:
            mention = actors.find(name, None if pronoun else r.get("speaker_start"),
                                  None if pronoun else r.get("speaker_end"))
        # a lone word that no person mention of the article explains ("Tory") is no person's name
        not_person = mention["kind"] != "person" if mention is not None else \
            len(bare.split()) == 1 or _named_kind(bare, None, "") != "person"
        if phrase.lower() in _PERSONAL and not_person and r.get("speaker_start") is not None:
            # "he" resolved to a name no person of the article has ("China UK"): the nearest person before
            near = actors.person_before(int(r["speaker_start"]), _PERSONAL[phrase.lower()])
            if near is not None:
                mention, name, bare, title = near, near["name"], near["name"], ""
                r["speaker_name"] = near["name"]
    elif phrase.lower() in _PERSONAL and r.get("speaker_start") is not None:
        # "he"/"she" the attribution could not give a name: the nearest person before it of that gender
        mention = actors.person_before(int(r["speaker_start"]), _PERSONAL[phrase.lower()])
        if mention is not None:
            name, named = mention["name"], True
            r["speaker_name"] = mention["name"]
    if not pronoun and named and _head(phrase, keep_case=True)[:1].islower() and not _person_then_verb(phrase, mention):
        # a name that only modifies the speaker: "the UK government", "U.S. congressional leaders"
        kind = _unnamed_kind(phrase)
        if kind == "government body" and mention is not None:
            r["speaker_actor_id"] = mention["actor_id"]
        return kind, None, False
    if mention is not None:
        r["speaker_actor_id"] = mention["actor_id"]
        voted = dict(mention, kind=actors.kinds.get(mention["actor_id"], mention["kind"]))
        titled = bool(title)
        kind = _named_kind(mention["name"], voted, phrase, titled)
        r["_titled"] = titled and kind == "person"  # read by _one_kind_per_person
        if kind == "person" and bare != name:
            r["speaker_name"] = bare
        return kind, mention, named
    if pronoun and not named:
        # a pronoun the article's names do not explain ("he" resolved to "British" is no name)
        r["speaker_name"] = None
        return {"he": "person", "she": "person", "i": "person", "it": "organisation"}.get(phrase.lower(), "group"), \
            None, False
    if named:
        kind = _named_kind(name, None, phrase, bool(title))
        if kind == "person" and bare != name:
            r["speaker_name"] = bare
        return kind, None, named
    return _unnamed_kind(phrase), None, False


def _person_then_verb(phrase: str, mention: dict | None) -> bool:
    """A speaker phrase that runs on past a person's full name into the rest
    of the sentence ("Former British MP George Galloway published a
    commentary"): the name is the speaker, not a modifier of the last noun
    (as "UK" is in "the UK government")."""
    if mention is None or mention["kind"] != "person" or " " not in str(mention["name"]):
        return False
    last = str(mention["name"]).split()[-1]
    words = phrase.replace("’", "'").split()
    if last not in words:
        return False
    after = words[words.index(last) + 1:]
    return bool(after) and after[0].lower().strip(",.'s") not in _speaker_nouns()


@functools.cache
def _speaker_nouns() -> frozenset[str]:
    """Nouns that head a speaker phrase a name may modify ("the Trump administration")."""
    kw = speaker_kind_words()
    return frozenset(role_words() | kw["government"] | kw["organisation"] | kw["group"] | kw["anonymous"])


def _quoted_context(doc, actors: _ArticleActors, mention: dict | None):
    """What :func:`_gender` calls to recount a linked person's pronouns
    without those inside the article's quotations (None: not needed)."""
    if mention is None or doc is None or mention.get("gender_basis") != "pronoun":
        return None
    return functools.partial(actors.gender_without_quotes, doc, mention)


_GENDER_RANK = {"codebook": 0, "honorific": 1, "title": 1, "pronoun": 2, "first name": 3}


def _share_within_article(rows: list[dict]) -> None:
    """Quotes of one actor in one article agree: each takes the strongest
    gender evidence any of them has (codebook, then honorific or title, then
    pronoun attributions when they all say the same, then first name), the
    fullest name and the first affiliation any of them found."""
    best: dict[str, dict] = {}
    for r in rows:
        aid = r.get("speaker_actor_id")
        if not aid or r.get("speaker_kind") != "person":
            continue
        b = best.setdefault(aid, {"votes": {}})
        basis = r.get("speaker_gender_basis")
        if r.get("speaker_gender") in ("female", "male"):
            b["votes"].setdefault(basis, set()).add(r["speaker_gender"])
        name = r.get("speaker_name")
        if isinstance(name, str) and len(name.split()) > len(b.get("name", "").split()):
            b["name"] = name  # the fullest name any quote of the actor has ("Lord Falconer", "he" -> "Falconer")
        if r.get("speaker_affiliation") and "affiliation" not in b:
            b["affiliation"] = (r["speaker_affiliation"], r["speaker_affiliation_start"], r["speaker_affiliation_end"])
    for b in best.values():
        agreed = [(_GENDER_RANK.get(k, 4), next(iter(v)), k) for k, v in b["votes"].items() if len(v) == 1]
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


def _side(r: dict, coded: bool, side_map, name, phrase, kind) -> None:
    """Side and its basis: the codebook's for codebook actors; with a sides
    file, the speaker's own name (``speaker``), else its affiliation
    (``affiliation``), else any listed name or country word in the speaker's
    phrase (``speaker``: "Chinese observers")."""
    if coded and r.get("side") and (side_map is None or r["side"] in (*side_map.names, "other")):
        r["side_basis"] = "codebook"
        return
    r["side"], r["side_basis"] = None, "none"
    if side_map is None:
        return
    pronoun = phrase.lower() in _PRONOUNS
    tries = [(name, "speaker"), (affiliation_for_sides(r.get("speaker_affiliation")), "affiliation"),
             (None if pronoun else phrase, "speaker")]
    for text, basis in tries:
        hit = side_map.side_of(text) if text else None
        if hit:
            r["side"], r["side_basis"] = hit[0], basis
            return
    hit = side_map.side_of_surname(name) if kind == "person" else None
    if hit:  # "Pompeo" for the listed "Mike Pompeo"
        r["side"], r["side_basis"] = hit[0], "speaker"
        return
    for text, basis in tries:  # a country the file does not list: its side is "other"
        if text and _names_a_country(text):
            r["side"], r["side_basis"] = "other", basis
            return


def _names_a_country(text: str) -> bool:
    """Whether ``text`` holds a country's name or adjective, written as a name
    ("the German Interior Ministry", "Telecom Italia" does not)."""
    adjectives = adjective_forms()
    for w in re.findall(r"[A-Z][\w.'’-]*", text):
        w = clean_word(w).rstrip(".") if not w.endswith(".") or len(w) > 4 else clean_word(w)
        if w.lower() in adjectives or normalise_name(w) in country_index():
            return True
    return False
