"""Agreement of syllable estimators with the CMU Pronouncing Dictionary.

How often does a word's estimated syllable count equal the count of the CMU
dictionary's first pronunciation?  Measured on word *types* (each spelling
once) that the dictionary knows, treating them as unknown:

* ``analysis.readability.syllables.estimate_syllables`` (the learned estimator used for
  words the dictionary lacks) on the held-out fifth of CMU alphabetic entries
  (``analysis.readability.syllables.is_held_out``: md5(word) % 5 == 0), which it was not
  trained on;
* pyphen's hyphenation + 1 (textstat's fallback for unknown words) on the
  same held-out words and on every entry (it is not trained on CMU);
* the same on the held-out words that are common English words
  (``wordfreq.zipf_frequency(w, "en") >= 3``, about once per million words
  or more), where pyphen does better than on rare names;
* both also against *any* listed pronunciation (CMU lists several for some
  words: ``fire`` has 1 and 2 syllables).
"""
from __future__ import annotations

__all__ = ["syllable_agreement"]


def syllable_agreement() -> dict:
    """Every figure of the module docstring as shares (0..1): ``estimator_first``,
    ``estimator_any``, ``pyphen_first``, ``pyphen_any``, ``pyphen_all``,
    ``estimator_common``, ``pyphen_common``, ``ceiling`` (held-out words whose
    pronunciations all agree on one count), with the counts ``word_types``,
    ``held_out`` and ``common``."""
    from wordfreq import zipf_frequency

    from analysis.core.resources import cmu_dictionary
    from analysis.readability.syllables import cmu_word_types, estimate_syllables, is_held_out, pyphen_syllables

    words = cmu_word_types()
    cmu = cmu_dictionary()
    held = sorted(w for w in words if is_held_out(w))
    any_counts = {w: {sum(1 for p in pr if p[-1].isdigit()) for pr in cmu[w]} for w in held}

    def agreement(fn, population):
        first = sum(fn(w) == words[w] for w in population) / len(population)
        anyp = sum(fn(w) in any_counts[w] for w in population) / len(population) if population is held else None
        return first, anyp

    est_first, est_any = agreement(estimate_syllables, held)
    py_first, py_any = agreement(pyphen_syllables, held)
    py_all = sum(pyphen_syllables(w) == n for w, n in words.items()) / len(words)
    common = [w for w in held if zipf_frequency(w, "en") >= 3.0]
    return {
        "word_types": len(words), "held_out": len(held), "common": len(common),
        "estimator_first": est_first, "estimator_any": est_any,
        "pyphen_first": py_first, "pyphen_any": py_any, "pyphen_all": py_all,
        "estimator_common": sum(estimate_syllables(w) == words[w] for w in common) / len(common),
        "pyphen_common": sum(pyphen_syllables(w) == words[w] for w in common) / len(common),
        "ceiling": sum(len(any_counts[w]) == 1 for w in held) / len(held),
    }
