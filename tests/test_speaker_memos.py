"""The memos of speaker description (analysis.sourcing.speaker_actors.mention_keys,
cached across articles, and the columns describe_speakers writes back) answer
exactly as the plain versions they replaced, which are kept here as written before."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.names import name_parts, normalise_name
from analysis.names.affiliation import bare_name
from analysis.sourcing.speaker_actors import ArticleActors, mention_keys


def plain_keys(name, kind):
    """ArticleActors._keys as it was: computed afresh for every article."""
    key = normalise_name(name)
    if kind != "person" or " " not in str(name):
        return key, (), None
    parts = name_parts(bare_name(str(name))[0])
    words = key.split()
    surnames = (words[-1], normalise_name(parts["surname"])) if parts["surname_first"] else (words[-1],)
    return key, surnames, words[0]


NAMES = ["Liu Xiaoming", "Mike Pompeo", "Mike Pompeo's", "UK Liu Xiaoming", "Huawei", "The Home Office",
         "Sir Howard Newby", "Lord Falconer", "Hua Chunying", "Tony Blair", "Blair", "O’Brien", "Kim Jong Un"]
MENTION = st.fixed_dictionaries({
    "name": st.sampled_from(NAMES), "surface": st.sampled_from(NAMES + ["Mr Blair", "the company"]),
    "kind": st.sampled_from(["person", "organisation", "place"]), "actor_id": st.sampled_from(["a", "b", "c"]),
    "match": st.sampled_from(["name", "surname", "adjective"]), "start": st.integers(0, 500),
    "gender": st.sampled_from(["male", "female", "unknown"])}).map(lambda m: dict(m, end=m["start"] + 5))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.sampled_from(["person", "organisation"]))
def test_mention_keys_equal_the_plain_version(name, kind):
    assert mention_keys(name, kind) == plain_keys(name, kind)


@settings(max_examples=200, deadline=None)
@given(st.lists(MENTION, max_size=12))
def test_article_actors_index_as_with_the_plain_keys(mentions):
    actors = ArticleActors(mentions)
    by_surname, by_given = {}, {}
    for m in mentions:
        if m["match"] == "adjective":
            continue
        _key, surnames, given_key = plain_keys(m["name"], m["kind"])
        for s in surnames:
            by_surname.setdefault(s, []).append(m)
        if given_key is not None:
            by_given.setdefault(given_key, []).append(m)
    assert actors.by_surname == by_surname and actors.by_given == by_given


def test_mention_keys_read_by_hand():
    assert mention_keys("Liu Xiaoming", "person") == ("liu xiaoming", ("xiaoming", "liu"), "liu")
    assert mention_keys("Mike Pompeo's", "person") == ("mike pompeo", ("pompeo",), "mike")
    assert mention_keys("The Home Office", "organisation") == ("home office", (), None)


def test_written_back_columns_keep_their_values_and_types():
    body = "Mike Pompeo visited London. “We are ready,” Pompeo said. Officials said the talks went well."
    from analysis.sourcing import extract_quotes

    quotes = extract_quotes(body)
    assert list(quotes["speaker_name"]) == ["Mike Pompeo", "officials"]
    assert list(quotes["speaker_kind"]) == ["person", "anonymous"]
    assert quotes["speaker_affiliation_start"].dtype == "Int64" and quotes["speaker_gender"].dtype == object
