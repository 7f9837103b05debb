"""The hand-annotated speaker checks in benchmarks/annotations/: schema, allowed
values, and (when ../shared is present) that every row points at real text.

The labels were made by reading the articles; these tests only guard the file's
form and its anchoring in the corpora, so a scorer can trust both."""
from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

ANNOTATIONS = Path(__file__).resolve().parent.parent / "benchmarks" / "annotations"
SPEAKERS = ANNOTATIONS / "speakers_dev.csv"
SCOPE = ANNOTATIONS / "annotated_articles.csv"
CORPORA = {
    "huawei_uk_5g": "corpora/huawei_uk_5g_2019_2022/huawei_uk_5g.jsonl",
    "bbc_news": "corpora/bbc_news_2004_2005/bbc_news.jsonl",
}
COLUMNS = ["corpus", "article_id", "paragraph", "quote_start", "kind_of_quote", "speaker_text", "speaker",
           "speaker_kind", "speaker_gender", "gender_basis", "affiliation", "country", "notes"]
ALLOWED = {
    "corpus": set(CORPORA),
    "kind_of_quote": {"direct", "partial", "indirect"},
    "speaker_kind": {"person", "organisation", "government body", "country", "group", "anonymous"},
    "speaker_gender": {"female", "male", "unknown", "n/a"},
    "gender_basis": {"pronoun", "honorific", "first name", "title", "none"},
}
PERSON_LIKE = {"person", "anonymous"}  # may carry a gender; the other kinds are n/a


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return read(SPEAKERS)


def test_columns_are_the_documented_ones():
    with SPEAKERS.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == COLUMNS


def test_values_are_allowed(rows):
    assert len(rows) >= 300
    for i, row in enumerate(rows, start=2):
        for column, allowed in ALLOWED.items():
            assert row[column] in allowed, f"line {i}: {column}={row[column]!r}"
        assert int(row["paragraph"]) >= 1, f"line {i}"
        for column in ("article_id", "quote_start", "speaker_text", "speaker", "country"):
            assert row[column].strip() == row[column] and row[column], f"line {i}: {column} empty or padded"


def test_gender_fits_the_kind_of_speaker(rows):
    for i, row in enumerate(rows, start=2):
        gender, basis = row["speaker_gender"], row["gender_basis"]
        if row["speaker_kind"] not in PERSON_LIKE:
            assert gender == "n/a", f"line {i}: a {row['speaker_kind']} has no gender"
        elif row["speaker_kind"] == "person":
            assert gender != "n/a", f"line {i}: a person is female, male or unknown"
        assert (basis == "none") == (gender in {"unknown", "n/a"}), f"line {i}: basis {basis!r} for {gender!r}"


def test_one_speaker_is_labelled_the_same_way_throughout_an_article(rows):
    labels: dict[tuple, set] = {}
    for row in rows:
        key = (row["article_id"], row["speaker"])
        labels.setdefault(key, set()).add(
            (row["speaker_kind"], row["speaker_gender"], row["gender_basis"], row["country"])
        )
    assert {k: v for k, v in labels.items() if len(v) > 1} == {}


def test_both_corpora_and_many_articles_are_covered(rows):
    articles = Counter((r["corpus"], r["article_id"]) for r in rows)
    per_corpus = Counter(c for c, _ in articles)
    assert per_corpus["huawei_uk_5g"] >= 25 and per_corpus["bbc_news"] >= 10
    assert Counter(r["corpus"] for r in rows)["huawei_uk_5g"] >= 200


def _load_sampler():
    spec = importlib.util.spec_from_file_location("sample_articles", ANNOTATIONS / "sample_articles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scope_is_a_prefix_of_the_seeded_sample(shared_dir):
    sampler = _load_sampler()
    scope = read(SCOPE)
    orders = {
        ("huawei_uk_5g", "random"): sampler.huawei_order(shared_dir),
        ("bbc_news", "random"): sampler.bbc_order(shared_dir)[: sampler.RANDOM_RANKS],
        ("bbc_news", "women"): sampler.bbc_women_order(shared_dir),
    }
    assert {(s["corpus"], s["stratum"]) for s in scope} <= set(orders)
    for (corpus, stratum), order in orders.items():
        done = [s for s in scope if (s["corpus"], s["stratum"]) == (corpus, stratum)]
        assert [s["article_id"] for s in done] == order[: len(done)], f"{corpus} {stratum}: read out of order"
        assert [int(s["sample_rank"]) for s in done] == list(range(1, len(done) + 1))


def test_women_stratum_follows_its_written_rule(shared_dir):
    """The women stratum lies past rank 200 of the random list (so the two never overlap) and every
    article in it has a female cue near a speech verb; the rule's regex is checked on hand-made text."""
    sampler = _load_sampler()
    women = sampler.bbc_women_order(shared_dir)
    random_part = set(sampler.bbc_order(shared_dir)[: sampler.RANDOM_RANKS])
    assert women and not set(women) & random_part
    assert women[:3] == ["bbc-politics-165", "bbc-politics-104", "bbc-politics-151"]
    rule = sampler.FEMALE_NEAR_SPEECH
    assert rule.search("It was not her job, she told Newsnight.")
    assert rule.search("Ms Hewitt said the cost was high.")
    assert not rule.search("He said the cost was high.")
    assert not rule.search("Her budget rose.\nThe minister said nothing.")  # not across a paragraph break
    assert not rule.search("Shelley Street said it would close.")  # whole words only


def test_rows_lie_in_the_annotated_scope(rows):
    scope = {s["article_id"]: s for s in read(SCOPE)}
    counts = Counter(r["article_id"] for r in rows)
    for row in rows:
        s = scope[row["article_id"]]
        assert s["corpus"] == row["corpus"]
        assert int(s["first_paragraph"]) <= int(row["paragraph"]) <= int(s["last_paragraph"])
    assert {a: int(s["n_rows"]) for a, s in scope.items() if int(s["n_rows"])} == dict(counts)


@pytest.fixture(scope="module")
def documents(shared_dir):
    from analysis import load_corpus
    from analysis.core.text import segment_articles

    docs = {}
    for corpus, rel in CORPORA.items():
        for doc in segment_articles(load_corpus(shared_dir / rel)):
            docs[(corpus, doc.article_id)] = doc
    return docs


def test_every_row_points_at_its_words_in_the_corpus(rows, documents):
    for i, row in enumerate(rows, start=2):
        key = (row["corpus"], row["article_id"])
        assert key in documents, f"line {i}: {key} is not in the corpus"
        doc = documents[key]
        paragraph = int(row["paragraph"])
        assert paragraph <= doc.n_paragraphs, f"line {i}: paragraph {paragraph} > {doc.n_paragraphs}"
        assert row["quote_start"] in doc.text, f"line {i}: quote_start not in the article"
        assert row["quote_start"] in doc.paragraph_text(paragraph - 1), f"line {i}: quote_start not in paragraph"


def test_scope_paragraph_counts_match_the_segmentation(documents):
    for s in read(SCOPE):
        doc = documents[(s["corpus"], s["article_id"])]
        assert int(s["n_paragraphs"]) == doc.n_paragraphs
        assert int(s["last_paragraph"]) == min(20, doc.n_paragraphs)
