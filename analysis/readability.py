"""Readability: the standard English indices and the counts they rest on.

:func:`readability` scores articles, paragraphs or sentences (one row per
unit, keys ``article_id`` / ``paragraph`` / ``sentence``), and with a quote
table scores the quoted and the narrative words of each unit apart (column
``voice``); :func:`readability_levels` returns several of these tables from
one counting pass (the pipeline asks for all four at once).  Everything comes
from the shared segmentation (:mod:`analysis.text`): one pass over the word
tokens of all the documents together gives per-token syllables, letters and
word-list lookups (each distinct token string is analysed once per process);
the counts of every sentence (and voice) are sums of those, paragraph and
article counts are sums of sentence counts, and every index is a formula of
the counts (:func:`indices_from_counts`), computed on whole columns.

Counts (columns)
----------------
``sentences``
    Sentences of the shared segmentation (voice rows: fractional, see below).
``words``
    Word tokens (``Document.token_is_word``: tokens with a letter or digit;
    ``U.S.``, ``Biden's``, ``Saint-Jacques``, ``11-year``, ``2018`` are one word each).
``syllables``
    :func:`analysis.syllables.syllables` of each word: CMU dictionary, then a
    learned estimator.  A numeral (a word token with digits and no letter:
    ``17``, ``2018``, ``1,000``, ``76%``) counts as one syllable by default;
    see "Numbers" below.
``polysyllabic_words``
    Words of three or more syllables (SMOG, Linsear Write).
``complex_words``
    Gunning's (1952) "hard words" for the Fog index: three or more syllables,
    except capitalised words that do not start their sentence (proper
    nouns), hyphenated compounds, and words that reach three syllables only
    through an ``-ed``, ``-es`` or ``-ing`` ending (``created``: create is 2).
``difficult_words``
    Words not on the Dale–Chall list of 3,000 familiar words
    (``analysis/data/dale_chall_words.txt``), every occurrence counted.
    Familiar too, as Dale & Chall's rules allow: regular inflections of a
    listed word (``-s -es -ies -ed -d -ied -ing -er -est -r -st``, possessive
    ``'s``), numbers, hyphenated compounds whose parts are all familiar.
    Proper names are not recognised, so they count as difficult unless listed.
``spache_unfamiliar_words``
    *Unique* words (lower case, per unit) not on the revised Spache (1974)
    list (``analysis/data/spache_words.txt``), same inflection rules; Spache
    counts each unfamiliar word once.
``characters``, ``letters``
    Letters and digits / letters only, in word tokens (no punctuation,
    apostrophes or hyphens).
``longest_sentence_words``
    Words in the unit's longest sentence (used by the ``max_sentence_words`` rule).

Indices
-------
See each formula function for the formula, source and direction.  All grade
levels are US school grades (higher = harder); Flesch Reading Ease is 0-100ish
(higher = easier).

When an index is NaN
--------------------
* ``words == 0`` or ``sentences == 0``: the ratios are undefined.
* ``words < min_words`` (default 3): a one- or two-word unit (``Yes.``,
  ``He said.``) is not a text sample; formulas calibrated on 100-word
  passages give meaningless values there (Flesch-Kincaid -3.4 for ``Yes.``).
  textstat's own sentence counter ignores such pieces for the same reason.
* ``longest_sentence_words > max_sentence_words`` (default 150): a
  "sentence" that long means the text has no usable sentence punctuation
  (a transcript, a list, a scrape without full stops) and every
  sentence-length term would be garbage (textstat gives Flesch -4995 for a
  long text without full stops).  ``None`` switches the rule off.
* SMOG only: fewer than ``smog_min_sentences`` sentences (default 30).
  McLaughlin (1969) defined SMOG on a 30-sentence sample; the square root of
  a polysyllable count from a few sentences is not the published measure.

Numbers
-------
Flesch (1948) told human raters to count the syllables of figures as read
aloud (``2018`` = twen-ty eight-een, 4).  We count a numeral as one
syllable by default (``numbers="one"``; ``numbers="read_aloud"`` applies
Flesch's instruction, through :func:`analysis.syllables.number_syllables`).
Reason: a numeral is read at a glance, and simplified texts write more
figures, so spoken syllables make easier texts look harder.  On
OneStopEnglish DEV the Spearman correlation of syllables per word with the
human level is 0.27 read aloud and 0.34 with one syllable a numeral (textstat,
which hyphenates numerals with pyphen, 0.37); see the README.  Mixed tokens
(``COVID-19``, ``G7``) are words and keep their spoken count.

Voice (quoted vs narrative)
---------------------------
With ``quotes`` (a table with ``article_id``, ``start``, ``end``, ``kind``,
e.g. from :func:`analysis.sourcing.extract_quotes`), a word token is
*quoted* when its start offset lies inside a quote span of a kind in
``quote_kinds`` (default direct and partial quotes: an indirect quote is the
journalist's paraphrase, so its words stay narrative); every other word is
*narrative*.  Each row is then one unit and one voice, and only (unit, voice)
pairs with at least one word are returned.  A sentence counts towards a
voice in proportion to its words in that voice (so ``sentences`` is
fractional and ``words / sentences`` is the mean length of the sentences
the voice's words occur in, weighted by words): a three-word partial quote
in a 25-word sentence does not make "quoted" sentences three words long.
"""
from __future__ import annotations

import functools
import itertools
import math
import re
from typing import Iterable

import numpy as np
import pandas as pd

from analysis.resources import data_path, read_word_list
from analysis.syllables import _cmu_first_counts, cmu_syllables, syllables
from analysis.text import Document, segment_articles

__all__ = [
    "readability",
    "readability_levels",
    "readability_scores",
    "indices_from_counts",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "linsear_write",
    "spache",
    "is_familiar",
    "pool",
    "COUNT_COLUMNS",
    "INDEX_COLUMNS",
    "GRADE_INDICES",
    "LEVELS",
    "add_cli_arguments",
    "cli_table",
]

LEVELS = ("article", "paragraph", "sentence")
COUNT_COLUMNS = [
    "sentences",
    "words",
    "syllables",
    "polysyllabic_words",
    "complex_words",
    "difficult_words",
    "spache_unfamiliar_words",
    "characters",
    "letters",
    "longest_sentence_words",
]
INDEX_COLUMNS = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "linsear_write",
    "spache",
]
#: indices on a US school-grade scale (all but Flesch Reading Ease and the
#: Dale–Chall score, whose scale is its own: 4.9 or lower = grade 4 and below,
#: 9.0-9.9 = grades 13-15).
GRADE_INDICES = [
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "linsear_write",
    "spache",
]
INDEX_LABELS = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid Grade",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "Automated Readability",
    "dale_chall": "New Dale–Chall",
    "linsear_write": "Linsear Write",
    "spache": "Spache (revised)",
}
VOICES = ("narrative", "quoted")


# ---------------------------------------------------------------------------
# formulas: pure functions of counts (scalars or numpy arrays)


def _ratio(num, den):
    """``num / den``, NaN where ``den <= 0`` (the division never sees a zero,
    so there is no floating-point warning to silence)."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    positive = den > 0
    return np.where(positive, num / np.where(positive, den, 1.0), np.nan)


def _out(x):
    x = np.asarray(x, dtype=float)
    return float(x) if x.ndim == 0 else x


def flesch_reading_ease(words, sentences, syllables):
    """Flesch Reading Ease (Flesch 1948, *A new readability yardstick*, J.
    Appl. Psych. 32:221-233):

    ``206.835 - 1.015 * words/sentences - 84.6 * syllables/words``.

    **Higher is easier**: 90-100 very easy (grade 5), 60-70 plain English,
    30-50 college, 0-30 college graduate.  Same as textstat."""
    return _out(206.835 - 1.015 * _ratio(words, sentences) - 84.6 * _ratio(syllables, words))


def flesch_kincaid_grade(words, sentences, syllables):
    """Flesch–Kincaid Grade Level (Kincaid, Fishburne, Rogers & Chissom 1975,
    Navy research report 8-75):

    ``0.39 * words/sentences + 11.8 * syllables/words - 15.59``.

    US school grade; **higher is harder**.  Same as textstat."""
    return _out(0.39 * _ratio(words, sentences) + 11.8 * _ratio(syllables, words) - 15.59)


def gunning_fog(words, sentences, complex_words):
    """Gunning Fog index (Gunning 1952, *The Technique of Clear Writing*):

    ``0.4 * (words/sentences + 100 * complex_words/words)``.

    Years of schooling; **higher is harder** (12 = high-school senior).
    Deliberate difference from textstat: textstat's "complex" word is one not
    on the Dale–Chall list with 3+ syllables; ours follows Gunning (3+
    syllables, not a proper noun, compound or -ed/-es/-ing inflation)."""
    return _out(0.4 * (_ratio(words, sentences) + 100.0 * _ratio(complex_words, words)))


def smog_index(sentences, polysyllabic_words):
    """SMOG grade (McLaughlin 1969, *SMOG grading: a new readability
    formula*, J. Reading 12(8):639-646), the regression form:

    ``1.0430 * sqrt(polysyllabic_words * 30 / sentences) + 3.1291``.

    US grade; **higher is harder**.  Published for a 30-sentence sample:
    :func:`readability` returns NaN below ``smog_min_sentences``.  Same
    formula as textstat (which has no sample-size rule)."""
    return _out(1.0430 * np.sqrt(30.0 * _ratio(polysyllabic_words, sentences)) + 3.1291)


def coleman_liau_index(words, sentences, letters):
    """Coleman–Liau index (Coleman & Liau 1975, *A computer readability
    formula designed for machine scoring*, J. Appl. Psych. 60(2):283-284):

    ``0.0588 * L - 0.296 * S - 15.8`` with ``L`` letters per 100 words and
    ``S`` sentences per 100 words.

    US grade; **higher is harder**.  Deliberate difference from textstat,
    which uses 0.058 (a truncated coefficient; 0.0008 * L, about 0.4 grade
    on news) and counts digits as letters."""
    L = 100.0 * _ratio(letters, words)
    S = 100.0 * _ratio(sentences, words)
    return _out(0.0588 * L - 0.296 * S - 15.8)


def automated_readability_index(words, sentences, characters):
    """Automated Readability Index (Senter & Smith 1967, AMRL-TR-66-220):

    ``4.71 * characters/words + 0.5 * words/sentences - 21.43``.

    US grade; **higher is harder**.  Characters are letters and digits of
    words; textstat also counts punctuation, which raises its ARI (same
    formula, different count)."""
    return _out(4.71 * _ratio(characters, words) + 0.5 * _ratio(words, sentences) - 21.43)


def dale_chall(words, sentences, difficult_words):
    """New Dale–Chall score (Dale & Chall 1948, *A formula for predicting
    readability*, Educ. Res. Bull. 27; word list of Chall & Dale 1995):

    ``0.1579 * PDW + 0.0496 * words/sentences``, plus 3.6365 when
    ``PDW > 5``, with ``PDW`` the percentage of words not on the list.

    **Higher is harder**: 4.9 or lower = grade 4 and below, 5.0-5.9 = 5-6,
    6.0-6.9 = 7-8, 7.0-7.9 = 9-10, 8.0-8.9 = 11-12, 9.0-9.9 = college.
    Same formula as textstat's ``dale_chall_readability_score``; textstat's
    ``dale_chall_readability_score_v2`` adds 3.6365 when the *raw score*
    exceeds 0.05, which is not the published rule."""
    pdw = 100.0 * _ratio(difficult_words, words)
    raw = 0.1579 * pdw + 0.0496 * _ratio(words, sentences)
    return _out(np.where(pdw > 5.0, raw + 3.6365, raw))


def linsear_write(words, sentences, polysyllabic_words):
    """Linsear Write (O'Hayre 1966, *Gobbledygook Has Gotta Go*, US Bureau of
    Land Management):

    ``r = ((words - polysyllabic) * 1 + polysyllabic * 3) / sentences``;
    grade ``r / 2`` if ``r > 20`` else ``(r - 2) / 2``.

    US grade; **higher is harder**.  Deliberate difference: the published
    procedure (and textstat's default, ``strict_upper=True``) scores the
    first 100 words; we score the whole unit (``r`` is points per sentence,
    so this is the same rate over all words, and paragraph and article
    values are not decided by their opening alone).  Same formula."""
    r = _ratio(np.asarray(words, float) + 2.0 * np.asarray(polysyllabic_words, float), sentences)
    return _out(np.where(r > 20.0, r / 2.0, (r - 2.0) / 2.0))


def spache(words, sentences, unfamiliar_words, *, version: str = "revised"):
    """Spache readability (Spache 1953, *A new readability formula for
    primary-grade reading materials*, Elem. School J. 53(7):410-413; revised
    1974 with a new word list):

    revised: ``0.121 * words/sentences + 0.082 * PUW + 0.659``;
    original (1953): ``0.141 * words/sentences + 0.086 * PUW + 0.839``,
    with ``PUW`` the percentage of unique unfamiliar words.

    US grade, meant for grades 1-3 (it saturates above that); **higher is
    harder**.  Deliberate difference from textstat, which uses the 1953
    coefficients with the Dale–Chall list and counts every occurrence."""
    coef = {"revised": (0.121, 0.082, 0.659), "original": (0.141, 0.086, 0.839)}
    if version not in coef:
        raise ValueError(f"version must be one of {sorted(coef)}, not {version!r}")
    a, b, c = coef[version]
    return _out(a * _ratio(words, sentences) + b * 100.0 * _ratio(unfamiliar_words, words) + c)


def indices_from_counts(counts: pd.DataFrame | dict) -> pd.DataFrame | dict:
    """Every index from a table (or dict) of counts with the columns in
    :data:`COUNT_COLUMNS` (formulas only: no NaN policy)."""
    c = counts
    out = {
        "flesch_reading_ease": flesch_reading_ease(c["words"], c["sentences"], c["syllables"]),
        "flesch_kincaid_grade": flesch_kincaid_grade(c["words"], c["sentences"], c["syllables"]),
        "gunning_fog": gunning_fog(c["words"], c["sentences"], c["complex_words"]),
        "smog_index": smog_index(c["sentences"], c["polysyllabic_words"]),
        "coleman_liau_index": coleman_liau_index(c["words"], c["sentences"], c["letters"]),
        "automated_readability_index": automated_readability_index(c["words"], c["sentences"], c["characters"]),
        "dale_chall": dale_chall(c["words"], c["sentences"], c["difficult_words"]),
        "linsear_write": linsear_write(c["words"], c["sentences"], c["polysyllabic_words"]),
        "spache": spache(c["words"], c["sentences"], c["spache_unfamiliar_words"]),
    }
    if isinstance(counts, pd.DataFrame):
        return pd.DataFrame(out, index=counts.index)
    return out


# ---------------------------------------------------------------------------
# word lists and per-token facts


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
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1$")


def is_familiar(word: str, words: str = "dale_chall") -> bool:
    """True when ``word`` counts as familiar for a word list (``"dale_chall"``
    or ``"spache"``): listed; a regular inflection of a listed word (suffixes
    in the module docstring, with a doubled final consonant: ``running`` from
    ``run``); a number; a hyphenated compound of familiar parts."""
    names = {"dale_chall": "dale_chall_words.txt", "spache": "spache_words.txt"}
    if words not in names:
        raise ValueError(f"word list must be one of {sorted(names)}, not {words!r}")
    return _familiar(word.translate(_APOS).lower(), _familiar_forms(names[words]))


@functools.cache
def _familiar_forms(name: str) -> frozenset[str]:
    """:func:`_build_familiar_forms`, kept on disk after the first build
    (:mod:`analysis.derived`; it takes 0.05 s per list, in every worker)."""
    from analysis.derived import derived_table

    stem = name.rsplit(".", 1)[0]
    forms = derived_table(f"familiar_{stem}", [data_path(name)], lambda: sorted(_build_familiar_forms(name)))
    return frozenset(forms)


def _build_familiar_forms(name: str) -> frozenset[str]:
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


def _familiar(w: str, forms: frozenset[str]) -> bool:
    if w in forms:
        return True
    if not any(map(str.isalpha, w)):
        return True  # numbers (and stray symbols) are familiar
    if "-" in w or "–" in w:
        parts = [p for p in re.split(r"[-–]", w) if p]
        return len(parts) > 1 and all(_familiar(p, forms) for p in parts)
    return False


_SUFFIX_STEMS = (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")))


def _suffix_inflated(w: str) -> bool:
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


def _token_facts(tok: str) -> tuple[int, int, int, int, int, int, str]:
    """(syllables, letters, characters, dale_chall_difficult,
    spache_unfamiliar, fog_candidate, lower form) of one word token;
    ``fog_candidate`` is 3+ syllables and not a compound nor suffix-inflated
    (the capitalisation rule needs the token's position and is applied later)."""
    n = syllables(tok)
    if tok.isalpha():
        letters = chars = len(tok)
        low = tok.lower()
    else:
        letters = sum(map(str.isalpha, tok))
        chars = sum(map(str.isalnum, tok))
        low = tok.translate(_APOS).lower()
    dc = not _familiar(low, _familiar_forms("dale_chall_words.txt"))
    sp = not _familiar(low, _familiar_forms("spache_words.txt"))
    fog = n >= 3 and "-" not in tok and "–" not in tok and not _suffix_inflated(low)
    return n, letters, chars, int(dc), int(sp), int(fog), low


def _tokens_facts(tokens: list[str]) -> list[tuple[int, int, int, int, int, int, str]]:
    """:func:`_token_facts` of each token.  Most tokens are plain ASCII
    words in the CMU dictionary (not all capitals: those may be spelled
    out); for them the same answers come straight from the dictionary and
    the word lists (no digits, apostrophes or hyphens to handle), which makes
    a corpus's first pass several times faster."""
    cmu = _cmu_first_counts()
    dale_chall = _familiar_forms("dale_chall_words.txt")
    spache = _familiar_forms("spache_words.txt")
    out = []
    for tok in tokens:
        if tok.isascii() and tok.isalpha() and not (len(tok) >= 2 and tok.isupper()):
            low = tok.lower()
            n = cmu.get(low)
            if n is not None:
                n = max(1, n)  # as analysis.syllables.word_syllables
                fog = n >= 3 and not _suffix_inflated(low)
                out.append((n, len(tok), len(tok), int(low not in dale_chall), int(low not in spache), int(fog), low))
                continue
        out.append(_token_facts(tok))
    return out


class _TokenTable:
    """Facts of every distinct word token seen so far, one entry per token
    string in a few numpy columns (grown by doubling), so the facts of a
    batch of documents are one dictionary lookup per token (in C, through
    ``map``) and one ``take`` per column.  It lives for the process and
    grows with the number of distinct token strings (about 150 bytes each:
    40,000 strings for 2,225 BBC articles).  Row ids and form ids are only
    compared within one batch, so :meth:`reset` between calls is safe."""

    COLUMNS = {
        "syllables": np.int32,      # as analysis.syllables counts them (numerals read aloud)
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
        k = len(new)
        if not k:
            return
        *numbers, low = zip(*_tokens_facts(new))
        n, letters, chars, dc, sp, fog = (np.array(c, dtype=np.int64) for c in numbers)
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
            "form": [forms.setdefault(w, len(forms)) for w in low],
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


_TOKENS = _TokenTable()


# ---------------------------------------------------------------------------
# counting: one pass over the word tokens of a whole batch of documents


_SUM_COLS = ["words", "syllables", "polysyllabic_words", "complex_words", "difficult_words", "characters", "letters"]


def _group_sum(keys: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Column sums of ``values`` (n, k) grouped by ``keys`` into ``size`` rows."""
    out = np.empty((size, values.shape[1]), dtype=np.int64)
    for j in range(values.shape[1]):
        out[:, j] = np.bincount(keys, weights=values[:, j], minlength=size)[:size]
    return out


def _sums_by(keys: np.ndarray, columns: list[np.ndarray], size: int, ordered: bool) -> np.ndarray:
    """Integer sums (size, len(columns)) of 1-d ``columns`` grouped by
    ``keys``; ``ordered``: the keys are ascending, so groups are runs and
    one ``reduceat`` per column sums them."""
    out = np.zeros((size, len(columns)), dtype=np.int64)
    if not len(keys):
        return out
    if ordered:
        starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
        rows = keys[starts]
        for j, col in enumerate(columns):
            out[rows, j] = np.add.reduceat(col, starts, dtype=np.int64)
    else:
        for j, col in enumerate(columns):
            out[:, j] = np.bincount(keys, weights=col, minlength=size)[:size]
    return out


def _is_sorted(a: np.ndarray) -> bool:
    return not (a[1:] < a[:-1]).any()


class _Batch:
    """The word tokens of a list of Documents, counted once for every level.

    Sentences get global ids (the documents' sentences one after another),
    and so do paragraphs; every word token carries its global sentence, its
    per-token counts (:data:`_SUM_COLS`), its Spache flag and lower-case form
    id, and (with quotes) its voice.  :meth:`counts` turns these into the
    count columns of one level, for all documents together: the per-sentence
    (x voice) sums are computed once, and paragraph and article sums are
    sums of sentence sums (sentences nest in paragraphs).  Needs at least
    one document."""

    def __init__(self, documents: list[Document], numbers: str, quotes: tuple | None):
        n = len(documents)
        self.ids = np.empty(n, dtype=object)
        self.ids[:] = [d.article_id for d in documents]
        sentences = [d.sentences for d in documents]
        paragraphs = [d.paragraphs for d in documents]
        is_word = [d.token_is_word for d in documents]
        self.n_sent = np.array([len(s) for s in sentences], dtype=np.int64)
        self.n_par = np.array([len(p) for p in paragraphs], dtype=np.int64)
        n_tok = np.array([len(w) for w in is_word], dtype=np.int64)
        self.sent_off = np.cumsum(self.n_sent) - self.n_sent
        self.par_off = np.cumsum(self.n_par) - self.n_par
        self.S = S = int(self.n_sent.sum())
        self.P = int(self.n_par.sum())
        self.sentences = np.concatenate(sentences)
        self.paragraphs = np.concatenate(paragraphs)
        self.sentence_paragraph = np.concatenate([d.sentence_paragraph for d in documents])
        self.sentence_doc = np.repeat(np.arange(n), self.n_sent)
        self.sentence_par = self.sentence_paragraph + np.repeat(self.par_off, self.n_sent)

        word = np.concatenate(is_word)
        if (self.n_sent == 0).any():  # tokens outside any sentence (no sentence at all) are not counted
            word &= np.repeat(self.n_sent > 0, n_tok)
        sent = (np.concatenate([d.token_sentence for d in documents]) + np.repeat(self.sent_off, n_tok))[word]
        strings = list(itertools.compress(itertools.chain.from_iterable(d.token_strings() for d in documents),
                                          word.tolist()))
        rows = _TOKENS.row_ids(strings)
        table = _TOKENS.columns
        flags = table["flags"][rows]
        first_of_sentence = np.ones(len(sent), dtype=bool)
        first_of_sentence[1:] = sent[1:] != sent[:-1]
        if numbers == "one":  # a numeral is one syllable (and never a hard word)
            syl = table["syllables_one"][rows]
            fog = (flags & _TokenTable.FOG_ONE) > 0
        else:
            syl = table["syllables"][rows]
            fog = (flags & _TokenTable.FOG) > 0
        # proper-noun rule for Fog: capitalised and not the sentence's first word
        fog &= ~(((flags & _TokenTable.CAPITALISED) > 0) & ~first_of_sentence)
        per_token = [np.ones(len(sent), np.int8), syl, syl >= 3, fog, (flags & _TokenTable.DIFFICULT) > 0,
                     table["characters"][rows], table["letters"][rows]]  # in _SUM_COLS order
        # per sentence sums (the segmentation lists tokens in sentence order)
        ordered = _is_sorted(sent)
        self.sums = _sums_by(sent, per_token, S, ordered)
        sp = np.flatnonzero(flags & _TokenTable.UNFAMILIAR)
        self.sp_sent = sent[sp]
        self.sp_form = table["form"][rows[sp]]
        self.sp_voice = np.zeros(len(sp), np.int64)
        self._sp_sorted: dict[int, np.ndarray] = {}
        # per sentence x voice (narrative 0, quoted 1): quoted sums, narrative = all - quoted
        if quotes is not None:
            voice = self._quoted(documents, n_tok, word, sent, quotes)
            q = np.flatnonzero(voice)
            quoted = _sums_by(sent[q], [c[q] for c in per_token], S, ordered)
            self.sums_v = np.stack([self.sums - quoted, quoted], axis=1).reshape(2 * S, len(_SUM_COLS))
            self.sp_voice = voice[sp].astype(np.int64)

    def _quoted(self, documents, n_tok, word, sent, quotes) -> np.ndarray:
        """Per word token: its start lies inside a quote span ([start, end))
        of its own article.  The documents' texts are laid end to end (with
        a gap), spans are clipped to their text and shifted with it, and a
        token is inside when more spans start than end at or before it."""
        q_ids, q_start, q_end = quotes
        n = len(documents)
        length = np.array([len(d.text) for d in documents], dtype=np.int64)
        char_off = np.cumsum(length + 1) - (length + 1)
        doc_ids = [str(a) for a in self.ids]
        if len(set(doc_ids)) == n:
            q_doc = pd.Index(doc_ids).get_indexer(q_ids)
            keep = q_doc >= 0
            q_doc, q_start, q_end = q_doc[keep], q_start[keep], q_end[keep]
        else:  # the same article_id twice: each copy takes the article's quotes
            pairs = pd.DataFrame({"aid": doc_ids, "doc": np.arange(n)}).merge(
                pd.DataFrame({"aid": q_ids, "start": q_start, "end": q_end}), on="aid")
            q_doc, q_start, q_end = (pairs[c].to_numpy(np.int64) for c in ("doc", "start", "end"))
        if not len(q_doc):
            return np.zeros(len(sent), dtype=bool)
        lo = np.clip(q_start, 0, length[q_doc]) + char_off[q_doc]
        hi = np.clip(q_end, 0, length[q_doc]) + char_off[q_doc]
        pos = (np.concatenate([d.tokens[:, 0] for d in documents]) + np.repeat(char_off, n_tok))[word]
        if _is_sorted(pos):  # tokens in text order: spans open and close at token indices
            m = len(pos) + 1
            delta = (np.bincount(np.searchsorted(pos, lo), minlength=m)
                     - np.bincount(np.searchsorted(pos, hi), minlength=m))
            return np.cumsum(delta[: len(pos)]) > 0
        lo, hi = np.sort(lo), np.sort(hi)
        return np.searchsorted(lo, pos, side="right") - np.searchsorted(hi, pos, side="right") > 0

    def _spache(self, unit_of_sentence: np.ndarray, nv: int, size_u: int) -> np.ndarray:
        """Unique Spache-unfamiliar forms per unit (x voice).

        The unfamiliar tokens are sorted once per batch by (form, voice,
        sentence); when units follow sentence order (always for articles and
        sentences, and for paragraphs as the segmentation numbers them), a
        (unit, form) pair is new exactly where the form, the voice or the
        unit changes from the previous token."""
        S = max(self.S, 1)
        if _is_sorted(unit_of_sentence):
            if nv not in self._sp_sorted:
                key = self.sp_form * nv + (self.sp_voice if nv == 2 else 0)
                self._sp_sorted[nv] = np.sort(key * S + self.sp_sent)
            c = self._sp_sorted[nv]
            fv = c // S
            unit = unit_of_sentence[c % S] * nv + (fv % 2 if nv == 2 else 0)
            new = np.ones(len(c), dtype=bool)
            new[1:] = (fv[1:] != fv[:-1]) | (unit[1:] != unit[:-1])
            return np.bincount(unit[new], minlength=size_u)[:size_u]
        unit_tok = unit_of_sentence[self.sp_sent] * nv + (self.sp_voice if nv == 2 else 0)
        n_forms = int(self.sp_form.max()) + 1 if len(self.sp_form) else 1
        pairs = np.unique(unit_tok * n_forms + self.sp_form)
        return np.bincount(pairs // n_forms, minlength=size_u)[:size_u]

    def counts(self, level: str, voiced: bool) -> dict[str, np.ndarray]:
        """Key and count columns of every unit (x voice) of ``level``, in
        document order, then unit order (then narrative, quoted)."""
        S = self.S
        nv = 2 if voiced else 1
        words_s = self.sums[:, 0].astype(float)
        if voiced:
            sv = self.sums_v
            words_sv = sv[:, 0].astype(float)
            share = words_sv.reshape(S, 2) / np.where(words_s > 0, words_s, 1.0)[:, None]
            share[words_s == 0, 0] = 1.0  # a sentence without words counts to narrative
            share = share.reshape(-1)
            sent_len = np.repeat(words_s, 2) * (words_sv > 0)
        else:
            sv = self.sums
            share = np.ones(S)
            sent_len = words_s

        if level == "sentence":
            unit_of_sentence = np.arange(S)
            n_units = S
            units_per_doc = self.n_sent
        elif level == "paragraph":
            unit_of_sentence = self.sentence_par
            n_units = self.P
            units_per_doc = self.n_par
        else:
            unit_of_sentence = self.sentence_doc
            n_units = len(self.ids)
            units_per_doc = np.ones(len(self.ids), dtype=np.int64)
        size_u = n_units * nv
        if level == "sentence":  # each unit is one sentence: its sums as they are
            sums, sentences, longest = sv, share, sent_len
        else:
            unit_sv = (unit_of_sentence[:, None] * nv + np.arange(nv)).reshape(-1)
            sums = _group_sum(unit_sv, sv, size_u)
            # bincount adds in sentence order, as the per-document counting did
            sentences = np.bincount(unit_sv, weights=share, minlength=size_u)[:size_u]
            longest = np.zeros(size_u)
            np.maximum.at(longest, unit_sv, sent_len)
        cols: dict[str, np.ndarray] = {c: sums[:, j] for j, c in enumerate(_SUM_COLS)}
        cols["sentences"] = sentences
        cols["longest_sentence_words"] = longest
        cols["spache_unfamiliar_words"] = self._spache(unit_of_sentence, nv, size_u)

        keys: dict[str, np.ndarray] = {"article_id": np.repeat(self.ids, units_per_doc * nv)}
        if level == "paragraph":
            keys["paragraph"] = np.repeat(np.arange(self.P) - np.repeat(self.par_off, self.n_par) + 1, nv)
            spans = np.repeat(self.paragraphs, nv, axis=0)
            keys["start"], keys["end"] = spans[:, 0], spans[:, 1]
        elif level == "sentence":
            keys["paragraph"] = np.repeat(self.sentence_paragraph + 1, nv)
            keys["sentence"] = np.repeat(np.arange(S) - np.repeat(self.sent_off, self.n_sent) + 1, nv)
            spans = np.repeat(self.sentences, nv, axis=0)
            keys["start"], keys["end"] = spans[:, 0], spans[:, 1]
        if voiced:
            keys["voice"] = np.tile(np.array(VOICES, dtype=object), n_units)
        out = {**keys, **cols}
        if voiced:
            keep = cols["words"] > 0
            out = {k: v[keep] for k, v in out.items()}
        return out


def _quote_spans(quotes: pd.DataFrame, kinds) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article ids as str, starts, ends) of the quotes of ``kinds``."""
    missing = {"article_id", "start", "end"} - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes table lacks column(s) {sorted(missing)}; it needs article_id, start, end (and kind)")
    q = quotes
    if "kind" in q.columns and kinds is not None:
        allowed = {"direct", "partial", "indirect"}
        bad = set(kinds) - allowed
        if bad:
            raise ValueError(f"quote_kinds must be drawn from {sorted(allowed)}, got {sorted(bad)}")
        q = q[q["kind"].isin(list(kinds))]
    return (q["article_id"].astype(str).to_numpy(dtype=object), q["start"].to_numpy(dtype=np.int64),
            q["end"].to_numpy(dtype=np.int64))


def readability_levels(
    docs: pd.DataFrame | Iterable[Document] | str,
    levels: Iterable[str] = LEVELS,
    *,
    quotes: pd.DataFrame | None = None,
    voice_level: str = "article",
    quote_kinds: Iterable[str] | None = ("direct", "partial"),
    min_words: int = 3,
    max_sentence_words: int | None = 150,
    smog_min_sentences: int = 30,
    numbers: str = "one",
) -> dict[str, pd.DataFrame]:
    """Readability tables of several levels from one counting pass.

    Returns ``{level: table}`` for each of ``levels`` (each table exactly
    ``readability(docs, level=level, ...)``), and with ``quotes`` also
    ``"voice"``: the units of ``voice_level`` split by voice (exactly
    ``readability(docs, level=voice_level, quotes=quotes, ...)``).  The
    word tokens of all documents are looked up and summed once, for every
    table together, so asking for four tables costs little more than one.
    Options as in :func:`readability`."""
    levels = [levels] if isinstance(levels, str) else list(levels)
    for level in [*levels, voice_level]:
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, got {min_words}")
    if numbers not in ("one", "read_aloud"):
        raise ValueError(f"numbers must be 'one' or 'read_aloud', not {numbers!r}")
    documents = segment_articles(docs)
    spans = _quote_spans(quotes, quote_kinds) if quotes is not None else None
    empty = not documents
    if empty:  # count an empty text for the columns and dtypes, then keep no row
        documents = segment_articles("")
    batch = _Batch(documents, numbers, spans)
    wanted = [(level, level, False) for level in levels]
    if quotes is not None:
        wanted.append(("voice", voice_level, True))
    out = {}
    for name, level, voiced in wanted:
        cols = batch.counts(level, voiced)
        if empty:
            cols = {k: v[:0] for k, v in cols.items()}
        out[name] = _finish(cols, voiced, min_words, max_sentence_words, smog_min_sentences)
    return out


def readability(
    docs: pd.DataFrame | Iterable[Document] | str,
    *,
    level: str = "article",
    quotes: pd.DataFrame | None = None,
    quote_kinds: Iterable[str] | None = ("direct", "partial"),
    min_words: int = 3,
    max_sentence_words: int | None = 150,
    smog_min_sentences: int = 30,
    numbers: str = "one",
) -> pd.DataFrame:
    """Readability counts and indices, one row per unit.

    ``docs``: an articles table, Documents or one body string.
    ``level``: ``"article"``, ``"paragraph"`` or ``"sentence"``.
    ``quotes``: a quote table (``article_id``, ``start``, ``end``, ``kind``);
    when given, rows are split by ``voice`` (``quoted`` / ``narrative``), see
    the module docstring; ``quote_kinds`` says which kinds count as quoted.
    ``min_words``, ``max_sentence_words``, ``smog_min_sentences``: the NaN
    rules in the module docstring.  ``numbers``: ``"one"`` (default) counts
    a numeral (``17``, ``2018``, ``1,000``) as one syllable;
    ``"read_aloud"`` counts its syllables as spoken (``2018`` = 4), Flesch's
    1948 instruction (see "Numbers" in the module docstring).

    Columns: ``article_id``, ``paragraph`` (paragraph and sentence levels),
    ``sentence`` (sentence level), ``start``/``end`` (character span of a
    paragraph or sentence), ``voice`` (with quotes), the counts in
    :data:`COUNT_COLUMNS` (integers, except ``sentences`` for voice rows),
    ``words_per_sentence``, ``syllables_per_word``, then the indices in
    :data:`INDEX_COLUMNS`.  Several levels of the same documents:
    :func:`readability_levels` counts once for all of them.
    """
    options = dict(quote_kinds=quote_kinds, min_words=min_words, max_sentence_words=max_sentence_words,
                   smog_min_sentences=smog_min_sentences, numbers=numbers)
    if quotes is None:
        return readability_levels(docs, (level,), **options)[level]
    return readability_levels(docs, (), quotes=quotes, voice_level=level, **options)["voice"]


def _finish(table: pd.DataFrame | dict, voiced: bool, min_words: int, max_sentence_words, smog_min_sentences,
            float_sentences: bool | None = None) -> pd.DataFrame:
    """The output table from key and count columns (a DataFrame or a dict of
    arrays): counts as integers, ratios, indices with the NaN rules; whole
    columns at once."""
    keys = [c for c in ("article_id", "paragraph", "sentence", "start", "end") if c in table]
    if voiced:
        keys.append("voice")
    if float_sentences is None:
        float_sentences = voiced
    out = {k: np.asarray(table[k]) for k in keys}
    for c in COUNT_COLUMNS:
        v = np.asarray(table[c])
        out[c] = v if float_sentences and c == "sentences" else np.rint(v.astype(float)).astype(np.int64)
    idx = indices_from_counts(out)
    bad = (out["words"] < min_words) | (out["sentences"] <= 0)
    if max_sentence_words is not None:
        bad |= out["longest_sentence_words"] > max_sentence_words
    for k in INDEX_COLUMNS:
        idx[k] = np.where(bad, np.nan, idx[k])
    idx["smog_index"] = np.where(out["sentences"] < smog_min_sentences, np.nan, idx["smog_index"])
    out["words_per_sentence"] = _ratio(out["words"], out["sentences"])
    out["syllables_per_word"] = _ratio(out["syllables"], out["words"])
    out.update(idx)
    return pd.DataFrame(out)


def pool(table: pd.DataFrame, *, by: str | list[str] | None = None, min_words: int = 3,
         max_sentence_words: int | None = 150, smog_min_sentences: int = 30) -> pd.DataFrame:
    """Readability of groups of units (``by``: column(s) such as ``"voice"``;
    ``None`` pools everything) from a :func:`readability` table: counts are
    summed and every index recomputed from the sums (never an average of
    indices), with the same NaN rules.  ``longest_sentence_words`` is the
    maximum.  Spache's unique unfamiliar words are summed over the units, so
    a word unfamiliar in two articles counts twice in the pool."""
    by = [by] if isinstance(by, str) else list(by or [])
    missing = set(by) - set(table.columns)
    if missing:
        raise ValueError(f"cannot pool by {sorted(missing)}: the table has {list(table.columns)}")
    sums = [c for c in COUNT_COLUMNS if c != "longest_sentence_words"]
    if by:
        g = table.groupby(by, sort=True)
        pooled = g[sums].sum().join(g["longest_sentence_words"].max()).join(g.size().rename("units")).reset_index()
    else:
        pooled = pd.DataFrame([{**table[sums].sum().to_dict(),
                                "longest_sentence_words": table["longest_sentence_words"].max(),
                                "units": len(table)}])
    fractional = bool(np.any(np.abs(pooled["sentences"] - np.round(pooled["sentences"])) > 1e-9))
    out = _finish(pooled.assign(article_id="(pooled)"), False, min_words, max_sentence_words, smog_min_sentences,
                  float_sentences=fractional or table["sentences"].dtype.kind == "f")
    out = out.drop(columns="article_id")
    out.insert(0, "units", pooled["units"].to_numpy())
    for i, c in enumerate(by):
        out.insert(i, c, pooled[c].to_numpy())
    return out


def readability_scores(text: str, **options) -> dict:
    """Counts and indices of one text as a dict (the article-level row of
    :func:`readability` for ``text``; same keyword options)."""
    if not isinstance(text, str):
        raise TypeError(f"readability_scores() needs a str, got {type(text).__name__}")
    row = readability(text, level="article", **options).iloc[0].drop("article_id")
    out = {}
    for k, v in row.items():
        v = v.item() if hasattr(v, "item") else v
        out[k] = None if isinstance(v, float) and math.isnan(v) else v
    return out


# ---------------------------------------------------------------------------
# command line


def add_cli_arguments(parser) -> None:
    """Options of ``python -m analysis readability PATH``."""
    parser.add_argument("--level", choices=list(LEVELS), default="article",
                        help="one row per article (default), paragraph or sentence")
    parser.add_argument("--min-words", type=int, default=3, dest="min_words",
                        help="indices are null for units with fewer words (default 3)")
    parser.add_argument("--max-sentence-words", type=int, default=150, dest="max_sentence_words",
                        help="indices are null when a sentence is longer: unpunctuated text (default 150; 0 = off)")
    parser.add_argument("--numbers", choices=["one", "read_aloud"], default="one",
                        help="syllables of a numeral: one (default) or as read aloud")
    parser.add_argument("--smog-min-sentences", type=int, default=30, dest="smog_min_sentences",
                        help="SMOG is null below this many sentences (default 30)")


def cli_table(articles: pd.DataFrame, *, level: str = "article", min_words: int = 3,
              max_sentence_words: int | None = 150, smog_min_sentences: int = 30,
              numbers: str = "one") -> pd.DataFrame:
    """The table ``python -m analysis readability`` prints."""
    return readability(
        articles,
        level=level,
        min_words=min_words,
        max_sentence_words=max_sentence_words or None,
        smog_min_sentences=smog_min_sentences,
        numbers=numbers,
    )
