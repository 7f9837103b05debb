"""analysis.core.text: the one shared segmentation."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.core.punkt import _punkt, punkt_spans
from analysis.core.text import (
    normalise_quotes,
    paragraph_table,
    segment,
    sentence_table,
    token_table,
)
from analysis.core.tokens import _SPACE, _TOKEN_RE, _tokenise, _tokenise_strings_plain, tokenise_strings


def sentences_of(text: str) -> list[str]:
    d = segment(text)
    return [d.sentence_text(i) for i in range(d.n_sentences)]


# --------------------------------------------------------------------------- the seed, read by hand


def test_seed_units(seed_doc):
    # 26 body paragraphs; 36 sentences checked by reading every boundary
    # (see the list printed by `python -c` in the docstring of this module's history):
    assert seed_doc.n_paragraphs == 26
    assert seed_doc.n_sentences == 36
    assert seed_doc.n_words == 880


@pytest.mark.parametrize(
    "index, expected",
    [
        (1, "US President Joe Biden urged his Chinese counterpart Xi Jinping to release Canadians "
            "Michael Spavor and Michael Kovrig in a September 9 phone call."),
        # a quote whose closing mark comes before the attribution stays one sentence
        (8, "It shouldn’t come as a surprise that President Xi brought up the Huawei official, but again, "
            "there was no no negotiation on this call, ”Psaki said."),
        # the machine-translation slip "as it was. is something" is split where the period is
        (10, "It was President Biden who raised and pressed again for the release of these two Michael, as it was."),
        # a stray opening mark used as a closer stays with its sentence
        (11, "is something that happens in every engagement we make with the Chinese or have had, so far. “"),
        # a lone " ." after "times." is merged into the sentence, not a sentence of its own
        (12, "The Chinese Foreign Ministry confirmed on Monday that Xi had also played a direct role in the case, "
             "which came to an astonishing conclusion on Friday when Meng was allowed to return to China and "
             "the two Michael’s were sent back to Canada on simultaneous flights that left at almost identical "
             "times. ."),
        (17, "Irwin Cotler, a former Canadian justice minister, said he did not think the resolution of the case "
             "would embolden China’s much maligned practice of what is now known as “hostage diplomacy.”"),
        (23, "“Confidence is gone with China,” he said."),
        (36, "“But I would say if that were to happen, the fingerprints are on China.”"),
    ],
)
def test_seed_sentences(seed_doc, index, expected):
    assert seed_doc.sentence_text(index - 1) == expected


def test_seed_paragraph_of_sentence(seed_doc):
    table = sentence_table([seed_doc])
    # paragraph 8 holds the three sentences of the Psaki quote that runs over
    assert table.loc[table.paragraph == 8, "sentence"].tolist() == [9, 10, 11]
    assert table.loc[table.paragraph == 25, "sentence"].tolist() == [32, 33, 34, 35]


# --------------------------------------------------------------------------- rules


@pytest.mark.parametrize(
    "text, n",
    [
        ("Meng was arrested on Dec. 1, 2018 in Vancouver. She was released.", 2),
        ("The U.S. Department of Justice agreed. Canada welcomed it.", 2),
        ("Mr. Trudeau spoke. Mrs. Smith and Dr. Jones listened.", 2),
        ("The letter was signed by J. R. Smith on Monday. It arrived.", 2),
        ("He said: “We are done.” Then he left.", 2),
        ("“Is it over?” she asked. “Yes,” he said.", 2),
        ("Prices rose 3.5 per cent in Sept. after a fall.", 1),
        ("One. Two.", 2),
    ],
)
def test_sentence_rules(text, n):
    assert len(sentences_of(text)) == n, sentences_of(text)


def test_sentences_never_cross_paragraphs():
    d = segment("A first line without a stop\nA second line. And more")
    assert [d.sentence_text(i) for i in range(d.n_sentences)] == [
        "A first line without a stop",
        "A second line.",
        "And more",
    ]
    assert d.sentence_paragraph.tolist() == [0, 1, 1]


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Biden’s U.S. visit", ["Biden’s", "U.S.", "visit"]),
        ("Guy Saint-Jacques, 1,000 people", ["Guy", "Saint-Jacques", ",", "1,000", "people"]),
        ("an 11-year sentence at 9:30", ["an", "11-year", "sentence", "at", "9:30"]),
        ("the 1st and 2nd in the 1990s on 5G, up 76%", ["the", "1st", "and", "2nd", "in", "the", "1990s", "on", "5G", ",", "up", "76%"]),
        ("don't “quote”.", ["don't", "“", "quote", "”", "."]),
    ],
)
def test_tokens(text, tokens):
    d = segment(text)
    assert d.token_strings() == tokens


def test_is_word_flags():
    d = segment("Hello, world — 42!")
    assert dict(zip(d.token_strings(), d.token_is_word.tolist())) == {
        "Hello": True, ",": False, "world": True, "—": False, "42": True, "!": False,
    }


def test_normalise_quotes_keeps_offsets():
    s = "“Quote,” he said. ‘Inner’ and it’s «done» „here‟"
    n = normalise_quotes(s)
    assert len(n) == len(s)
    assert n == "\"Quote,\" he said. 'Inner' and it's \"done\" \"here\""


def test_memoised_segmentation_is_shared():
    text = "One sentence. Another one."
    assert segment(text, "a") is segment(text, "a")


def test_tables_join(seed_doc):
    p, s, t = paragraph_table([seed_doc]), sentence_table([seed_doc]), token_table([seed_doc])
    assert len(p) == 26 and len(s) == 36 and int(t.is_word.sum()) == 880
    assert s.paragraph.isin(p.paragraph).all()
    assert t.sentence.isin(s.sentence).all()
    assert p.n_words.sum() == s.n_words.sum() == 880
    for row in s.itertuples():
        assert seed_doc.text[row.start : row.end] == row.text


def test_empty_and_whitespace_text():
    d = segment("   \n\n  ")
    assert d.n_paragraphs == 0 and d.n_sentences == 0 and len(d.tokens) == 0


def test_type_error():
    with pytest.raises(TypeError):
        segment(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

_alphabet = st.sampled_from(list("abc XYZ.,;!?\n\n“”\"'’-—0123 \t") + ["Mr.", "U.S.", "Dec.", " J. ", "..."])
_texts = st.lists(_alphabet, max_size=200).map("".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_segments_cover_text_in_order(text):
    d = segment(text, "prop")
    for arr in (d.paragraphs, d.sentences, d.tokens):
        assert arr.ndim == 2 and arr.shape[1] == 2
        if len(arr):
            assert (arr[:, 0] < arr[:, 1]).all()
            assert (arr[1:, 0] >= arr[:-1, 1]).all()  # in order, no overlap
            assert arr[0, 0] >= 0 and arr[-1, 1] <= len(text)
    # every non-space character is in exactly one paragraph
    covered = np.zeros(len(text), dtype=bool)
    for s, e in d.paragraphs.tolist():
        covered[s:e] = True
        assert text[s:e] == text[s:e].strip() and "\n" not in text[s:e]
    assert all(covered[i] for i, c in enumerate(text) if not c.isspace())
    # sentences lie inside their paragraph, and tokens inside their sentence
    for i, (s, e) in enumerate(d.sentences.tolist()):
        ps, pe = d.paragraphs[d.sentence_paragraph[i]]
        assert ps <= s and e <= pe
    for k, (s, e) in enumerate(d.tokens.tolist()):
        assert not text[s:e].isspace()
        if d.n_sentences:
            ss, se = d.sentences[d.token_sentence[k]]
            assert ss <= s and e <= se
    # the tables give text[start:end] for every unit
    for table in (paragraph_table([d]), sentence_table([d]), token_table([d])):
        for row in table.itertuples():
            assert text[row.start : row.end] == row.text


# --------------------------------------------------------------------------- Punkt, re-implemented
# analysis.core.text decides sentence ends as NLTK's untrained Punkt does, without
# running it; these tests hold the re-implementation to NLTK itself.


def nltk_spans(para: str) -> list[tuple[int, int]]:
    return list(_punkt().span_tokenize(para))


@pytest.mark.parametrize(
    "para, spans",
    [
        # a run of ! is one end
        ("Very bad acting!!! I promise.", [(0, 18), (19, 29)]),
        # a closing quotation mark or bracket moves to the sentence it closes
        ('He said "Stop." Then he left.', [(0, 15), (16, 29)]),
        ("Is it? (Yes.) Good.", [(0, 6), (7, 13), (14, 19)]),
        ("“Is it over?” she asked.", [(0, 13), (14, 24)]),
        # a number ends a sentence unless punctuation or a lower-case word follows
        ("It was 1990. and then", [(0, 21)]),
        ("It rose in 1990. Then it fell.", [(0, 16), (17, 30)]),
        ("Section 3. (see above) ends.", [(0, 10), (11, 28)]),
        # a single letter (an initial) does not end one before a capital or a
        # lower-case word, but does before a digit
        ("Plan B. It failed.", [(0, 18)]),
        ("See p. 5. Done.", [(0, 6), (7, 9), (10, 15)]),
        # abbreviations, also the last part after a hyphen
        ("The U.S. Embassy opened. Mr. Smith spoke.", [(0, 24), (25, 41)]),
        ("Lt.-Gov. Jones and ex-Gov. Smith met.", [(0, 37)]),
        # an ellipsis does not end a sentence; spaced periods each do
        ("Wait... what? No.", [(0, 13), (14, 17)]),
        ("He paused . . . then went on.", [(0, 11), (12, 13), (14, 15), (16, 29)]),
        # any white space separates, but only ASCII white space starts Punkt's "word"
        ("End.\tNext one.", [(0, 4), (5, 14)]),
        ("End.\xa0Next one.", [(0, 4), (5, 14)]),
        ("", []),
    ],
)
def test_punkt_regressions(para, spans):
    assert nltk_spans(para) == spans
    assert punkt_spans(para) == spans


@pytest.mark.parametrize(
    "para",
    [
        "One.\x1cTwo. Three.",  # white space to re, not to NLTK's regex engine
        "Plan e\u0301. It failed. See x\u0301. Then",  # combining marks are \w to regex only
        "Part \u00bd. Then ² and 3². Fine.",  # numbers to re only
    ],
)
def test_punkt_characters_left_to_nltk(para):
    assert punkt_spans(para) == nltk_spans(para)


def test_punkt_safe_characters_agree_between_re_and_regex():
    """The re-implementation uses ``re``; NLTK uses ``regex``.  They must agree on
    ``\\s`` everywhere but U+001C..U+001F and on ``\\w``, ``\\d`` and ``[^\\W\\d]``
    for every character the re-implementation decides itself."""
    import sys

    from analysis.core.punkt import _PUNKT_SAFE_RANGES

    regex = pytest.importorskip("regex")
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = set(re.findall(r"\s", every)) ^ set(regex.findall(r"\s", every))
    assert spaces == set("\x1c\x1d\x1e\x1f")
    safe = "".join(re.findall("[" + _PUNKT_SAFE_RANGES + "]", every))
    for pattern in (r"\w", r"\d", r"[^\W\d]"):
        assert re.findall(pattern, safe) == regex.findall(pattern, safe), pattern


_punkt_pieces = st.sampled_from(
    [
        "word", "Word", "WORD", "said", "É", "été", "x", "J", "j", "_", "3", "3.5", "1990", "1,000", "-3", ".5",
        "-", "--", "—", ".", ".", ".", "..", "...", ". . .", "?", "!", "?!", ",", ";", ":", '"', "'", "“", "”",
        "‘", "’", "«", "»", "`", "(", ")", "[", "]", "{", "}", "&", "#", "*", "@", "%", "/",
        " ", " ", " ", " ", " ", "  ", "\t", "\xa0", "\r", "\x0c", "\u2009",
        "Mr.", "mr.", "U.S.", "Dec.", "Sept.", "Lt.-Gov.", "ex-Gov.", "No.", "Mass.", "e.g.", "v.", "vs.", "etc.",
        "\u0301", "²", "\x1c",
    ]
)
_punkt_paragraphs = st.lists(_punkt_pieces, min_size=1, max_size=40).map("".join) | st.text(
    alphabet="aB x.?!\"'“”‘’()[]-,;: \t1É_…«»", max_size=60
)


@settings(max_examples=500, deadline=None)
@given(_punkt_paragraphs)
def test_punkt_reimplementation_matches_nltk(para):
    assert punkt_spans(para) == nltk_spans(para)
    assert punkt_spans(para.strip()) == nltk_spans(para.strip())


# The token pattern as first written (before it was rearranged for speed).
_TOKEN_RE_AS_WRITTEN = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}(?![^\W\d_])
    | \d+(?:[.,:/]\d+)*(?:%|[^\W_]+)?(?:[-–]\w+)*
    | \w+(?:['’]\w+)*(?:[-–]\w+(?:['’]\w+)*)*
    | [^\w\s]
    """,
    re.VERBOSE,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["U.S.", "a.m.", "x.", "1,000", "3.5", "9:30", "11-year", "76%", "1990s", "Biden’s",
                         "Saint-Jacques", "don't", "_", "é", "½", "²", "x\u0301", "\x00", "\ud800", "—", ".", " ", "\n", "\t"])
        | st.characters(),
        max_size=60,
    ).map("".join)
)
def test_tokeniser_is_the_token_pattern(text):
    tokens, is_word = _tokenise(text)
    spans = [m.span() for m in _TOKEN_RE_AS_WRITTEN.finditer(text)]
    assert [m.span() for m in _TOKEN_RE.finditer(text)] == spans
    assert tokens.dtype == np.int64 and tokens.shape == (len(spans), 2)
    assert [tuple(t) for t in tokens.tolist()] == spans
    assert is_word.tolist() == [re.search(r"\w", text[s:e]) is not None for s, e in spans]
    assert tokenise_strings(text)[2] == [text[s:e] for s, e in spans]  # what Document.token_strings() holds


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZé1٣_.'’-–%,:/ x", max_size=40))
def test_possessive_token_pattern_on_its_delimiters(text):
    """The token pattern's possessive quantifiers never change a token: on
    strings made only of the characters its parts turn on (letters, digits,
    periods, apostrophes, dashes, separators), the same spans as the pattern
    as first written, which backtracks."""
    assert [m.span() for m in _TOKEN_RE.finditer(text)] == [m.span() for m in _TOKEN_RE_AS_WRITTEN.finditer(text)]


_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["said.", "5%", "x_", "abc-", "dogs'", "1.", "U.S.", "a.m.", "\u201cWe", "Biden\u2019s",
                         "9:30-ish", "x\u0301", "\u3001", "\x00", "\ud800", "_", "\u00bd", *_SPACES])
        | st.characters(),
        max_size=40,
    ).map("".join)
)
def test_fast_tokeniser_equals_one_split_of_the_body(text):
    """The tokeniser that cuts at white space first gives the offsets, word
    flags and strings (same types) of one ``re.split`` over the whole body."""
    fast, plain = tokenise_strings(text), _tokenise_strings_plain(text)
    assert fast[0].dtype == plain[0].dtype == np.int64 and fast[0].shape == plain[0].shape
    assert fast[0].tolist() == plain[0].tolist()
    assert fast[1].dtype == plain[1].dtype and fast[1].tolist() == plain[1].tolist()
    assert fast[2] == plain[2]


def test_white_space_table_is_str_isspace():
    # every code point above the table's last entry is no white space
    assert [c for c in range(0x110000) if chr(c).isspace() != bool(_SPACE[min(c, len(_SPACE) - 1)])] == []


def test_fast_tokeniser_by_hand():
    tokens, is_word, strings = tokenise_strings("  \u201cWe said.\u3000U.S. 5% x\u00a0\n")
    assert strings == ["\u201c", "We", "said", ".", "U.S.", "5%", "x"]
    assert tokens.tolist() == [[2, 3], [3, 5], [6, 10], [10, 11], [12, 16], [17, 19], [20, 21]]
    assert is_word.tolist() == [False, True, True, False, True, True, True]


def test_token_pattern_examples():
    # read by hand: initials need a second letter-period pair and no letter right after
    # the last period ("U.S.A" is five tokens)
    assert [m.group() for m in _TOKEN_RE.finditer("U.S.A was a.m. 1,000.5x 9:30-ish rock'n'roll x.y")] == [
        "U", ".", "S", ".", "A", "was", "a.m.", "1,000.5x", "9:30-ish", "rock'n'roll", "x", ".", "y"]


def test_abbreviation_in_brackets_before_the_verb_is_no_sentence_end():
    # Punkt ends a sentence at "(D-Va.)"; a lower-case word after it shows the sentence goes on
    from analysis.core.text import segment
    doc = segment("Sen. Tim Kaine (D-Va.) said the bill was bad. He left (in 2010.) Then he came back.")
    assert [doc.text[a:b] for a, b in doc.sentences] == [
        "Sen. Tim Kaine (D-Va.) said the bill was bad.", "He left (in 2010.)", "Then he came back."]


def _paragraph_rows(docs) -> pd.DataFrame:
    # the tables as first written, one tuple per row: what the column-wise builders must equal
    rows = []
    for d in docs:
        sent_counts = np.bincount(d.sentence_paragraph, minlength=d.n_paragraphs)
        tok_par = d.paragraphs_of(d.tokens[:, 0]) if len(d.tokens) else np.array([], int)
        word_counts = np.bincount(tok_par[d.token_is_word], minlength=d.n_paragraphs)
        for i, (s, e) in enumerate(d.paragraphs.tolist()):
            rows.append((d.article_id, i + 1, s, e, int(sent_counts[i]), int(word_counts[i]), d.text[s:e]))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "start", "end", "n_sentences", "n_words", "text"])


def _sentence_rows(docs) -> pd.DataFrame:
    rows = []
    for d in docs:
        words = np.bincount(d.token_sentence[d.token_is_word], minlength=d.n_sentences)
        for i, (s, e) in enumerate(d.sentences.tolist()):
            rows.append((d.article_id, int(d.sentence_paragraph[i]) + 1, i + 1, s, e, int(words[i]), d.text[s:e]))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "sentence", "start", "end", "n_words", "text"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="Ab. ?!\n\u201c\u201d1-", max_size=80), max_size=4))
def test_segment_tables_equal_the_tables_built_row_by_row(bodies):
    docs = [segment(b, f"a{k}") for k, b in enumerate(bodies)]
    pd.testing.assert_frame_equal(paragraph_table(docs), _paragraph_rows(docs), check_exact=True)
    pd.testing.assert_frame_equal(sentence_table(docs), _sentence_rows(docs), check_exact=True)


def test_segment_tables_by_hand():
    docs = [segment("One. Two here.\n\nThree", "x"), segment("", "empty")]
    par = paragraph_table(docs)
    assert par.values.tolist() == [["x", 1, 0, 14, 2, 3, "One. Two here."], ["x", 2, 16, 21, 1, 1, "Three"]]
    assert par.dtypes.tolist() == [object, np.int64, np.int64, np.int64, np.int64, np.int64, object]
    sen = sentence_table(docs)
    assert sen[["paragraph", "sentence", "start", "end", "n_words"]].values.tolist() == [
        [1, 1, 0, 4, 1], [1, 2, 5, 14, 2], [2, 3, 16, 21, 1]]
    assert paragraph_table([docs[1]]).dtypes.tolist() == [object] * 7  # no rows: object columns, as before
