"""analysis.pipeline.memory: where freed memory goes, never what a run computes."""
from __future__ import annotations

import pyarrow as pa

from analysis.pipeline.memory import system_arrow_pool


def test_system_arrow_pool_is_used_inside_and_the_previous_pool_restored():
    before = pa.default_memory_pool().backend_name
    with system_arrow_pool():
        assert pa.default_memory_pool().backend_name == "system"
        table = pa.table({"a": ["x", "yy", None], "b": [1, 2, 3]})
    assert pa.default_memory_pool().backend_name == before
    # a table made inside stays readable after the pool is switched back
    assert table.to_pydict() == {"a": ["x", "yy", None], "b": [1, 2, 3]}


def test_system_arrow_pool_restores_the_pool_after_an_error():
    before = pa.default_memory_pool().backend_name
    try:
        with system_arrow_pool():
            raise ValueError("inside")
    except ValueError:
        pass
    assert pa.default_memory_pool().backend_name == before

