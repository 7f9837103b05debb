"""Agreement with human annotation: one module per family.

Each module loads its annotated set (the DEV halves in ``../shared/benchmarks``,
read in place, never copied; or, for the speaker check, the repository's
``benchmarks/annotations``) and scores the family's public functions against
it; nothing is fitted here.  ``benchmarks/*.py`` are thin command lines over
these modules, and notebook 90 draws the figures of the four ``*_agreement``
functions, whose results are kept in the derived-table store
(:func:`analysis.evaluation.data.cached_frames`) so that a second report run
reads them.  When the data are absent a function raises
:class:`BenchmarkSkipped` with the reason.

* :mod:`~analysis.evaluation.readability`: OneStopEnglish levels
  (:func:`readability_agreement`).
* :mod:`~analysis.evaluation.sentiment`: NYT editorial sentences rated by 20
  people (:func:`sentiment_agreement`).
* :mod:`~analysis.evaluation.sourcing`: PolNeAR quotes, with the benchmark's
  own scorer run as a program (:func:`sourcing_agreement`).
* :mod:`~analysis.evaluation.actors`: CoNLL-2003 names (:func:`actors_agreement`).
* :mod:`~analysis.evaluation.speakers`: speaker gender and sides against the
  hand annotation of the shared corpora.
* :mod:`~analysis.evaluation.aliases`: alias merges against hand verdicts.
* :mod:`~analysis.evaluation.syllables`: syllable estimators against CMU.
* :mod:`~analysis.evaluation.bootstrap_accuracy`: computed bootstrap
  intervals against Monte Carlo ones.
"""
from __future__ import annotations

from analysis.evaluation.actors import actors_agreement
from analysis.evaluation.data import BenchmarkSkipped, shared_dir
from analysis.evaluation.readability import LEVEL_NAMES, readability_agreement
from analysis.evaluation.sentiment import sentiment_agreement
from analysis.evaluation.sourcing import sourcing_agreement

__all__ = [
    "BenchmarkSkipped",
    "shared_dir",
    "readability_agreement",
    "sentiment_agreement",
    "sourcing_agreement",
    "actors_agreement",
    "LEVEL_NAMES",
]
