"""Actor mentions on the seed, checked against a reading of the article.

Reading the seed body (26 paragraphs; the header line's repeated lede is not
part of the body) gives, by name (full name, title form or surname):
Kovrig 8, Spavor 8, Xi 5, Biden 4, Meng 4, Hua 4, Cotler 4, Psaki 2,
Garneau 2, Saint-Jacques 1.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.conftest import ROOT

from analysis.actors import (
    MENTION_COLUMNS, actor_frequency, actor_table, cooccurrence, expand_groups, find_mentions, prominence,
)

BY_NAME = {"kovrig": 8, "spavor": 8, "xi_jinping": 5, "biden": 4, "meng_wanzhou": 4, "hua_chunying": 4,
           "cotler": 4, "psaki": 2, "garneau": 2, "saint_jacques": 1}


@pytest.fixture(scope="module")
def mentions(seed_articles):
    return find_mentions(seed_articles, discover=False)


def test_columns_and_keys(mentions, seed_text):
    assert list(mentions.columns) == MENTION_COLUMNS
    assert (mentions["article_id"] == "000_48a317448381530b").all()
    for r in mentions.itertuples():
        assert seed_text[r.start:r.end] == r.surface
        assert r.relative_position == pytest.approx(r.start / len(seed_text))
    assert mentions["in_quote"].isna().all()
    assert mentions["paragraph"].between(1, 26).all()
    assert set(mentions["match"]) <= {"name", "surname", "title", "group", "description", "adjective", "discovered"}


@pytest.mark.parametrize("actor, count", sorted(BY_NAME.items()))
def test_counts_by_name(mentions, actor, count):
    by_name = mentions[mentions["match"].isin(["name", "surname", "title"])]
    assert (by_name["actor_id"] == actor).sum() == count


def test_each_span_counted_once(mentions):
    xi = mentions[mentions["actor_id"] == "xi_jinping"]
    assert list(xi["surface"]) == ["Xi Jinping", "Xi", "President Xi", "Xi", "President Xi Jinping"]
    assert list(xi["match"]) == ["name", "surname", "title", "surname", "title"]
    spans = sorted(zip(mentions["start"], mentions["end"]))
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def test_titles_possessives_hyphens(mentions):
    surf = dict(zip(mentions["surface"], mentions["actor_id"]))
    assert surf["Press Secretary Jen Psaki"] == "psaki"
    assert surf["spokeswoman Hua Chunying"] == "hua_chunying"
    assert surf["President Joe Biden"] == "biden"
    assert surf["Guy Saint-Jacques"] == "saint_jacques"
    # "Biden’s involvement" (curly apostrophe) and "Kovrig’s release" in paragraph 3
    p3 = mentions[mentions["paragraph"] == 3]
    assert {"Biden", "Kovrig", "Spavor"} <= set(p3["surface"])
    # the ministry in front of Hua's title is a mention of the ministry
    p17 = mentions[mentions["paragraph"] == 17]
    assert list(p17["actor_id"][:2]) == ["china_mfa", "hua_chunying"]


def test_group_and_description_mentions(mentions):
    g = mentions[mentions["match"] == "group"]
    assert list(g["surface"]) == ["the two Michaels", "the two Canadian men", "the two Michael", "these two Michael",
                                  "the two Michael", "two Canadian citizens", "our two citizens", "The pair",
                                  "these two men"]
    assert set(g["actor_id"]) == {"two_michaels"}
    assert list(g["paragraph"]) == [4, 6, 7, 8, 9, 11, 11, 21, 23]
    d = mentions[mentions["match"] == "description"]
    assert list(d["surface"]) == ["the Huawei executive", "the Huawei official"]
    assert set(d["actor_id"]) == {"meng_wanzhou"}
    # Huawei itself: named once, in paragraph 17 ("represented by Huawei")
    assert list(mentions.loc[(mentions["actor_id"] == "huawei"), "paragraph"]) == [17]


def test_countries_nominal_and_adjectival_apart(mentions):
    def forms(aid, match):
        return list(mentions.loc[(mentions["actor_id"] == aid) & (mentions["match"] == match), "surface"])

    assert forms("china", "adjective") == ["Chinese"] * 5
    assert len(forms("china", "name")) == 8  # includes "China’s"
    assert forms("canada", "adjective") == ["Canadians", "Canadian", "Canadian", "Canadian"]
    assert len(forms("canada", "name")) == 7  # "Global Affairs Canada" is the department, not the country
    assert forms("united_states", "adjective") == ["US"]  # "US President Joe Biden"
    assert forms("united_states", "name") == ["United States", "United States"]
    # "US Department of Justice" is the department (twice), not the country
    assert (mentions["actor_id"] == "us_doj").sum() == 2


SEED_CODEBOOK = str(ROOT / "analysis" / "data" / "codebook.csv")  # constructed texts are not seed articles


def test_never_inside_another_word():
    text = "Xi'an hosted Huawei. Meng Wanzhou left. Mengzi and Xiang met. Hua Chunying said Huawei would help. Hua agreed."
    m = find_mentions(text, codebook=SEED_CODEBOOK, discover=False)
    assert list(m["surface"]) == ["Huawei", "Meng Wanzhou", "Hua Chunying", "Huawei", "Hua"]


def test_surname_only_after_full_mention():
    text = "Kovrig was tired.\n\nMichael Kovrig spoke.\n\nKovrig smiled."
    m = find_mentions(text, codebook=SEED_CODEBOOK, discover=False)
    assert list(m["surface"]) == ["Michael Kovrig", "Kovrig"]
    m = find_mentions(text, codebook=SEED_CODEBOOK, discover=False, surnames="always")
    assert list(m["surface"]) == ["Kovrig", "Michael Kovrig", "Kovrig"]
    with pytest.raises(ValueError, match=r"surnames must be one of \['after_full', 'always'\]"):
        find_mentions(text, surnames="sometimes")


def test_in_quote_from_quote_spans(seed_articles, seed_text):
    start = seed_text.index("“President Xi Jinping gave personal advice,”")
    quotes = pd.DataFrame({"article_id": ["000_48a317448381530b"], "quote_id": [1], "kind": ["direct"],
                           "start": [start], "end": [start + len("“President Xi Jinping gave personal advice,”")]})
    m = find_mentions(seed_articles, discover=False, quotes=quotes)
    inside = m[m["in_quote"].fillna(False).astype(bool)]
    assert list(inside["surface"]) == ["President Xi Jinping"]
    assert m["in_quote"].notna().all()
    # indirect quotes are not the source's own words: not counted unless asked
    m2 = find_mentions(seed_articles, discover=False, quotes=quotes.assign(kind="indirect"))
    assert not m2["in_quote"].any()


def test_frequency_per_1000_words(mentions, seed_articles):
    f = actor_frequency(mentions, seed_articles).set_index("actor_id")
    assert f.loc["kovrig", "mentions"] == 8
    assert f.loc["kovrig", "n_words"] == 880
    assert f.loc["kovrig", "per_1000_words"] == pytest.approx(8 * 1000 / 880)
    # adjectives are counted apart: China's row counts the name only
    assert f.loc["china", "mentions"] == 8
    sides = actor_frequency(mentions, seed_articles, by="side").set_index("side")["mentions"]
    # Canada: Kovrig 8 + Spavor 8 + Garneau 2 + Cotler 4 + Saint-Jacques 1 + group 9 + RCMP 1 + GAC 1 + Canada 7
    assert sides["Canada"] == 41
    assert sides.sum() == (~mentions["match"].eq("adjective")).sum()
    with pytest.raises(ValueError, match=r"by must be one of \['actor', 'side', 'kind'\]"):
        actor_frequency(mentions, by="colour")


def test_expand_groups_credits_members(mentions, seed_articles):
    e = expand_groups(mentions)
    assert (e["actor_id"] == "kovrig").sum() == 8 + 9
    assert "two_michaels" not in set(e["actor_id"])
    assert set(e.loc[(e["actor_id"] == "spavor") & (e["match"] == "group"), "surface"]) >= {"The pair"}


def test_prominence(mentions, seed_articles):
    p = prominence(mentions, seed_articles).set_index("actor_id")
    assert p.loc["kovrig", "first_paragraph"] == 1 and bool(p.loc["kovrig", "in_lede"])
    assert p.loc["kovrig", "paragraphs"] == 8
    assert p.loc["kovrig", "paragraph_share"] == pytest.approx(8 / 26)
    assert p.loc["cotler", "first_paragraph"] == 13 and not p.loc["cotler", "in_lede"]
    assert p.loc["hua_chunying", "first_paragraph"] == 17


def test_cooccurrence(mentions):
    c = cooccurrence(mentions)
    ks = c[(c["actor_a"] == "kovrig") & (c["actor_b"] == "spavor")]
    assert ks["units"].item() == 8  # paragraphs 1, 3, 10, 18, 20, 21, 22, 24
    bx = c[(c["actor_a"] == "biden") & (c["actor_b"] == "xi_jinping")]
    assert bx["units"].item() == 2  # paragraphs 1 and 6
    assert (c["actor_a"] < c["actor_b"]).all()


def test_discovered_candidates_on_the_seed(seed_articles):
    m = find_mentions(seed_articles)
    d = m[m["match"] == "discovered"]
    assert {"Montreal"} <= set(d["surface"])
    assert d["side"].isna().all()
    # codebook mentions are unchanged by discovery
    assert (m["match"] != "discovered").sum() == len(find_mentions(seed_articles, discover=False))
    t = actor_table(m)
    assert t.set_index("actor_id").loc["kovrig", "mentions"] == 8


def test_cli_prints_mentions_as_json_lines(capsys):
    from analysis.cli import main
    from tests.conftest import SEED_FILE

    assert main(["actors", str(SEED_FILE), "--no-discover"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 91
    assert rows[0]["surface"] == "US" and rows[0]["match"] == "adjective"
    assert rows[0]["in_quote"] is False  # "US President Joe Biden urged ...": the lede, narration (linked like measure)


def test_in_quote_with_the_sourcing_quotes(seed_articles):
    sourcing = pytest.importorskip("analysis.sourcing")
    quotes = sourcing.extract_quotes(seed_articles)
    m = find_mentions(seed_articles, discover=False, quotes=quotes)
    row = m.set_index("surface")
    # '“President Xi Jinping gave personal advice,” Hua said.' (paragraph 19)
    assert bool(row.loc["President Xi Jinping", "in_quote"])
    # '... no negotiation on this call, ”Psaki said.': the speaker is outside the quote
    psaki = m[(m["actor_id"] == "psaki") & (m["paragraph"] == 7)]
    assert not psaki["in_quote"].any()
