"""Per-token facts for readability: syllables, letters, characters, word-list
flags and the Fog candidate of each distinct word token string.

:func:`token_facts` is the plain definition for one token;
:func:`tokens_facts` is the fast path used in practice (plain ASCII words in
the CMU dictionary answered straight from the dictionary and the word lists),
equal to ``[token_facts(t) for t in tokens]`` (a property test checks it).
:class:`TokenTable` keeps the facts of every token string seen so far in a few
numpy columns, so counting a batch is one dictionary lookup per token."""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from analysis.readability.syllables import cmu_first_counts, cmu_syllables, syllables
from analysis.readability.wordlists import (
    DALE_CHALL_FILE,
    SPACHE_FILE,
    STRAIGHT_APOSTROPHES,
    familiar,
    familiar_forms,
)

__all__ = ["TokenFacts", "token_facts", "tokens_facts", "suffix_inflated", "TokenTable", "TOKENS"]

_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1$")


class TokenFacts(NamedTuple):
    """What readability needs to know of one word token."""

    syllables: int   #: :func:`analysis.readability.syllables.syllables` (numerals read aloud)
    letters: int     #: letters only
    characters: int  #: letters and digits
    difficult: int   #: 1 when not Dale–Chall familiar
    unfamiliar: int  #: 1 when not Spache familiar
    fog: int         #: 1 for a Fog candidate: 3+ syllables, not a compound nor suffix-inflated
    form: str        #: lower-case form (apostrophes straightened)


_SUFFIX_STEMS = (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")))


def suffix_inflated(w: str) -> bool:
    """True when a 3+ syllable word has 2 or fewer without -ed/-es/-ing."""
    for suffix, repls in _SUFFIX_STEMS:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            cands = [stem + r for r in repls]
            if _DOUBLED.search(stem):
                cands.append(stem[:-1])
            for c in cands:
                n = cmu_syllables(c)
                if n is not None:
                    return n < 3
    return False


def token_facts(tok: str) -> TokenFacts:
    """The :class:`TokenFacts` of one word token, the plain definition; the
    Fog candidate leaves out the capitalisation rule, which needs the
    token's position and is applied while counting."""
    n = syllables(tok)
    if tok.isalpha():
        letters = chars = len(tok)
        low = tok.lower()
    else:
        letters = sum(map(str.isalpha, tok))
        chars = sum(map(str.isalnum, tok))
        low = tok.translate(STRAIGHT_APOSTROPHES).lower()
    dc = not familiar(low, familiar_forms(DALE_CHALL_FILE))
    sp = not familiar(low, familiar_forms(SPACHE_FILE))
    fog = n >= 3 and "-" not in tok and "–" not in tok and not suffix_inflated(low)
    return TokenFacts(n, letters, chars, int(dc), int(sp), int(fog), low)


def tokens_facts(tokens: list[str]) -> list[TokenFacts]:
    """:func:`token_facts` of each token (the fast path).  Most tokens are plain ASCII
    words in the CMU dictionary (not all capitals: those may be spelled
    out); for them the same answers come straight from the dictionary and
    the word lists (no digits, apostrophes or hyphens to handle), which makes
    a corpus's first pass several times faster."""
    cmu = cmu_first_counts()
    dale_chall = familiar_forms(DALE_CHALL_FILE)
    spache = familiar_forms(SPACHE_FILE)
    out = []
    for tok in tokens:
        if tok.isascii() and tok.isalpha() and not (len(tok) >= 2 and tok.isupper()):
            low = tok.lower()
            n = cmu.get(low)
            if n is not None:
                n = max(1, n)  # as analysis.readability.syllables.word_syllables
                fog = n >= 3 and not suffix_inflated(low)
                out.append(TokenFacts(n, len(tok), len(tok), int(low not in dale_chall), int(low not in spache),
                                      int(fog), low))
                continue
        out.append(token_facts(tok))
    return out


class TokenTable:
    """Facts of every distinct word token seen so far, one entry per token
    string in a few numpy columns (grown by doubling), so the facts of a
    batch of documents are one dictionary lookup per token (in C, through
    ``map``) and one ``take`` per column.  It lives for the process and
    grows with the number of distinct token strings (about 150 bytes each:
    40,000 strings for 2,225 BBC articles).  Row ids and form ids are only
    compared within one batch, so :meth:`reset` between calls is safe."""

    COLUMNS = {
        "syllables": np.int32,      # as analysis.readability.syllables counts them (numerals read aloud)
        "syllables_one": np.int32,  # a numeral counted as one syllable
        "letters": np.int32,
        "characters": np.int32,
        "flags": np.uint8,          # the bits below
        "form": np.int64,           # id of the lower-case form (Spache counts unique forms)
    }
    DIFFICULT = 1      # not Dale-Chall familiar
    UNFAMILIAR = 2     # not Spache familiar
    FOG = 4            # Fog candidate (before the capitalisation rule)
    FOG_ONE = 8        # Fog candidate when a numeral counts one syllable (never a numeral)
    CAPITALISED = 16

    def __init__(self):
        self.reset()

    def reset(self):
        """Forget every token (ids are only compared within one batch)."""
        self.ids: dict[str, int] = {}
        self.forms: dict[str, int] = {}
        self.columns = {name: np.zeros(1024, dtype) for name, dtype in self.COLUMNS.items()}
        self.n = 0

    def row_ids(self, strings: list[str]) -> np.ndarray:
        """Row ids of ``strings`` (int64 array), adding new strings first."""
        try:
            return np.fromiter(map(self.ids.__getitem__, strings), dtype=np.int64, count=len(strings))
        except KeyError:
            ids = self.ids
            self._add([tok for tok in dict.fromkeys(strings) if tok not in ids])
            return np.fromiter(map(ids.__getitem__, strings), dtype=np.int64, count=len(strings))

    def _add(self, new: list[str]) -> None:
        """Append the facts of the token strings ``new`` (none seen before)."""
        k = len(new)
        if not k:
            return
        facts = TokenFacts(*zip(*tokens_facts(new)))  # one column per field
        n, letters, chars, dc, sp, fog = (np.array(c, dtype=np.int64) for c in (
            facts.syllables, facts.letters, facts.characters, facts.difficult, facts.unfamiliar, facts.fog))
        numeral = (letters == 0) & (chars > 0)
        capitalised = np.fromiter((tok[:1].isupper() for tok in new), dtype=bool, count=k)
        forms = self.forms
        values = {
            "syllables": n,
            "syllables_one": np.where(numeral, 1, n),
            "letters": letters,
            "characters": chars,
            "flags": (dc * self.DIFFICULT | sp * self.UNFAMILIAR | fog * self.FOG
                      | (fog & ~numeral) * self.FOG_ONE | capitalised * self.CAPITALISED),
            "form": [forms.setdefault(w, len(forms)) for w in facts.form],
        }
        size = len(self.columns["form"])
        while self.n + k > size:
            size *= 2
        for name, col in self.columns.items():
            if size > len(col):
                col = self.columns[name] = np.concatenate([col, np.zeros(size - len(col), col.dtype)])
            col[self.n : self.n + k] = values[name]
        self.ids.update(zip(new, range(self.n, self.n + k)))
        self.n += k


TOKENS = TokenTable()
