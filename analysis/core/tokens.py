"""The tokens of a body: one regular expression, read fast.

Tokens are the matches of one pattern over the body: abbreviations with inner
periods (``U.S.``), numbers (``1,000``, ``3.5``, ``11-year``), words with inner
apostrophes or hyphens (``Biden’s``, ``Saint-Jacques``) and single punctuation
characters; a token is a word when it has a letter or digit.
:func:`tokenise_strings` finds them piece by piece between white space (the
fast path); :func:`_tokenise_strings_plain` is one ``re.split`` of the whole
body, the plain version a Hypothesis property test holds it equal to.
"""
from __future__ import annotations

import re

import numpy as np

__all__ = ["tokenise_strings"]

# Possessive quantifiers (``++``, ``*+``, ``?+``): every part after the first of
# an alternative is optional, so the greedy path is always the match found and
# giving characters back never helps (in the first alternative the shorter
# run ends before a letter, which the lookahead refuses); not saving the
# backtracking points makes the split about 10 % faster (tests/test_text.py
# checks the tokens against the pattern as first written).
_TOKEN_PATTERN = r"""
    [^\W\d_]\.(?:[^\W\d_]\.)++(?![^\W\d_])   # U.S.  a.m.  U.S.S.R.
    | \d++(?:[.,:/]\d+)*+(?:%|[^\W_]++)?+(?:[-–]\w++)*+  # 1,000  3.5  9:30  11-year  76%  1st  1990s  5G
    | \w++(?:['’]\w++)*+(?:[-–]\w++(?:['’]\w++)*+)*+  # Biden’s  Saint-Jacques  don't
    | \S                                    # one punctuation character (any \w starts a word above)
"""
_TOKEN_RE = re.compile(_TOKEN_PATTERN, re.VERBOSE)
# The same pattern as one capturing group: re.split gives the gaps (white space)
# and the tokens alternately, so no match object is made per token.
_TOKEN_SPLIT = re.compile("(" + _TOKEN_PATTERN + ")", re.VERBOSE)
_ASCII_WORD = np.array([chr(c).isalnum() or chr(c) == "_" for c in range(128)])  # \w
# White space as str.split() and the pattern's \s see it (str.isspace), by code point; the
# last entry stands for every code point above U+3000, the last white-space character.
_SPACE = np.array([chr(c).isspace() for c in range(0x3002)])


def _tokenise(text: str) -> tuple[np.ndarray, np.ndarray]:
    r"""Token offsets ``(n, 2)`` and ``is_word`` flags: the matches of
    ``_TOKEN_RE`` in order, and whether each has a ``\w`` character."""
    tokens, is_word, _ = tokenise_strings(text)
    return tokens, is_word


def tokenise_strings(text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """:func:`_tokenise` and the token strings it found on the way (the same
    as slicing the text at the offsets, without slicing it again).

    The fast path of :func:`_tokenise_strings_plain` (a Hypothesis property
    test checks they agree).  No token contains white space and no token's
    match looks past it, so the body is cut at white space first
    (``str.split``, in C) and each piece is tokenised alone: a piece of
    letters and digits only (``str.isalnum``: most words) is one token, and
    only the others (with punctuation, apostrophes, hyphens) go through the
    regular expression.  The tokens laid end to end are the body without its
    white space, so their offsets are read from the positions of the
    body's other characters."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    split = _TOKEN_SPLIT.split
    strings: list[str] = []
    for piece in text.split():
        if piece.isalnum():
            strings.append(piece)
        else:
            strings += split(piece)[1::2]
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    ends = np.cumsum(lengths)
    solid = np.flatnonzero(~_SPACE[np.minimum(codes, len(_SPACE) - 1)])  # offsets of non-space characters
    tokens = np.empty((len(strings), 2), np.int64)
    tokens[:, 0] = solid[ends - lengths]
    tokens[:, 1] = solid[ends - 1] + 1
    first = codes[tokens[:, 0]]
    is_word = (lengths > 1) | _ASCII_WORD[np.minimum(first, 127)]
    for i in np.flatnonzero(~is_word & (first > 127)).tolist():
        is_word[i] = chr(first[i]).isalnum()
    return tokens, is_word, strings


def _tokenise_strings_plain(text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """:func:`tokenise_strings` as first written: one ``re.split`` of the
    whole body (the plain version its property test compares with)."""
    parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
    n = len(parts) // 2
    if "\x00" in text:
        bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=2 * n + 1))[:-1]
    else:
        # The end of every part but the last: join with NUL and find the NULs
        # (numpy on the code points instead of len() of each part).
        joined = "\x00".join(parts).encode("utf-32-le", "surrogatepass")
        bounds = np.flatnonzero(np.frombuffer(joined, dtype=np.uint32) == 0) - np.arange(2 * n)
    tokens = bounds.astype(np.int64, copy=False).reshape(n, 2)  # token k: end of gap k, end of token k
    # Every token but a single punctuation character starts with a \w
    # character, so a token is a word if it is longer than one character or its
    # character is \w (for a non-ASCII character: str.isalnum()).
    first = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[tokens[:, 0]]
    is_word = (tokens[:, 1] - tokens[:, 0] > 1) | _ASCII_WORD[np.minimum(first, 127)]
    for i in np.flatnonzero(~is_word & (first > 127)).tolist():
        is_word[i] = chr(first[i]).isalnum()
    return tokens, is_word, parts[1::2]

