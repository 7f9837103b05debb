"""Validated text metrics for news coverage research.

Four families share one segmentation of each article (:mod:`analysis.core.text`):
readability, sentiment, actor frequency and sourcing balance.  Every public
function returns a tidy :class:`pandas.DataFrame` whose keys join
(``article_id``, ``paragraph``, ``sentence``).
"""
from __future__ import annotations

__version__ = "0.1.0"

from analysis.core.corpus import load_corpus  # noqa: E402
from analysis.core.text import Document, segment  # noqa: E402
from analysis.measure import Results, load_results, measure  # noqa: E402  (the one road: every table, linked)

__all__ = ["__version__", "load_corpus", "segment", "Document", "measure", "Results", "load_results"]
