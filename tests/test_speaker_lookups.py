"""The indexed lookups that keep speaker description linear in a document's
length (analysis.sourcing.speakers) answer exactly as the plain scans over every
mention, quote and sentence that they replace."""
from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.actors.codebook import normalise_name, strip_title
from analysis.names.gender import infer_gender
from analysis.names import last_at_or_before
from analysis.sourcing.speaker_actors import ArticleActors, FirstOverlap

# ---------------------------------------------------------------------------
# the plain versions (as the module had them before it indexed the article)


def plain_first_overlap(spans, start, end):
    for s, e, item in spans:
        if s < end and e > start:
            return item
    return None


def plain_person_before(actors, offset, gender, window=1500):
    # the nearest person of that gender in the window, else the nearest of unknown gender
    near = []
    for s, _e, m in reversed(actors.spans):
        if s >= offset:
            continue
        if s < offset - window:
            break
        if m["kind"] == "person":
            near.append(m)
    same = [m for m in near if m.get("gender") == gender]
    unknown = [m for m in near if m.get("gender") == "unknown"]
    return (same or unknown or [None])[0]


def plain_find(actors, name, start, end):
    if isinstance(name, str) and name:
        key = normalise_name(name)
        words = key.split()
        for k in (key, normalise_name(strip_title(name)), *(" ".join(words[i:]) for i in range(1, len(words) - 1))):
            if k in actors.by_name:
                hit = actors.by_name[k]
                if hit["kind"] == "person" and " " not in hit["name"]:  # "Lee" alone: "Ann Lee" if she is the one Lee
                    people = {m["actor_id"]: m for m in actors.by_surname.get(normalise_name(hit["name"]), [])}
                    if len(people) == 1:
                        return next(iter(people.values()))
                return hit
        people = {m["actor_id"]: m for m in actors.by_surname.get(key.split()[-1], [])} if key else {}
        if len(people) == 1 and len(key.split()) == 1:
            return next(iter(people.values()))
    if start is not None and not pd.isna(start):
        for s, e, m in actors.spans:
            if s < int(end) and e > int(start):
                return m
    return None


# ---------------------------------------------------------------------------
# strategies

_NAMES = ["Ann Lee", "Bo Lee", "Cy Ng", "Dee Ng", "Lee", "Huawei", "Ng"]
_mention = st.tuples(st.integers(0, 300), st.integers(1, 25), st.sampled_from(_NAMES),
                     st.sampled_from(["person", "organisation", "location"]),
                     st.sampled_from(["male", "female", "unknown", None]),
                     st.sampled_from(["discovered", "codebook", "adjective"]))


def _mentions_table(rows, in_text_order: bool) -> pd.DataFrame:
    if in_text_order:
        rows = sorted(rows, key=lambda r: r[0])
    return pd.DataFrame([{"article_id": "a", "name": name, "surface": name.split()[-1],
                          "actor_id": "cand:" + name.lower().replace(" ", "-"), "start": s, "end": s + n,
                          "kind": kind, "gender": g, "match": match} for s, n, name, kind, g, match in rows],
                        columns=["article_id", "name", "surface", "actor_id", "start", "end", "kind", "gender",
                                 "match"])


# ---------------------------------------------------------------------------
# the properties


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 30)), max_size=15), st.integers(-5, 140),
       st.integers(0, 30))
def test_first_overlap_is_the_plain_scans_first(pairs, start, length):
    spans = [(s, s + n, k) for k, (s, n) in enumerate(pairs)]  # in any order, empty spans included
    assert FirstOverlap(spans).first(start, start + length) == plain_first_overlap(spans, start, start + length)


def test_first_overlap_edges():
    spans = [(20, 30, "late"), (0, 10, "long"), (8, 9, "short"), (12, 12, "empty")]
    index = FirstOverlap(spans)
    assert index.first(9, 12) == "long"  # the longest span's last character
    assert index.first(8, 9) == "long"  # both overlap: the first listed wins
    assert index.first(10, 12) is None  # ends are exclusive; an empty span overlaps nothing
    assert index.first(29, 40) == "late" and index.first(30, 40) is None
    assert FirstOverlap([]).first(0, 5) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 500), max_size=20), st.integers(-5, 520))
def test_last_at_or_before_is_the_plain_max(values, offset):
    values = sorted(values)
    assert last_at_or_before(values, offset) == max([x for x in values if x <= offset] or [0])


@settings(max_examples=200, deadline=None)
@given(st.lists(_mention, max_size=25), st.booleans(), st.integers(0, 340), st.sampled_from(["male", "female"]),
       st.sampled_from([40, 1500]))
def test_person_before_is_the_plain_backward_scan(rows, in_text_order, offset, gender, window):
    actors = ArticleActors(_mentions_table(rows, in_text_order))
    assert actors.person_before(offset, gender, window) is plain_person_before(actors, offset, gender, window)


@settings(max_examples=200, deadline=None)
@given(st.lists(_mention, max_size=25), st.booleans(), st.sampled_from([*_NAMES, "Mr. Lee", "Zed", "", None]),
       st.one_of(st.none(), st.integers(0, 320)), st.integers(1, 20))
def test_find_is_the_plain_lookup(rows, in_text_order, name, start, length):
    actors = ArticleActors(_mentions_table(rows, in_text_order))
    end = None if start is None else start + length
    for _ in range(2):  # the second time from the memo
        assert actors.find(name, start, end) is plain_find(actors, name, start, end)


def test_lookups_on_the_seed_equal_the_plain_ones(seed_doc):
    from analysis.actors import find_mentions
    from analysis.sourcing import extract_quotes

    mentions = find_mentions([seed_doc], discover=True)
    quotes = extract_quotes([seed_doc], mentions=mentions)
    actors = ArticleActors(mentions)
    actors.quoted = [(int(s), int(e)) for s, e, k in zip(quotes["start"], quotes["end"], quotes["kind"])
                     if k in ("direct", "partial")]
    assert len(actors.quoted) >= 10 and len(actors.person_starts) >= 5
    for s, e, m in actors.spans:
        assert actors.find(m["name"], s, e) is plain_find(actors, m["name"], s, e)
        assert actors.find(None, s, e) is plain_find(actors, None, s, e)
        for gender in ("male", "female"):
            assert actors.person_before(e, gender) is plain_person_before(actors, e, gender)
    for aid, starts in actors.person_starts.items():
        m = next(m for _s, _e, m in actors.spans if m["actor_id"] == aid)
        others = [s for a, spans in actors.person_starts.items() if a != aid for s in spans]
        plain = infer_gender(m["name"], seed_doc, actors.starts[aid], others=others, skip=actors.quoted)
        assert actors.gender_without_quotes(seed_doc, m) == plain
        assert actors.first_spans(aid) == sorted(actors.starts[aid])[:3]
