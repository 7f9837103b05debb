"""Word stems for the ``news`` scorer: inflectional stems of its terms
(:func:`stem_term`, so that ``criticized``, ``criticizes`` and ``criticizing``
share one learned weight), and the *stem back-off* features
(:func:`stem_features`): the VADER and AFINN valences of words that neither
lexicon lists as written but whose stem one of its entries has
(``tyrannies`` -> ``tyranny``, VADER has ``tyranny``; ``saving`` -> ``save``).

Why: VADER and AFINN look words up exactly as written, so inflected and
derived forms of their entries score 0, and the learned news terms, estimated
from 2,601 sentences, are thin: most forms of a word occur in too few
editorials to be learned at all.  Pooling forms by stem gives each learned
weight more support; the back-off features recover lexicon valence that exact
look-up misses.  Both are fitted like every other feature (the news
regression decides their weight).

Stemmer: Porter's (1980) steps 1a and 1b, the inflectional ones (plurals,
-ed, -ing), written out here (:func:`stem`; NLTK's full Porter stemmer costs
about 0.1 ms a word, more than the rest of the ``news`` scorer).  A stem's valence is the mean valence of the lexicon's
single-word, all-letter entries with that stem.  A word after a negator
(the ``~`` terms of :func:`analysis.sentiment.features.word_terms`) counts
with VADER's negation factor, -0.74."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from analysis.core.resources import package_files, vader_lexicon_path
from analysis.sentiment.features import word_terms

__all__ = ["STEM_FEATURES", "NEGATION_FACTOR", "stem", "stem_term", "distinct_stems", "stem_valences",
           "stem_features", "stem_features_of_terms", "stem_feature_columns"]

#: the back-off features, in column order of :func:`stem_features`
STEM_FEATURES = ("vader_stem_sum", "afinn_stem_sum")
#: VADER's factor for a word in the scope of a negation (vaderSentiment's N_SCALAR)
NEGATION_FACTOR = -0.74


_VOWELS = frozenset("aeiou")


def _is_consonant(word: str, i: int) -> bool:
    """Porter's consonant: not a vowel, and ``y`` only after a vowel or first."""
    ch = word[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _is_consonant(word, i - 1)
    return True


def _measure(stem_: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in ``stem_``."""
    m, prev_vowel = 0, False
    for i in range(len(stem_)):
        vowel = not _is_consonant(stem_, i)
        m += prev_vowel and not vowel
        prev_vowel = vowel
    return m


def _has_vowel(stem_: str) -> bool:
    return any(not _is_consonant(stem_, i) for i in range(len(stem_)))


def _cvc(stem_: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y (hop, sav)."""
    n = len(stem_)
    return (n >= 3 and _is_consonant(stem_, n - 1) and not _is_consonant(stem_, n - 2)
            and _is_consonant(stem_, n - 3) and stem_[-1] not in "wxy")


def _undo_ed_ing(base: str) -> str:
    """Porter's step 1b tidy-up after removing -ed / -ing."""
    if base.endswith(("at", "bl", "iz")):
        return base + "e"
    if len(base) >= 2 and base[-1] == base[-2] and _is_consonant(base, len(base) - 1) and base[-1] not in "lsz":
        return base[:-1]
    if _measure(base) == 1 and _cvc(base):
        return base + "e"
    return base


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """Inflectional stem of a lower-case word: Porter's (1980) steps 1a and
    1b (plural -s, -es, -ies; -ed, -ing), except that -ies gives -y and
    -xes, -ches, -shes, -zzes lose -es, so stems stay words (``tyrannies`` -> ``tyranny``, ``saving`` -> ``save``,
    ``stopped`` -> ``stop``, ``related`` -> ``relate``, ``agreed`` ->
    ``agree``); a possessive 's or a final apostrophe goes first; no
    derivational suffixes.  Memoised: a corpus repeats words."""
    w = word.rstrip("'")
    if w.endswith("'s"):  # possessive: world's -> world
        w = w[:-2]
    if len(w) <= 3:
        return w
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies"):
        w = w[:-3] + ("y" if len(w) > 4 else "ie")
    elif w.endswith(("xes", "ches", "shes", "zzes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("eed"):
        return w[:-1] if _measure(w[:-3]) > 0 else w
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and _has_vowel(w[:-len(suffix)]):
            return _undo_ed_ing(w[:-len(suffix)])
    return w


def stem_term(term: str) -> str:
    """The stem of a term, keeping the negation mark: ``~criticized`` -> ``~criticize``."""
    return _term_info(term)[0]


def distinct_stems(distinct: Iterable[str]) -> list[str]:
    """The distinct stems of a text's distinct terms, in order of first appearance."""
    return list(dict.fromkeys(_term_info(t)[0] for t in distinct))


def _read_pairs(path: Path) -> dict[str, float]:
    """``word<TAB>valence[<TAB>...]`` lines of a lexicon file."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                out[parts[0]] = float(parts[1])
    return out


@functools.cache
def stem_valences() -> tuple[tuple[frozenset, dict], tuple[frozenset, dict]]:
    """For VADER and for AFINN-165: (the entries as written, {stem: mean
    valence of the single-word all-letter entries with that stem})."""
    afinn = package_files("afinn", "afinn", "The AFINN-165 word list", "data", "AFINN-en-165.txt")[0]
    out = []
    for lexicon in (_read_pairs(vader_lexicon_path()), _read_pairs(afinn)):
        by_stem: dict[str, list[float]] = {}
        for word, valence in lexicon.items():
            if word.isalpha():
                by_stem.setdefault(stem(word.lower()), []).append(valence)
        out.append((frozenset(lexicon), {s: float(np.mean(v)) for s, v in by_stem.items()}))
    return out[0], out[1]


@functools.lru_cache(maxsize=1 << 18)
def _term_info(term: str) -> tuple[str, float, float]:
    """A term's stem (negation mark kept) and its VADER and AFINN stem
    back-off valences, times :data:`NEGATION_FACTOR` for a ``~`` term (0.0
    for a lexicon that lists the word as written, or lacks its stem too).
    Memoised, so a corpus's repeated words cost one look-up each."""
    negated = term.startswith("~")
    word = term[1:] if negated else term
    stemmed = stem(word)
    values = [0.0, 0.0]
    if word.isalpha():
        for j, (entries, by_stem) in enumerate(stem_valences()):
            v = 0.0 if word in entries else by_stem.get(stemmed, 0.0)
            values[j] = NEGATION_FACTOR * v if negated else v
    return ("~" + stemmed) if negated else stemmed, values[0], values[1]


def stem_features(words: Sequence[Iterable[str]]) -> np.ndarray:
    """One row per text (its word tokens): the sums over its words (every
    occurrence) of the stem valence of each word that the lexicon does not
    list as written, for VADER and AFINN (:data:`STEM_FEATURES`); a word in
    a negation's scope counts times :data:`NEGATION_FACTOR`."""
    return stem_features_of_terms([word_terms(ws) for ws in words])


def stem_features_of_terms(terms: Sequence[Sequence[tuple[str, bool]]]) -> np.ndarray:
    """:func:`stem_features` from each text's :func:`word_terms` (computed once by the caller)."""
    out = np.zeros((len(terms), len(STEM_FEATURES)))
    for i, tt in enumerate(terms):
        a = b = 0.0
        for term, _ in tt:
            _, va, vb = _term_info(term)
            a += va
            b += vb
        out[i] = a, b
    return out


def stem_feature_columns(F, words: Sequence[Iterable[str]], terms=None) -> np.ndarray:
    """The :data:`STEM_FEATURES` columns of the feature table ``F`` when it
    has them (computed once for a cross-validation), else
    :func:`stem_features` of ``words`` (or of their ``terms``, if given)."""
    if F is not None and set(STEM_FEATURES) <= set(F.columns):
        return F[list(STEM_FEATURES)].to_numpy(dtype=float)
    return stem_features_of_terms(terms) if terms is not None else stem_features(words)
