"""Agreement of syllable estimators with the CMU Pronouncing Dictionary.

How often an estimated syllable count equals the CMU dictionary's, for the
learned estimator and for pyphen (what is measured, on which words: the
docstring of :mod:`analysis.evaluation.syllables`).

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
