"""Warm workers: every family's resources loaded once, before workers start.

:func:`warm_up` runs each family on a two-paragraph text so that its lazily
loaded resources (Punkt, the CMU dictionary, the VADER lexicon, the compiled
codebook ...) are in memory; :func:`freeze_resources` then moves them out of
the garbage collector's view.  Used before forking workers
(:func:`analysis.pipeline.workers.forked_pool`) and by the fork server's
preload module, :mod:`analysis.pipeline.preload`.
"""
from __future__ import annotations

import gc
from typing import Iterable

import pandas as pd

from analysis.pipeline.registry import FAMILIES, available_families
from analysis.core.text import clear_segment_cache, segment

__all__ = ["warm_up", "freeze_resources"]

_WARM_TEXT = ("OTTAWA Prime Minister Justin Trudeau said on Monday that the talks with China would go on. "
              "\u201cWe are pleased,\u201d he told reporters.\n\nThe two men were released, officials said.")


def warm_up(families: Iterable[str] | None = None) -> dict[str, str]:
    """Run each family once on a two-paragraph text so that its lazily
    loaded resources are in memory; returns ``{family: "ok" | error}``.
    Used by the process engine's fork server, so that workers start warm."""
    status: dict[str, str] = {}
    doc = segment(_WARM_TEXT, "warm-up")
    upstream: dict[str, pd.DataFrame] = {}
    defaults = {"discover": True, "method": "vader", "codebook": None}
    for name in families or available_families():
        try:
            upstream.update(FAMILIES[name].step([doc], upstream, defaults))
            status[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - a warm-up never fails
            status[name] = f"{type(exc).__name__}: {exc}"
    clear_segment_cache()
    return status


def freeze_resources() -> None:
    """Move every object alive now (the loaded word lists, dictionaries and
    models) out of the garbage collector's view (:func:`gc.freeze`): they live
    as long as the process, and the collector's full passes would otherwise walk
    millions of them again and again (and, in a forked worker, touch the memory
    pages it shares with its parent).  For worker processes, after
    :func:`warm_up`."""
    gc.collect()
    gc.freeze()

