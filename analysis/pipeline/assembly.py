"""Assembling a batch's output tables from the families' raw tables.

The output tables (:data:`OUTPUT_TABLES`) are the articles (metadata, no
text), paragraphs, sentences, mentions and quotes, with each family's
per-article, per-paragraph and per-sentence columns joined on
(:data:`JOINS`).  A family column whose name is already taken in the table
it joins (other than the same spans, :data:`SAME_SPAN`) is prefixed with
the family name (``sentiment_n_sentences``).  Where the family's rows match
the output's row for row (the usual case) the join appends the converted
Arrow columns; otherwise it is a pandas left merge, with the same result.

Also the table helpers the other steps share: :func:`to_arrow`,
:func:`arrow_normal`, :func:`concat`, :func:`order_rows`.
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.core import corpus as _corpus
from analysis.pipeline.registry import MAKER

__all__ = ["OUTPUT_TABLES", "JOINS", "assemble", "to_arrow", "arrow_from_pandas", "arrow_normal", "concat",
           "order_rows", "aligned", "has_duplicate_keys"]

OUTPUT_TABLES = ("articles", "paragraphs", "sentences", "mentions", "quotes")
# raw tables joined onto an output table: raw name -> (output table, join keys)
JOINS = {
    "article_counts": ("articles", ["article_id"]),
    "readability_article": ("articles", ["article_id"]),
    "sentiment_article": ("articles", ["article_id"]),
    "readability_paragraph": ("paragraphs", ["article_id", "paragraph"]),
    "sentiment_paragraph": ("paragraphs", ["article_id", "paragraph"]),
    "readability_sentence": ("sentences", ["article_id", "sentence"]),
    "sentiment_sentence": ("sentences", ["article_id", "sentence"]),
}
SAME_SPAN = {"start", "end", "text", "paragraph", "sentence"}
SPLIT_COLUMNS = ("voice",)


def to_arrow(df: pd.DataFrame) -> pa.Table:
    """The table as Arrow; a column of mixed Python objects Arrow cannot type
    is written as JSON text."""
    if df.attrs:  # pandas deep-copies attrs on every column access; the caller's frame keeps them
        df = pd.DataFrame(dict(df.items()), index=df.index)
    df = df.reset_index(drop=True)
    try:
        return arrow_from_pandas(df)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        df = df.copy()
        for col in df.columns:
            if df[col].dtype == object:
                try:
                    pa.array(df[col], from_pandas=True)
                except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
                    df[col] = df[col].map(lambda v: v if v is None or isinstance(v, str) else json.dumps(v, default=str))
        return pa.Table.from_pandas(df, preserve_index=False, nthreads=1)


# pandas dtypes whose pandas metadata in Arrow depends only on the dtype and
# the Arrow type of the column (not, as for a categorical or a time zone, on more)
_PLAIN_DTYPES = frozenset(map(pd.api.types.pandas_dtype, ("int64", "float64", "bool", "object", "Int64", "boolean")))
_SCHEMAS: dict[tuple, pa.Schema] = {}


def arrow_from_pandas(df: pd.DataFrame) -> pa.Table:
    """``pa.Table.from_pandas(df, preserve_index=False, nthreads=1)``, equal
    schema, metadata and all (a property test checks it), with the schema of
    each table layout built once.  ``from_pandas`` converts each column with
    ``pa.array(column, from_pandas=True)`` and then derives the pandas
    metadata column by column in Python, which was half its time for a
    batch's tables; the metadata is a function of the column names, their
    pandas dtypes and their Arrow types alone for the dtypes of
    :data:`_PLAIN_DTYPES`, so it is kept per such layout.  Any other frame
    (another dtype, names not unique strings, ``attrs``) goes through
    ``from_pandas``."""
    names = tuple(df.columns)
    if (not names or df.attrs or type(df.columns) is not pd.Index or df.columns.name is not None
            or not all(type(n) is str for n in names) or len(set(names)) != len(names)):
        return pa.Table.from_pandas(df, preserve_index=False, nthreads=1)
    dtypes = tuple(df.dtypes)
    if not _PLAIN_DTYPES.issuperset(dtypes):
        return pa.Table.from_pandas(df, preserve_index=False, nthreads=1)
    # a numpy column as its array (what from_pandas hands to Arrow), an extension one as it is
    arrays = [pa.array(column.to_numpy() if isinstance(dtype, np.dtype) else column.array, from_pandas=True)
              for (_, column), dtype in zip(df.items(), dtypes)]
    key = (names, dtypes, tuple(a.type for a in arrays))
    schema = _SCHEMAS.get(key)
    if schema is None:
        table = pa.Table.from_pandas(df, preserve_index=False, nthreads=1)
        if len(_SCHEMAS) >= 512:  # bounded: a long run of ever new layouts
            _SCHEMAS.clear()
        _SCHEMAS[key] = table.schema
        return table
    return pa.Table.from_arrays(arrays, schema=schema)


def arrow_normal(df: pd.DataFrame) -> pd.DataFrame:
    """The table as it comes back from Parquet (same dtypes whether it was
    just computed, read from the cache or read from the output)."""
    return to_arrow(df).to_pandas()


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None]
    nonempty = [f for f in frames if len(f)]
    if nonempty:
        return pd.concat(nonempty, ignore_index=True)
    return frames[0].iloc[:0].reset_index(drop=True) if frames else pd.DataFrame()


def order_rows(df: pd.DataFrame, position: dict[str, int]) -> pd.DataFrame:
    """Rows in corpus order of their article, stable within an article."""
    if not len(df):
        return df.reset_index(drop=True)
    ids = df["article_id"].to_numpy()
    heads = np.flatnonzero(ids[1:] != ids[:-1]) + 1  # where a run of one article's rows starts
    run_pos = [position[ids[0]], *(position[a] for a in ids[heads].tolist())]
    if all(a < b for a, b in zip(run_pos, run_pos[1:])):  # the usual case: a family's rows follow its documents
        return df if df.index.equals(pd.RangeIndex(len(df))) else df.reset_index(drop=True)
    pos = df["article_id"].map(position).to_numpy()
    order = np.argsort(pos, kind="stable")
    return df.iloc[order].reset_index(drop=True)


def _join_plan(columns: list[str], extra: pd.DataFrame, keys: list[str], family: str,
               target: str) -> list[tuple[str, str]]:
    """The columns of ``extra`` that a left merge on ``keys`` adds to a table
    with ``columns``, as ``(column, name in the output)``: the span columns
    the table already has are dropped (and a sentence's paragraph), other
    shared names get the family as prefix."""
    have = set(columns)
    cols = []
    for c in extra.columns:
        if c in keys or (c in have and c in SAME_SPAN) or (c == "paragraph" and target == "sentences"):
            continue
        cols.append((c, f"{family}_{c}" if c in have else c))
    return cols


def aligned(base: pd.DataFrame, extra: pd.DataFrame, keys: list[str]) -> bool:
    """Does ``extra`` have exactly ``base``'s key values, row for row (so a
    left merge is a column append)?"""
    return len(base) > 0 and len(extra) == len(base) and all(
        k in extra.columns and extra[k].dtype == base[k].dtype
        and np.array_equal(extra[k].to_numpy(), base[k].to_numpy()) for k in keys)


def _append_columns(base: pa.Table, extra: pa.Table, cols: list[tuple[str, str]]) -> pa.Table:
    """``base`` with columns of ``extra`` (same rows) appended under new names,
    the pandas metadata of both merged so that the columns read back with the
    dtypes they had (``Int64`` stays ``Int64``)."""
    meta = json.loads(base.schema.metadata[b"pandas"])
    extra_meta = {c["name"]: c for c in json.loads(extra.schema.metadata[b"pandas"])["columns"]}
    for src, dst in cols:
        base = base.append_column(pa.field(dst, extra.schema.field(src).type), extra.column(src))
        meta["columns"].append({**extra_meta[src], "name": dst, "field_name": dst})
    return base.replace_schema_metadata({**base.schema.metadata, b"pandas": json.dumps(meta).encode()})


def articles_meta(records: list[dict], alive: list[str]) -> pd.DataFrame:
    """The articles table of a batch before the family columns: the metadata
    of the articles still alive (no text, no ``_`` fields), the corpus
    columns first, then ``text_hash``, then any other metadata."""
    keep = set(alive)
    meta = pd.DataFrame([r for r in records if r["article_id"] in keep])
    if not len(meta):
        meta = pd.DataFrame({c: pd.Series(dtype=object) for c in records[0]}) if records else pd.DataFrame()
    meta = meta.drop(columns=[c for c in meta.columns if c == "text" or str(c).startswith("_")])
    for col in _corpus.ARTICLE_COLUMNS:
        if col != "text" and col not in meta.columns:
            meta[col] = None
    first = [c for c in _corpus.ARTICLE_COLUMNS if c != "text"] + ["text_hash"]
    return meta[first + [c for c in meta.columns if c not in first]]


def assemble(records: list[dict], raw: dict[str, pd.DataFrame], arrow: dict[str, pa.Table],
             alive: list[str]) -> dict[str, pa.Table]:
    """The output tables of a batch, as Arrow: the articles (``records``:
    metadata rows of the batch, in corpus order), paragraphs, sentences,
    mentions and quotes, with each family's per-article, per-paragraph and
    per-sentence columns joined on (:data:`JOINS`); a per-unit table that
    cannot be joined (several rows per key, as ``readability_voice``) is
    kept as it is.  ``arrow`` holds the raw tables already converted."""

    def as_arrow(t: str) -> pa.Table:
        if t not in arrow:
            arrow[t] = to_arrow(raw[t])
        return arrow[t]

    base: dict[str, pd.DataFrame] = {"articles": articles_meta(records, alive)}
    for t in ("paragraphs", "sentences", "mentions", "quotes"):
        if t in raw:
            base[t] = raw[t]
    own = [t for t in raw if t not in JOINS and t not in base and t != "article_counts"]  # readability_voice
    out: dict[str, pa.Table] = {t: as_arrow(t) for t in base if t != "articles"}
    out.update({t: as_arrow(t) for t in own})
    out["articles"] = None
    apart: list[str] = []  # per-unit tables that cannot be joined (several rows per key): kept as they are
    for target in ("articles", "paragraphs", "sentences"):
        if target not in base:
            continue
        joins, split = _joins_onto(target, raw)
        apart += split
        plans = _append_plans(target, base[target], raw, joins)
        if plans is not None:
            table = out[target] if target != "articles" else to_arrow(base[target])
            for t, cols in plans:
                table = _append_columns(table, as_arrow(t), cols)
        else:
            table = to_arrow(_merged(target, base[target], raw, joins))
        out[target] = table
    out.update({t: as_arrow(t) for t in apart})
    return out


def _joins_onto(target: str, raw: dict[str, pd.DataFrame]) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """The raw tables of :data:`JOINS` present for ``target``: those joined
    on, as ``(table, keys)``, and those kept apart (a split column such as
    ``voice``, or several rows per key)."""
    joins, apart = [], []
    for t, (tgt, keys) in JOINS.items():
        if tgt != target or t not in raw:
            continue
        extra = raw[t]
        if any(c in extra.columns for c in SPLIT_COLUMNS) or has_duplicate_keys(extra, keys):
            apart.append(t)
        else:
            joins.append((t, keys))
    return joins, apart


def has_duplicate_keys(df: pd.DataFrame, keys: list[str]) -> bool:
    """``df.duplicated(keys).any()``, answered without hashing every row in the
    usual case: one article's rows together, its units (the second key, an
    integer) rising, each article in one run of rows.  Anything else is left
    to pandas (a property test checks the two agree)."""
    if len(keys) != 2 or len(df) < 2 or not pd.api.types.is_integer_dtype(df[keys[1]].dtype) \
            or isinstance(df[keys[1]].dtype, pd.api.extensions.ExtensionDtype):
        return bool(df.duplicated(keys).any())
    ids = df[keys[0]].to_numpy()
    units = df[keys[1]].to_numpy()
    new_run = ids[1:] != ids[:-1]
    heads = ids[np.r_[True, new_run]]  # a missing id (None, NaN) is a head: pandas groups those, left to it
    if np.all(new_run | (units[1:] > units[:-1])) and not pd.isna(heads).any() and pd.Index(heads).is_unique:
        return False
    return bool(df.duplicated(keys).any())


def _append_plans(target: str, base: pd.DataFrame, raw: dict[str, pd.DataFrame],
                  joins: list[tuple[str, list[str]]]) -> list[tuple[str, list[tuple[str, str]]]] | None:
    """The columns each join appends, when every joined table matches
    ``base`` row for row and no new name clashes; else None (a merge
    decides, and names a clash as pandas does)."""
    names = list(base.columns)
    plans = []
    for t, keys in joins:
        cols = _join_plan(names, raw[t], keys, MAKER[t], target)
        if not aligned(base, raw[t], keys) or any(dst in names for _, dst in cols):
            return None
        names += [dst for _, dst in cols]
        plans.append((t, cols))
    return plans


def _merged(target: str, base: pd.DataFrame, raw: dict[str, pd.DataFrame],
            joins: list[tuple[str, list[str]]]) -> pd.DataFrame:
    """``base`` with every joined table's columns, by pandas left merges."""
    merged = base
    for t, keys in joins:
        cols = _join_plan(list(merged.columns), raw[t], keys, MAKER[t], target)
        extra = raw[t][keys + [src for src, _ in cols]].rename(columns=dict(cols))
        merged = merged.merge(extra, on=keys, how="left", sort=False)
    return merged
