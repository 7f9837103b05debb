"""The readability formulas: one function per index, each a pure function of
counts (scalars or numpy arrays), with its formula, source and direction in
its docstring; :func:`indices_from_counts` applies them all to a table of
counts.  The counts themselves come from :mod:`analysis.readability.counting`;
the NaN rules (too few words, unpunctuated text) from
:mod:`analysis.readability.tables`."""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "COUNT_COLUMNS",
    "INDEX_COLUMNS",
    "GRADE_INDICES",
    "INDEX_LABELS",
    "ratio",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "linsear_write",
    "spache",
    "indices_from_counts",
]

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


def ratio(num, den):
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
    return _out(206.835 - 1.015 * ratio(words, sentences) - 84.6 * ratio(syllables, words))


def flesch_kincaid_grade(words, sentences, syllables):
    """Flesch–Kincaid Grade Level (Kincaid, Fishburne, Rogers & Chissom 1975,
    Navy research report 8-75):

    ``0.39 * words/sentences + 11.8 * syllables/words - 15.59``.

    US school grade; **higher is harder**.  Same as textstat."""
    return _out(0.39 * ratio(words, sentences) + 11.8 * ratio(syllables, words) - 15.59)


def gunning_fog(words, sentences, complex_words):
    """Gunning Fog index (Gunning 1952, *The Technique of Clear Writing*):

    ``0.4 * (words/sentences + 100 * complex_words/words)``.

    Years of schooling; **higher is harder** (12 = high-school senior).
    Deliberate difference from textstat: textstat's "complex" word is one not
    on the Dale–Chall list with 3+ syllables; ours follows Gunning (3+
    syllables, not a proper noun, compound or -ed/-es/-ing inflation)."""
    return _out(0.4 * (ratio(words, sentences) + 100.0 * ratio(complex_words, words)))


def smog_index(sentences, polysyllabic_words):
    """SMOG grade (McLaughlin 1969, *SMOG grading: a new readability
    formula*, J. Reading 12(8):639-646), the regression form:

    ``1.0430 * sqrt(polysyllabic_words * 30 / sentences) + 3.1291``.

    US grade; **higher is harder**.  Published for a 30-sentence sample:
    :func:`readability` returns NaN below ``smog_min_sentences``.  Same
    formula as textstat (which has no sample-size rule)."""
    return _out(1.0430 * np.sqrt(30.0 * ratio(polysyllabic_words, sentences)) + 3.1291)


def coleman_liau_index(words, sentences, letters):
    """Coleman–Liau index (Coleman & Liau 1975, *A computer readability
    formula designed for machine scoring*, J. Appl. Psych. 60(2):283-284):

    ``0.0588 * L - 0.296 * S - 15.8`` with ``L`` letters per 100 words and
    ``S`` sentences per 100 words.

    US grade; **higher is harder**.  Deliberate difference from textstat,
    which uses 0.058 (a truncated coefficient; 0.0008 * L, about 0.4 grade
    on news) and counts digits as letters."""
    L = 100.0 * ratio(letters, words)
    S = 100.0 * ratio(sentences, words)
    return _out(0.0588 * L - 0.296 * S - 15.8)


def automated_readability_index(words, sentences, characters):
    """Automated Readability Index (Senter & Smith 1967, AMRL-TR-66-220):

    ``4.71 * characters/words + 0.5 * words/sentences - 21.43``.

    US grade; **higher is harder**.  Characters are letters and digits of
    words; textstat also counts punctuation, which raises its ARI (same
    formula, different count)."""
    return _out(4.71 * ratio(characters, words) + 0.5 * ratio(words, sentences) - 21.43)


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
    pdw = 100.0 * ratio(difficult_words, words)
    raw = 0.1579 * pdw + 0.0496 * ratio(words, sentences)
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
    r = ratio(np.asarray(words, float) + 2.0 * np.asarray(polysyllabic_words, float), sentences)
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
    return _out(a * ratio(words, sentences) + b * 100.0 * ratio(unfamiliar_words, words) + c)


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
