"""Countries as news text names them: ``analysis/data/country_forms.csv``
(each country's names and adjectives: ``United Kingdom``, ``Britain``,
``U.K.``, ``British``) and the index from any normalised name to every form."""
from __future__ import annotations

import csv
import functools
import io

import pandas as pd

from analysis.names.words import normalise_name
from analysis.core.resources import data_path

__all__ = ["country_forms", "country_index", "adjective_forms"]


@functools.cache
def country_forms() -> pd.DataFrame:
    """``analysis/data/country_forms.csv``: ``country``, ``names`` (list) and
    ``adjectives`` (list), one row per country."""
    text = data_path("country_forms.csv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    split = lambda v: [x.strip() for x in (v or "").split("|") if x.strip()]  # noqa: E731
    return pd.DataFrame({"country": [r["country"] for r in rows], "names": [split(r["names"]) for r in rows],
                         "adjectives": [split(r["adjectives"]) for r in rows]})


@functools.cache
def country_index() -> dict[str, list[str]]:
    """normalised country name (or one of its names) -> every form of it."""
    out: dict[str, list[str]] = {}
    for r in country_forms().itertuples(index=False):
        forms = [r.country, *r.names, *r.adjectives]
        for f in (r.country, *r.names):
            out[normalise_name(f)] = forms
    return out


@functools.cache
def adjective_forms() -> frozenset[str]:
    """Every country adjective, lower case (``british``, ``chinese``)."""
    return frozenset(a.lower() for adjs in country_forms()["adjectives"] for a in adjs)
