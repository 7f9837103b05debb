"""The parts of a person's name: given name and surname, and whether it is
written surname first (``Meng Wanzhou``, ``Xi Jinping``, ``Kim Jong Un``),
from ``analysis/data/surname_first.txt``, pinyin and Korean/Vietnamese
given-name syllables, and the particles that stay with a surname
(``Ursula von der Leyen``)."""
from __future__ import annotations

import functools
import re

from analysis.names.countries import adjective_forms, country_index
from analysis.names.given_names import first_names
from analysis.names.honorifics import strip_title, titles
from analysis.names.words import name_particles, normalise_name
from analysis.core.resources import read_word_list

__all__ = ["name_parts", "surname_first_names", "full_name_in_text"]


@functools.cache
def surname_first_names() -> frozenset[str]:
    """Family names written before the given name (``Meng``, ``Xi``, ``Kim``),
    from ``analysis/data/surname_first.txt``."""
    return frozenset(read_word_list("surname_first.txt"))


_PINYIN_INITIALS = "zh ch sh b p m f d t n l g k h j q x r z c s y w".split()
_PINYIN_FINALS = (
    "iang iong uang ueng ang eng ing ong ian iao uai uan uan üan ai ei ao ou an en er in un ün ia ie iu "
    "ua uo ui ue üe a o e i u ü"
).split()
_KOREAN_VIET_SYLLABLES = frozenset(
    "jong un il sung jae in hyun woo hee soo min ho young jin seok chul kyung moon hye bin tae yeon "
    "ji hoon sook yong nam gun geun hye suk phu trong xuan phuc minh chinh van thi thanh duc quang".split()
)


@functools.cache
def _pinyin_syllables() -> frozenset[str]:
    out = set(_PINYIN_FINALS)
    for i in _PINYIN_INITIALS:
        for f in _PINYIN_FINALS:
            out.add(i + f)
    return frozenset(out)


def _is_syllabic_given_name(token: str) -> bool:
    """True when ``token`` splits into pinyin syllables (``Jinping`` = jin+ping,
    ``Chunying``) or Korean/Vietnamese given-name syllables (``Jong``, ``Jae-in``)."""
    t = token.lower().replace("'", "")
    parts = [p for p in re.split(r"[-\s]", t) if p]
    if parts and all(p in _KOREAN_VIET_SYLLABLES for p in parts):
        return True
    syl = _pinyin_syllables()
    t = "".join(parts)
    if not t or not t.isalpha():
        return False

    @functools.cache
    def ok(i: int) -> bool:
        if i == len(t):
            return True
        return any(t[i:j] in syl and ok(j) for j in range(min(len(t), i + 6), i, -1))

    return ok(0)


def name_parts(name: str) -> dict:
    """Split a person's name into ``given`` and ``surname`` and say whether it
    is written surname first.

    Surname first (``Meng Wanzhou``, ``Xi Jinping``, ``Kim Jong Un``) when the
    first token is a family name from ``analysis/data/surname_first.txt`` and
    every later token is a pinyin or Korean/Vietnamese given-name syllable
    string; otherwise the last token (hyphenated names whole:
    ``Saint-Jacques``) is the surname.  Returns ``{"given", "surname",
    "surname_first"}`` (``given`` may be empty)."""
    if type(name) is not str:
        return _name_parts(name)
    parts = _NAME_PARTS_MEMO.get(name)
    if parts is None:
        if len(_NAME_PARTS_MEMO) >= 100_000:
            _NAME_PARTS_MEMO.clear()
        parts = _NAME_PARTS_MEMO[name] = _name_parts(name)
    return dict(parts)  # a copy: the caller may change it


# name -> its parts: discovery and gender inference ask for the same names in
# every article that mentions them
_NAME_PARTS_MEMO: dict[str, dict] = {}


def _name_parts(name: str) -> dict:
    tokens = strip_title(name).split()
    if not tokens:
        return {"given": "", "surname": "", "surname_first": False}
    if (
        len(tokens) >= 2
        and tokens[0] in surname_first_names()
        and all(_is_syllabic_given_name(t) for t in tokens[1:])
    ):
        return {"given": " ".join(tokens[1:]), "surname": tokens[0], "surname_first": True}
    # particles stay with the surname: "Ursula von der Leyen"
    particles = name_particles()
    k = len(tokens) - 1
    while k > 1 and tokens[k - 1].lower() in particles:
        k -= 1
    if len(tokens) > 1 and tokens[-1].rstrip(".").upper() in {"JR", "SR", "II", "III", "IV"}:
        return {"given": " ".join(tokens[: len(tokens) - 2]), "surname": tokens[-2], "surname_first": False}
    return {"given": " ".join(tokens[:k]), "surname": " ".join(tokens[k:]), "surname_first": False}


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(w.lower() for t in titles()["title"] for w in t.split())


@functools.lru_cache(maxsize=1 << 12)  # asked for each quote of a surname in one article
def full_name_in_text(text: str, surname: str) -> str | None:
    """The one full name ``text`` gives a person it also calls by ``surname``
    alone: ``Given Surname`` where ``Given`` is in the first-name list and no
    title and never written in lower case in the text (``Secretary of State
    Mike Pompeo`` -> ``Mike Pompeo``; not ``The Tories``), or a
    surname-first name (``Ambassador to the UK Liu Xiaoming`` -> ``Liu
    Xiaoming``: ``Liu`` a listed family name, ``Xiaoming`` given-name
    syllables).  None when the text gives none, or two different ones
    (``Ed Miliband`` and ``David Miliband``)."""
    if not surname or " " in surname or not surname[:1].isupper():
        return None
    given = first_names()
    found = set()
    first_family = surname in surname_first_names()
    before_end = after_end = 0  # the plain version's matches do not overlap: each starts past the last
    for i in _whole_word_at(text, surname):
        m = _GIVEN_BEFORE.search(text, max(0, i - 64), i)
        if m and m.start() >= before_end:
            before_end = i + len(surname)
            w = m.group(1)
            low = w.lower()  # a word the text also writes in lower case is a common word ("The Tories")
            if low in given and low not in _title_words() and low not in _lower_words(text) \
                    and normalise_name(w) not in country_index() and low not in adjective_forms():  # "Agence France Presse"
                found.add(f"{w} {surname}")
        m = _GIVEN_AFTER.match(text, i + len(surname)) if first_family and i >= after_end else None
        if m:
            after_end = m.end()
            if name_parts(f"{surname} {m.group(1)}")["surname_first"]:
                found.add(f"{surname} {m.group(1)}")
    return found.pop() if len(found) == 1 else None


# a capitalised word and the spaces (no line break) before the surname; a
# given-name syllable group after a surname-first family name
_GIVEN_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)[^\S\n]+\Z")
_GIVEN_AFTER = re.compile(r"[^\S\n]+([A-Z][a-z]+(?:-[a-z]+)?)(?![\w’'-])")
_WORDISH = re.compile(r"[\w’'-]")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def _whole_word_at(text: str, word: str):
    r"""The offsets where ``word`` stands in ``text`` with no word character,
    apostrophe or hyphen on either side (the plain version's
    ``(?<![\w’'-])word(?![\w’'-])``, found with ``str.find`` instead of a
    pattern compiled for every surname)."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if not (i and _WORDISH.match(text, i - 1)) and not _WORDISH.match(text, j):
            yield i
        i = text.find(word, i + 1)


@functools.lru_cache(maxsize=8)  # the few articles in hand ask about several surnames each
def _lower_words(text: str) -> frozenset:
    """Every word the text writes in lower case (``\\bword\\b``)."""
    return frozenset(_LOWER_WORD.findall(text))
