"""The actor codebook: who counts as whom.

A codebook is a reviewable table, one row per actor, that a researcher writes
for a story or corpus.  The package ships one for the seed story
(``analysis/data/codebook.csv``); pass your own with ``load_codebook(path)``.

Which codebook an article gets (:func:`codebook_for_article`): the one passed
(``codebook=`` in Python, ``--codebook`` on the command line) for every
article; with none passed, the shipped codebook only for the articles it was
written for (their ``article_id`` is listed in
``analysis/data/codebook_articles.txt``: the seeds) and no codebook at all for
any other article, so one story's actors, group phrases and sides never leak
into another corpus.

Columns (``docs/data-dictionary.md``):

``actor_id``
    Stable identifier, lower case (``kovrig``).  Unique.
``name``
    Canonical name as written in the press (``Michael Kovrig``).
``aliases`` (list)
    Other names matched as the actor's name (``U.S.``, ``RCMP``, ``Joseph Biden``).
``kind``
    ``person``, ``organisation``, ``country`` or ``group``.
``side``
    The side the actor speaks for: any name the researcher chooses (the seed
    story uses ``Canada``, ``China``, ``United States`` and ``other``); with a
    sides file (:mod:`analysis.actors.sides`) it must be one of the file's sides or
    ``other``.
``role``
    Free text: what the actor is in the story.
``gender``, ``gender_basis``
    ``female``, ``male``, ``unknown`` or ``n/a`` (organisations, countries,
    groups); the basis says where it comes from (``codebook``).
``members`` (list)
    For a group, the ``actor_id`` of each member (``kovrig|spavor``).

Two optional list columns, added by this package for matching (absent columns
are read as empty lists): ``descriptions``, lower-case noun phrases the story
uses for the actor (``the Huawei executive``; for a group, group phrases such
as ``the pair``) and ``adjectives``, demonyms and adjectival forms of a country
(``Chinese``), counted apart from the name.

File format: CSV (``|`` separates list items; lines starting with ``#`` are
comments) or YAML (a list of mappings with the same keys; lists as YAML lists).
Loading validates the table and raises :class:`CodebookError` naming the row
for an unknown column, a missing required value, an invalid ``kind``/``side``/
``gender``, a duplicate ``actor_id``, an alias claimed by two actors and a
group member that does not exist.
"""
from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import pandas as pd

from analysis.actors.sides import Sides, load_sides, sides_from_codebook

# re-exported: the codebook is where callers look for them
from analysis.names import name_parts, normalise_name, strip_title, titles  # noqa: F401
from analysis.core.resources import data_path, read_word_list

__all__ = [
    "CodebookError",
    "load_codebook",
    "resolve_actor",
    "actor_surname",
    "name_parts",
    "normalise_name",
    "strip_title",
    "titles",
    "codebook_for_article",
    "codebook_in_use",
    "empty_codebook",
    "CODEBOOK_COLUMNS",
    "KINDS",
    "SIDES",
    "GENDERS",
]

REQUIRED_COLUMNS = ["actor_id", "name", "kind", "side"]
CODEBOOK_COLUMNS = [
    "actor_id", "name", "aliases", "kind", "side", "role", "gender", "gender_basis", "members",
    "descriptions", "adjectives",
]
LIST_COLUMNS = ["aliases", "members", "descriptions", "adjectives"]
KINDS = ("person", "organisation", "country", "group")
SIDES = ("Canada", "China", "United States", "other")  # the seed story's sides (its shipped codebook)
# columns a drafted codebook (analysis.codebook_draft) carries for its reviewer:
# counts and the sentences that gave kind, gender, affiliation and side.  Loading
# accepts and ignores them, so a reviewed draft loads as it is.
REVIEW_COLUMNS = (
    "quotes", "mentions", "articles", "first_article", "alias_basis", "gender_evidence", "affiliation",
    "affiliation_evidence", "side_basis", "side_evidence",
)
GENDERS = ("female", "male", "unknown", "n/a")


class CodebookError(ValueError):
    """A codebook that cannot be used; the message names the row (its 1-based
    position among the data rows and its ``actor_id``) and the problem."""


# ---------------------------------------------------------------------------
# names


def actor_surname(row) -> str | None:
    """Surname of a person actor (a codebook row), else None."""
    if row["kind"] != "person":
        return None
    parts = name_parts(row["name"])
    return parts["surname"] if len(row["name"].split()) > 1 else None


# ---------------------------------------------------------------------------
# loading and validation


def _split_list(value) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


def _read_records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in {".yaml", ".yml"}:
        import yaml

        data = yaml.safe_load(text)
        if isinstance(data, dict) and "actors" in data:
            data = data["actors"]
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise CodebookError(f"{path}: a YAML codebook is a list of mappings (or a mapping with key 'actors')")
        return data
    if path.suffix.lower() != ".csv":
        raise CodebookError(f"{path}: codebook must be .csv, .yaml or .yml, not {path.suffix or '(none)'}")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _validate(records: list[dict], source: str, sides=None) -> pd.DataFrame:
    # one function: every check of a row in turn, each with its own message naming the row
    allowed_sides = None if sides is None else {*sides.names, "other"}
    sides_source = getattr(sides, "source", "the sides file")
    rows = []
    seen_ids: dict[str, int] = {}
    for i, rec in enumerate(records, 1):
        rec = {str(k).strip(): v for k, v in rec.items() if k is not None}
        aid = str(rec.get("actor_id") or "").strip()
        where = f"{source}: row {i}" + (f" (actor_id {aid!r})" if aid else "")
        unknown = sorted(set(rec) - set(CODEBOOK_COLUMNS) - set(REVIEW_COLUMNS))
        if unknown:
            raise CodebookError(
                f"{where}: unknown column(s) {unknown}; allowed columns are {CODEBOOK_COLUMNS}"
            )
        for col in REQUIRED_COLUMNS:
            if not str(rec.get(col) or "").strip():
                raise CodebookError(f"{where}: column {col!r} is empty; it is required")
        if aid in seen_ids:
            raise CodebookError(f"{where}: duplicate actor_id {aid!r} (first used in row {seen_ids[aid]})")
        seen_ids[aid] = i
        kind = str(rec["kind"]).strip()
        if kind not in KINDS:
            raise CodebookError(f"{where}: kind {kind!r} is not one of {list(KINDS)}")
        side = str(rec["side"]).strip()
        if allowed_sides is not None and side not in allowed_sides:
            raise CodebookError(f"{where}: side {side!r} is not one of {sorted(allowed_sides)} "
                                f"(the sides of {sides_source})")
        gender = str(rec.get("gender") or "").strip() or ("unknown" if kind == "person" else "n/a")
        if gender not in GENDERS:
            raise CodebookError(f"{where}: gender {gender!r} is not one of {list(GENDERS)}")
        basis = str(rec.get("gender_basis") or "").strip() or ("codebook" if gender in {"female", "male"} else kind)
        row = {
            "actor_id": aid,
            "name": str(rec["name"]).strip(),
            "aliases": _split_list(rec.get("aliases")),
            "kind": kind,
            "side": side,
            "role": str(rec.get("role") or "").strip(),
            "gender": gender,
            "gender_basis": basis,
            "members": _split_list(rec.get("members")),
            "descriptions": _split_list(rec.get("descriptions")),
            "adjectives": _split_list(rec.get("adjectives")),
        }
        if row["members"] and kind != "group":
            raise CodebookError(f"{where}: only a group has members, but kind is {kind!r}")
        rows.append(row)
    # every name form belongs to one actor
    claimed: dict[str, tuple[int, str]] = {}
    for i, row in enumerate(rows, 1):
        forms = [row["name"], *row["aliases"], *row["descriptions"], *row["adjectives"]]
        for form in dict.fromkeys(normalise_name(f) for f in forms):
            if form in claimed and claimed[form][1] != row["actor_id"]:
                j, other = claimed[form]
                raise CodebookError(
                    f"{source}: row {i} (actor_id {row['actor_id']!r}): alias {form!r} is already "
                    f"claimed by row {j} (actor_id {other!r}); an alias must name one actor"
                )
            claimed.setdefault(form, (i, row["actor_id"]))
    for i, row in enumerate(rows, 1):
        for m in row["members"]:
            if m not in seen_ids:
                raise CodebookError(
                    f"{source}: row {i} (actor_id {row['actor_id']!r}): member {m!r} does not exist in the codebook"
                )
    df = pd.DataFrame(rows, columns=CODEBOOK_COLUMNS)
    df.attrs["source"] = source
    df.attrs["_validated"] = True
    return df


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float) -> pd.DataFrame:
    p = Path(path)
    return _validate(_read_records(p), str(p))


def load_codebook(path: str | Path | None = None, *, sides=None) -> pd.DataFrame:
    """Load and validate a codebook (CSV or YAML); ``None`` loads the shipped
    one for the seed story.  One row per actor with the columns in
    :data:`CODEBOOK_COLUMNS` (list columns hold Python lists).  ``sides``
    (a path, an :class:`analysis.actors.sides.Sides` or a list of side names): every
    actor's ``side`` must be one of its sides or ``other``.  Columns in
    :data:`REVIEW_COLUMNS` (a drafted codebook's counts and evidence) are
    accepted and left out.

    Raises :class:`CodebookError` naming the row for unknown columns, missing
    required values, values outside the allowed sets, duplicate ids, an alias
    claimed by two actors and a member that does not exist."""
    p = Path(path) if path is not None else data_path("codebook.csv")
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such codebook file")
    table = _load_cached(str(p.resolve()), p.stat().st_mtime).copy()
    if sides is not None:
        _validate(table.to_dict("records"), str(p), _as_sides(sides))
    return table


def _as_sides(sides):
    """A sides file, a :class:`analysis.actors.sides.Sides`, or a list of side names."""
    if isinstance(sides, (list, tuple, set, frozenset, dict)):
        return Sides(names=tuple(sides))
    return load_sides(sides)


@functools.cache
def _codebook_articles() -> frozenset[str]:
    return frozenset(read_word_list("codebook_articles.txt"))


@functools.cache
def empty_codebook() -> pd.DataFrame:
    """A codebook with no actors (the default for articles the shipped one
    was not written for); validated, shared: do not modify."""
    df = _validate([], "no codebook")
    df.attrs["source"] = "none"
    return df


def codebook_for_article(article_id: str, codebook=None):
    """The codebook that applies to one article: ``codebook`` when one is
    passed; else the shipped codebook when ``article_id`` is one of the
    articles it was written for (``analysis/data/codebook_articles.txt``),
    and :func:`empty_codebook` for any other article."""
    if codebook is not None:
        return codebook
    if str(article_id) in _codebook_articles():
        return coerce_codebook(None)
    return empty_codebook()


def codebook_in_use(articles, codebook=None) -> pd.DataFrame:
    """The codebook table a corpus is measured with (for tables and figures
    that list its actors): ``codebook`` when passed, else the shipped one when
    any article of ``articles`` (an articles table, Documents or ids) is one
    it was written for, else :func:`empty_codebook`."""
    if codebook is not None:
        return coerce_codebook(codebook)
    if isinstance(articles, pd.DataFrame):
        ids = articles["article_id"].astype(str) if "article_id" in articles else []
    elif isinstance(articles, str):
        ids = [articles]
    else:
        ids = [getattr(a, "article_id", a) for a in articles]
    if any(str(a) in _codebook_articles() for a in ids):
        return coerce_codebook(None)
    return empty_codebook()


def coerce_codebook(codebook) -> pd.DataFrame:
    """A validated codebook table for internal use (not copied: do not modify)."""
    if codebook is None or isinstance(codebook, (str, Path)):
        p = Path(codebook) if codebook is not None else data_path("codebook.csv")
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such codebook file")
        return _load_cached(str(p.resolve()), p.stat().st_mtime)
    if isinstance(codebook, pd.DataFrame):
        if "_validated" in codebook.attrs:
            return codebook
        df = _validate(codebook.to_dict("records"), codebook.attrs.get("source", "codebook table"))
        return df
    if isinstance(codebook, list):
        return _validate(codebook, "codebook records")
    raise TypeError(f"codebook must be None, a path, a DataFrame or a list of dicts, not {type(codebook).__name__}")


def _lookup_tables(cb: pd.DataFrame) -> tuple[dict, dict, dict]:
    last = _LAST_LOOKUP.get("cb")
    if last is cb:  # the same table as the call before (it is held here, so it is that table)
        return _LAST_LOOKUP["tables"]
    key = id(cb), len(cb), tuple(cb["actor_id"])
    cache = _LOOKUP_CACHE.get(key)
    if cache is None:
        cache = _build_lookup(cb, key)
    _LAST_LOOKUP.update(cb=cb, tables=cache)
    return cache


_LAST_LOOKUP: dict = {}


def _build_lookup(cb: pd.DataFrame, key) -> tuple[dict, dict, dict]:
    full: dict[str, str] = {}
    surnames: dict[str, set] = {}
    for row in cb.to_dict("records"):
        for form in [row["name"], *row["aliases"], *row["descriptions"]]:
            full.setdefault(normalise_name(form), row["actor_id"])
        sn = actor_surname(row)
        if sn:
            surnames.setdefault(normalise_name(sn), set()).add(row["actor_id"])
    _LOOKUP_CACHE.clear() if len(_LOOKUP_CACHE) > 8 else None
    _LOOKUP_CACHE[key] = (full, surnames, {})  # the last: resolve_actor's answers, per name
    return _LOOKUP_CACHE[key]


_LOOKUP_CACHE: dict = {}


def resolve_actor(name: str, codebook=None) -> str | None:
    """The ``actor_id`` a name refers to, or ``None``.

    Tries, case-insensitively, after straightening quotes and dropping a
    possessive and a leading ``the``: the name as given, then without leading
    titles and role nouns (``Chinese Foreign Ministry spokeswoman Hua
    Chunying`` -> ``Hua Chunying``), against every actor's name, aliases and
    descriptions; then a person's surname (``Kovrig``, ``Meng``; for
    surname-first names the first token), when exactly one person in the
    codebook has it.  Adjectival forms (``Chinese``) do not resolve: they
    describe, they do not name."""
    if name is None or not str(name).strip():
        return None
    cb = coerce_codebook(codebook)
    full, surnames, memo = _lookup_tables(cb)
    hit = memo.get(name, _UNSEEN)
    if hit is _UNSEEN:  # the same names recur in every article of a corpus
        hit = _resolve_name(name, full, surnames)
        if len(memo) < 200_000:
            memo[name] = hit
    return hit


_UNSEEN = object()


def _resolve_name(name: str, full: dict, surnames: dict) -> str | None:
    """:func:`resolve_actor` against one codebook's lookup tables."""
    key = normalise_name(name)
    if key in full:
        return full[key]
    stripped = normalise_name(strip_title(str(name).strip()))
    if stripped in full:
        return full[stripped]
    # drop a leading org/country modifier before a title: "Chinese Foreign Ministry spokeswoman X"
    words = str(name).split()
    for k in range(1, len(words)):
        rest = " ".join(words[k:])
        s = normalise_name(strip_title(rest))
        if s != normalise_name(rest) and s in full:
            return full[s]
    for cand in (stripped, key):
        ids = surnames.get(cand)
        if ids and len(ids) == 1:
            return next(iter(ids))
    return None


def sides_in_use(articles=None, *, codebook=None, sides=None) -> Sides:
    """The sides a corpus is measured with: the sides file when one is
    given, else the sides of the codebook in use (:func:`codebook_in_use`)."""
    if sides is not None:
        return load_sides(sides)
    return sides_from_codebook(codebook_in_use(articles if articles is not None else [], codebook))
