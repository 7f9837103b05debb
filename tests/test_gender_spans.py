"""The bisection behind ``infer_gender(skip=...)`` answers as the plain scan
over every span does (overlapping and nested spans included)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.names import inside_any

spans = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(spans, st.lists(st.integers(-5, 270), max_size=30))
def test_inside_any_equals_the_plain_scan(spans, offsets):
    inside = inside_any(spans)
    for offset in offsets:
        assert inside(offset) == any(a <= offset < b for a, b in spans)


def test_inside_any_examples():
    inside = inside_any([(10, 20), (12, 15), (30, 31)])
    assert [inside(x) for x in (9, 10, 14, 19, 20, 30, 31)] == [False, True, True, True, False, True, False]
    assert inside_any([])(5) is False
