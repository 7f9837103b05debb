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

Run: ``python benchmarks/syllable_agreement.py``; ends with a one-line summary.
"""
from __future__ import annotations

import sys
import time

from analysis.resources import cmu_dictionary
from analysis.readability.syllables import cmu_word_types, estimate_syllables, is_held_out, pyphen_syllables


def main() -> int:
    t0 = time.perf_counter()
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
    from wordfreq import zipf_frequency

    common = [w for w in held if zipf_frequency(w, "en") >= 3.0]
    est_common = sum(estimate_syllables(w) == words[w] for w in common) / len(common)
    py_common = sum(pyphen_syllables(w) == words[w] for w in common) / len(common)
    ceiling = sum(len(any_counts[w]) == 1 for w in held) / len(held)
    print(f"CMU alphabetic word types: {len(words)}; held out (md5 % 5 == 0): {len(held)}")
    print(f"{'estimator':<34}{'first pron.':>12}{'any pron.':>12}")
    print(f"{'analysis (learned), held-out':<34}{est_first:>12.2%}{est_any:>12.2%}")
    print(f"{'pyphen + 1, held-out':<34}{py_first:>12.2%}{py_any:>12.2%}")
    print(f"{'pyphen + 1, all CMU types':<34}{py_all:>12.2%}{'':>12}")
    print(f"{'held-out common words (zipf >= 3)':<34}{'':>12}{'':>12}   n={len(common)}")
    print(f"{'  analysis (learned)':<34}{est_common:>12.2%}")
    print(f"{'  pyphen + 1':<34}{py_common:>12.2%}")
    print(f"held-out words whose pronunciations all agree on one count: {ceiling:.2%}")
    print(f"({time.perf_counter() - t0:.1f} s)")
    print(f"SUMMARY syllable agreement with CMU on {len(held)} held-out word types: "
          f"analysis {est_first:.1%}, pyphen {py_first:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
