"""A quoted speaker linked to the article's actor table: the article's
mentions looked up by name, surname, given name and span
(:class:`ArticleActors`, built once per article), and :func:`kind_and_actor`,
which links a quote's speaker to its mention and gives its kind.  Part of
:mod:`analysis.sourcing.speakers`."""
from __future__ import annotations

import functools
from bisect import bisect_left

import pandas as pd

from analysis.core.frames import records
from analysis.actors.lexicon import common
from analysis.names import (PersonMentions, affiliation_near, first_names, infer_gender, inside_any,
                            name_parts, normalise_name, peerage_titles, strip_title, title_table)
from analysis.names.affiliation import bare_name
from analysis.sourcing.speaker_kind import (
    PERSONAL,
    PRONOUNS,
    is_named,
    is_role_holder,
    named_kind,
    person_then_verb,
    speaker_head,
    unnamed_kind,
)

__all__ = ["ArticleActors", "FirstOverlap", "majority_kinds", "kind_and_actor"]


class ArticleActors:
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
        self.reported: list[tuple[int, int, int, int]] = []  # named indirect quotes: (start, end, speaker span)
        self._surname_people: dict[str, dict] = {}  # memo of find's surname lookup
        self._first_spans: dict[str, list[tuple[int, int]]] = {}  # memo of first_spans
        self._near: dict = {}  # memo of affiliation_near
        self._recounted: dict[tuple, tuple[str, str]] = {}  # memo of gender_without_quotes
        self._people = None  # built on first use by gender_without_quotes
        self._orgs = None  # actor_id -> [(start, mention)] of organisations, built on first use
        self._overlap = FirstOverlap([])
        self._span_starts: list[int] = []
        if isinstance(mentions, pd.DataFrame):  # a table, or its rows as records() gives them
            mentions = records(mentions)
        if not mentions:
            return
        for m in mentions:  # rows of the mentions table, in its order
            if m.get("match") == "adjective":
                continue
            name, kind, aid = m["name"], m["kind"], m["actor_id"]
            start, end = int(m["start"]), int(m["end"])
            key, surnames, given = mention_keys(name, kind)
            self.by_name.setdefault(key, m)
            self.by_name.setdefault(normalise_name(m["surface"]), m)
            self.starts.setdefault(aid, []).append((start, end))
            if kind == "person":
                self.person_starts.setdefault(aid, []).append(start)
            for surname in surnames:
                self.by_surname.setdefault(surname, []).append(m)
            if given is not None:
                self.by_given.setdefault(given, []).append(m)
            self.spans.append((start, end, m))
        self._overlap = FirstOverlap(self.spans)
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

    def organisation_before(self, offset: int, window: int = 1000) -> dict | None:
        """The organisation the article has talked about most before
        ``offset`` (the most mentions before it; ties: the one mentioned
        last), among those mentioned within ``window`` characters before it
        (the kind its mentions in the article vote for), else None: "the
        company" is the article's company, not the news agency or regulator
        named last ("told Reuters")."""
        if self._orgs is None:
            self._orgs = {}
            for s, _e, m in self.spans:
                if self.kinds.get(m["actor_id"], m["kind"]) == "organisation":
                    self._orgs.setdefault(m["actor_id"], []).append((s, m))
        best, key = None, None
        for items in self._orgs.values():
            before = [(s, m) for s, m in items if s < offset]
            if before and max(s for s, _m in before) >= offset - window:
                k = (len(before), max(s for s, _m in before))
                if key is None or k > key:
                    best, key = max(before, key=lambda x: x[0])[1], k
        return best

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
        if len(words) == 2 and words[0] in peerage_titles():
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
        :meth:`affiliation_near` reads), sorted once per actor."""
        spans = self._first_spans.get(actor_id)
        if spans is None:
            spans = self._first_spans[actor_id] = sorted(self.starts.get(actor_id, []))[:3]
        return spans

    def affiliation_near(self, doc, actor_id) -> tuple[str, int, int] | None:
        """:func:`analysis.names.affiliation_near` of ``actor_id``'s first
        mentions (None for no actor): the same for every quote of that
        actor, so read once per actor and article."""
        if not actor_id:
            return None
        if actor_id not in self._near:
            self._near[actor_id] = affiliation_near(doc, self.first_spans(actor_id))
        return self._near[actor_id]

    def gender_without_quotes(self, doc, mention: dict) -> tuple[str, str]:
        """:func:`analysis.names.gender.infer_gender` for the person ``mention``
        links to, counting no pronoun inside the article's direct and partial
        quotes nor inside the reported clauses of other named speakers ("Carole
        Walker said the timing was unlikely to help his efforts" speaks of
        someone else), and stopping at other people's mentions; the same for
        every quote of that person, so answered once per person, and the
        other people are indexed once per article."""
        aid, name = mention["actor_id"], mention["name"]
        hit = self._recounted.get((aid, name))
        if hit is None:
            if self._people is None:
                self._people = PersonMentions((s, a) for a, starts in self.person_starts.items() for s in starts)
            own = self.starts.get(aid, [])
            others_said = [(a, b) for a, b, s0, e0 in self.reported if not any(s < e0 and e > s0 for s, e in own)]
            others = functools.partial(self._people.next_other, aid)  # the next mention of anyone else
            hit = self._recounted[(aid, name)] = infer_gender(name, doc, own, others=others,
                                                              skip=inside_any(self.quoted + others_said))
        return hit


@functools.lru_cache(maxsize=1 << 15)  # the same names recur in every article of a story
def mention_keys(name, kind: str) -> tuple[str, tuple[str, ...], str | None]:
    """A mention name's key, the surname keys a person with a full name
    is found by (the last word; also the first for a surname-first name,
    "Liu Xiaoming") and its given-name key (None when not a person with
    a full name)."""
    key = normalise_name(name)
    if kind != "person" or " " not in str(name):
        return key, (), None
    parts = name_parts(bare_name(str(name))[0])  # "UK Liu Xiaoming": Liu Xiaoming
    words = key.split()
    surnames = (words[-1], normalise_name(parts["surname"])) if parts["surname_first"] else (words[-1],)
    return key, surnames, words[0]


class FirstOverlap:
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


def majority_kinds(mentions: list[dict] | None) -> dict:
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



def _honorific_person(kind: str, title: str) -> str:
    """"Baroness Kennedy", "Mr Ross": an honorific or peer's title before the
    name makes a person, whatever discovery read the lone name as."""
    return "person" if title_table()[0].get(title, ("", ""))[1] in ("honorific", "peerage") else kind


def _described_holder(r: dict, name: str) -> bool:
    """A he/she the resolver gave a role holder's description ("he" after
    "The US president" named "US president"): the unnamed holder it refers to."""
    return " " in name and is_role_holder(name) and r.get("attribution") in ("pronoun", "carried-over")


def _linked_back(r: dict, phrase: str, name: str) -> bool:
    """A definite role the attribution linked back to an earlier speaker, as
    it links a pronoun ("the source" after "One Whitehall source", "The
    spokesman" after "Wang Wenbin, Foreign Ministry spokesman"): attribution
    ``pronoun`` (or ``carried-over`` from such a role), a phrase of two to
    four words opening with "the" and holding no capital after it, and a
    capitalised name, not a possessive, none of whose words the phrase holds."""
    words = phrase.split()
    if r.get("attribution") not in ("pronoun", "carried-over") or not 2 <= len(words) <= 4 \
            or words[0].lower() not in ("the", "this") or any(w[:1].isupper() for w in words[1:]):
        return False  # a definite role with no name of its own ("The Prime Minister's spokesman" has one)
    if not any(c.isupper() for c in name) or name.endswith(("'s", "’s")):
        return False  # no name to read ("PM’s" only modifies the earlier role)
    said = set(normalise_name(phrase).split())
    return not said & set(normalise_name(name).split())


def _earlier_speaker(r: dict, actors: ArticleActors, phrase: str, name: str) -> tuple[str, dict | None, bool]:
    """Kind, mention and namedness of a definite role linked back to an
    earlier speaker: the phrase as written stays; the earlier speaker's name
    is what the actor link, the affiliation and the side read.  A person of
    the article's mentions is that person; otherwise the role keeps the kind
    its own phrase gives ("the source": anonymous) with the earlier name."""
    mention = actors.find(name, None, None)
    if mention is not None and mention["kind"] == "person":
        r["speaker_actor_id"] = mention["actor_id"]
        return "person", mention, True
    return unnamed_kind(phrase), None, True


def _bare_and_title(name: str, phrase: str, pronoun: bool) -> tuple[str, str]:
    """The person's name without what stands before it and the title before
    it, from the attribution's name and the speaker phrase: "British MP
    George Galloway" -> "George Galloway"; "Spokesperson Onwula" named
    "Onwula" takes the phrase's title; a peer's title is part of the name
    ("Lord Falconer" named "Falconer"); a name that is only titles ("U.S.
    Secretary" for "U.S. Secretary of State Mike Pompeo") is the phrase's."""
    bare, title = bare_name(name)
    whole, phrase_title = bare_name(phrase) if not pronoun else (phrase, "")
    title = title or phrase_title
    if phrase_title and (whole.endswith(" " + bare) or _only_titles(bare) and not _only_titles(whole)):
        bare = whole
    return bare, title


def _only_titles(name: str) -> bool:
    """Every word of ``name`` a title of the title table ("Secretary")."""
    table = title_table()[0]
    return all(w.lower().rstrip(".") in table or w.lower() in table for w in name.split())


def _no_person_name(bare: str, mention: dict | None) -> bool:
    """Whether a resolved name is no person's: its mention is not a person,
    or no person mention of the article explains it and it is a lone word
    ("Tory"), reads as no person's name, or opens with an English word or
    an acronym that is no listed given name ("Licensing Act", "BBC Radio
    Sheffield", "Weakest Link": a ``he`` resolved there means a person; an
    unlisted given name no English word, "Kisrty Williams", stays a name)."""
    if mention is not None:
        return mention["kind"] != "person"
    if len(bare.split()) == 1 or named_kind(bare, None, "") != "person":
        return True
    words = strip_title(bare).split()
    first = words[0].rstrip(".")
    given = first_names()
    return first.lower() not in given and not name_parts(bare)["surname_first"] \
        and (common(first) > 0 or first.isupper()) \
        and not any(w.lower() in given for w in words[1:-1])  # "Virgin Radio DJ Pete Mitchell"


def _person_of_gender(near: dict | None, actors: ArticleActors, gender: str) -> bool:
    """Whether the mention :meth:`ArticleActors.person_before` found for a
    he or she is a person (by the vote of its mentions and its name) not of
    the other gender by the mention's own gender nor by a given name the
    list gives only to the other ("she" is not Anton Dolin; "he" may be
    Jamie Foxx, a mostly female name)."""
    if near is None or named_kind(str(near["name"]), dict(near, kind=actors.kinds.get(near["actor_id"], near["kind"])),
                                  "") != "person":
        return False  # "Telecom Italia", which discovery read as a person
    other = "female" if gender == "male" else "male"
    given = name_parts(strip_title(str(near["name"])))["given"].split()
    clear = first_names().get(given[0].lower(), "") if given else ""  # "mostly_female" Jamie Foxx may be a he
    return near.get("gender") != other and clear != other


def _is_territorial(bare: str, title: str) -> bool:
    """A peer's territorial name ("Lord Roberts of Conwy", "Duke of
    Edinburgh"): a peerage title and ``of`` in the bare name."""
    return title in peerage_titles() and " of " in bare and bare.lower().startswith(title + " ")


def kind_and_actor(r: dict, actors: ArticleActors, coded: bool, phrase: str) -> tuple[str, dict | None, bool]:
    """The speaker's kind, the article mention it is linked to (None when
    there is none) and whether it is named; links ``speaker_actor_id``."""
    # long: one decision over phrase, name and mention whose branches must be read in this order
    name = r.get("speaker_name") if isinstance(r.get("speaker_name"), str) else None
    pronoun = phrase.lower() in PRONOUNS
    named = is_named(name)
    if coded:
        return r.get("speaker_kind"), None, named
    if named and " and " in name and not pronoun and " and " in phrase:
        return "group", None, False  # coordinated speakers (`Burton and Nick`): a group of two
    mention, bare, title = None, name, ""
    if pronoun and named and _described_holder(r, name):
        return unnamed_kind(name), None, True
    if named:
        bare, title = _bare_and_title(name, phrase, pronoun)
        if _is_territorial(bare, title):  # "Lord Roberts of Conwy": that name or none, not any Roberts
            name = r["speaker_name"] = bare
            mention = actors.by_name.get(normalise_name(bare))
            mention = mention if mention is not None and mention["kind"] == "person" else None
        else:
            mention = actors.person(bare, title) if bare != name or title else None
            if mention is None:
                mention = actors.find(name, None if pronoun else r.get("speaker_start"),
                                      None if pronoun else r.get("speaker_end"))
        not_person = _no_person_name(bare, mention)
        if phrase.lower() in PERSONAL and not_person and r.get("speaker_start") is not None:
            # "he" resolved to a name no person of the article has ("China UK"): the nearest person before
            near = actors.person_before(int(r["speaker_start"]), PERSONAL[phrase.lower()])
            if _person_of_gender(near, actors, PERSONAL[phrase.lower()]):
                mention, name, bare, title = near, near["name"], near["name"], ""
                r["speaker_name"] = near["name"]
            elif not title and _no_person_name(bare, None):  # no person to give it: an unnamed he or she,
                mention, name, named = None, None, False  # not the name of a thing ("Downing Street")
    elif phrase.lower() in PERSONAL and r.get("speaker_start") is not None:
        # "he"/"she" the attribution could not give a name: the nearest person before it of that gender
        mention = actors.person_before(int(r["speaker_start"]), PERSONAL[phrase.lower()])
        if mention is not None:
            name, named = mention["name"], True
            r["speaker_name"] = mention["name"]
    if not pronoun and name and _linked_back(r, phrase, name):
        return _earlier_speaker(r, actors, phrase, name)
    if not pronoun and named and speaker_head(phrase, keep_case=True)[:1].islower() and not person_then_verb(phrase, mention):
        # a name that only modifies the speaker: "the UK government", "U.S. congressional leaders"
        kind = unnamed_kind(phrase)
        if kind == "government body" and mention is not None:
            r["speaker_actor_id"] = mention["actor_id"]
        return kind, None, False
    if mention is not None:
        r["speaker_actor_id"] = mention["actor_id"]
        voted = dict(mention, kind=actors.kinds.get(mention["actor_id"], mention["kind"]))
        titled = bool(title)
        kind = _honorific_person(named_kind(mention["name"], voted, phrase, titled), title)
        r["_titled"] = titled and kind == "person"  # read by _one_kind_per_person
        r["_lone_word"] = kind == "organisation" and voted["kind"] == "person"  # a discovered person's lone name
        if kind == "person" and bare != name:
            r["speaker_name"] = bare
        return kind, mention, named
    if pronoun and not named:
        # a pronoun the article's names do not explain ("he" resolved to "British" is no name)
        r["speaker_name"] = None
        return {"he": "person", "she": "person", "i": "person", "it": "organisation"}.get(phrase.lower(), "group"), \
            None, False
    if named:
        kind = named_kind(name, None, phrase, bool(title))
        if kind == "person" and bare != name:
            r["speaker_name"] = bare
        return kind, None, named
    return _named_body(r, actors, phrase) or (unnamed_kind(phrase), None, False)


# the nouns of a business the article has named ("the company", "the firm"); wider organisation
# nouns ("the party", "the group", "the union") are left as written: they often mean a body never named
_BUSINESS = frozenset({"company", "firm"})


def _named_body(r: dict, actors: ArticleActors, phrase: str) -> tuple[str, dict | None, bool] | None:
    """"the company" or "the firm" (the article and a business noun), and
    "a company spokesman" (the same with a role word after it): the
    organisation the article has named most before it (one of those named
    within 1,000 characters; :meth:`ArticleActors.organisation_before`).  "the company" is that organisation; the role holder keeps
    its kind with the organisation's name in place of the noun ("Huawei
    spokesman").  None when the phrase is not one of these or no
    organisation comes before it."""
    words = phrase.lower().split()
    start = r.get("speaker_start")
    if not 2 <= len(words) <= 3 or words[0] not in ("the", "a", "an", "one") or start is None or pd.isna(start):
        return None
    noun = words[1]
    if noun not in _BUSINESS:
        return None
    if len(words) == 3 and not is_role_holder(phrase) or len(words) == 2 and words[0] != "the":
        return None
    org = actors.organisation_before(int(start))
    if org is None:
        return None
    if len(words) == 2:
        r["speaker_actor_id"], r["speaker_name"] = org["actor_id"], org["name"]
        return "organisation", org, True
    r["speaker_name"] = f"{org['name']} {phrase.split()[2]}"
    return unnamed_kind(phrase), None, True

