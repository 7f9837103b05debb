"""Where a person belongs, as the article says it next to the name: the
organisation, party or country in the words before a mention ("Foreign
Ministry spokeswoman", "Huawei's chief executive"), in the apposition after
it ("X, a spokesman for the Chinese embassy"), or in a speaker phrase; US
party letters ("R-Neb.") read as the party.  Also the speaker word lists of
``analysis/data/speaker_kinds.txt`` and the role words these rules share
with speaker description (:mod:`analysis.sourcing.speakers`)."""
from __future__ import annotations

import csv
import functools
import io
import re
from itertools import islice
from bisect import bisect_left, bisect_right

import pandas as pd

from analysis.names.countries import adjective_forms, country_index
from analysis.names.gender import sentence_index
from analysis.names.honorifics import peerage_titles, titles
from analysis.names.words import name_particles, normalise_name, speaker_words, speech_verbs
from analysis.core.resources import data_path, read_sections

__all__ = ["affiliation_near", "affiliation_for_sides", "speaker_affiliation", "phrase_affiliation", "speaker_kind_words", "kind_words",
           "title_table", "role_words", "clean_word", "last_at_or_before", "bare_name"]

_COMMA = re.compile(r"\s*,\s*")
_TOKEN = re.compile(r"[^\W\d_][\w.'’&-]*|\d[\w.-]*|[,;:()“”\"]")


@functools.cache
def speaker_kind_words() -> dict[str, frozenset[str]]:
    """The sections of ``analysis/data/speaker_kinds.txt``: anonymous,
    anonymous_phrase, government, organisation, group."""
    return {section: frozenset(w.lower() for w in words) for section, words in read_sections("speaker_kinds.txt").items()}


def kind_words(section: str) -> frozenset[str]:
    """One section of ``analysis/data/speaker_kinds.txt``."""
    return speaker_kind_words()[section]


@functools.cache
def title_table() -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """lower-case title -> (gender, kind), and every title's words (lower case)."""
    t = titles()
    table = {w.lower(): (g, k) for w, g, k in zip(t["title"], t["gender"], t["kind"])}
    words = frozenset(w for title in table for w in title.replace(".", "").split())
    return table, words


@functools.cache
def role_words() -> frozenset[str]:
    """Nouns that name a role (``spokeswoman``, ``MP``, ``chief``, ``officials``):
    single-word titles and the heads of anonymous sources."""
    title_words, _ = speaker_words()
    single = {t.rstrip(".") for t in title_table()[0] if " " not in t}
    modifiers = speaker_kind_words()["title_modifier"]
    kw = speaker_kind_words()
    return frozenset((single | (title_words - modifiers) | kw["anonymous"] | kw["person_role"]) - modifiers)


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The tokens of ``text[start:end]`` with their offsets in ``text`` (the
    pattern has no anchors or look-behind: searching the range of the whole
    text finds what searching the slice finds)."""
    return [(m.group(), *m.span()) for m in _TOKEN.finditer(text, start, end)]


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def clean_word(word: str) -> str:
    w = word.replace("’", "'")
    return w[:-2] if w.lower().endswith("'s") else w.rstrip("'")


@functools.cache
def _before_name_words() -> frozenset[str]:
    """Lower-case words that stand before a name and are not part of it."""
    return frozenset(role_words() | adjective_forms() | kind_words("person_role") | kind_words("constituency_role"))


@functools.lru_cache(maxsize=1 << 15)  # the same names recur in every quote and article of a story
def bare_name(name: str) -> tuple[str, str]:
    """A person's name without what stands before it in a speaker phrase, and
    the title that stood right before it (lower case, "" if none): titles,
    offices, roles, country adjectives, a possessive owner and everything
    before them ("British MP George Galloway" -> "George Galloway", "ABN
    Amro's Paul Mackel" -> "Paul Mackel", "Meanwhile Ms Hutt" -> "Hutt" with
    "ms", "Shadow Cabinet Industrial Policy Spokesperson Onwula" -> "Onwula").
    A peer's title stays with a lone name ("Lord Falconer").  A name with
    nothing capitalised left after them is returned unchanged."""
    words = name.split()
    table, _ = title_table()
    drop = _before_name_words()
    territorial = _territorial_name(words)
    if territorial is not None:
        return territorial
    cut, title = 0, ""
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(",")
        bare = clean_word(low).rstrip(".")
        if low in table or bare in table or bare in drop or normalise_name(bare) in country_index() \
                or low.endswith(("'s", "’s")) or (w[:1].islower() and low not in name_particles()):
            cut, title = i + 1, (bare if low in table or bare in table else "")
        elif longer := _title_ending_at(words, i):  # "Secretary of State Mike Pompeo"
            cut, title = i + 1, longer
    rest = words[cut:]
    if not rest or not all(w[:1].isupper() for w in rest):
        return name, ""
    if title in peerage_titles() and len(rest) == 1:
        return f"{words[cut - 1]} {rest[0]}", title
    return " ".join(rest), title


def _title_ending_at(words: list[str], i: int) -> str:
    """The title of two or three words that ends with ``words[i]`` and holds
    a lower-case word ("Secretary of State"), lower case, or ""."""
    table = title_table()[0]
    for k in (2, 1):
        if i - k >= 0:
            phrase = " ".join(words[i - k:i + 1]).lower()
            if phrase in table and any(w.islower() for w in words[i - k:i + 1]):
                return phrase
    return ""


def _territorial_name(words: list[str]) -> tuple[str, str] | None:
    """A peer's territorial title is the whole name, whatever stands before
    it: "Lord Roberts of Conwy", "Duke of Edinburgh" (a peerage title of the
    title table, at most one capitalised word, ``of`` and capitalised words
    to the end).  ``(name, title)``, or None when ``words`` end otherwise."""
    peers = peerage_titles()
    for i, w in enumerate(words[:-2]):
        if w.lower() not in peers or not w[:1].isupper():
            continue
        rest = words[i + 1:]
        k = rest.index("of") if "of" in rest else -1
        if k in (0, 1) and k + 1 < len(rest) and all(x[:1].isupper() for j, x in enumerate(rest) if j != k):
            return " ".join(words[i:]), w.lower()
    return None


# ---------------------------------------------------------------------------
# affiliation


def _affiliation_in(text: str, toks: list[tuple[str, int, int]], skip: set[int]) -> tuple[int, int] | None:
    """The span of the organisation a descriptor names (``toks``: its
    tokens; ``skip``: indices of the person's own name), or None: the first
    of the four readings below that finds one."""
    lows = [w.lower() for w, _s, _e in toks]
    return (_party_letters(toks, skip) or _possessive_owner(toks, lows, skip) or _role_for(toks, lows, skip)
            or _run_before_role(toks, lows, skip) or _country_word(toks, lows, skip))


def _party_letters(toks, skip):
    """0. US party letters: "Sen. Ben Sasse, R-Neb."."""
    parties = _party_abbreviations()
    for i, (w, s, e) in enumerate(toks):
        if w[1:2] == "-" and i not in skip and _PARTY_LETTERS.match(w) and w.split("-")[0] in parties:
            return s, e
    return None


def _possessive_owner(toks, lows, skip):
    """1. a possessive name: "Huawei's chief executive", "The Global Times' editor"."""
    role = role_words()
    for i, (w, s, e) in enumerate(toks):
        if len(w) <= 3 or not w[:1].isupper() or i in skip:
            continue
        straight = w.replace("’", "'")
        plural = straight.endswith("s'")
        if plural or lows[i].replace("’", "'").endswith("'s"):
            j = i
            while j - 1 >= 0 and j - 1 not in skip and toks[j - 1][0][:1].isupper() and lows[j - 1] not in role:
                j -= 1
            return toks[j][1], e - (1 if plural else 2)
    return None


def _role_for(toks, lows, skip):
    """2. "<role> for/of/at <the Chinese embassy | Huawei>" ("the MP for
    Tonbridge" is a constituency, "the daughter of" a relative)."""
    role, adjectives = role_words(), adjective_forms()
    prepositions, determiners = kind_words("affiliation_preposition"), kind_words("affiliation_determiner")
    stops, constituency = kind_words("affiliation_stop"), kind_words("constituency_role")
    kinship = kind_words("kinship")  # "the daughter of ...": a relative, not a body
    n = len(toks)
    for i in range(1, n):
        w = lows[i]
        if w not in prepositions or i in skip:
            continue
        before = lows[i - 1].rstrip(".")
        if before not in role or (w == "for" and before in constituency) or before in kinship:
            continue
        k = i + 1
        while k < n and lows[k] in determiners:
            k += 1
        first = k
        while k < n and k not in skip and toks[k][0] not in ",;:()“”\"" and lows[k] not in stops:
            k += 1
        if any(toks[x][0][:1].isupper() or lows[x] in adjectives for x in range(first, k)):
            return toks[first][1], toks[k - 1][2]
    return None


def _run_before_role(toks, lows, skip):
    """3. a capitalised run before a lower-case or acronym role word:
    "Foreign Ministry spokeswoman", "Conservative MP" (not "Culture
    Secretary": a title), past a determiner that opens the sentence."""
    role, determiners = role_words(), kind_words("affiliation_determiner")
    for i, (w, _s, _e) in enumerate(toks):
        if lows[i].rstrip(".") not in role or (w[:1].isupper() and not w.isupper()) or i in skip:
            continue
        j = i
        while j - 1 >= 0 and j - 1 not in skip and toks[j - 1][0][:1].isupper() \
                and lows[j - 1].rstrip(".") not in role:
            j -= 1
        while j < i and lows[j] in determiners:  # "The spokesperson", "The Tory leader": no body in "The"
            j += 1
        if j < i:
            return toks[j][1], toks[i - 1][2]
    return None


def _country_word(toks, lows, skip):
    """4. a country adjective or name with no role ("Chinese officials")."""
    adjectives, countries = adjective_forms(), country_index()
    for i, (w, s, e) in enumerate(toks):
        if w[:1].isupper() and i not in skip and (lows[i] in adjectives or normalise_name(clean_word(w)) in countries):
            return s, e
    return None


_PARTY_LETTERS = re.compile(r"^[A-Z]-[A-Z][a-z]*\.?$")


@functools.cache
def _party_abbreviations() -> dict[str, str]:
    """``analysis/data/party_abbreviations.csv``: party letter -> party."""
    lines = [ln for ln in data_path("party_abbreviations.csv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return {r["abbreviation"]: r["party"] for r in csv.DictReader(io.StringIO("\n".join(lines)))}


def affiliation_for_sides(text: str | None) -> str | None:
    """The affiliation as a sides file is asked about it: party letters
    ("R-Neb.") become the party's name."""
    if text and _PARTY_LETTERS.match(text):
        return _party_abbreviations().get(text.split("-")[0], text)
    return text


def _premodifier(text: str, start: int, lo: int) -> list[tuple[str, int, int]]:
    """Tokens right before ``start`` (back to ``lo``) that can describe a
    name: capitalised words, possessives, role words, ``of``/``for``, an
    ``and`` between two roles of one person and up to three
    other lower-case words ("British scholar", "Spanish telecommunications
    company"), never a verb or function word."""
    toks = _tokens(text, lo, start)
    role = role_words()
    if len(toks) >= 2 and toks[-1][0] == ",":
        if toks[-2][0].lower().rstrip(".") in role:
            toks = toks[:-1]  # "The Global Times' editor, Hu Xijin": the role before the comma describes the name
        else:
            return _role_with_object(text, toks[:-1], lo)
    k, plain = len(toks), 0
    while k - 1 >= 0:
        w = toks[k - 1][0]
        low = w.lower()
        if _is_cap(w) or low.rstrip(".") in role or low in {"of", "for"}:
            k -= 1
            continue
        if low == "and" and _two_roles(toks, k - 1, role):
            k -= 1  # "British Labor MP and Shadow Cabinet Spokesperson": one person's two roles
            continue
        if low.isalpha() and low not in kind_words("premodifier_stop") and plain < 3:
            k, plain = k - 1, plain + 1
            continue
        break
    while k < len(toks) and (toks[k][0].lower() in {"of", "for"} or not (_is_cap(toks[k][0])
                                                                        or toks[k][0].lower() in role)):
        k += 1
    return toks[k:]


def _two_roles(toks: list[tuple[str, int, int]], i: int, role: frozenset[str]) -> bool:
    """Does ``and`` at token ``i`` join two roles of one person: a role word
    (not a relative, "brother and representative") before it, a role word or
    a capital after it ("president and chief executive", "MP and Shadow
    Spokesperson"; not "speaker and classical composer")?"""
    if i < 1 or i + 1 >= len(toks):
        return False
    before, after = toks[i - 1][0].lower().rstrip("."), toks[i + 1][0]
    return before in role and before not in kind_words("kinship") and (
        _is_cap(after) or after.lower().rstrip(".") in role)


def _role_with_object(text: str, toks: list[tuple[str, int, int]], lo: int) -> list[tuple[str, int, int]]:
    """The words before a role whose object leads to the comma before a name
    ("China's ambassador to the U.K., Liu Xiaoming" -> "China's
    ambassador"), as :func:`_premodifier` reads them; else [].  The object
    is left out: it names where the holder serves ("to the U.K."), or a
    portfolio ("Minister of Foreign Affairs"), not whom the holder speaks for."""
    role = role_words()
    for i in range(len(toks) - 2, max(len(toks) - 8, 0) - 1, -1):
        if toks[i][0].lower().rstrip(".") in role and toks[i + 1][0].lower() in _ROLE_OBJECT_PREPOSITIONS:
            if any(t[0] in ",;:()“”\"" for t in toks[i + 1:]):
                return []
            return _premodifier(text, toks[i][2], lo)
    return []


_ROLE_OBJECT_PREPOSITIONS = frozenset({"to", "in", "at", "of", "for"})


def _apposition(text: str, end: int, hi: int) -> list[tuple[str, int, int]]:
    """Tokens of ``, a/the ... ,`` right after a name (up to the next comma,
    at most 20 words, and before the ``to`` of a role: "adviser to X" names
    whom the role serves), or []."""
    m = _COMMA.match(text, end, end + 4)
    if not m:
        return []
    s = m.end()  # an offset in text
    stop = len(text)
    for ch in ",;\n(":
        p = text.find(ch, s, hi)
        if p != -1:
            stop = min(stop, p)
    toks = list(islice(_TOKEN.finditer(text, s, min(stop, hi)), 21))  # more than 20: no apposition
    if not toks or len(toks) > 20:
        return []
    toks = [(m.group(), *m.span()) for m in toks]
    first = toks[0][0].lower()
    if first in {"who", "which", "said", "says", "told", "and", "but"}:
        return []
    # ", tweeted that the UK ...": the sentence goes on with a speech verb, no apposition
    if first in speech_verbs():
        return []
    role = role_words()
    for i in range(1, len(toks)):  # ", a former adviser to former British Prime Minister X": whom he advised
        if toks[i][0].lower() == "to" and toks[i - 1][0].lower().rstrip(".") in role:
            return toks[:i]
    return toks


def speaker_affiliation(doc, row: dict, name_spans: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The affiliation of a quote's speaker (``row``: its quote row;
    ``name_spans``: its first mentions in text order): from its own phrase
    or the apposition after it (:func:`phrase_affiliation`), else from the
    words next to its first mentions.  ``(text, start, end)`` or None."""
    return phrase_affiliation(doc, row) or _first_affiliation(doc.text, _mention_descriptors(doc, name_spans))


def phrase_affiliation(doc, row: dict) -> tuple[str, int, int] | None:
    """The affiliation a quote's speaker phrase gives (``Huawei's chief
    executive``, ``a spokesman for the Chinese embassy``) or the apposition
    right after it.  ``(text, start, end)`` or None."""
    return _first_affiliation(doc.text, _phrase_descriptors(doc, row))


def _first_affiliation(text: str, descriptors) -> tuple[str, int, int] | None:
    for toks, skip in descriptors:
        if not toks:
            continue
        hit = _affiliation_in(text, toks, skip)
        if hit:
            a, b = hit
            return text[a:b], a, b
    return None


def _phrase_descriptors(doc, row: dict):
    """The speaker phrase and the apposition after it, each as ``(tokens,
    indices of the name's own tokens)``, made one at a time, as they are read."""
    text = doc.text
    s0, e0 = row.get("speaker_start"), row.get("speaker_end")
    if s0 is not None and not pd.isna(s0):
        s0, e0 = int(s0), int(e0)
        toks = _tokens(text, s0, e0)
        yield toks, _name_token_indices(toks, row.get("speaker_name"))
        yield _apposition(text, e0, _sentence_end(doc, e0)), set()


def _mention_descriptors(doc, name_spans: list[tuple[int, int]]):
    """The words before and the apposition after each of the first three of
    ``name_spans``, in that order, made one at a time."""
    text = doc.text
    sents = sentence_index(doc)[0]  # the sentence starts, listed once per document
    for ms, me in name_spans[:3]:
        lo = last_at_or_before(sents, ms)
        yield _premodifier(text, ms, max(lo, ms - 120)), set()
        yield _apposition(text, me, _sentence_end(doc, me)), set()


def last_at_or_before(ascending: list[int], offset: int) -> int:
    """The largest of ``ascending`` (sorted) that is <= ``offset``, else 0:
    ``max([x for x in ascending if x <= offset] or [0])`` by bisection."""
    k = bisect_right(ascending, offset)
    return ascending[k - 1] if k else 0


def _sentence_end(doc, offset: int) -> int:
    """The end of the first sentence that ends at or after ``offset``, else
    the end of the text (the sentence ends listed once per document)."""
    ends = sentence_index(doc)[1]
    k = bisect_left(ends, offset)
    return ends[k] if k < len(ends) else len(doc.text)


def affiliation_near(doc, spans: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The affiliation the article gives next to a person's first mentions
    (``spans``: their offsets): the words before a mention or the apposition
    after it, read as for a speaker.  ``(text, start, end)`` or None."""
    return _first_affiliation(doc.text, _mention_descriptors(doc, sorted(spans)))


def _name_token_indices(toks, name) -> set[int]:
    """Indices of the tokens that belong to the speaker's name (its words, at
    the end of the phrase)."""
    if not name or not isinstance(name, str):
        return set()
    words = {w.lower() for w in name.replace("’", "'").split()}
    out = set()
    for i in range(len(toks) - 1, -1, -1):
        w = clean_word(toks[i][0]).lower()
        if w in words:
            out.add(i)
        elif out:
            break
    return out
