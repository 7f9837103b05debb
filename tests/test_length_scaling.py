"""Time linear in the length of one document: a growth test for every
family (it fails on quadratic growth, with a generous bound so that a
loaded machine does not make it flaky), and property tests of the interval
and name lookups that keep the actor and quote families linear against the
plain scans they replace."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from bisect import bisect_right
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.actors.mentions import _Spans
from analysis.names.gender import PersonMentions, _next_other_finder, infer_gender
from analysis.sourcing.attribute import Containers

ROOT = Path(__file__).resolve().parent.parent


def _benchmark():
    spec = importlib.util.spec_from_file_location("length_scaling", ROOT / "benchmarks" / "length_scaling.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cpu_seconds(family: str, n_chars: int) -> float:
    """CPU seconds of ``family`` on a synthetic article of ``n_chars``, in a
    fresh process (so that no memo filled by one size serves the other)."""
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "length_scaling.py"),
                           "--_measure", f"{family}:{n_chars}"], capture_output=True, text=True, timeout=600,
                          cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])["seconds"]


@pytest.mark.parametrize("family", ["actors", "sourcing", "readability", "sentiment"])
def test_time_grows_linearly_with_the_length_of_one_document(family):
    """8x the text may take at most 20x the time (linear: about 8x; the
    actor family of issue 21, quadratic, took 48x here)."""
    short = _cpu_seconds(family, 60_000)
    long = _cpu_seconds(family, 480_000)
    assert long / max(short, 1e-3) < 20, f"{family}: 60 KB {short:.3f} s, 480 KB {long:.3f} s"


def test_synthetic_article_has_quotes_every_third_sentence():
    bench = _benchmark()
    text = bench.synthetic_article(20_000)
    assert 20_000 <= len(text) < 20_400
    assert text == bench.synthetic_article(20_000)  # the same text every run
    paragraphs = text.split("\n\n")
    assert all(p.count("”") == 1 for p in paragraphs[:-1])  # three sentences, the third a quote
    assert ",” said " in paragraphs[0]


# ---------------------------------------------------------------------------
# the fast lookups against the scans they replace

_span = st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_span, max_size=12), st.integers(0, 80), st.integers(1, 20))
def test_spans_answer_as_the_plain_scans(spans, start, length):
    end = start + length
    index = _Spans(spans)
    assert index.overlaps(start, end) == any(s < end and e > start for s, e in spans)
    assert index.covers(start) == any(s <= start < e for s, e in spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(_span, max_size=12), st.integers(0, 80), st.integers(0, 20))
def test_first_containing_span_is_the_plain_loops_first(spans, start, length):
    end = start + length
    rows = sorted((s, e, k) for k, (s, e) in enumerate(sorted(spans)))  # sorted by (start, end), as the quotes
    index = Containers(rows)
    plain = next((k for s, e, k in rows if s <= start and end <= e), None)
    strict = next((k for s, e, k in rows if s < start and end <= e), None)
    assert index.first_containing(start, end) == plain
    assert (index.first_containing(start, end, start_before=True) is None) == (strict is None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.sampled_from("ABC")), max_size=15),
       st.sampled_from("ABCD"), st.integers(-1, 55))
def test_next_other_person_is_the_first_other_start_after(mentions, name, offset):
    everyone = PersonMentions(mentions)
    others = sorted(s for s, n in mentions if n != name)
    k = bisect_right(others, offset)
    want = others[k] if k < len(others) else None
    assert everyone.next_other(name, offset) == want
    assert _next_other_finder(name, [s for s, n in mentions if n != name])(offset) == want


def test_gender_from_every_person_equals_gender_from_the_others(seed_doc):
    from analysis.actors.discovery import doc_entities

    ents = [e for e in doc_entities(seed_doc) if e["label"] == "PER"]
    names = [e["full_name"] for e in ents]
    everyone = PersonMentions((e["start"], n) for e, n in zip(ents, names))
    assert len(set(names)) >= 5
    for name in set(names):
        spans = [(e["start"], e["end"]) for e, n in zip(ents, names) if n == name]
        others = [e["start"] for e, n in zip(ents, names) if n != name]
        assert infer_gender(name, seed_doc, spans, others=everyone) == infer_gender(name, seed_doc, spans,
                                                                                    others=others)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n.,'\"“”„‟«»〝〞＂‘’‚‛‹›`´é—")), max_size=60))
def test_normalise_quotes_is_the_translation_table(text):
    from analysis.core.quote_marks import _QUOTE_TABLE, normalise_quotes

    assert normalise_quotes(text) == text.translate(_QUOTE_TABLE)
