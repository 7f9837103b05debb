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
The measuring lives in :mod:`analysis.evaluation.syllables`; this is its
command line.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.evaluation.syllables import syllable_agreement  # noqa: E402


def main() -> int:
    t0 = time.perf_counter()
    a = syllable_agreement()
    print(f"CMU alphabetic word types: {a['word_types']}; held out (md5 % 5 == 0): {a['held_out']}")
    print(f"{'estimator':<34}{'first pron.':>12}{'any pron.':>12}")
    print(f"{'analysis (learned), held-out':<34}{a['estimator_first']:>12.2%}{a['estimator_any']:>12.2%}")
    print(f"{'pyphen + 1, held-out':<34}{a['pyphen_first']:>12.2%}{a['pyphen_any']:>12.2%}")
    print(f"{'pyphen + 1, all CMU types':<34}{a['pyphen_all']:>12.2%}{'':>12}")
    print(f"{'held-out common words (zipf >= 3)':<34}{'':>12}{'':>12}   n={a['common']}")
    print(f"{'  analysis (learned)':<34}{a['estimator_common']:>12.2%}")
    print(f"{'  pyphen + 1':<34}{a['pyphen_common']:>12.2%}")
    print(f"held-out words whose pronunciations all agree on one count: {a['ceiling']:.2%}")
    print(f"({time.perf_counter() - t0:.1f} s)")
    print(f"SUMMARY syllable agreement with CMU on {a['held_out']} held-out word types: "
          f"analysis {a['estimator_first']:.1%}, pyphen {a['pyphen_first']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
