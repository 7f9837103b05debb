"""Readability figures: the plotted data is what the library computed."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis.presentation.plots import readability as rp
from analysis.readability import GRADE_INDICES, pool, readability


def test_grade_levels_single_article(seed_articles):
    table = readability(seed_articles)
    fig, data = rp.grade_levels(table)
    assert list(data["index"]) == GRADE_INDICES
    assert np.allclose(data["value"], table[GRADE_INDICES].iloc[0].to_numpy(float))
    plt.close(fig)


def test_grade_levels_corpus_uses_median_and_quartiles():
    texts = ["The cat sat on the mat. It was warm.",
             "Negotiations continued throughout the afternoon. Officials remained optimistic.",
             "A dog ran. The boy ran after the dog. They both fell over in the mud."]
    table = readability(pd.DataFrame({"article_id": ["a", "b", "c"], "text": texts}))
    fig, data = rp.grade_levels(table)
    fk = data.set_index("index").loc["flesch_kincaid_grade"]
    assert fk["value"] == pytest.approx(table["flesch_kincaid_grade"].median())
    assert fk["q25"] <= fk["value"] <= fk["q75"] and fk["articles"] == 3
    plt.close(fig)


def test_paragraph_grades_marks_undefined_paragraphs(seed_articles):
    par = readability(seed_articles, level="paragraph")
    fig, data = rp.paragraph_grades(par, index="gunning_fog", article_value=10.0)
    assert len(data) == 26
    assert np.allclose(data["value"], par["gunning_fog"], equal_nan=True)
    plt.close(fig)
    with pytest.raises(ValueError, match="flesch_kincaid_grade"):
        rp.paragraph_grades(par, index="fog")


def test_voice_grades_from_pooled_table(seed_articles):
    text = seed_articles["text"].iloc[0]
    start = text.index("These two leaders")
    quotes = pd.DataFrame({"article_id": [seed_articles["article_id"].iloc[0]], "start": [start],
                           "end": [start + 100], "kind": ["direct"]})
    pooled = pool(readability(seed_articles, quotes=quotes), by="voice")
    fig, data = rp.voice_grades(pooled)
    assert set(data["voice"]) == {"narrative", "quoted"}
    assert data.groupby("voice")["words"].first().sum() == 880
    plt.close(fig)
