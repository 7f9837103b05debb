"""Readability: the standard English indices and the counts they rest on.

:func:`readability` scores articles, paragraphs or sentences (one row per
unit, keys ``article_id`` / ``paragraph`` / ``sentence``), and with a quote
table scores the quoted and the narrative words of each unit apart (column
``voice``).  Everything comes from the shared segmentation
(:mod:`analysis.text`): one pass over each article's word tokens gives
per-token syllables, letters and word-list lookups; the counts of every unit
are sums of those, and every index is a formula of the counts
(:func:`indices_from_counts`).

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
import math
import re
from typing import Iterable

import numpy as np
import pandas as pd

from analysis.resources import read_word_list
from analysis.syllables import cmu_syllables, syllables
from analysis.text import Document, segment_articles

__all__ = [
    "readability",
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
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    return out


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
    if not any(c.isalpha() for c in w):
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
        letters = sum(1 for c in tok if c.isalpha())
        chars = sum(1 for c in tok if c.isalnum())
        low = tok.translate(_APOS).lower()
    dc = not _familiar(low, _familiar_forms("dale_chall_words.txt"))
    sp = not _familiar(low, _familiar_forms("spache_words.txt"))
    fog = n >= 3 and "-" not in tok and "–" not in tok and not _suffix_inflated(low)
    return n, letters, chars, int(dc), int(sp), int(fog), low


class _TokenTable:
    """Facts of every distinct word token seen so far, one row per token
    string (numpy, grown by doubling), so a document's facts are one
    dictionary lookup per token and one fancy-index per column.  It lives
    for the process and grows with the number of distinct token strings
    (about 200 bytes each: 40,000 strings for 2,225 BBC articles)."""

    COLS = 9  # syllables, letters, characters, dc, spache, fog, capitalised, form id, numeral

    def __init__(self):
        self.reset()

    def reset(self):
        self.ids: dict[str, int] = {}
        self.forms: dict[str, int] = {}
        self.rows = np.zeros((1024, self.COLS), dtype=np.int64)
        self.n = 0

    def lookup(self, strings: list[str]) -> np.ndarray:
        get = self.ids.get
        found = [get(tok) for tok in strings]
        if None in found:
            found = [i if i is not None else self.ids.get(tok) if tok in self.ids else self._add(tok)
                     for tok, i in zip(strings, found)]
        return self.rows[np.array(found, dtype=np.int64)]

    def _add(self, tok: str) -> int:
        n, letters, chars, dc, sp, fog, low = _token_facts(tok)
        form = self.forms.setdefault(low, len(self.forms))
        if self.n == len(self.rows):
            self.rows = np.concatenate([self.rows, np.zeros_like(self.rows)])
        numeral = int(letters == 0 and chars > 0)
        self.rows[self.n] = (n, letters, chars, dc, sp, fog, int(tok[:1].isupper()), form, numeral)
        self.ids[tok] = self.n
        self.n += 1
        return self.n - 1


_TOKENS = _TokenTable()


# ---------------------------------------------------------------------------
# counting


def _quote_mask(doc: Document, spans: np.ndarray) -> np.ndarray:
    """Boolean per token: its start lies in one of ``spans`` ([start, end))."""
    if not len(spans) or not len(doc.tokens):
        return np.zeros(len(doc.tokens), dtype=bool)
    starts = doc.tokens[:, 0]
    delta = np.zeros(len(doc.text) + 2, dtype=np.int64)
    s = np.clip(spans[:, 0], 0, len(doc.text))
    e = np.clip(spans[:, 1], 0, len(doc.text))
    np.add.at(delta, s, 1)
    np.add.at(delta, e, -1)
    inside = np.cumsum(delta)[: len(doc.text) + 1] > 0
    return inside[starts]


_SUM_COLS = ["words", "syllables", "polysyllabic_words", "complex_words", "difficult_words", "characters", "letters"]


def _group_sum(keys: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Column sums of ``values`` (n, k) grouped by ``keys`` into ``size`` rows."""
    out = np.empty((size, values.shape[1]), dtype=np.int64)
    for j in range(values.shape[1]):
        out[:, j] = np.bincount(keys, weights=values[:, j], minlength=size)[:size]
    return out


def _doc_counts(doc: Document, level: str, quoted: np.ndarray | None,
                numbers: str = "one") -> dict[str, np.ndarray]:
    """Counts (numpy columns) for each unit (x voice) of one document."""
    S = doc.n_sentences
    words_idx = np.flatnonzero(doc.token_is_word)
    strings = doc.token_strings()
    nw = len(words_idx)
    nv = 2 if quoted is not None else 1
    if nw:
        facts = _TOKENS.lookup([strings[i] for i in words_idx])
        sent = doc.token_sentence[words_idx]
        first_of_sentence = np.ones(nw, dtype=bool)
        first_of_sentence[1:] = sent[1:] != sent[:-1]
        syl = facts[:, 0]
        fog = facts[:, 5] == 1
        if numbers == "one":  # a numeral is one syllable (and never a hard word)
            numeral = facts[:, 8] == 1
            syl = np.where(numeral, 1, syl)
            fog = fog & ~numeral
        # proper-noun rule for Fog: capitalised and not the sentence's first word
        fog = fog & ~((facts[:, 6] == 1) & ~first_of_sentence)
        per_token = np.stack(
            [np.ones(nw, np.int64), syl, (syl >= 3).astype(np.int64), fog.astype(np.int64),
             facts[:, 3], facts[:, 2], facts[:, 1]], axis=1)
        voice = quoted[words_idx].astype(np.int64) if quoted is not None else np.zeros(nw, np.int64)
    else:
        facts = np.zeros((0, _TokenTable.COLS), np.int64)
        per_token = np.zeros((0, len(_SUM_COLS)), np.int64)
        sent = voice = np.zeros(0, np.int64)
    # per sentence x voice sums
    key = sent * nv + voice
    size = S * nv
    sv = _group_sum(key, per_token, size)
    words_sv = sv[:, 0].astype(float)
    words_s = np.bincount(sent, minlength=S)[:S].astype(float)
    if nv == 2:
        with np.errstate(invalid="ignore", divide="ignore"):
            share = (words_sv.reshape(S, 2) / np.where(words_s > 0, words_s, 1.0)[:, None])
        share[words_s == 0, 0] = 1.0  # a sentence without words counts to narrative
        share = share.reshape(-1)
    else:
        share = np.ones(S)
    sent_len = np.repeat(words_s, nv) * (words_sv > 0)

    if level == "sentence":
        unit_of_sentence = np.arange(S)
        n_units = S
    elif level == "paragraph":
        unit_of_sentence = doc.sentence_paragraph
        n_units = doc.n_paragraphs
    else:
        unit_of_sentence = np.zeros(S, dtype=np.int64)
        n_units = 1
    size_u = n_units * nv
    unit_sv = np.repeat(unit_of_sentence, nv) * nv + np.tile(np.arange(nv), S)
    sums = _group_sum(unit_sv, sv, size_u)
    cols: dict[str, np.ndarray] = {c: sums[:, j] for j, c in enumerate(_SUM_COLS)}
    cols["sentences"] = np.bincount(unit_sv, weights=share, minlength=size_u)[:size_u]
    longest = np.zeros(size_u)
    if S:
        np.maximum.at(longest, unit_sv, sent_len)
    cols["longest_sentence_words"] = longest
    # Spache: unique unfamiliar lower-case forms per unit (x voice)
    sp = np.flatnonzero(facts[:, 4] == 1)
    if len(sp):
        unit_tok = unit_of_sentence[sent[sp]] * nv + voice[sp]
        pairs = np.unique(unit_tok * (len(_TOKENS.forms) + 1) + facts[sp, 7])
        uniq = np.bincount(pairs // (len(_TOKENS.forms) + 1), minlength=size_u)[:size_u]
    else:
        uniq = np.zeros(size_u, np.int64)
    cols["spache_unfamiliar_words"] = uniq

    keys: dict[str, np.ndarray] = {"article_id": np.full(size_u, doc.article_id, dtype=object)}
    if level == "paragraph":
        keys["paragraph"] = np.repeat(np.arange(1, n_units + 1), nv)
        spans = np.repeat(doc.paragraphs, nv, axis=0).reshape(-1, 2)
        keys["start"], keys["end"] = spans[:, 0], spans[:, 1]
    elif level == "sentence":
        keys["paragraph"] = np.repeat(doc.sentence_paragraph + 1, nv)
        keys["sentence"] = np.repeat(np.arange(1, S + 1), nv)
        spans = np.repeat(doc.sentences, nv, axis=0).reshape(-1, 2)
        keys["start"], keys["end"] = spans[:, 0], spans[:, 1]
    if quoted is not None:
        keys["voice"] = np.tile(np.array(VOICES, dtype=object), n_units)
    out = {**keys, **cols}
    if quoted is not None:
        keep = cols["words"] > 0
        out = {k: v[keep] for k, v in out.items()}
    return out


def _quote_spans(quotes: pd.DataFrame | None, kinds) -> dict[str, np.ndarray]:
    if quotes is None:
        return {}
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
    out: dict[str, np.ndarray] = {}
    for aid, g in q.groupby(q["article_id"].astype(str), sort=False):
        out[aid] = g[["start", "end"]].to_numpy(dtype=np.int64)
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
    :data:`INDEX_COLUMNS`.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, got {min_words}")
    if numbers not in ("one", "read_aloud"):
        raise ValueError(f"numbers must be 'one' or 'read_aloud', not {numbers!r}")
    documents = segment_articles(docs)
    spans = _quote_spans(quotes, quote_kinds)
    frames = []
    for d in documents:
        quoted = None
        if quotes is not None:
            quoted = _quote_mask(d, spans.get(str(d.article_id), np.zeros((0, 2), np.int64)))
        frames.append(_doc_counts(d, level, quoted, numbers))
    if not frames:
        frames = [{k: v[:0] for k, v in _doc_counts(segment_articles("")[0], level, None).items()}]
    table = pd.DataFrame({k: np.concatenate([f[k] for f in frames]) for k in frames[0]})
    return _finish(table, quotes is not None, min_words, max_sentence_words, smog_min_sentences)


def _finish(table: pd.DataFrame, voiced: bool, min_words: int, max_sentence_words, smog_min_sentences,
            float_sentences: bool | None = None) -> pd.DataFrame:
    keys = [c for c in ("article_id", "paragraph", "sentence", "start", "end") if c in table.columns]
    if voiced:
        keys.append("voice")
    if float_sentences is None:
        float_sentences = voiced
    int_counts = [c for c in COUNT_COLUMNS if not (float_sentences and c == "sentences")]
    for c in int_counts:
        table[c] = np.rint(table[c].to_numpy(float)).astype(np.int64)
    idx = indices_from_counts(table)
    bad = (table["words"] < min_words) | (table["sentences"] <= 0)
    if max_sentence_words is not None:
        bad |= table["longest_sentence_words"] > max_sentence_words
    idx.loc[bad, :] = np.nan
    idx.loc[table["sentences"] < smog_min_sentences, "smog_index"] = np.nan
    extra = pd.DataFrame(
        {
            "words_per_sentence": _ratio(table["words"], table["sentences"]),
            "syllables_per_word": _ratio(table["syllables"], table["words"]),
        },
        index=table.index,
    )
    return pd.concat([table[keys + COUNT_COLUMNS], extra, idx], axis=1)


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
