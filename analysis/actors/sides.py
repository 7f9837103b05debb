"""Sides declared by the researcher: which names speak for which side.

A sides file is a small YAML mapping, one side a key, the names that speak for
it (countries, organisations, parties, outlets, people) a list::

    # side: names (countries, organisations, parties, outlets) that speak for it
    United Kingdom: [United Kingdom, Conservative Party, Labour Party, NCSC]
    China: [China, Huawei, Global Times]
    United States: [United States]

The package never decides sides itself: a corpus measured without a sides file
(and without a codebook that gives sides) has every speaker's side
``unknown``.  A country listed by name also claims its other names and its
adjectives from ``analysis/data/countries.csv`` (``United Kingdom`` also
matches ``UK``, ``U.K.``, ``Britain`` and ``British``), so ``a British
minister`` and ``the Chinese embassy`` find their side; a party listed as
``X Party`` also claims ``X`` (``Conservative MP``).

:func:`load_sides` reads and validates a file (errors name the file and the
line); :meth:`Sides.side_of` maps a name or a phrase (an actor's name, a
speaker's affiliation) to a side.  Figures show the sides in the file's order,
then ``other`` and ``unknown``, never a side the file does not list.

Without a file, :func:`sides_from_codebook` makes the sides of a codebook's
``side`` column (the seed story: Canada, China, United States, other), in
alphabetical order with ``other`` last.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

# country_forms re-exported: sides files are where callers look for it
from analysis.names import country_forms, country_index, normalise_name  # noqa: F401

__all__ = ["SIDE_ORDER", "set_side_order", "Sides", "SidesError", "load_sides", "sides_from_codebook", "story_parameters", "country_forms",
           "RESERVED"]

# The sides in use, in display order, then ``other``: the seed story's by
# default (its codebook's sides), replaced in place by :func:`set_side_order`
# when a corpus is measured with another sides file or codebook.  Tables that
# list sides (analysis.synthesis) and the figures read this one list.
SIDE_ORDER = ["Canada", "China", "United States", "other"]


def set_side_order(names) -> list[str]:
    """Make ``names`` (side names in display order; ``other`` and ``unknown``
    dropped) the sides in use: :data:`SIDE_ORDER` becomes ``[*names, "other"]``,
    in place; returns a copy."""
    SIDE_ORDER[:] = [*(str(n) for n in names if str(n) not in ("other", "unknown")), "other"]
    return list(SIDE_ORDER)


RESERVED = ("other", "unknown", "unattributed")
_WORD = re.compile(r"[\w.'’&-]+")


class SidesError(ValueError):
    """A sides file that cannot be used; the message names the file, the line
    and the problem."""


@dataclass(frozen=True)
class Sides:
    """The sides in use: ``names`` in display order and ``members`` mapping
    each normalised name (country forms included) to its side."""

    names: tuple[str, ...]
    members: dict = field(default_factory=dict, compare=False)
    source: str = "sides"
    surnames: dict = field(default_factory=dict, compare=False)  # last word of a listed name -> side, or None

    def side_of_surname(self, name: str | None) -> tuple[str, str] | None:
        """``(side, name)`` for a person named by one word that is the last
        word of listed names of one side only (``Pompeo`` for ``Mike
        Pompeo``), else None."""
        if not name or " " in name.strip() or not name[:1].isupper():
            return None
        side = self.surnames.get(normalise_name(name))
        return (side, name) if side else None

    def side_of(self, text: str | None) -> tuple[str, str] | None:
        """``(side, matched form)`` for a name or phrase, or None.

        The whole phrase is tried first (``the Foreign Office``; a listed name
        written in lower case, ``the government``, matches only so), then the
        longest run of its words that a listed name or country form matches
        where written with a capital (``Huawei's chief executive`` -> Huawei;
        ``the Chinese embassy`` -> Chinese -> China)."""
        if not text or not self.members:
            return None
        whole = normalise_name(text)
        if whole in self.members:
            return self.members[whole], text.strip()

        words = _WORD.findall(text.replace("’", "'"))
        words = [w[:-2] if w.lower().endswith("'s") else w for w in words]
        n = len(words)
        for size in range(min(n, 8), 0, -1):
            for i in range(n - size + 1):
                phrase = " ".join(words[i:i + size])
                key = normalise_name(phrase)
                side = self.members.get(key)
                if side is None and key.endswith("."):
                    side = self.members.get(key.rstrip("."))
                if side is not None and _case_fits(phrase):
                    return side, phrase
        return None


def _case_fits(phrase: str) -> bool:
    # a listed name matches where it is written as a name: capitalised
    # ("Labour", not "labour"), so common words never claim a side
    return phrase[:1].isupper() or phrase[:1].isdigit()


def _expand(name: str) -> list[str]:
    """A listed name and the forms it also claims: a country's other names
    and adjectives; a party's name without "Party" ("Conservative Party" ->
    "Conservative", as in "Conservative MP")."""
    forms = country_index().get(normalise_name(name), [name])
    if name.lower().endswith(" party") and len(name.split()) > 1:
        forms = [*forms, name[: -len(" party")].strip()]
    return forms


def _node_line(node) -> int:
    return node.start_mark.line + 1


def load_sides(path) -> Sides:
    """Read and validate a sides file (YAML); a :class:`Sides` passes through.

    Raises :class:`SidesError` naming the file and line for: a file that is
    not a mapping, a side whose value is not a list of names (or one name),
    an empty list, a reserved side name (``other``, ``unknown``,
    ``unattributed``) and a name listed under two sides."""
    if isinstance(path, Sides):
        return path
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such sides file")
    return _load_cached(str(p.resolve()), p.stat().st_mtime)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Sides:
    import yaml

    try:
        root = yaml.compose(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise SidesError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if root is None or not isinstance(root, yaml.MappingNode):
        raise SidesError(f"{path}: a sides file is a mapping 'side: [names that speak for it]'")
    names: list[str] = []
    members: dict[str, str] = {}
    listed_at: dict[str, tuple[str, int]] = {}
    for key_node, value_node in root.value:
        side, line = str(key_node.value).strip(), _node_line(key_node)
        if not isinstance(key_node, yaml.ScalarNode) or not side:
            raise SidesError(f"{path}, line {line}: a side's name must be plain text")
        if side.lower() in RESERVED:
            raise SidesError(f"{path}, line {line}: {side!r} is reserved ({', '.join(RESERVED)}); name the side")
        if side in names:
            raise SidesError(f"{path}, line {line}: side {side!r} is declared twice")
        if isinstance(value_node, yaml.ScalarNode) and value_node.value.strip():
            items = [value_node]
        elif isinstance(value_node, yaml.SequenceNode):
            items = value_node.value
        else:
            raise SidesError(f"{path}, line {line}: side {side!r} must list the names that speak for it")
        if not items:
            raise SidesError(f"{path}, line {line}: side {side!r} lists no names")
        names.append(side)
        for item in items:
            if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                raise SidesError(f"{path}, line {_node_line(item)}: side {side!r}: each name is plain text")
            for form in _expand(str(item.value).strip()):
                key = normalise_name(form)
                if key in listed_at and listed_at[key][0] != side:
                    other, other_line = listed_at[key]
                    raise SidesError(f"{path}, line {_node_line(item)}: {form!r} is listed for {side!r} and "
                                     f"for {other!r} (line {other_line}); a name speaks for one side")
                listed_at.setdefault(key, (side, _node_line(item)))
                members[key] = side
    surnames: dict[str, str | None] = {}
    for key, side in members.items():
        words = key.split()
        if len(words) > 1 and words[-1] not in members:
            surnames[words[-1]] = side if surnames.get(words[-1], side) == side else None
    return Sides(tuple(names), members, path, surnames)


def sides_from_codebook(codebook: pd.DataFrame) -> Sides:
    """The sides of a codebook's ``side`` column (alphabetical, ``other``
    last); every actor's name, aliases and adjectives speak for its side, and a
    country actor's side also claims that country's forms."""
    if codebook is None or not len(codebook):
        return Sides((), {}, "no codebook")
    sides = sorted(s for s in set(codebook["side"]) if s and s != "other")
    names = tuple(sides + (["other"] if "other" in set(codebook["side"]) else []))
    members: dict[str, str] = {}
    for row in codebook.to_dict("records"):
        forms = [row["name"], *row["aliases"], *row["adjectives"]]
        if row["kind"] == "country":
            forms += _expand(row["name"])
        for f in forms:
            members.setdefault(normalise_name(f), row["side"])
    return Sides(names, members, str(codebook.attrs.get("source", "codebook")))


def story_parameters(codebook=None, sides=None) -> dict:
    """The codebook and sides a run was given, for provenance: only those
    passed (a run on the seeds with neither records what it always did)."""
    return {k: str(v) for k, v in (("codebook", codebook), ("sides", sides)) if v is not None}
