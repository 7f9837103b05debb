"""Compute the four agreement results notebook 90 draws, with the notebook's
default parameters, into the derived-table store, so that the notebook reads
them back.  The report runs this as a background process
(``python -m analysis.evaluation.warm``) while the other notebooks run: on a
cold store it uses the second core instead of making notebook 90 wait.
Absent benchmark data is skipped, as the notebook skips it."""
from __future__ import annotations

import sys

from analysis.evaluation.actors import actors_agreement
from analysis.evaluation.data import BenchmarkSkipped
from analysis.evaluation.readability import readability_agreement
from analysis.evaluation.sentiment import sentiment_agreement
from analysis.evaluation.sourcing import sourcing_agreement

# the calls of notebooks/90_validation.py with its default parameters
# (sentiment_method="vader", n_boot=1000, sourcing_limit=0 = every article)
NOTEBOOK_CALLS = (
    lambda: sentiment_agreement(method="vader", n_boot=1000),
    readability_agreement,
    lambda: sourcing_agreement(limit=None),
    actors_agreement,
)


def warm() -> int:
    """Compute (or read back) each result; the number of benchmarks skipped."""
    skipped = 0
    for call in NOTEBOOK_CALLS:
        try:
            call()
        except BenchmarkSkipped:
            skipped += 1
    return skipped


if __name__ == "__main__":
    warm()
    sys.exit(0)
