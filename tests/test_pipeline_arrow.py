"""The fast path of the pipeline's tables to Arrow
(:func:`analysis.pipeline.assembly.to_arrow`): the same tables, schema and
pandas metadata included, as ``pa.Table.from_pandas``, and the same pandas
frames read back."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.pipeline import assembly
from analysis.pipeline.assembly import to_arrow


def _plain(df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df.reset_index(drop=True), preserve_index=False, nthreads=1)


_text = st.one_of(st.none(), st.text("ab é’\x00", max_size=5))
_COLUMNS = {
    "int64": st.integers(-(2**40), 2**40),
    "float64": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.just(math.nan)),
    "bool": st.booleans(),
    "str": _text,
    "none": st.none(),
    "Int64": st.one_of(st.none(), st.integers(-1000, 1000)),
    "boolean": st.one_of(st.none(), st.booleans()),
    "list": st.one_of(st.none(), st.lists(st.text("xy", max_size=3), max_size=3)),
    "pyint": st.integers(0, 10),  # Python ints in an object column
    "category": st.sampled_from(["a", "b"]),
}


def _column(kind: str, values: list):
    if kind in ("int64", "float64", "bool"):
        return np.array(values, dtype=kind)
    if kind in ("Int64", "boolean"):
        return pd.array(values, dtype=kind)
    if kind == "category":
        return pd.Categorical(values)
    return pd.Series(values, dtype=object)


@st.composite
def _frames(draw):
    n = draw(st.integers(0, 6))
    kinds = draw(st.lists(st.sampled_from(sorted(_COLUMNS)), max_size=5))
    names = draw(st.lists(st.sampled_from(["article_id", "a", "b", "c", "d", "e"]), min_size=len(kinds),
                          max_size=len(kinds)))
    cols = [(name, _column(k, draw(st.lists(_COLUMNS[k], min_size=n, max_size=n)))) for name, k in zip(names, kinds)]
    df = pd.DataFrame(dict(cols)) if len({c for c, _ in cols}) == len(cols) else pd.DataFrame(
        {i: v for i, (_, v) in enumerate(cols)}).set_axis([c for c, _ in cols], axis=1)
    if draw(st.booleans()):
        df.index = df.index + 3  # an index left over from a filter
    return df


@settings(max_examples=400, deadline=None)
@given(_frames())
def test_to_arrow_fast_path_is_from_pandas(df):
    try:
        expected = _plain(df)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        # mixed objects (to_arrow's JSON fallback) or names twice: the fast path fails alike
        with pytest.raises(type(exc)):
            assembly.arrow_from_pandas(df.reset_index(drop=True))
        return
    for _ in range(2):  # the second time the layout's schema is taken from the store
        got = assembly.arrow_from_pandas(df.reset_index(drop=True))
        assert got.equals(expected, check_metadata=True)
        assert got.schema.metadata == expected.schema.metadata
        pd.testing.assert_frame_equal(got.to_pandas(), expected.to_pandas())


def test_to_arrow_examples():
    # read by hand: a string column with a gap, an Int64 with NA, a column of None
    df = pd.DataFrame({"article_id": ["a1", None], "n": pd.array([3, None], dtype="Int64"), "x": [None, None]},
                      index=[5, 7])
    for _ in range(2):
        table = to_arrow(df)
        assert table.schema.types == [pa.string(), pa.int64(), pa.null()]
        assert table.column("article_id").to_pylist() == ["a1", None]
        back = table.to_pandas()
        assert str(back["n"].dtype) == "Int64" and back["n"].isna().tolist() == [False, True]
        assert back.index.tolist() == [0, 1]
    # no columns: the rows are kept as from_pandas keeps them
    empty = pd.DataFrame(index=range(3))
    assert to_arrow(empty).num_rows == _plain(empty).num_rows


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a1", "a2", "a3", None, math.nan]), st.integers(0, 3)), max_size=8),
       st.booleans())
def test_has_duplicate_keys_is_pandas(rows, sort):
    if sort:
        rows = sorted(rows, key=lambda r: (str(r[0]), r[1]))
    df = pd.DataFrame(rows, columns=["article_id", "paragraph"]).astype({"paragraph": "int64"})
    assert assembly.has_duplicate_keys(df, ["article_id", "paragraph"]) == df.duplicated(["article_id", "paragraph"]).any()


def test_has_duplicate_keys_examples():
    # read by hand: a1's paragraphs 1, 2 then a2's 1: none twice; a1 again later with 1: twice
    df = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a1"], "paragraph": [1, 2, 1, 1]})
    assert not assembly.has_duplicate_keys(df.iloc[:3], ["article_id", "paragraph"])
    assert assembly.has_duplicate_keys(df, ["article_id", "paragraph"])
    # a1 again later with a new paragraph 3: no duplicate, found by pandas
    assert not assembly.has_duplicate_keys(df.assign(paragraph=[1, 2, 1, 3]), ["article_id", "paragraph"])
