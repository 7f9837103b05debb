"""analysis.core.frames.records against pandas' own to_dict("records")."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.core.frames import records


def _same(a, b) -> bool:
    """Equal value and equal type (NaN equal to NaN, pd.NA to pd.NA)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if a is pd.NA or b is pd.NA:
        return a is b
    return a == b


def _assert_same_rows(df: pd.DataFrame) -> None:
    want, got = df.to_dict("records"), records(df)
    assert len(got) == len(want)
    for w, g in zip(want, got):
        assert list(g) == list(w)
        assert all(_same(w[k], g[k]) for k in w), (w, g)


_OBJECT_VALUE = st.one_of(
    st.none(), st.text(max_size=5), st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=False),
    st.booleans(), st.integers(-5, 5).map(np.int64), st.floats(-1, 1).map(np.float64), st.just(pd.NA),
    st.just(np.bool_(True)),
)


@st.composite
def tables(draw):
    n = draw(st.integers(0, 6))
    ints = st.lists(st.integers(-1000, 1000), min_size=n, max_size=n)
    floats = st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=n, max_size=n)
    maybe_ints = st.lists(st.one_of(st.none(), st.integers(-9, 9)), min_size=n, max_size=n)
    makers = {
        "int64": lambda: pd.Series(draw(ints), dtype="int64"),
        "int32": lambda: pd.Series(draw(ints), dtype="int32"),
        "float64": lambda: pd.Series(draw(floats), dtype="float64"),
        "bool": lambda: pd.Series(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool),
        "object": lambda: pd.Series(draw(st.lists(_OBJECT_VALUE, min_size=n, max_size=n)), dtype=object),
        "text": lambda: pd.Series(draw(st.lists(st.one_of(st.none(), st.text(max_size=4)), min_size=n, max_size=n)),
                                  dtype=object),
        "Int64": lambda: pd.Series(draw(maybe_ints), dtype="Int64"),
        "boolean": lambda: pd.Series(draw(st.lists(st.one_of(st.none(), st.booleans()), min_size=n, max_size=n)),
                                     dtype="boolean"),
        "category": lambda: pd.Series(draw(st.lists(st.sampled_from(["a", "b"]), min_size=n, max_size=n)),
                                      dtype="category"),
        "datetime": lambda: pd.Series(pd.to_datetime(draw(st.lists(st.integers(0, 10**9), min_size=n, max_size=n)),
                                                     unit="s")),
    }
    kinds = draw(st.lists(st.sampled_from(sorted(makers)), min_size=0, max_size=6))
    return pd.DataFrame({f"c{i}_{k}": makers[k]() for i, k in enumerate(kinds)}, index=range(n))


@settings(max_examples=300, deadline=None)
@given(tables())
def test_records_equal_pandas_to_dict_records(df):
    _assert_same_rows(df)


def test_records_of_a_mentions_like_table():
    df = pd.DataFrame({
        "article_id": ["a", "a", "b"], "start": np.array([0, 5, 3], dtype="int64"),
        "relative_position": [0.0, 0.5, float("nan")], "in_quote": [False, True, False],
        "side": [None, "x", None], "speaker_affiliation_start": pd.array([None, 4, 7], dtype="Int64"),
    })
    rows = records(df)
    assert rows[0] == {"article_id": "a", "start": 0, "relative_position": 0.0, "in_quote": False, "side": None,
                       "speaker_affiliation_start": None}
    assert type(rows[1]["start"]) is int and type(rows[1]["speaker_affiliation_start"]) is int
    assert math.isnan(rows[2]["relative_position"]) and rows[2]["speaker_affiliation_start"] == 7
    _assert_same_rows(df)


def test_records_of_a_table_without_columns_or_rows():
    assert records(pd.DataFrame(index=range(2))) == pd.DataFrame(index=range(2)).to_dict("records") == []
    assert records(pd.DataFrame({"a": pd.Series(dtype="int64")})) == []
