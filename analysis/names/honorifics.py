"""Titles, honorifics and role nouns before and beside names: the title
table (``analysis/data/titles.csv``), a name without its leading titles, and
the apposition after a name whose head is a person role noun
(``X, a former Canadian justice minister``)."""
from __future__ import annotations

import functools
import io
import re

import pandas as pd

from analysis.core.resources import data_path

__all__ = ["titles", "strip_title", "apposition_re", "peerage_titles"]


@functools.cache
def titles() -> pd.DataFrame:
    """The title table (``analysis/data/titles.csv``): ``title``, ``gender``
    (female/male/empty), ``kind`` (honorific/peerage/office/role/descriptor;
    a peerage title is an honorific)."""
    text = data_path("titles.csv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    df = pd.read_csv(io.StringIO("\n".join(lines)), dtype=str, keep_default_na=False)
    return df


@functools.cache
def peerage_titles() -> frozenset[str]:
    """The peers' honorifics of the title table (kind ``peerage``: ``lord``,
    ``lady``, ``baron``, ``baroness``), lower case: with a lone surname after
    them they are part of the name ("Lord Falconer")."""
    t = titles()
    return frozenset(w.lower() for w in t.loc[t["kind"] == "peerage", "title"])


@functools.cache
def _title_regex() -> re.Pattern:
    # longest first so "Press Secretary" wins over "Secretary"; one or more
    # titles may stack ("Foreign Ministry spokeswoman", "former President").
    t = titles()
    words = sorted(set(t.loc[t["kind"] != "descriptor", "title"]), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:(?:former|late|then|acting|deputy|vice)\s+)*(?:(?:{alt})\s+)+", re.IGNORECASE)


def strip_title(name: str) -> str:
    """``name`` without leading titles, honorifics and role nouns
    (``Press Secretary Jen Psaki`` -> ``Jen Psaki``).  A name that is only a
    title (``President``) is returned unchanged."""
    s = name.strip()
    m = _title_regex().match(s + " ")
    if m and m.end() < len(s) + 1:
        rest = s[m.end():].strip()
        if rest:
            return rest
    return s


@functools.cache
def apposition_re() -> re.Pattern:
    """``, a former Canadian justice minister`` / ``, the company's spokesman``
    after a name: an apposition whose head is a person role noun."""
    t = titles()
    nouns = sorted({w.lower() for w in t["title"] if " " not in w and w[0].isalpha()}, key=len, reverse=True)
    return re.compile(r"^\s*,\s*(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun>%s)s?\b"
                      % "|".join(re.escape(n) for n in nouns), re.I)
