"""Word lists about names: the lookup key of a name, the words of speaker
phrases, the words that make a phrase an organisation, the speech verbs, the
gendered titles and role nouns, the particles inside names and the words
that join a name's capitalised parts in actor discovery (one file, tagged),
and the speech verbs that make a capitalised word a person (a section of the
speech-verb file).  Read only from ``analysis/data/``."""
from __future__ import annotations

import functools
import re

from analysis.core.resources import read_sections, read_word_list

_POSSESSIVE = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The lookup key of a name: quotation marks straightened, possessive
    ``'s`` removed, a leading ``the`` dropped, white space folded, case folded."""
    return _normalised(name if isinstance(name, str) else str(name))


@functools.lru_cache(maxsize=1 << 16)  # the same names recur in every article of a story
def _normalised(name: str) -> str:
    s = name.replace("’", "'").replace("‘", "'").strip().strip('"“”').strip()
    s = _POSSESSIVE.sub("", s) if s.endswith(("'s", "'", "’s")) and len(s) > 2 else s
    s = _SPACES.sub(" ", s).strip(" ,.;:")
    if s.lower().startswith("the "):
        s = s[4:]
    return s.casefold()


@functools.cache
def speaker_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(titles, nouns)`` of speaker phrases from ``speaker_nouns.txt``
    (its ``[title]`` section, and every other section)."""
    sections = read_sections("speaker_nouns.txt")
    titles = frozenset(w.lower() for w in sections.get("title", ()))
    nouns = frozenset(w.lower() for section, words in sections.items() if section != "title" for w in words)
    return titles, nouns


@functools.cache
def _organisation_words() -> frozenset[str]:
    return frozenset(read_word_list("speaker_org_words.txt"))


def looks_like_organisation(words: list[str]) -> bool:
    """True when one of ``words`` (any case) is an organisation word
    (``speaker_org_words.txt``): "Foreign Ministry", "Daily Herald"."""
    return not _organisation_words().isdisjoint(map(str.lower, words))


def _speech_verb_sections() -> tuple[list[str], list[str]]:
    """The lines of ``speech_verbs.txt``: the quote cues, and the
    ``[person cues]`` section after them."""
    lines = read_word_list("speech_verbs.txt")
    at = lines.index("[person cues]") if "[person cues]" in lines else len(lines)
    return lines[:at], lines[at + 1:]


@functools.cache
def speech_verbs() -> dict[str, tuple[str, frozenset[str]]]:
    """Cue word form -> (lemma, tags) from ``analysis/data/speech_verbs.txt``
    (the quote cues: the lines before its ``[person cues]`` section)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for line in _speech_verb_sections()[0]:
        words, _, tags = line.partition("|")
        forms = words.split()
        tagset = frozenset(tags.split())
        lemma = forms[0].lstrip("-").lower()
        for f in forms:
            if f.startswith("-"):
                continue  # a lemma whose bare form is mostly a noun
            out.setdefault(f.lower(), (lemma, tagset))
    return out


@functools.cache
def gendered_words(gender: str) -> frozenset[str]:
    """Lower-case titles, honorifics and role nouns of one gender
    (``"female"`` or ``"male"``) from ``titles.csv``, full stops dropped:
    ``mrs``, ``spokeswoman``, ``wife`` / ``mr``, ``chairman``, ``father``."""
    if gender not in ("female", "male"):
        raise ValueError(f"gender must be 'female' or 'male', not {gender!r}")
    words = set()
    for line in read_word_list("titles.csv"):
        title, _, rest = line.partition(",")
        if title != "title" and rest.split(",")[0] == gender:
            words.add(title.lower().rstrip("."))
    return frozenset(words)


@functools.cache
def _name_joiners() -> dict[str, frozenset[str]]:
    """Lower-case word -> its tags (``particle``, ``connector``) from
    ``name_particles.txt``."""
    out = {}
    for line in read_word_list("name_particles.txt"):
        word, _, tags = line.partition("|")
        out[word.strip().lower()] = frozenset(tags.split())
    return out


@functools.cache
def name_particles() -> frozenset[str]:
    """Lower-case particles that stay inside a name (``von``, ``bin``, ``de``):
    the words tagged ``particle`` in ``name_particles.txt``."""
    return frozenset(w for w, tags in _name_joiners().items() if "particle" in tags)


@functools.cache
def name_connectors() -> frozenset[str]:
    """Lower-case words that join capitalised words into one candidate name
    in actor discovery (``da``, ``dos``, ``&``): the words tagged
    ``connector`` in ``name_particles.txt``.  Not :func:`name_particles`: the
    file says how and why they differ."""
    return frozenset(w for w, tags in _name_joiners().items() if "connector" in tags)


@functools.cache
def person_cue_verbs() -> frozenset[str]:
    """The speech verbs after one capitalised word that make actor discovery
    read it as a person (``Smith said``): the ``[person cues]`` section of
    ``speech_verbs.txt``.  Not :func:`speech_verbs`: the file says how and
    why they differ."""
    return frozenset(w for line in _speech_verb_sections()[1] for w in line.split())
