"""The Dale–Chall and Spache word lists and what counts as familiar.

A word is familiar for a list when it is listed, a regular inflection of a
listed word (Dale & Chall's rules: ``-s -es -ies -ed -d -ied -ing -er -est
-r -st``, possessive ``'s``, a doubled final consonant: ``running`` from
``run``), a number, or a hyphenated compound of familiar parts.  Each list's
inflected forms are built once and kept on disk (:mod:`analysis.core.derived`), so
familiarity is one set lookup.  Lists: ``analysis/data/dale_chall_words.txt``
(3,000 familiar words, Chall & Dale 1995) and ``analysis/data/spache_words.txt``
(revised Spache 1974)."""
from __future__ import annotations

import functools
import re

from analysis.core.resources import data_path, read_word_list

__all__ = ["is_familiar", "familiar", "familiar_forms", "build_familiar_forms", "STRAIGHT_APOSTROPHES",
           "DALE_CHALL_FILE", "SPACHE_FILE"]

DALE_CHALL_FILE = "dale_chall_words.txt"
SPACHE_FILE = "spache_words.txt"


@functools.cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(read_word_list(name))


_INFLECTIONS = (  # (suffix, replacement) tried in order; Dale & Chall's regular forms
    ("'s", ""), ("s'", "s"), ("'", ""),
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"),
    ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""),
    ("es", ""), ("s", ""),
    ("est", ""), ("est", "e"), ("er", ""), ("er", "e"), ("st", ""), ("r", ""),
)
STRAIGHT_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def is_familiar(word: str, words: str = "dale_chall") -> bool:
    """True when ``word`` counts as familiar for a word list (``"dale_chall"``
    or ``"spache"``): listed; a regular inflection of a listed word (suffixes
    in the module docstring, with a doubled final consonant: ``running`` from
    ``run``); a number; a hyphenated compound of familiar parts."""
    names = {"dale_chall": DALE_CHALL_FILE, "spache": SPACHE_FILE}
    if words not in names:
        raise ValueError(f"word list must be one of {sorted(names)}, not {words!r}")
    return familiar(word.translate(STRAIGHT_APOSTROPHES).lower(), familiar_forms(names[words]))


@functools.cache
def familiar_forms(name: str) -> frozenset[str]:
    """:func:`build_familiar_forms`, kept on disk after the first build
    (:mod:`analysis.core.derived`; it takes 0.05 s per list, in every worker)."""
    from analysis.core.derived import derived_table

    stem = name.rsplit(".", 1)[0]
    forms = derived_table(f"familiar_{stem}", [data_path(name)], lambda: sorted(build_familiar_forms(name)))
    return frozenset(forms)


def build_familiar_forms(name: str) -> frozenset[str]:
    """Every listed word and each regular inflection of it (the inverse of
    :data:`_INFLECTIONS`), so that familiarity is one set lookup."""
    listed = _word_set(name)
    out = set(listed)
    for w in listed:
        for suffix, repl in _INFLECTIONS:
            if suffix in ("d", "r", "st") and not w.endswith("e"):
                continue  # used, larger, largest: only after a final e
            if suffix in ("er", "est") and len(w) < 3:
                continue  # not "user" from "us"
            if repl == "":
                out.add(w + suffix)
                if suffix in ("ing", "ed", "er", "est") and re.search(r"[b-df-hj-np-tv-z]$", w) and len(w) > 1:
                    out.add(w + w[-1] + suffix)
            elif w.endswith(repl):
                out.add(w[: -len(repl)] + suffix)
    return frozenset(out)


def familiar(w: str, forms: frozenset[str]) -> bool:
    """Whether the lower-case ``w`` is familiar given the inflected ``forms``
    of a list (:func:`familiar_forms`): listed, a number, or a hyphenated
    compound of familiar parts."""
    if w in forms:
        return True
    if not any(map(str.isalpha, w)):
        return True  # numbers (and stray symbols) are familiar
    if "-" in w or "–" in w:
        parts = [p for p in re.split(r"[-–]", w) if p]
        return len(parts) > 1 and all(familiar(p, forms) for p in parts)
    return False
