"""The fast paths of speaker description (analysis.sourcing.speaker_kind,
analysis.names.affiliation, analysis.sourcing.speaker_actors) answer exactly
as the plain versions they replaced, which are kept here as written before."""
from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.names import (
    adjective_forms,
    affiliation_near,
    clean_word,
    country_index,
    kind_words,
    normalise_name,
    phrase_affiliation,
    role_words,
    speaker_affiliation,
    speaker_kind_words,
)
from analysis.names.affiliation import (
    _PARTY_LETTERS,
    _TOKEN,
    _affiliation_in,
    _apposition,
    _party_abbreviations,
    _sentence_end,
    _tokens,
)
from analysis.names.words import speech_verbs
from analysis.sourcing.speaker_actors import ArticleActors
from analysis.sourcing.speaker_kind import holds_entry

# ---------------------------------------------------------------------------
# the plain versions


def plain_tokens(text, start, end):
    return [(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def _is_cap(word):
    return word[:1].isupper()


def plain_affiliation_in(text, toks, skip):  # noqa: C901 - the five readings in one, as it was
    role = role_words()
    adjectives = adjective_forms()
    for i, (w, s, e) in enumerate(toks):
        if i not in skip and _PARTY_LETTERS.match(w) and w.split("-")[0] in _party_abbreviations():
            return s, e
    for i, (w, s, e) in enumerate(toks):
        plural = w.replace("’", "'").endswith("s'")
        if i not in skip and _is_cap(w) and (w.replace("’", "'").lower().endswith("'s") or plural) and len(w) > 3:
            j = i
            while j - 1 >= 0 and j - 1 not in skip and _is_cap(toks[j - 1][0]) and toks[j - 1][0].lower() not in role:
                j -= 1
            return toks[j][1], e - (1 if plural else 2)
    constituency = speaker_kind_words()["constituency_role"]
    for i, (w, s, e) in enumerate(toks):
        if i in skip or w.lower() not in kind_words("affiliation_preposition") or i == 0:
            continue
        before = toks[i - 1][0].lower().rstrip(".")
        if before not in role or (w.lower() == "for" and before in constituency):
            continue
        k = i + 1
        while k < len(toks) and toks[k][0].lower() in kind_words("affiliation_determiner"):
            k += 1
        first = k
        while k < len(toks) and k not in skip and toks[k][0] not in ",;:()“”\"" \
                and toks[k][0].lower() not in kind_words("affiliation_stop"):
            k += 1
        span = toks[first:k]
        if span and any(_is_cap(t[0]) or t[0].lower() in adjectives for t in span):
            return span[0][1], span[-1][2]
    for i, (w, s, e) in enumerate(toks):
        if i in skip or w.lower().rstrip(".") not in role or (_is_cap(w) and not w.isupper()):
            continue
        j = i
        while j - 1 >= 0 and j - 1 not in skip and _is_cap(toks[j - 1][0]) \
                and toks[j - 1][0].lower().rstrip(".") not in role:
            j -= 1
        while j < i and toks[j][0].lower() in kind_words("affiliation_determiner"):
            j += 1  # "The spokesperson": no body in "The"
        if j < i:
            return toks[j][1], toks[i - 1][2]
    for i, (w, s, e) in enumerate(toks):
        if i not in skip and _is_cap(w) and (w.lower() in adjectives or normalise_name(clean_word(w)) in country_index()):
            return s, e
    return None


def plain_apposition(text, end, hi):
    m = re.match(r"\s*,\s*", text[end:end + 4])
    if not m:
        return []
    s = end + m.end()
    stop = len(text)
    for ch in ",;\n(":
        p = text.find(ch, s, hi)
        if p != -1:
            stop = min(stop, p)
    toks = plain_tokens(text, s, min(stop, hi))
    if not toks or len(toks) > 20:
        return []
    first = toks[0][0].lower()
    if first in {"who", "which", "said", "says", "told", "and", "but"} or first in speech_verbs():
        return []
    for i in range(1, len(toks)):  # "a former adviser to X": whom the role serves
        if toks[i][0].lower() == "to" and toks[i - 1][0].lower().rstrip(".") in role_words():
            return toks[:i]
    return toks


def plain_holds_entry(low, section):
    return any(f" {w} " in low for w in speaker_kind_words()[section])


# ---------------------------------------------------------------------------
# strategies: words of speaker phrases and the descriptions around names

_WORDS = ["Huawei's", "Huawei’s", "The", "Global", "Times'", "spokesman", "spokeswoman", "for", "of", "at", "the",
          "a", "Chinese", "embassy", "in", "London", "R-Neb.", "D-Calif.", "X-Foo", "Conservative", "MP", "MPs",
          "Foreign", "Ministry", "chief", "executive", "Sen.", "Ben", "Sasse", "UK", "U.K.", "Britain", "British",
          "said", "who", "Tonbridge", "officials", "White", "House", "Secretary", "Culture", "senior", "Ann's",
          ",", ";", "(", ")", "“", "”", "\"", "2020", "told", "and", "Labour", "leader", "former", "Co", "to"]
_text = st.lists(st.sampled_from(_WORDS), max_size=28).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_text, st.data())
def test_affiliation_in_is_the_plain_reading(text, data):
    toks = plain_tokens(text, 0, len(text))
    skip = data.draw(st.sets(st.integers(0, max(len(toks) - 1, 0)), max_size=4))
    assert _affiliation_in(text, toks, skip) == plain_affiliation_in(text, toks, skip)


def test_affiliation_in_examples():
    def read(text, skip=()):
        hit = _affiliation_in(text, _tokens(text, 0, len(text)), set(skip))
        return text[hit[0]:hit[1]] if hit else None

    assert read("Huawei's chief executive Ren Zhengfei") == "Huawei"
    assert read("The Global Times' editor") == "The Global Times"
    assert read("a spokesman for the Chinese embassy in London") == "Chinese embassy"
    assert read("the MP for Tonbridge") is None  # a constituency
    assert read("Foreign Ministry spokeswoman Hua Chunying") == "Foreign Ministry"
    assert read("Sen. Ben Sasse, R-Neb.") == "R-Neb."
    assert read("Chinese officials") == "Chinese"


_chars = st.text(alphabet="ab Z9.,’'-“;(\n", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_chars, st.integers(0, 45), st.integers(0, 45))
def test_tokens_of_a_range_are_those_of_the_slice(text, a, b):
    start, end = min(a, b), max(a, b)
    assert _tokens(text, start, end) == plain_tokens(text, start, end)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, ",", ", a", "\n", "; the"]), max_size=40).map(" ".join),
       st.integers(0, 200), st.integers(0, 260))
def test_apposition_is_the_plain_one(text, end, hi):
    assert _apposition(text, end, hi) == plain_apposition(text, end, hi)


def test_apposition_stops_at_twenty_words():
    words = " ".join(["word"] * 20)
    assert len(_apposition("Ann Lee, " + words + ".", 7, 200)) == 20
    assert _apposition("Ann Lee, " + words + " more.", 7, 200) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 30), min_size=1, max_size=12), st.integers(0, 400))
def test_sentence_end_is_the_plain_search(lengths, offset):
    bounds = np.cumsum([0, *lengths])
    doc = SimpleNamespace(text="x" * int(bounds[-1] + 5),
                          sentences=np.array([(int(a), int(b)) for a, b in zip(bounds[:-1], bounds[1:])]))
    ends = doc.sentences[:, 1]
    k = int(np.searchsorted(ends, offset, side="left"))
    assert _sentence_end(doc, offset) == (int(ends[k]) if k < len(ends) else len(doc.text))


_low_words = st.lists(st.sampled_from(["government", "white", "house", "company", "the", "office", "home",
                                       "downing", "street", "ministry", "huawei", "members", "of", "public", "x"]),
                      max_size=6)


@settings(max_examples=400, deadline=None)
@given(_low_words, st.sampled_from(["government", "organisation", "group", "anonymous"]))
def test_holds_entry_is_the_plain_scan(words, section):
    low = f" {' '.join(words)} "
    assert holds_entry(low, section) == plain_holds_entry(low, section)


def test_holds_entry_examples():
    assert holds_entry(" foreign ministry ", "government")
    assert holds_entry(" the white house ", "government")  # a several-word entry
    assert not holds_entry(" whitehouse ", "government")
    assert holds_entry(" members of the public ", "group") and not holds_entry(" members of ", "organisation")


_NAMES = ["Ann Lee", "Liu Xiaoming", "UK Liu Xiaoming", "Lee", "Huawei", "Sir Howard Newby", "Xi Jinping"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.sampled_from(_NAMES),
                          st.sampled_from(["person", "organisation"]), st.sampled_from(["discovered", "adjective"])),
                max_size=20))
def test_article_index_is_the_plain_one(rows):
    from analysis.names import name_parts
    from analysis.names.affiliation import bare_name

    mentions = [{"article_id": "a", "name": n, "surface": n.split()[-1], "actor_id": "cand:" + n, "start": s,
                 "end": s + len(n), "kind": k, "gender": "unknown", "match": m} for s, n, k, m in rows]
    actors = ArticleActors(mentions)
    by_surname, by_given = {}, {}
    for m in mentions:  # as the constructor read them before it kept each name's keys
        if m["match"] == "adjective" or m["kind"] != "person" or " " not in m["name"]:
            continue
        key = normalise_name(m["name"])
        by_surname.setdefault(key.split()[-1], []).append(m)
        parts = name_parts(bare_name(m["name"])[0])
        if parts["surname_first"]:
            by_surname.setdefault(normalise_name(parts["surname"]), []).append(m)
        by_given.setdefault(key.split()[0], []).append(m)
    assert actors.by_surname == by_surname and actors.by_given == by_given


def test_speaker_affiliation_is_the_phrase_then_the_first_mentions(seed_doc):
    from analysis.actors import find_mentions
    from analysis.sourcing import extract_quotes

    mentions = find_mentions([seed_doc], discover=True)
    quotes = extract_quotes([seed_doc], mentions=mentions)
    actors = ArticleActors(mentions)
    checked = 0
    for r in quotes.to_dict("records"):
        aid = r.get("speaker_actor_id")
        spans = actors.first_spans(aid) if isinstance(aid, str) else []
        whole = speaker_affiliation(seed_doc, r, spans)
        assert whole == (phrase_affiliation(seed_doc, r) or actors.affiliation_near(seed_doc, aid if spans else None))
        assert actors.affiliation_near(seed_doc, aid if spans else None) == (affiliation_near(seed_doc, spans)
                                                                              if spans else None)
        checked += whole is not None
    assert checked >= 1
